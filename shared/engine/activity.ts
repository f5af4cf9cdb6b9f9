import type { BookingStatus, CustomerStatus, FrequencyTier, SpendingTier } from '../domain/types';
import type { RuleSettings, TierBoundaries } from '../domain/settings';
import { formatDay } from '../time/calendar';
import { compareCodePoints } from '../util/compare';

/**
 * A booking reduced to what the rules read, with its instant and branch-local day resolved once
 * (the local day depends only on the instant and the branch's zone, never on the as-of date).
 */
export interface BookingFact {
  id: string;
  customer_id: string;
  branch_id: string;
  service: string;
  staff: string;
  status: BookingStatus;
  /** Cents. */
  price: number;
  /** Epoch milliseconds of start_at. */
  ms: number;
  /** Branch-local day number of start_at. */
  day: number;
}

/** Activity of one (customer, branch) pair as of a local date (docs/DESIGN.md §2). */
export interface PairActivity {
  customer_id: string;
  branch_id: string;
  status: CustomerStatus;
  days_since_last_visit: number | null;
  total_bookings: number;
  /** Cents. */
  total_spent: number;
  first_visit_date: string | null;
  last_visit_date: string | null;
  no_shows: number;
  spending_tier: SpendingTier;
  frequency_tier: FrequencyTier;
  favorite_service: string;
  preferred_staff: string;
}

/** The fields of a pair's activity, in the contract's column order (docs/DESIGN.md §3, `activity` output). */
export const ACTIVITY_FIELDS = [
  'customer_id',
  'branch_id',
  'status',
  'days_since_last_visit',
  'total_bookings',
  'total_spent',
  'first_visit_date',
  'last_visit_date',
  'no_shows',
  'spending_tier',
  'frequency_tier',
  'favorite_service',
  'preferred_staff',
] as const satisfies readonly (keyof PairActivity)[];

/** Whether two activities hold the same values in every field. */
export function sameActivity(a: PairActivity, b: PairActivity): boolean {
  for (const f of ACTIVITY_FIELDS) if (a[f] !== b[f]) return false;
  return true;
}

/**
 * Whether a (customer, branch) pair exists (docs/DESIGN.md §2): the customer has a booking of any
 * status or date at the branch, or the branch is their home branch.
 */
export function pairExists(bookingsAtBranch: number, isHomeBranch: boolean): boolean {
  return isHomeBranch || bookingsAtBranch > 0;
}

export function spendingTier(totalCents: number, visits: number, tiers: TierBoundaries): SpendingTier {
  if (visits === 0) return 'none';
  const s = tiers.spending;
  if (totalCents > s.vipAbove) return 'vip';
  if (totalCents >= s.highFrom) return 'high';
  if (totalCents >= s.mediumFrom) return 'medium';
  return 'low';
}

export function frequencyTier(visits: number, tiers: TierBoundaries): FrequencyTier {
  const f = tiers.frequency;
  if (visits > f.frequentAbove) return 'frequent';
  if (visits >= f.regularFrom) return 'regular';
  if (visits >= f.occasionalFrom) return 'occasional';
  if (visits >= 1) return 'one_time';
  return 'none';
}

/** Visit order: start_at, then booking id (code points). Negative when a comes first. */
function compareVisits(a: BookingFact, b: BookingFact): number {
  return a.ms - b.ms || compareCodePoints(a.id, b.id);
}

interface Tally {
  value: string;
  count: number;
  /** The value's most recent visit (visit order: start_at, then booking id). */
  last: BookingFact;
}

/**
 * The value with most visits; ties go to the one visited most recently (the later visit in
 * visit order, so two visits on the same local date are still ordered by time), then to the
 * smaller name in code-point order. Empty values never count.
 */
function favourite(tallies: readonly Tally[]): string {
  let best: Tally | undefined;
  for (const tally of tallies) {
    if (
      best === undefined ||
      tally.count > best.count ||
      (tally.count === best.count &&
        (compareVisits(tally.last, best.last) > 0 ||
          (compareVisits(tally.last, best.last) === 0 && compareCodePoints(tally.value, best.value) < 0)))
    ) {
      best = tally;
    }
  }
  return best === undefined ? '' : best.value;
}

/** Counts a visit for a value. A pair has a handful of distinct services and staff: a list scan beats a Map. */
function tally(tallies: Tally[], value: string, visit: BookingFact): void {
  if (value === '') return;
  for (const t of tallies) {
    if (t.value === value) {
      t.count += 1;
      if (compareVisits(visit, t.last) > 0) t.last = visit;
      return;
    }
  }
  tallies.push({ value, count: 1, last: visit });
}

/**
 * The status rule (docs/DESIGN.md §2), the one place it is written: from the local days of the
 * pair's last and previous completed visits on or before `asOfDay` (null when there is none).
 */
export function statusFromVisits(lastDay: number | null, previousDay: number | null, asOfDay: number, thresholds: RuleSettings['thresholds']): CustomerStatus {
  if (lastDay === null) return 'new';
  const days = asOfDay - lastDay;
  if (days <= thresholds.activeDays) return previousDay !== null && lastDay - previousDay > thresholds.atRiskDays ? 'win_back' : 'active';
  return days <= thresholds.atRiskDays ? 'at_risk' : 'churned';
}

/**
 * A pair's status as of `day` from its completed visits' local days in visit order (see
 * `visitDaysOf`): finds the last two visits on or before `day` by binary search and applies
 * `statusFromVisits`, so a trend over many dates costs a few comparisons per pair and date.
 */
export function statusOn(visitDays: readonly number[], day: number, thresholds: RuleSettings['thresholds']): CustomerStatus {
  let lo = 0;
  let hi = visitDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((visitDays[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return statusFromVisits(lo >= 1 ? (visitDays[lo - 1] as number) : null, lo >= 2 ? (visitDays[lo - 2] as number) : null, day, thresholds);
}

/** Local days of a pair's completed visits in visit order (start instant, then booking id). */
export function visitDaysOf(facts: readonly BookingFact[]): number[] {
  return facts
    .filter((f) => f.status === 'completed')
    .sort(compareVisits)
    .map((f) => f.day);
}

/**
 * Activity of a (customer, branch) pair as of local day `asOfDay`, from the pair's bookings in
 * any order. One pass, no sort: only the first and the last two visits matter for the dates.
 */
export function computePairActivity(
  customerId: string,
  branchId: string,
  bookings: Iterable<BookingFact>,
  asOfDay: number,
  rules: RuleSettings,
): PairActivity {
  let visits = 0;
  let spent = 0;
  let noShows = 0;
  let first: BookingFact | undefined;
  let last: BookingFact | undefined;
  let previous: BookingFact | undefined;
  const services: Tally[] = [];
  const staff: Tally[] = [];

  for (const b of bookings) {
    if (b.day > asOfDay) continue;
    if (b.status === 'no_show') {
      noShows += 1;
      continue;
    }
    if (b.status !== 'completed') continue;
    visits += 1;
    spent += b.price;
    if (first === undefined || compareVisits(b, first) < 0) first = b;
    if (last === undefined || compareVisits(b, last) > 0) {
      previous = last;
      last = b;
    } else if (previous === undefined || compareVisits(b, previous) > 0) {
      previous = b;
    }
    tally(services, b.service, b);
    tally(staff, b.staff, b);
  }

  return {
    customer_id: customerId,
    branch_id: branchId,
    status: statusFromVisits(last?.day ?? null, previous?.day ?? null, asOfDay, rules.thresholds),
    days_since_last_visit: last === undefined ? null : asOfDay - last.day,
    total_bookings: visits,
    total_spent: spent,
    first_visit_date: first === undefined ? null : formatDay(first.day),
    last_visit_date: last === undefined ? null : formatDay(last.day),
    no_shows: noShows,
    spending_tier: spendingTier(spent, visits, rules.tiers),
    frequency_tier: frequencyTier(visits, rules.tiers),
    favorite_service: favourite(services),
    preferred_staff: favourite(staff),
  };
}
