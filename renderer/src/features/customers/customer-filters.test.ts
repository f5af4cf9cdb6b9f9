import { describe, expect, it } from 'vitest';
import { CustomerSearchIndex } from '../../data/search-index';
import { activeFilterKeys, runQuery, type CustomerFilters, type RowMatcher } from './customer-filters';
import { NO_FILTERS } from './test-rows';
import { rowFixture } from './test-rows';

const rows = [
  rowFixture({ id: 'a', email: 'a@example.com', name: 'Maria Santos', tags: ['vip-list', 'kids'] }, { status: 'active', days_since_last_visit: 3, total_bookings: 12, total_spent: 120_000, spending_tier: 'vip', frequency_tier: 'frequent' }),
  rowFixture({ id: 'b', email: 'b@example.com', name: 'Ana Maria Cruz', tags: [] }, { status: 'at_risk', days_since_last_visit: 21, total_bookings: 4, total_spent: 60_000, spending_tier: 'high', frequency_tier: 'occasional' }),
  rowFixture({ id: 'c', email: 'c@example.com', name: 'Rosemarie Lim', tags: ['kids'] }, { status: 'churned', days_since_last_visit: 95, total_bookings: 1, total_spent: 2_000, spending_tier: 'low', frequency_tier: 'one_time' }),
  rowFixture({ id: 'd', email: 'd@example.com', name: 'Jun Reyes', tags: ['walk-in'] }, { status: 'new', days_since_last_visit: null, last_visit_date: null, total_bookings: 0, total_spent: 0, spending_tier: 'none', frequency_tier: 'none' }),
  rowFixture({ id: 'e', email: 'e@example.com', name: 'Carla Maria Ong', tags: [] }, null),
];
const f = (over: Partial<CustomerFilters>): CustomerFilters => ({ ...NO_FILTERS, ...over });
const visible = (filters: CustomerFilters, match: RowMatcher | null = null): string[] => runQuery(rows, match, filters).visible.map((r) => r.id);

describe('filters', () => {
  it('shows everyone without filters, in the given order', () => {
    expect(visible(NO_FILTERS)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(activeFilterKeys(NO_FILTERS)).toEqual([]);
  });

  it('status and tiers: any of the ticked values; customers without activity never match a status', () => {
    expect(visible(f({ statuses: ['at_risk', 'churned'] }))).toEqual(['b', 'c']);
    expect(visible(f({ spendingTiers: ['vip', 'high'] }))).toEqual(['a', 'b']);
    expect(visible(f({ spendingTiers: ['none'] }))).toEqual(['d', 'e']);
    expect(visible(f({ frequencyTiers: ['one_time', 'occasional'] }))).toEqual(['b', 'c']);
    expect(visible(f({ statuses: ['new'] }))).toEqual(['d']);
  });

  it('tags: any of the ticked tags', () => {
    expect(visible(f({ tags: ['kids'] }))).toEqual(['a', 'c']);
    expect(visible(f({ tags: ['walk-in', 'vip-list'] }))).toEqual(['a', 'd']);
  });

  it('minimum visits and spent are inclusive', () => {
    expect(visible(f({ minVisits: 4 }))).toEqual(['a', 'b']);
    expect(visible(f({ minVisits: 0 }))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(visible(f({ minSpentCents: 60_000 }))).toEqual(['a', 'b']);
    expect(visible(f({ minSpentCents: 60_001 }))).toEqual(['a']);
  });

  it('days since last visit: inclusive range, open at either end, no visit never matches', () => {
    expect(visible(f({ daysSinceMin: 21, daysSinceMax: 95 }))).toEqual(['b', 'c']);
    expect(visible(f({ daysSinceMin: 22 }))).toEqual(['c']);
    expect(visible(f({ daysSinceMax: 21 }))).toEqual(['a', 'b']);
    expect(visible(f({ daysSinceMin: 0 }))).toEqual(['a', 'b', 'c']);
  });

  it('filters combine: every one must pass', () => {
    const combined = f({ statuses: ['active', 'at_risk', 'churned'], tags: ['kids'], minVisits: 2 });
    expect(visible(combined)).toEqual(['a']);
    expect(activeFilterKeys(combined)).toEqual(['status', 'tags', 'minVisits']);
    const c = rows.filter((r) => r.id === 'c');
    // churned and tagged kids, but 1 visit: fails minimum visits only
    expect(runQuery(c, null, combined).hiddenBy).toEqual({ status: 0, spending: 0, frequency: 0, tags: 0, minVisits: 1, minSpent: 0, daysSince: 0 });
  });
});

describe('runQuery with search', () => {
  const index = new CustomerSearchIndex();
  for (const r of rows) index.put(r.customer);
  const matcher = (query: string): RowMatcher | null => {
    const byId = index.matcher(query);
    return byId === null ? null : (row) => byId(row.id);
  };

  it('keeps only matching customers, in the given order, and counts them before filters', () => {
    const match = matcher('maria');
    const result = runQuery(rows, match, NO_FILTERS);
    expect(result.visible.map((r) => r.id)).toEqual(['a', 'b', 'e']);
    expect(result.matched).toBe(3);
    expect(result.matchedRows.map((r) => r.id)).toEqual(['a', 'b', 'e']);
    expect(runQuery(rows, match, f({ statuses: ['at_risk'] })).visible.map((r) => r.id)).toEqual(['b']);
  });

  it('best match first: word starts before later words before inside words, given order within each', () => {
    // a "Maria Santos" (3), b "Ana Maria Cruz" (2), c "Rosemarie" (1, "mari" inside), e "Carla Maria Ong" (2)
    const match = matcher('mari');
    expect(runQuery(rows, match, NO_FILTERS).visible.map((r) => r.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(runQuery(rows, match, NO_FILTERS, { bestMatchFirst: true }).visible.map((r) => r.id)).toEqual(['a', 'b', 'e', 'c']);
  });

  it('counts facets as "what ticking this would show" and what each filter alone hides', () => {
    const filters = f({ statuses: ['active'], minVisits: 4 });
    const result = runQuery(rows, null, filters);
    expect(result.visible.map((r) => r.id)).toEqual(['a']);
    // status facet ignores the status filter, keeps minVisits ≥ 4: a (active), b (at_risk)
    expect(result.facets.status).toEqual({ new: 0, active: 1, win_back: 0, at_risk: 1, churned: 0 });
    // tier facets keep both filters: only a
    expect(result.facets.spending).toEqual({ vip: 1, high: 0, medium: 0, low: 0, none: 0 });
    // b fails status only; c, d, e fail both (status and visits), so neither alone would show them
    expect(result.hiddenBy).toEqual({ status: 1, spending: 0, frequency: 0, tags: 0, minVisits: 0, minSpent: 0, daysSince: 0 });
    const onlyVisits = runQuery(rows, null, f({ minVisits: 1 }));
    expect(onlyVisits.hiddenBy.minVisits).toBe(2);
  });
});
