import type { PairOutlook } from '../../../../shared/predict/outlook';
import type { CustomerDoc } from '../../../../shared/domain/schemas';
import type { PairActivity } from '../../../../shared/engine/activity';
import { customerFixture } from '../../data/test-fixtures';
import { buildRows, type CustomerRow } from './customer-rows';
import type { CustomerFilters } from './customer-filters';

/** Test helpers: a pair's activity with plain defaults, and a list row. */
export function activityFixture(over: Partial<PairActivity> = {}): PairActivity {
  return {
    customer_id: 'cu-1',
    branch_id: 'br-1',
    status: 'active',
    days_since_last_visit: 5,
    total_bookings: 3,
    total_spent: 45_000,
    first_visit_date: '2025-12-01',
    last_visit_date: '2026-02-25',
    no_shows: 0,
    spending_tier: 'low',
    frequency_tier: 'occasional',
    favorite_service: 'Haircut',
    preferred_staff: 'Ana',
    ...over,
  };
}

/** The all-branches list's row of a customer with this pair (null: no pair) and outlook, as the list builds it. */
export function rowFixture(customer: Partial<CustomerDoc>, activity: Partial<PairActivity> | null = {}, outlook: PairOutlook | null = null): CustomerRow {
  const doc = customerFixture(customer);
  const pairs = activity === null ? [] : [activityFixture({ customer_id: doc.id, ...activity })];
  const [row] = buildRows(new Map([[doc.id, doc]]), pairs, { kind: 'all', preferredBranchId: '' }, undefined, () => outlook ?? undefined);
  if (row === undefined) throw new Error('buildRows gave no row for the customer');
  return row;
}

/** No filter set. */
export const NO_FILTERS: CustomerFilters = {
  statuses: [],
  spendingTiers: [],
  frequencyTiers: [],
  tags: [],
  minVisits: null,
  minSpentCents: null,
  daysSinceMin: null,
  daysSinceMax: null,
};
