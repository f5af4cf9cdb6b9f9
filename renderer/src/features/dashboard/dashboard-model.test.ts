import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../../shared/csv/import';
import { buildActivityIndex } from '../../../../shared/engine/dataset';
import type { BranchMetrics } from '../../../../shared/engine/metrics';
import type { PairOutlook } from '../../../../shared/predict/outlook';
import { parseDay } from '../../../../shared/time/calendar';
import { customerFixture } from '../../data/test-fixtures';
import { activityFixture } from '../customers/test-rows';
import { atRiskActions, dashboardMetrics, headline, headlineDetail, percent, tierCounts, topBySpend } from './dashboard-model';

function outlookFixture(customerId: string, valueAtRisk: number): PairOutlook {
  return {
    customer_id: customerId,
    branch_id: 'br-1',
    p_alive: 0.5,
    expected_visits_30: 0.4,
    expected_visits_90: 1,
    expected_spend: 20,
    predicted_value_30: 8,
    predicted_value_90: 20,
    value_at_risk_90: valueAtRisk,
    cadence: null,
  };
}

const SAMPLE = new URL('../../../../fixtures/sample/', import.meta.url);

describe('dashboardMetrics', () => {
  it('equals the CLI’s expected metrics for the sample data, per branch and for all branches', () => {
    const read = (name: string): string => readFileSync(new URL(name, SAMPLE), 'utf8');
    const parsed = parseDataset({ branches: read('branches.csv'), customers: read('customers.csv'), bookings: read('bookings.csv') });
    if (!parsed.ok) throw new Error('sample data did not parse');
    const asOf = parseDay('2026-03-01') ?? 0;
    const index = buildActivityIndex(parsed.dataset, asOf);
    const expected = JSON.parse(read('expected-metrics-2026-03-01.json')) as { branches: Record<string, BranchMetrics>; all: BranchMetrics };
    const ids = parsed.dataset.branches.map((b) => b.id);
    for (const id of ids) expect(dashboardMetrics(index.activities(), ids, asOf, id)).toEqual(expected.branches[id]);
    expect(dashboardMetrics(index.activities(), ids, asOf, null)).toEqual(expected.all);
  });

  it('reports zeros for a branch without customers', () => {
    const m = dashboardMetrics([], ['br-empty'], 20_000, 'br-empty');
    expect(m).toMatchObject({ customers: 0, churn_rate: 0, avg_clv: 0 });
  });
});

describe('wording', () => {
  const m: BranchMetrics = { customers: 60, new: 5, active: 20, win_back: 3, at_risk: 8, churned: 24, new_customers_30d: 4, churn_rate: 0.4364, avg_clv: 321.5, avg_visits: 6.25 };
  it('says the glance in words', () => {
    expect(headline(m)).toBe('23 active, 8 at risk, 24 churned');
    expect(headlineDetail(m)).toBe('of 60 customers · 3 of the active came back after churning · 5 customers not yet visited');
    expect(headlineDetail({ ...m, win_back: 0, new: 1 })).toBe('of 60 customers · 1 customer not yet visited');
    expect(percent(0.4364)).toBe('43.64%');
    expect(percent(0)).toBe('0.00%');
  });
});

describe('action lists', () => {
  const customers = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, customerFixture({ id, name: `Customer ${id.toUpperCase()}` })]));
  const acts = [
    activityFixture({ customer_id: 'a', branch_id: 'br-1', status: 'at_risk', total_spent: 5000, total_bookings: 2, spending_tier: 'low', frequency_tier: 'occasional' }),
    activityFixture({ customer_id: 'b', branch_id: 'br-1', status: 'at_risk', total_spent: 90_000, total_bookings: 9, spending_tier: 'high', frequency_tier: 'regular' }),
    activityFixture({ customer_id: 'c', branch_id: 'br-1', status: 'active', total_spent: 150_000, total_bookings: 20, spending_tier: 'vip', frequency_tier: 'frequent' }),
    activityFixture({ customer_id: 'd', branch_id: 'br-2', status: 'at_risk', total_spent: 99_000, total_bookings: 9, spending_tier: 'high', frequency_tier: 'regular' }),
    activityFixture({ customer_id: 'e', branch_id: 'br-1', status: 'new', total_spent: 0, total_bookings: 0, spending_tier: 'none', frequency_tier: 'none' }),
    activityFixture({ customer_id: 'zz', branch_id: 'br-1', status: 'at_risk', total_spent: 1, total_bookings: 1 }),
  ];

  it('lists only the scope’s at-risk customers, most valuable first (unknown customers left out)', () => {
    expect(atRiskActions(acts, customers, 'br-1').map((x) => x.customer.id)).toEqual(['b', 'a']);
    expect(atRiskActions(acts, customers, null).map((x) => x.customer.id)).toEqual(['d', 'b', 'a']);
    expect(atRiskActions(acts, customers, 'br-1').every((x) => x.activity.status === 'at_risk')).toBe(true);
  });

  it('with predictions, ranks the call-back list by value at risk (spend breaks ties; no prediction last)', () => {
    const risk: Record<string, number> = { a: 12.5, d: 3.25 };
    const outlookOf = (_branch: string, id: string) => (risk[id] === undefined ? undefined : outlookFixture(id, risk[id]));
    // a spent least but has most at risk; b has no prediction (e.g. no visit counted yet).
    expect(atRiskActions(acts, customers, null, outlookOf).map((x) => x.customer.id)).toEqual(['a', 'd', 'b']);
    expect(atRiskActions(acts, customers, null, outlookOf)[0]?.outlook?.value_at_risk_90).toBe(12.5);
    expect(atRiskActions(acts, customers, null, () => outlookFixture('x', 1)).map((x) => x.customer.id)).toEqual(['d', 'b', 'a']);
  });

  it('leaves erased customers out of the call-back and top lists (nobody to call)', () => {
    const erased = new Map(customers);
    erased.set('b', customerFixture({ id: 'b', name: 'Erased customer', erased_at: '2026-02-01T00:00:00Z' }));
    expect(atRiskActions(acts, erased, 'br-1').map((x) => x.customer.id)).toEqual(['a']);
    expect(topBySpend(acts, erased, 'br-1').map((x) => x.customer.id)).toEqual(['c', 'a']);
  });

  it('ranks the top spenders with visits only, up to the limit', () => {
    expect(topBySpend(acts, customers, 'br-1').map((x) => x.customer.id)).toEqual(['c', 'b', 'a']);
    expect(topBySpend(acts, customers, null, 2).map((x) => x.customer.id)).toEqual(['c', 'd']);
  });

  it('counts tiers in the scope', () => {
    const t = tierCounts(acts, 'br-1');
    expect(t.spending).toEqual({ vip: 1, high: 1, medium: 0, low: 2, none: 1 });
    expect(t.frequency).toEqual({ frequent: 1, regular: 1, occasional: 2, one_time: 0, none: 1 });
  });
});
