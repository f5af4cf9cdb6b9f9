/**
 * A campaign's measured result, per group (each variant and the holdout): how many customers
 * were assigned, the share who booked within 30 days after their message (or holdout record),
 * what they spent in that window, and the uplift over the holdout.
 *
 * Groups are analysed as assigned (intention to treat): a member whose message failed stays in
 * its group, so a provider outage lowers the measured effect instead of hiding customers.
 * "Booked" = a booking starting in [at, at + 30 days) that was not cancelled; "spend" = the
 * prices of the completed ones among them.
 */
import type { CommunicationDoc } from '../domain/schemas';
import type { BookingStatus } from '../domain/types';
import { parseInstant } from '../time/instant';
import { MS_PER_DAY } from '../time/calendar';
import { HOLDOUT_KEY } from './assignment';

export const REPORT_WINDOW_DAYS = 30;

export interface ReportBooking {
  customer_id: string;
  status: BookingStatus;
  /** Epoch ms of start_at. */
  ms: number;
  /** Cents. */
  price: number;
}

export interface GroupReport {
  /** Variant key or 'holdout'. */
  group: string;
  size: number;
  booked: number;
  /** booked ÷ size, 4 decimals (0 for an empty group). */
  booked_share: number;
  /** Completed bookings' spend in the window (cents). */
  spend: number;
  /** spend ÷ size (cents, rounded half up; 0 for an empty group). */
  spend_per_customer: number;
  /** booked_share − the holdout's, in percentage points (2 decimals); null without a holdout. */
  uplift_pts: number | null;
}

export interface CampaignReport {
  campaign_id: string;
  window_days: number;
  groups: GroupReport[];
}

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f + Number.EPSILON * f) / f;
}

type ReportCommunication = Pick<CommunicationDoc, 'customer_id' | 'campaign_id' | 'variant' | 'at' | 'trigger_key' | 'status'> & { _deleted?: boolean };

interface Member {
  group: string;
  from: number;
}

/** Each customer's group and window start (their first message of the selection). */
function membersOf(communications: Iterable<ReportCommunication>, select: (c: ReportCommunication) => string | null): Map<string, Member> {
  const members = new Map<string, Member>();
  for (const c of communications) {
    if (c._deleted === true) continue;
    const group = select(c);
    if (group === null) continue;
    const from = parseInstant(c.at);
    if (from === null) continue;
    const prev = members.get(c.customer_id);
    if (prev === undefined || from < prev.from) members.set(c.customer_id, { group, from });
  }
  return members;
}

function report(campaignId: string, members: Map<string, Member>, bookings: Iterable<ReportBooking>, windowDays: number): CampaignReport {
  const windowMs = windowDays * MS_PER_DAY;
  const booked = new Set<string>();
  const spend = new Map<string, number>();
  for (const b of bookings) {
    const m = members.get(b.customer_id);
    if (m === undefined || b.ms < m.from || b.ms >= m.from + windowMs || b.status === 'cancelled') continue;
    booked.add(b.customer_id);
    if (b.status === 'completed') spend.set(b.customer_id, (spend.get(b.customer_id) ?? 0) + b.price);
  }
  const order: string[] = [];
  const tally = new Map<string, { size: number; booked: number; spend: number }>();
  for (const [customer, m] of members) {
    let t = tally.get(m.group);
    if (t === undefined) {
      tally.set(m.group, (t = { size: 0, booked: 0, spend: 0 }));
      if (m.group !== HOLDOUT_KEY) order.push(m.group);
    }
    t.size += 1;
    if (booked.has(customer)) t.booked += 1;
    t.spend += spend.get(customer) ?? 0;
  }
  if (tally.has(HOLDOUT_KEY)) order.push(HOLDOUT_KEY);
  const share = (t: { size: number; booked: number }) => (t.size === 0 ? 0 : t.booked / t.size);
  const holdout = tally.get(HOLDOUT_KEY);
  return {
    campaign_id: campaignId,
    window_days: windowDays,
    groups: order.map((group) => {
      const t = tally.get(group) as { size: number; booked: number; spend: number };
      return {
        group,
        size: t.size,
        booked: t.booked,
        booked_share: round(share(t), 4),
        spend: t.spend,
        spend_per_customer: t.size === 0 ? 0 : Math.floor(t.spend / t.size + 0.5),
        uplift_pts: holdout === undefined ? null : round((share(t) - share(holdout)) * 100, 2),
      };
    }),
  };
}

/**
 * The report from the campaign's communications (one per member; a customer's first counts) and
 * the bookings of those customers at the campaign's branch. Groups come in order of first
 * appearance, the holdout last.
 */
export function campaignReport(
  campaignId: string,
  communications: Iterable<ReportCommunication>,
  bookings: Iterable<ReportBooking>,
  windowDays = REPORT_WINDOW_DAYS,
): CampaignReport {
  const members = membersOf(communications, (c) => (c.campaign_id === campaignId ? (c.variant === '' ? 'A' : c.variant) : null));
  return report(campaignId, members, bookings, windowDays);
}

/**
 * The same report for one automated trigger (`at_risk`, `churned`, `birthday`, `milestone`):
 * its messages that were sent or are on their way form one group named after the trigger (no
 * holdout, so `uplift_pts` is null). `campaign_id` of the result is `auto:<kind>`.
 */
export function triggerReport(
  kind: string,
  communications: Iterable<ReportCommunication>,
  bookings: Iterable<ReportBooking>,
  windowDays = REPORT_WINDOW_DAYS,
): CampaignReport {
  const prefix = `${kind}:`;
  const counted = new Set(['queued', 'sending', 'sent', 'delivered', 'failed']);
  const members = membersOf(communications, (c) => (c.trigger_key.startsWith(prefix) && counted.has(c.status) ? kind : null));
  return report(`auto:${kind}`, members, bookings, windowDays);
}
