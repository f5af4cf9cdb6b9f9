import { LIMITS, MAX_HOLDOUT_PCT, type CampaignDoc, type CampaignVariant, type SegmentCriteria } from '../../../../shared/domain/schemas';
import type { CommunicationChannel } from '../../../../shared/domain/types';
import { criteria as makeCriteria } from '../../../../shared/domain/criteria';
import { CAMPAIGN_PLACEHOLDERS, templateProblems } from '../../../../shared/domain/template';
import { HOLDOUT_KEY } from '../../../../shared/insights/assignment';

/** Channels a campaign can be sent on (the server delivers SMS and email; push has no provider yet). */
export const CAMPAIGN_CHANNELS = ['sms', 'email', 'push'] as const satisfies readonly CommunicationChannel[];
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

export const CHANNEL_LABELS: Record<CommunicationChannel, string> = { sms: 'SMS', email: 'Email', push: 'App notification', phone: 'Phone call', in_person: 'In person' };

export const DEFAULT_TEMPLATE = 'Hi {first_name}, we miss you at {branch}! Your last visit was {last_visit}. {offer}';

/** The campaign being written: what the editor holds before it becomes a document. */
export interface CampaignDraft {
  /** The campaign id, fixed from the start: variant and holdout assignment depend on it. */
  id: string;
  name: string;
  /** The saved segment the audience comes from ('' = `criteria` given directly). */
  segmentId: string;
  /** The audience criteria (a copy of the segment's when `segmentId` is set). */
  criteria: SegmentCriteria;
  /** Where `criteria` came from, for the editor ("Customers list filters"). */
  sourceLabel: string;
  channel: CampaignChannel;
  variants: CampaignVariant[];
  /** Holdout percentage as typed. */
  holdoutPct: string;
  offer: string;
  createdAt: string;
}

export function newDraft(nowMs: number, source: { segmentId: string; criteria: SegmentCriteria; label: string; name?: string }): CampaignDraft {
  return {
    id: `cp-${crypto.randomUUID()}`,
    name: source.name ?? '',
    segmentId: source.segmentId,
    criteria: source.criteria,
    sourceLabel: source.label,
    channel: 'sms',
    variants: [{ key: 'A', message: DEFAULT_TEMPLATE }],
    holdoutPct: '10',
    offer: '',
    createdAt: new Date(nowMs).toISOString(),
  };
}

/** A stored campaign (a draft being reopened) as the editor's draft. */
export function draftOf(doc: CampaignDoc, sourceLabel: string): CampaignDraft {
  return {
    id: doc.id,
    name: doc.name,
    segmentId: doc.segment_id,
    criteria: doc.criteria,
    sourceLabel,
    channel: (CAMPAIGN_CHANNELS as readonly string[]).includes(doc.channel) ? (doc.channel as CampaignChannel) : 'sms',
    variants: doc.variants.map((v) => ({ ...v })),
    holdoutPct: String(doc.holdout_pct),
    offer: doc.offer,
    createdAt: doc.created_at,
  };
}

/** The key of the next variant: A, B, C… (skipping keys in use). */
export function nextVariantKey(variants: readonly CampaignVariant[]): string {
  for (let i = 0; i < 26; i += 1) {
    const key = String.fromCharCode(65 + i);
    if (!variants.some((v) => v.key === key)) return key;
  }
  return `V${variants.length + 1}`;
}

export interface DraftProblem {
  /** `name`, `holdoutPct`, `offer`, `variants.N.message`, `audience`. */
  field: string;
  message: string;
}

/** The holdout as a whole percentage, or null when it is not one from 0 to MAX_HOLDOUT_PCT. */
export function holdoutOf(text: string): number | null {
  const t = text.trim().replace(/%$/, '').trim();
  if (t === '') return 0;
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_HOLDOUT_PCT ? n : null;
}

/**
 * Everything that stops a draft from being saved or sent, each naming its field. Unknown
 * placeholders are named with the allowed ones; sending is blocked until they are fixed.
 */
export function draftProblems(draft: CampaignDraft): DraftProblem[] {
  const out: DraftProblem[] = [];
  const name = draft.name.trim();
  if (name === '') out.push({ field: 'name', message: 'Give the campaign a name' });
  else if (name.length > LIMITS.name) out.push({ field: 'name', message: `A name is at most ${LIMITS.name} characters` });
  if (holdoutOf(draft.holdoutPct) === null) out.push({ field: 'holdoutPct', message: `Enter a whole percentage from 0 to ${MAX_HOLDOUT_PCT}` });
  if (draft.offer.length > LIMITS.shortText) out.push({ field: 'offer', message: `The offer is at most ${LIMITS.shortText} characters` });
  draft.variants.forEach((v, i) => {
    const problem = templateProblems(v.message, CAMPAIGN_PLACEHOLDERS)[0];
    if (problem !== undefined) out.push({ field: `variants.${i}.message`, message: problem.message.charAt(0).toUpperCase() + problem.message.slice(1) });
    else if (v.message.length > LIMITS.message) out.push({ field: `variants.${i}.message`, message: `A message is at most ${LIMITS.message} characters` });
  });
  return out;
}

/** The campaign document for a draft (a draft, or queued with its audience size and time). */
export function campaignDocOf(draft: CampaignDraft, input: { branchId: string; nowMs: number; status: CampaignDoc['status']; audienceSize: number }): CampaignDoc {
  const at = new Date(input.nowMs).toISOString();
  return {
    id: draft.id,
    branch_id: input.branchId,
    name: draft.name.trim(),
    kind: 'manual',
    segment_id: draft.segmentId,
    criteria: makeCriteria(draft.criteria),
    channel: draft.channel,
    variants: draft.variants.map((v) => ({ key: v.key, message: v.message })),
    holdout_pct: holdoutOf(draft.holdoutPct) ?? 0,
    offer: draft.offer.trim(),
    status: input.status,
    audience_size: input.audienceSize,
    sent_at: input.status === 'queued' ? at : '',
    created_at: draft.createdAt || at,
    updated_at: at,
  };
}

export { HOLDOUT_KEY };
