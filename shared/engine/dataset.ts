import type { Branch } from '../domain/types';
import { DEFAULT_RULES, type RuleSettings } from '../domain/settings';
import { ActivityIndex, type CustomerLink } from './activity-index';
import type { BookingFact } from './activity';

export interface ActivityInput {
  branches: readonly Branch[];
  customers: Iterable<CustomerLink>;
  /** Bookings with their instant and local day resolved (the CSV importer yields these). */
  bookings: Iterable<BookingFact>;
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
