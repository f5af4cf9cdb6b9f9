import { describe, expect, it } from 'vitest';
import type { PairOutlook } from '../../../../shared/predict/outlook';
import { sortRows } from './customer-sort';
import { filterByOutlook, outlookCounts } from './outlook-filters';
import { rowFixture } from './test-rows';

function outlook(id: string, over: Partial<PairOutlook>): PairOutlook {
  return {
    customer_id: id,
    branch_id: 'br-1',
    p_alive: 0.9,
    expected_visits_30: 0.5,
    expected_visits_90: 1.5,
    expected_spend: 25,
    predicted_value_30: 12.5,
    predicted_value_90: 37.5,
    value_at_risk_90: 4,
    cadence: null,
    ...over,
  };
}

const overdue = { typical_gap_days: 14, due_day: 100, tolerance_days: 4, status: 'overdue' as const, days_past_due: 9 };
const rows = [
  rowFixture({ id: 'a', name: 'Ana' }, {}, outlook('a', { p_alive: 0.3, value_at_risk_90: 30, predicted_value_90: 5, cadence: overdue })),
  rowFixture({ id: 'b', name: 'Ben' }, {}, outlook('b', { p_alive: 0.95, value_at_risk_90: 1, predicted_value_90: 80, cadence: overdue })),
  rowFixture({ id: 'c', name: 'Cris' }, {}, outlook('c', { p_alive: 0.4, value_at_risk_90: 12, predicted_value_90: 20 })),
  rowFixture({ id: 'd', name: 'Dee' }, null, null),
];

describe('prediction filters and sorts of the Customers list', () => {
  it('likely to lapse: chance under 50%; overdue: past their own cadence; both: each of them; no prediction: never', () => {
    expect(filterByOutlook(rows, ['likely_to_lapse']).map((r) => r.id)).toEqual(['a', 'c']);
    expect(filterByOutlook(rows, ['overdue']).map((r) => r.id)).toEqual(['a', 'b']);
    expect(filterByOutlook(rows, ['likely_to_lapse', 'overdue']).map((r) => r.id)).toEqual(['a']);
    expect(filterByOutlook(rows, [])).toBe(rows);
    expect(outlookCounts(rows)).toEqual({ likely_to_lapse: 2, overdue: 2 });
  });

  it('sorts by value at risk, predicted value and chance, rows without a prediction last both ways', () => {
    expect(sortRows(rows, { field: 'value_at_risk', direction: 'desc' }).map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(sortRows(rows, { field: 'value_at_risk', direction: 'asc' }).map((r) => r.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(sortRows(rows, { field: 'predicted_value', direction: 'desc' }).map((r) => r.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(sortRows(rows, { field: 'chance', direction: 'asc' }).map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
  });
});
