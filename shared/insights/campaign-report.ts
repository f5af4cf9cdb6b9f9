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

type ReportCommunication = Pick<CommunicationDoc, 'customer_id' | 'campaign_id' | 'variant' | 'at' | 'trigger_key' | 'status'> & { _deleted?: boolean; updated_at?: string };

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

/** The two-sided 95 % normal quantile, Φ⁻¹(0.975). */
const Z95 = 1.959963984540054;

/** Wilson's score interval for x successes in n trials. */
function wilson(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The 95 % confidence interval of p₁ − p₂ for x₁/n₁ against x₂/n₂: Newcombe's hybrid score
 * interval (Newcombe 1998, method 10), which stays inside [−1, 1] and keeps its coverage for the
 * small groups and shares near 0 or 1 a branch's campaign has, where the textbook Wald interval
 * does not. Null when either group is empty.
 */
function differenceInterval(x1: number, n1: number, x2: number, n2: number, z = Z95): [number, number] | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilson(x1, n1, z);
  const [l2, u2] = wilson(x2, n2, z);
  const d = p1 - p2;
  return [d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)];
}

export interface GroupResult extends GroupReport {
  /** 95 % interval of the uplift over the holdout in percentage points (1 decimal); null without a holdout. */
  uplift_ci_pts: [number, number] | null;
}

/**
 * Where a campaign's result stands, so a screen never shows a figure that cannot be trusted yet:
 * - `awaiting_delivery`: not every message has an outcome, or none was sent — nothing measured;
 * - `measuring`: sent; the window runs until `results_at`: only the group sizes are known;
 * - `final`: the window is over: the groups with the uplift over the holdout and its interval.
 */
export type CampaignResult =
  | { phase: 'awaiting_delivery'; sizes: Record<string, number>; waiting: number }
  | { phase: 'measuring'; sizes: Record<string, number>; sent_at: number; results_at: number }
  | { phase: 'final'; sent_at: number; results_at: number; window_days: number; groups: GroupResult[] };

const SENT = new Set(['sent', 'delivered']);
const WAITING = new Set(['queued', 'sending']);

/**
 * A campaign's result as of `nowMs`, from its communications (one per member; a customer's first
 * counts) and the bookings of those customers at the campaign's branch; groups in order of first
 * appearance, the holdout last. Every group's window starts when the campaign went out (the
 * first message the server sent: `updated_at` of a sent or delivered message), the holdout's
 * too, so both groups are measured over the same 30 days; results only once that window is over.
 */
export function campaignResult(
  campaignId: string,
  communications: Iterable<ReportCommunication>,
  bookings: Iterable<ReportBooking>,
  nowMs: number,
  windowDays = REPORT_WINDOW_DAYS,
): CampaignResult {
  const own: ReportCommunication[] = [];
  for (const c of communications) if (c._deleted !== true && c.campaign_id === campaignId) own.push(c);
  const members = membersOf(own, (c) => (c.variant === '' ? 'A' : c.variant));
  const sizes: Record<string, number> = {};
  for (const m of members.values()) sizes[m.group] = (sizes[m.group] ?? 0) + 1;
  let waiting = 0;
  let sentAt = Number.POSITIVE_INFINITY;
  for (const c of own) {
    if (WAITING.has(c.status)) waiting += 1;
    else if (SENT.has(c.status)) sentAt = Math.min(sentAt, parseInstant(c.updated_at ?? '') ?? parseInstant(c.at) ?? Number.POSITIVE_INFINITY);
  }
  if (waiting > 0 || !Number.isFinite(sentAt)) return { phase: 'awaiting_delivery', sizes, waiting };
  const resultsAt = sentAt + windowDays * MS_PER_DAY;
  if (nowMs < resultsAt) return { phase: 'measuring', sizes, sent_at: sentAt, results_at: resultsAt };
  for (const m of members.values()) m.from = sentAt;
  const r = report(campaignId, members, bookings, windowDays);
  const holdout = r.groups.find((g) => g.group === HOLDOUT_KEY);
  return {
    phase: 'final',
    sent_at: sentAt,
    results_at: resultsAt,
    window_days: windowDays,
    groups: r.groups.map((g) => {
      const ci = holdout === undefined || g.group === HOLDOUT_KEY ? null : differenceInterval(g.booked, g.size, holdout.booked, holdout.size);
      return { ...g, uplift_ci_pts: ci === null ? null : [round(ci[0] * 100, 1), round(ci[1] * 100, 1)] };
    }),
  };
}
