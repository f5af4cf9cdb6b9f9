/**
 * Who a campaign may message: the segment's members who are opted in (overall marketing consent
 * AND consent on the campaign's channel, with an address for it), minus customers who already
 * have a future booking and anyone who received a marketing message within the frequency cap
 * (a branch setting, 7 days by default). The holdout is part of the audience: it is assigned,
 * recorded and measured, only never sent anything.
 */
import type { CommunicationDoc, CustomerDoc } from '../domain/schemas';
import type { CommunicationChannel } from '../domain/types';
import { parseInstant } from '../time/instant';
import { isReminderTraffic } from '../schedule/reminders';
import { MS_PER_DAY } from '../time/calendar';
import { assignGroup } from './assignment';
import type { CustomerView } from './customer-view';

export const EXCLUSION_REASONS = ['erased', 'no_consent', 'no_address', 'future_booking', 'recently_messaged'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** Statuses of an outbound message that count as "messaged" for the frequency cap. */
const MESSAGED = new Set(['queued', 'sending', 'sent', 'delivered']);

/** A marketing message: part of a campaign, automated, or logged with purpose "marketing". */
export function isMarketing(c: Pick<CommunicationDoc, 'campaign_id' | 'trigger_key' | 'purpose'>): boolean {
  // Appointment reminders and recorded replies carry a de-dup key too, but are transactional.
  return c.campaign_id !== '' || (c.trigger_key !== '' && !isReminderTraffic(c.trigger_key)) || c.purpose === 'marketing';
}

/**
 * Latest marketing message per customer (epoch ms): outbound, queued or sent, not deleted.
 * `exceptCampaign` leaves out one campaign's own messages (re-previewing a queued campaign).
 */
export function lastMarketingContact(
  communications: Iterable<Pick<CommunicationDoc, 'customer_id' | 'campaign_id' | 'trigger_key' | 'purpose' | 'status' | 'direction' | 'at'> & { _deleted?: boolean }>,
  exceptCampaign = '',
): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of communications) {
    if (c._deleted === true || c.direction !== 'outbound' || !MESSAGED.has(c.status) || !isMarketing(c)) continue;
    if (exceptCampaign !== '' && c.campaign_id === exceptCampaign) continue;
    const ms = parseInstant(c.at);
    if (ms === null) continue;
    const prev = out.get(c.customer_id);
    if (prev === undefined || ms > prev) out.set(c.customer_id, ms);
  }
  return out;
}

/** True when a message at `lastMs` is within the cap of `nowMs` (cap 0 = no cap). */
export function withinCap(lastMs: number | undefined, capDays: number, nowMs: number): boolean {
  return lastMs !== undefined && capDays > 0 && nowMs - lastMs < capDays * MS_PER_DAY;
}

/** Why the customer cannot be messaged on this channel (consent and address), or null. */
export function channelProblem(customer: CustomerDoc, channel: CommunicationChannel): 'no_consent' | 'no_address' | null {
  if (!customer.opted_in_marketing) return 'no_consent';
  switch (channel) {
    case 'sms':
      return !customer.consent.sms.granted ? 'no_consent' : customer.phone === '' ? 'no_address' : null;
    case 'email':
      return !customer.consent.email.granted ? 'no_consent' : customer.email === '' ? 'no_address' : null;
    case 'push':
      return customer.consent.push.granted ? null : 'no_consent';
    case 'phone':
      return customer.phone === '' ? 'no_address' : null;
    case 'in_person':
      return null;
  }
}

export interface AudienceInput<V extends CustomerView> {
  channel: CommunicationChannel;
  /** The segment's members (already matched). */
  members: Iterable<V>;
  /** `lastMarketingContact` over the communications the desk holds. */
  lastContact: ReadonlyMap<string, number>;
  capDays: number;
  nowMs: number;
}

export interface Audience<V extends CustomerView> {
  recipients: V[];
  excluded: Record<ExclusionReason, number>;
}

/** The campaign audience (recipients in the order given) and how many were left out, by reason. */
export function buildAudience<V extends CustomerView>(input: AudienceInput<V>): Audience<V> {
  const excluded = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  const recipients: V[] = [];
  for (const view of input.members) {
    const c = view.customer;
    let reason: ExclusionReason | null = c.erased_at !== '' ? 'erased' : channelProblem(c, input.channel);
    if (reason === null && view.hasFutureBooking) reason = 'future_booking';
    if (reason === null && withinCap(input.lastContact.get(c.id), input.capDays, input.nowMs)) reason = 'recently_messaged';
    if (reason === null) recipients.push(view);
    else excluded[reason] += 1;
  }
  return { recipients, excluded };
}

export interface AudiencePreview {
  /** Everyone assigned (groups + holdout): the campaign's `audience_size`. */
  size: number;
  /** Members per group: each variant key and 'holdout'. */
  groups: Record<string, number>;
  excluded: Record<ExclusionReason, number>;
}

/** Sizes before sending: the audience split by the campaign's deterministic assignment. */
export function previewAudience(
  campaign: { id: string; variants: readonly { key: string }[]; holdout_pct: number },
  audience: Audience<CustomerView>,
): AudiencePreview {
  const keys = campaign.variants.map((v) => v.key);
  const groups: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  if (campaign.holdout_pct > 0) groups.holdout = 0;
  for (const v of audience.recipients) {
    const g = assignGroup(campaign.id, v.customer.id, keys, campaign.holdout_pct);
    groups[g] = (groups[g] ?? 0) + 1;
  }
  return { size: audience.recipients.length, groups, excluded: audience.excluded };
}
