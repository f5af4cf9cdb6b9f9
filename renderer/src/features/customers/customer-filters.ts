import {
  CUSTOMER_STATUSES,
  FREQUENCY_TIERS,
  SPENDING_TIERS,
  type CustomerStatus,
  type FrequencyTier,
  type SpendingTier,
} from '../../../../shared/domain/types';
import type { ListFilters } from '../../../../shared/domain/criteria';
import type { CustomerRow } from './customer-rows';

/** The list's filters, parsed: the shape segments are saved from (shared/domain/criteria.ts). */
export type CustomerFilters = ListFilters;

export const FILTER_KEYS = ['status', 'spending', 'frequency', 'tags', 'minVisits', 'minSpent', 'daysSince'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Which filters are set. */
export function activeFilterKeys(f: CustomerFilters): FilterKey[] {
  const on: Record<FilterKey, boolean> = {
    status: f.statuses.length > 0,
    spending: f.spendingTiers.length > 0,
    frequency: f.frequencyTiers.length > 0,
    tags: f.tags.length > 0,
    minVisits: f.minVisits !== null,
    minSpent: f.minSpentCents !== null,
    daysSince: f.daysSinceMin !== null || f.daysSinceMax !== null,
  };
  return FILTER_KEYS.filter((k) => on[k]);
}

const BIT: Record<FilterKey, number> = { status: 1, spending: 2, frequency: 4, tags: 8, minVisits: 16, minSpent: 32, daysSince: 64 };

/**
 * A checker that returns, for a row, the bit set of the filters it fails (0 = it passes all).
 * Sets are built once, so the per-row cost is a few comparisons.
 */
function filterChecker(f: CustomerFilters): (row: CustomerRow) => number {
  const statuses = f.statuses.length > 0 ? new Set<string>(f.statuses) : null;
  const spending = f.spendingTiers.length > 0 ? new Set<string>(f.spendingTiers) : null;
  const frequency = f.frequencyTiers.length > 0 ? new Set<string>(f.frequencyTiers) : null;
  const tags = f.tags.length > 0 ? new Set(f.tags) : null;
  const { minVisits, minSpentCents, daysSinceMin, daysSinceMax } = f;
  const daysSet = daysSinceMin !== null || daysSinceMax !== null;
  return (row) => {
    const a = row.activity;
    let failed = 0;
    if (statuses !== null && (a === null || !statuses.has(a.status))) failed |= BIT.status;
    if (spending !== null && !spending.has(a?.spending_tier ?? 'none')) failed |= BIT.spending;
    if (frequency !== null && !frequency.has(a?.frequency_tier ?? 'none')) failed |= BIT.frequency;
    if (tags !== null && !row.customer.tags.some((t) => tags.has(t))) failed |= BIT.tags;
    if (minVisits !== null && (a?.total_bookings ?? 0) < minVisits) failed |= BIT.minVisits;
    if (minSpentCents !== null && (a?.total_spent ?? 0) < minSpentCents) failed |= BIT.minSpent;
    if (daysSet) {
      const days = a?.days_since_last_visit ?? null;
      if (days === null || (daysSinceMin !== null && days < daysSinceMin) || (daysSinceMax !== null && days > daysSinceMax)) failed |= BIT.daysSince;
    }
    return failed;
  };
}

/** A compiled search: a row's match quality (0 = no match). */
export type RowMatcher = (row: CustomerRow) => number;

export interface QueryResult {
  /** Rows matching the search and every filter, in the order given. */
  visible: CustomerRow[];
  /** Rows matching the search (before filters), in the order given. */
  matchedRows: readonly CustomerRow[];
  /** Rows matching the search alone (before filters). */
  matched: number;
  /**
   * Per option, how many rows would show if that option were ticked and the other filters kept:
   * the counts beside the filter checkboxes.
   */
  facets: {
    status: Record<CustomerStatus, number>;
    spending: Record<SpendingTier, number>;
    frequency: Record<FrequencyTier, number>;
  };
  /** Per filter, rows matching the search that this filter alone hides. */
  hiddenBy: Record<FilterKey, number>;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = 0;
  return out;
}

/**
 * Filters rows (already sorted) by a compiled search matcher (`null`: no search) and the filters,
 * in one pass, keeping their order (or, with `bestMatchFirst`, their order within each match
 * quality) and counting facets and what each filter hides. 50,000 rows take a few milliseconds:
 * nothing is sorted here.
 */
export function runQuery(
  rows: readonly CustomerRow[],
  match: RowMatcher | null,
  filters: CustomerFilters,
  options: { bestMatchFirst?: boolean } = {},
): QueryResult {
  const check = filterChecker(filters);
  // Best match first: rows bucketed by match quality (3 exact / word start, 2 prefix, 1 inside),
  // each bucket keeping the given order. Still one pass, no sort.
  const buckets: CustomerRow[][] = [[], [], [], []];
  const grouped = match !== null && options.bestMatchFirst === true;
  const facets = { status: zeros(CUSTOMER_STATUSES), spending: zeros(SPENDING_TIERS), frequency: zeros(FREQUENCY_TIERS) };
  const hiddenBy = zeros(FILTER_KEYS);
  const found: CustomerRow[] = [];
  for (const row of rows) {
    const score = match === null ? 0 : match(row);
    if (match !== null) {
      if (score === 0) continue;
      found.push(row);
    }
    const failed = check(row);
    const a = row.activity;
    if (failed === 0) buckets[grouped ? 3 - Math.min(3, score) : 0]?.push(row);
    // A facet counts rows that pass every *other* filter.
    if ((failed & ~BIT.status) === 0 && a !== null) facets.status[a.status] += 1;
    if ((failed & ~BIT.spending) === 0) facets.spending[a?.spending_tier ?? 'none'] += 1;
    if ((failed & ~BIT.frequency) === 0) facets.frequency[a?.frequency_tier ?? 'none'] += 1;
    if (failed !== 0 && (failed & (failed - 1)) === 0) {
      for (const key of FILTER_KEYS) if (failed === BIT[key]) hiddenBy[key] += 1;
    }
  }
  const visible = grouped ? buckets.flat() : (buckets[0] ?? []);
  const matchedRows = match === null ? rows : found;
  return { visible, matchedRows, matched: matchedRows.length, facets, hiddenBy };
}
