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

  const { activeDays, atRiskDays } = rules.thresholds;
  let status: CustomerStatus;
  let days: number | null = null;
  if (last === undefined) {
    status = 'new';
  } else {
    days = asOfDay - last.day;
    if (days <= activeDays) {
      status = previous !== undefined && last.day - previous.day > atRiskDays ? 'win_back' : 'active';
    } else if (days <= atRiskDays) {
      status = 'at_risk';
    } else {
      status = 'churned';
    }
  }

  return {
    customer_id: customerId,
    branch_id: branchId,
    status,
    days_since_last_visit: days,
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
