import { useMemo, useState } from 'react';
import type { BranchSettingsDoc } from '../../../../shared/domain/schemas';
import { TRIGGER_KINDS, type TriggerKind } from '../../../../shared/insights/branch-settings';
import { triggerReport, type ReportBooking } from '../../../../shared/insights/campaign-report';
import { CAMPAIGN_PLACEHOLDERS, MILESTONE_PLACEHOLDERS } from '../../../../shared/domain/template';
import { useBookingsVersion, useCurrentBranch, useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { saveChange } from '../../data/save-change';
import { useDeskPermission } from '../../sync/permissions';
import { Field } from '../../ui/Field';
import { errorMessage, toast } from '../../ui/toasts';
import { useOutboundMessages } from '../campaigns';
import { formOfSettings, settingsOfForm, type AutomationsErrors, type AutomationsForm } from './automations-model';
import { useBranchSettings } from './use-branch-settings';

const TRIGGERS: Record<TriggerKind, { title: string; detail: string }> = {
  at_risk: { title: 'Became at risk', detail: '“We miss you” when a customer passes the active threshold' },
  churned: { title: 'Became churned', detail: 'A win-back offer when a customer passes the at-risk threshold' },
  birthday: { title: 'Birthday', detail: 'Greetings on the day (once a year, from one branch)' },
  milestone: { title: 'Spending milestones', detail: 'A thank-you when lifetime spend here crosses an amount' },
};

function TriggerResults({ kind, branchId }: { kind: TriggerKind; branchId: string }) {
  const desk = useDesk();
  const messages = useOutboundMessages();
  const bookingsVersion = useBookingsVersion();
  const report = useMemo(() => {
    void bookingsVersion;
    const own = (messages ?? []).filter((m) => m.branch_id === branchId && m.trigger_key.startsWith(`${kind}:`));
    const bookings: ReportBooking[] = [];
    for (const id of new Set(own.map((m) => m.customer_id))) for (const f of desk.activity.bookingsOf(branchId, id)) bookings.push({ customer_id: id, status: f.status, ms: f.ms, price: f.price });
    return triggerReport(kind, own, bookings).groups[0];
  }, [desk, messages, kind, branchId, bookingsVersion]);
  if (report === undefined) return <span className="muted">No messages sent yet.</span>;
  return (
    <span className="muted nums">
      {report.size} sent · {Math.round(report.booked_share * 1000) / 10}% booked within 30 days
    </span>
  );
}

/**
 * Automated messages of this branch (synced `branch_settings`): a switch per trigger with its
 * message, the marketing frequency cap, the offer text, and the retention rule (off by default).
 * On a paired desk only a manager may change them; the server sends the messages.
 */
export function AutomationsSection() {
  const branch = useCurrentBranch();
  const loaded = useBranchSettings();
  if (branch === undefined || loaded === null) return null;
  return <AutomationsForm key={`${branch.id}:${loaded.settings.updated_at}`} settings={loaded.settings} />;
}

function AutomationsForm({ settings }: { settings: BranchSettingsDoc }) {
  const desk = useDesk();
  const permission = useDeskPermission('change_automations');
  const readOnly = !permission.allowed;
  const [form, setForm] = useState<AutomationsForm>(() => formOfSettings(settings));
  const [errors, setErrors] = useState<AutomationsErrors>({});
  const [saving, setSaving] = useState(false);
  const set = (change: Partial<AutomationsForm>): void => setForm((f) => ({ ...f, ...change }));

  const save = async (): Promise<void> => {
    const result = settingsOfForm(form, settings, now());
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      // only what the form changed, over the settings as they are now (a manager elsewhere may have saved meanwhile)
      await saveChange(desk.db, 'branch_settings', settings, result.doc, { missing: 'insert' });
      toast.success('Automations saved');
    } catch (e) {
      toast.error(`Not saved: ${errorMessage(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="automations-title">
      <header>
        <h2 id="automations-title">Automations</h2>
        <p>Messages the server sends by itself for this branch, to customers who agreed to marketing. Nobody gets the same automated message twice for one event.</p>
      </header>
      {readOnly && (
        <p className="notice notice-info" role="note">
          {permission.reason}
        </p>
      )}
      <form
        className="stack"
        aria-label="Automations"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="auto-fieldset" disabled={readOnly}>
          <ul className="auto-list">
            {TRIGGER_KINDS.map((kind) => (
              <li key={kind} className="auto-item">
                <label className="switch">
                  <input type="checkbox" role="switch" className="switch-input" checked={form.enabled[kind]} onChange={(e) => set({ enabled: { ...form.enabled, [kind]: e.target.checked } })} />
                  <span>
                    <strong>{TRIGGERS[kind].title}</strong>
                    <span className="auto-detail">{TRIGGERS[kind].detail}</span>
                  </span>
                </label>
                {form.enabled[kind] && (
                  <div className="auto-body stack">
                    <Field
                      label={`${TRIGGERS[kind].title}: message`}
                      error={errors[`message_${kind}`]}
                      hint={`Placeholders: ${(kind === 'milestone' ? MILESTONE_PLACEHOLDERS : CAMPAIGN_PLACEHOLDERS).map((p) => `{${p}}`).join(' ')}`}
                    >
                      {(p) => <textarea {...p} className="textarea" value={form.messages[kind]} onChange={(e) => set({ messages: { ...form.messages, [kind]: e.target.value } })} />}
                    </Field>
                    {kind === 'milestone' && (
                      <Field label="Milestone amounts" error={errors.milestones} hint="Lifetime spend at this branch, e.g. 500, 1000, 2500">
                        {(p) => <input {...p} className="input" value={form.milestones} onChange={(e) => set({ milestones: e.target.value })} />}
                      </Field>
                    )}
                    <TriggerResults kind={kind} branchId={settings.branch_id} />
                  </div>
                )}
              </li>
            ))}
          </ul>
          <div className="form-grid">
            <Field label="Marketing frequency cap (days)" error={errors.capDays} hint="Nobody gets two marketing messages within this many days (0 = no cap)">
              {(p) => <input {...p} className="input" inputMode="numeric" value={form.capDays} onChange={(e) => set({ capDays: e.target.value })} />}
            </Field>
            <Field label="Offer" optional error={errors.offer} hint="Fills {offer} in automated messages">
              {(p) => <input {...p} className="input" value={form.offer} onChange={(e) => set({ offer: e.target.value })} />}
            </Field>
          </div>
          <div className="auto-retention">
            <label className="switch">
              <input type="checkbox" role="switch" className="switch-input" checked={form.retentionEnabled} onChange={(e) => set({ retentionEnabled: e.target.checked })} />
              <span>
                <strong>Retention rule</strong>
                <span className="auto-detail">Anonymise customers with no visit for a number of years (only when every branch they visited has it on)</span>
              </span>
            </label>
            {form.retentionEnabled && (
              <Field label="Years without a visit" error={errors.retentionYears}>
                {(p) => <input {...p} className="input auto-years" inputMode="numeric" value={form.retentionYears} onChange={(e) => set({ retentionYears: e.target.value })} />}
              </Field>
            )}
          </div>
        </fieldset>
        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={saving}>
              Save automations
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
