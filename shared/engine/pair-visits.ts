import type { CustomerStatus } from '../domain/types';
import type { RuleSettings } from '../domain/settings';
import { formatDay } from '../time/calendar';
import { compareCodePoints } from '../util/compare';
import { computePairActivity, frequencyTier, spendingTier, type BookingFact, type PairActivity } from './activity';

/**
 * What a (customer, branch) pair's bookings say independently of the date they are read on:
 * the visits' days and totals, no-shows and favourites. The status as of any day on or after
 * `latest_day` follows from these alone (`activityFromVisits`), so a stored copy never changes
 * when the date changes — only when the pair's bookings do.
 */
export interface PairVisits {
  customer_id: string;
  branch_id: string;
  /** Completed bookings. */
  total_bookings: number;
  /** Cents, over completed bookings. */
  total_spent: number;
  no_shows: number;
  /** Local day numbers of the first, last and second-to-last visit (null without). */
  first_day: number | null;
  last_day: number | null;
  previous_day: number | null;
  /** Latest local day of any booking that counts (completed or no-show): the summary holds for every as-of day from it on. */
  latest_day: number | null;
  /** Earliest local day of any booking (any status): with the customer's created_at, the day the pair starts to exist. */
  earliest_day: number | null;
  favorite_service: string;
  preferred_staff: string;
}

/** Visit order: start_at, then booking id — the order `computePairActivity` uses. */
function later(a: BookingFact, b: BookingFact): boolean {
  return a.ms > b.ms || (a.ms === b.ms && compareCodePoints(a.id, b.id) > 0);
}

/**
 * The pair's visit facts over all its bookings. Favourites are those of `computePairActivity`
 * over the same bookings (it is called with the latest counted day as the as-of date, when
 * every counted booking is included).
 */
export function pairVisits(customerId: string, branchId: string, bookings: readonly BookingFact[], rules: RuleSettings): PairVisits {
  let latest: number | null = null;
  let earliest: number | null = null;
  let last: BookingFact | undefined;
  let previous: BookingFact | undefined;
  for (const b of bookings) {
    if (earliest === null || b.day < earliest) earliest = b.day;
    if (b.status !== 'completed' && b.status !== 'no_show') continue;
    if (latest === null || b.day > latest) latest = b.day;
    if (b.status !== 'completed') continue;
    if (last === undefined || later(b, last)) {
      previous = last;
      last = b;
    } else if (previous === undefined || later(b, previous)) {
      previous = b;
    }
  }
  const all = computePairActivity(customerId, branchId, bookings, latest ?? 0, rules);
  return {
    customer_id: customerId,
    branch_id: branchId,
    total_bookings: all.total_bookings,
    total_spent: all.total_spent,
    no_shows: all.no_shows,
    first_day: firstDay(bookings),
    last_day: last?.day ?? null,
    previous_day: previous?.day ?? null,
    latest_day: latest,
    earliest_day: earliest,
    favorite_service: all.favorite_service,
    preferred_staff: all.preferred_staff,
  };
}

function firstDay(bookings: readonly BookingFact[]): number | null {
  let first: BookingFact | undefined;
  for (const b of bookings) if (b.status === 'completed' && (first === undefined || later(first, b))) first = b;
  return first?.day ?? null;
}

/**
 * The pair's activity as of `asOfDay` from its visit facts: exactly `computePairActivity` over
 * its bookings, when `asOfDay` is on or after `latest_day`; `null` before it (a counted booking
 * lies after the date asked about, so the bookings themselves are needed).
 */
export function activityFromVisits(v: PairVisits, asOfDay: number, rules: RuleSettings): PairActivity | null {
  if (v.latest_day !== null && v.latest_day > asOfDay) return null;
  const { activeDays, atRiskDays } = rules.thresholds;
  let status: CustomerStatus;
  let days: number | null = null;
  if (v.last_day === null) {
    status = 'new';
  } else {
    days = asOfDay - v.last_day;
    if (days <= activeDays) status = v.previous_day !== null && v.last_day - v.previous_day > atRiskDays ? 'win_back' : 'active';
    else if (days <= atRiskDays) status = 'at_risk';
    else status = 'churned';
  }
  return {
    customer_id: v.customer_id,
    branch_id: v.branch_id,
    status,
    days_since_last_visit: days,
    total_bookings: v.total_bookings,
    total_spent: v.total_spent,
    first_visit_date: v.first_day === null ? null : formatDay(v.first_day),
    last_visit_date: v.last_day === null ? null : formatDay(v.last_day),
    no_shows: v.no_shows,
    spending_tier: spendingTier(v.total_spent, v.total_bookings, rules.tiers),
    frequency_tier: frequencyTier(v.total_bookings, rules.tiers),
    favorite_service: v.favorite_service,
    preferred_staff: v.preferred_staff,
  };
}

const VISIT_FIELDS: readonly (keyof PairVisits)[] = [
  'total_bookings',
  'total_spent',
  'no_shows',
  'first_day',
  'last_day',
  'previous_day',
  'latest_day',
  'earliest_day',
  'favorite_service',
  'preferred_staff',
];

/** Whether two visit summaries of the same pair hold the same facts. */
export function sameVisits(a: PairVisits, b: PairVisits): boolean {
  for (const field of VISIT_FIELDS) if (a[field] !== b[field]) return false;
  return true;
}
