import { beforeEach, describe, expect, it } from 'vitest';
import { criteria } from '../../../../shared/domain/criteria';
import { currentCriteria, customersView, filtersOf, useCustomersView } from './customers-view-store';

beforeEach(() => customersView.reset());

describe('customers view store', () => {
  it('toggles multi-value filters and clears them one by one or all at once, keeping search and sort', () => {
    customersView.setQuery('maria');
    customersView.setSort({ field: 'visits', direction: 'asc' });
    customersView.toggleStatus('at_risk');
    customersView.toggleStatus('churned');
    customersView.toggleStatus('at_risk');
    customersView.toggleTag('kids');
    customersView.setInput('minVisits', '3');
    customersView.setInput('daysFrom', '13');
    customersView.setInput('daysTo', '30');
    let { filters } = filtersOf(useCustomersView.getState());
    expect(filters).toMatchObject({ statuses: ['churned'], tags: ['kids'], minVisits: 3, daysSinceMin: 13, daysSinceMax: 30 });

    customersView.clearFilter('daysSince');
    ({ filters } = filtersOf(useCustomersView.getState()));
    expect(filters).toMatchObject({ daysSinceMin: null, daysSinceMax: null, minVisits: 3 });

    customersView.clearFilters();
    const state = useCustomersView.getState();
    expect(filtersOf(state).filters).toMatchObject({ statuses: [], tags: [], minVisits: null });
    expect(state.query).toBe('maria');
    expect(state.sort).toEqual({ field: 'visits', direction: 'asc' });
  });

  it('a new search drops the selection; picking a sort leaves best match until the search is cleared', () => {
    customersView.select('cu-1');
    customersView.setQuery('ma');
    expect(useCustomersView.getState()).toMatchObject({ selectedId: null, bestMatch: true });
    customersView.setSort({ field: 'name', direction: 'asc' });
    customersView.setQuery('mar');
    expect(useCustomersView.getState().bestMatch).toBe(false);
    customersView.setQuery('');
    expect(useCustomersView.getState().bestMatch).toBe(true);
  });

  it('reports typing problems without applying them', () => {
    customersView.setInput('minSpent', 'lots');
    const { filters, errors } = filtersOf(useCustomersView.getState());
    expect(filters.minSpentCents).toBeNull();
    expect(errors.minSpent).toBe('Enter an amount like 250 or 99.50');
  });

  it('a saved segment fills the list filters and keeps the rest as its own filter; the list view saves back to the same criteria', () => {
    const saved = criteria({ statuses: ['at_risk'], frequency_tiers: ['regular', 'frequent'], min_spent: 12_550, days_since_max: 30, vip: true, rfm: { r_min: 2, r_max: null, f_min: null, f_max: null, m_min: null, m_max: null } });
    customersView.setQuery('maria');
    customersView.applySegment({ id: 'sg-1', name: 'VIP regulars at risk', criteria: saved });
    const state = useCustomersView.getState();
    expect(state.query).toBe('');
    expect(filtersOf(state).filters).toMatchObject({ statuses: ['at_risk'], frequencyTiers: ['regular', 'frequent'], minSpentCents: 12_550, daysSinceMax: 30 });
    expect(state.segment).toMatchObject({ id: 'sg-1', name: 'VIP regulars at risk' });
    expect(state.segment?.extra).toMatchObject({ vip: true, statuses: [], rfm: { r_min: 2 } });
    expect(currentCriteria(state)).toEqual(saved);

    customersView.toggleStatus('churned');
    expect(currentCriteria(useCustomersView.getState()).statuses).toEqual(['at_risk', 'churned']);
    customersView.removeSegment();
    expect(currentCriteria(useCustomersView.getState()).vip).toBeNull();
  });

  it('a segment the list can show entirely needs no extra filter', () => {
    customersView.applySegment({ id: 'sg-2', name: 'Tagged kids', criteria: criteria({ tags: ['kids'] }) });
    expect(useCustomersView.getState().segment).toEqual({ id: 'sg-2', name: 'Tagged kids', extra: null });
    customersView.clearFilters();
    expect(useCustomersView.getState().segment).toBeNull();
  });

  it('the ticked prediction filters are criteria too: "Likely to lapse" = chance below 50 %, "Overdue for them"', () => {
    customersView.toggleStatus('at_risk');
    customersView.toggleOutlook('likely_to_lapse');
    expect(currentCriteria(useCustomersView.getState())).toEqual(criteria({ statuses: ['at_risk'], chance_below_pct: 50 }));
    customersView.toggleOutlook('overdue');
    expect(currentCriteria(useCustomersView.getState())).toEqual(criteria({ statuses: ['at_risk'], chance_below_pct: 50, overdue_for_them: true }));
    // A segment's own prediction filters stay its extra; a stricter one is kept.
    customersView.applySegment({ id: 'sg-3', name: 'Lapsing, high value', criteria: criteria({ chance_below_pct: 30, min_predicted_value: 10_000 }) });
    const state = useCustomersView.getState();
    expect(state.segment?.extra).toMatchObject({ chance_below_pct: 30, min_predicted_value: 10_000 });
    expect(currentCriteria(state)).toEqual(criteria({ chance_below_pct: 30, min_predicted_value: 10_000 }));
    customersView.toggleOutlook('likely_to_lapse');
    expect(currentCriteria(useCustomersView.getState()).chance_below_pct).toBe(30);
  });
});
