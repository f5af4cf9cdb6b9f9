import { useMemo, useState } from 'react';
import { usesPredictions } from '../../../../shared/domain/criteria';
import type { SegmentDoc } from '../../../../shared/domain/schemas';
import { formatDay } from '../../../../shared/time/calendar';
import { navigate } from '../../app/router';
import { useCurrentBranch, useDesk, useOutlookState } from '../../data/hooks';
import { now } from '../../data/session';
import { DocumentRejected } from '../../data/write-errors';
import { formatPrice } from '../../lib/format';
import { predictionCriteriaNote } from '../../lib/outlook-format';
import { platform } from '../../platform/bridge';
import { useDeskPermission, useMemberGate } from '../../sync/permissions';
import { activeRole, useSyncStore } from '../../sync/sync-store';
import { Field } from '../../ui/Field';
import { GatedButton } from '../../ui/GatedButton';
import { Modal } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { currentCriteria, useCustomersView } from '../customers';
import { exportFileName } from '../customers';
import { describeCriteria } from '../segments';
import { useInsightSnapshot } from '../segments';
import { useSegments } from '../segments';
import { useBranchSettings } from '../settings';
import { AudiencePreview } from './AudiencePreview';
import { audienceCsv, campaignAudience, previewMessage, sampleCustomer, type AudienceResult } from './campaign-audience';
import { campaignDraft } from './campaign-draft-store';
import { CAMPAIGN_CHANNELS, CHANNEL_LABELS, campaignDocOf, draftProblems, holdoutOf, nextVariantKey, type CampaignChannel, type CampaignDraft } from './campaign-model';
import { queueCampaign, saveCampaign } from './campaign-outbox';
import { useOutboundMessages } from './use-campaign-data';
import { VariantEditor } from './VariantEditor';

const LIST_SOURCE = '__list__';

/**
 * Writing a campaign: audience (a saved segment or the Customers list's filters), channel,
 * message variants with a live preview, offer, holdout; the audience previewed under the rules;
 * export the audience as CSV, save a draft, or queue the messages in the outbox.
 */
export function CampaignEditor({ draft }: { draft: CampaignDraft }) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const snapshot = useInsightSnapshot();
  const segments = useSegments();
  const settings = useBranchSettings();
  const messages = useOutboundMessages();
  const listView = useCustomersView();
  const outlookState = useOutlookState();
  const [showErrors, setShowErrors] = useState(false);
  // The audience and split the person confirms are the ones queued: frozen when the confirm
  // step opens, so a sync or a new message arriving meanwhile cannot change who gets what.
  const [confirming, setConfirming] = useState<AudienceResult | null>(null);
  const paired = useSyncStore(activeRole) !== null;
  const [busy, setBusy] = useState(false);
  const sendPermission = useDeskPermission('send_campaign');
  const sendGate = useMemberGate('send_campaign');
  const exportPermission = useDeskPermission('export_customer_list');
  const capDays = settings?.settings.marketing_cap_days ?? 7;
  const holdout = holdoutOf(draft.holdoutPct) ?? 0;
  const branchName = branch?.name ?? '';

  const result = useMemo(
    () =>
      campaignAudience({
        campaign: { id: draft.id, channel: draft.channel, variants: draft.variants, holdout_pct: holdout },
        criteria: draft.criteria,
        views: snapshot.views,
        today: snapshot.today,
        communications: messages ?? [],
        capDays,
        nowMs: now(),
      }),
    [draft.id, draft.channel, draft.variants, draft.criteria, holdout, snapshot, messages, capDays],
  );
  const sample = sampleCustomer(result.audience.recipients);
  const problems = draftProblems(draft);
  const problemOf = (field: string): string | undefined => problems.find((p) => p.field === field)?.message;
  const templateBlocked = problems.some((p) => p.field.startsWith('variants.'));
  const update = (change: Partial<CampaignDraft>): void => campaignDraft.update(change);

  const pickSource = (value: string): void => {
    if (value === LIST_SOURCE) update({ segmentId: '', criteria: currentCriteria(listView), sourceLabel: 'Customers list filters' });
    else {
      const s = (segments ?? []).find((x) => x.id === value);
      if (s !== undefined) update({ segmentId: s.id, criteria: s.criteria, sourceLabel: `Segment “${s.name}”`, ...(draft.name === '' ? { name: s.name } : {}) });
    }
  };

  const saveDraft = async (): Promise<void> => {
    if (problems.some((p) => p.field === 'name' || p.field === 'holdoutPct' || p.field === 'offer')) {
      setShowErrors(true);
      return;
    }
    setBusy(true);
    try {
      await saveCampaign(desk.db, campaignDocOf(draft, { branchId: branch?.id ?? '', nowMs: now(), status: 'draft', audienceSize: result.preview.size }));
      toast.success(`Saved draft “${draft.name.trim()}”`);
    } catch (e) {
      toast.error(e instanceof DocumentRejected ? `Could not save: ${e.message}` : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const exportAudience = async (): Promise<void> => {
    const suggestedName = exportFileName(`${draft.name || 'campaign'} audience`, formatDay(snapshot.today)).replace(/^customers-/, 'audience-');
    try {
      const saved = await platform.files.saveCsv({
        suggestedName,
        content: audienceCsv({ campaign: { id: draft.id, variants: draft.variants, holdout_pct: holdout, offer: draft.offer.trim() }, recipients: result.audience.recipients, branchName }),
      });
      if (saved.saved) toast.success(`Exported ${result.preview.size.toLocaleString('en')} recipients to ${saved.path ?? suggestedName}`);
    } catch (e) {
      toast.error(`Could not export the audience: ${errorMessage(e)}`);
    }
  };

  const queue = async (confirmed: AudienceResult): Promise<void> => {
    setConfirming(null);
    setBusy(true);
    try {
      const doc = campaignDocOf(draft, { branchId: branch?.id ?? '', nowMs: now(), status: 'queued', audienceSize: confirmed.preview.size });
      const outcome = await queueCampaign(desk.db, doc, confirmed.audience.recipients, { id: branch?.id ?? '', name: branchName });
      toast.success(`Queued ${outcome.queued.toLocaleString('en')} ${outcome.queued === 1 ? 'message' : 'messages'}${outcome.held > 0 ? ` (${outcome.held} in the holdout)` : ''}`);
      campaignDraft.close();
      navigate({ name: 'campaign', id: doc.id });
    } catch (e) {
      toast.error(`Nothing was queued: ${errorMessage(e)}`);
      setBusy(false);
    }
  };

  const trySend = (): void => {
    if (!sendPermission.allowed) {
      toast.error(sendPermission.reason);
      return;
    }
    setShowErrors(true);
    if (problems.length === 0 && result.preview.size > 0) {
      const shown = result;
      void sendGate.ensure().then((ok) => ok && setConfirming(shown));
    }
  };
  const sendable = (result.preview.groups.holdout === undefined ? result.preview.size : result.preview.size - (result.preview.groups.holdout ?? 0));
  const sourceValue = draft.segmentId !== '' ? draft.segmentId : LIST_SOURCE;
  const phrases = describeCriteria(draft.criteria, formatPrice);

  return (
    <div className="cmp-editor">
      <form
        className="card cmp-form"
        aria-label="Campaign"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          trySend();
        }}
      >
        <div className="cmp-form-body">
          <div className="form-grid">
            <Field label="Campaign name" error={showErrors ? problemOf('name') : undefined} className="span-2">
              {(p) => <input {...p} name="name" className="input" autoComplete="off" value={draft.name} onChange={(e) => update({ name: e.target.value })} />}
            </Field>
            <Field label="Audience" className="span-2" hint={phrases.length === 0 ? 'Every customer of the branch' : phrases.join(' · ')}>
              {(p) => (
                <select {...p} className="select" value={sourceValue} onChange={(e) => pickSource(e.target.value)}>
                  {(segments ?? []).map((s: SegmentDoc) => (
                    <option key={s.id} value={s.id}>
                      Segment: {s.name}
                    </option>
                  ))}
                  {draft.segmentId !== '' && !(segments ?? []).some((s) => s.id === draft.segmentId) && <option value={draft.segmentId}>{draft.sourceLabel}</option>}
                  <option value={LIST_SOURCE}>{draft.segmentId === '' ? draft.sourceLabel : 'Current Customers list filters'}</option>
                </select>
              )}
            </Field>
            <Field label="Channel">
              {(p) => (
                <select {...p} className="select" value={draft.channel} onChange={(e) => update({ channel: e.target.value as CampaignChannel })}>
                  {CAMPAIGN_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {CHANNEL_LABELS[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Holdout (%)" error={showErrors || draft.holdoutPct.trim() !== '' ? problemOf('holdoutPct') : undefined} hint="Share of the audience that receives nothing, to measure the effect">
              {(p) => <input {...p} name="holdoutPct" className="input" inputMode="numeric" value={draft.holdoutPct} onChange={(e) => update({ holdoutPct: e.target.value })} />}
            </Field>
            <Field label="Offer" optional error={problemOf('offer')} hint="Fills {offer} in the message" className="span-2">
              {(p) => <input {...p} name="offer" className="input" autoComplete="off" value={draft.offer} onChange={(e) => update({ offer: e.target.value })} />}
            </Field>
          </div>
          <div className="cmp-variants">
            {draft.variants.map((v, i) => (
              <VariantEditor
                key={v.key}
                variant={v}
                index={i}
                error={problemOf(`variants.${i}.message`)}
                preview={sample === null ? previewMessage(v.message, { name: 'Alex Sample' }, formatDay(snapshot.today - 30), branchName, draft.offer.trim()) : previewMessage(v.message, sample.customer, sample.activity?.last_visit_date ?? null, branchName, draft.offer.trim())}
                sampleName={sample?.customer.name ?? null}
                groupSize={draft.variants.length > 1 || holdout > 0 ? result.preview.groups[v.key] : undefined}
                channel={draft.channel}
                canRemove={draft.variants.length > 1}
                onChange={(message) => update({ variants: draft.variants.map((x, j) => (j === i ? { ...x, message } : x)) })}
                onRemove={() => update({ variants: draft.variants.filter((_, j) => j !== i) })}
              />
            ))}
            {draft.variants.length < 5 && (
              <button type="button" className="btn btn-ghost cmp-add-variant" onClick={() => update({ variants: [...draft.variants, { key: nextVariantKey(draft.variants), message: draft.variants[0]?.message ?? '' }] })}>
                Add variant (A/B test)
              </button>
            )}
          </div>
        </div>
        <div className="cmp-form-footer">
          {templateBlocked && (
            <p className="field-error" role="alert">
              Sending is blocked until every message uses only known placeholders.
            </p>
          )}
          {!sendPermission.allowed && (
            <p className="notice notice-info" role="note">
              {sendPermission.reason} Save it as a draft: a manager&apos;s desk can queue it.
            </p>
          )}
          <span className="spacer" />
          <button type="button" className="btn" disabled={busy} onClick={() => void saveDraft()}>
            Save draft
          </button>
          <GatedButton permission={exportPermission} type="button" className="btn" disabled={busy || result.preview.size === 0} onClick={() => void exportAudience()}>
            Export audience CSV
          </GatedButton>
          {sendPermission.allowed && (
            <button type="submit" className="btn btn-primary" disabled={busy || templateBlocked || result.preview.size === 0}>
              Queue {sendable.toLocaleString('en')} {sendable === 1 ? 'message' : 'messages'}
            </button>
          )}
        </div>
      </form>
      <AudiencePreview result={result} capDays={capDays} note={predictionCriteriaNote(usesPredictions(draft.criteria), outlookState)} />
      {confirming !== null && sendPermission.allowed && (
        <ConfirmQueue
          name={draft.name.trim()}
          channel={CHANNEL_LABELS[draft.channel]}
          confirmed={confirming}
          variantKeys={draft.variants.map((v) => v.key)}
          paired={paired}
          onCancel={() => setConfirming(null)}
          onQueue={() => void queue(confirming)}
        />
      )}
    </div>
  );
}

/**
 * The last step before the outbox: how many messages and to whom, the split by group exactly as
 * it will be queued, and — on a desk with no server — that nothing goes out until it is paired.
 */
function ConfirmQueue({
  name,
  channel,
  confirmed,
  variantKeys,
  paired,
  onCancel,
  onQueue,
}: {
  name: string;
  channel: string;
  confirmed: AudienceResult;
  variantKeys: readonly string[];
  paired: boolean;
  onCancel: () => void;
  onQueue: () => void;
}) {
  const groups = confirmed.preview.groups;
  const held = groups.holdout ?? 0;
  const sendable = confirmed.preview.size - held;
  return (
    <Modal
      title={`Queue “${name}”?`}
      description={
        paired
          ? `${sendable.toLocaleString('en')} ${channel} ${sendable === 1 ? 'message goes' : 'messages go'} to the outbox; the server sends them once this desk syncs.`
          : `${sendable.toLocaleString('en')} ${channel} ${sendable === 1 ? 'message goes' : 'messages go'} to this desk's outbox.`
      }
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Not yet
          </button>
          <button type="button" className="btn btn-primary" onClick={onQueue}>
            {paired ? 'Queue messages' : 'Queue without sending'}
          </button>
        </>
      }
    >
      {!paired && (
        <p className="notice notice-warning" role="note">
          This desk has no server, so these messages cannot go out: they wait in the outbox until the desk is paired with a server (Settings → Sync), and the campaign has no result until then.
        </p>
      )}
      <ul className="cmp-split" aria-label="Split by group">
        {variantKeys.map((k) => (
          <li key={k}>
            Variant {k}: <span className="nums">{(groups[k] ?? 0).toLocaleString('en')}</span>
          </li>
        ))}
        {held > 0 && (
          <li>
            Holdout (receive nothing): <span className="nums">{held.toLocaleString('en')}</span>
          </li>
        )}
      </ul>
      <p className="muted">The result compares who booked within 30 days of the send in each group; it is shown once those 30 days are over.</p>
    </Modal>
  );
}
