import type { Booking, Branch } from '../domain/types';
import { DEFAULT_RULES, type RuleSettings } from '../domain/settings';
import { parseInstant } from '../time/instant';
import { zoneClock } from '../time/zone';
import { ActivityIndex, type CustomerLink } from './activity-index';
import type { BookingFact } from './activity';

export interface ActivityInput {
  branches: readonly Branch[];
  customers: Iterable<CustomerLink>;
  /** Bookings with their instant and local day resolved (the CSV importer yields these). */
  bookings: Iterable<BookingFact>;
}

/** Resolves the instant and branch-local day of plain bookings (one cached zone clock per branch). */
export function* factsOf(branches: readonly Branch[], bookings: Iterable<Booking>): Generator<BookingFact> {
  const clocks = new Map(branches.map((b) => [b.id, zoneClock(b.timezone)]));
  for (const b of bookings) {
    const clock = clocks.get(b.branch_id);
    if (clock === undefined) throw new RangeError(`booking ${b.id}: unknown branch "${b.branch_id}"`);
    const ms = parseInstant(b.start_at);
    if (ms === null) throw new RangeError(`booking ${b.id}: start_at "${b.start_at}" is not an ISO 8601 instant`);
    yield {
      id: b.id,
      customer_id: b.customer_id,
      branch_id: b.branch_id,
      service: b.service,
      staff: b.staff,
      status: b.status,
      price: b.price,
      ms,
      day: clock.localDay(ms),
    };
  }
}

/** Builds an index over a whole data set and computes every pair as of `asOfDay`. */
export function buildActivityIndex(input: ActivityInput, asOfDay: number, rules: RuleSettings = DEFAULT_RULES): ActivityIndex {
  const index = historyIndex(input, rules, asOfDay);
  index.recomputeAll();
  return index;
}

/**
 * Loads a whole data set into an index without computing any pair (for `histories()`, which the
 * trend engine reads); `recomputeAll` or `setAsOf` computes the pairs when wanted.
 */
export function historyIndex(input: ActivityInput, rules: RuleSettings = DEFAULT_RULES, asOfDay = 0): ActivityIndex {
  const index = new ActivityIndex(asOfDay, rules);
  for (const branch of input.branches) index.putBranch(branch);
  index.loadCustomers(input.customers);
  index.loadFacts(input.bookings);
  return index;
}
