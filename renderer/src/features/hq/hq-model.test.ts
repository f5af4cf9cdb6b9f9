import { describe, expect, it } from 'vitest';
import type { BranchMetrics, MetricsReport } from '../../../../shared/engine/metrics';
import type { TrendResponse } from '../../../../shared/sync/protocol';
import { branchRows, formatMetric, lastValue, nextSort, sortRows, statusMix, trendSeries } from './hq-model';

const m = (over: Partial<BranchMetrics>): BranchMetrics => ({
  customers: 0,
  new: 0,
  active: 0,
  win_back: 0,
  at_risk: 0,
  churned: 0,
  new_customers_30d: 0,
  churn_rate: 0,
  avg_clv: 0,
  avg_visits: 0,
  ...over,
});

const report: MetricsReport = {
  as_of: '2026-03-01',
  branches: {
    'br-nyc': m({ customers: 40, churned: 10, churn_rate: 0.25, avg_clv: 1234.5 }),
    'br-manila': m({ customers: 40, churned: 4, churn_rate: 0.1, active: 30 }),
    'br-x': m({ customers: 3 }),
  },
  all: m({ customers: 83 }),
};
const names = { 'br-nyc': 'New York SoHo', 'br-manila': 'Manila Makati' };

describe('hq-model', () => {
  it('names rows and keeps unknown branches by id', () => {
    expect(branchRows(report, names).map((r) => r.name)).toEqual(['New York SoHo', 'Manila Makati', 'br-x']);
  });

  it('sorts by name or metric, ties by id, either way', () => {
    const rows = branchRows(report, names);
    expect(sortRows(rows, 'name', 'asc').map((r) => r.id)).toEqual(['br-x', 'br-manila', 'br-nyc']);
    expect(sortRows(rows, 'churn_rate', 'desc').map((r) => r.id)).toEqual(['br-nyc', 'br-manila', 'br-x']);
    expect(sortRows(rows, 'customers', 'desc').map((r) => r.id)).toEqual(['br-manila', 'br-nyc', 'br-x']);
    expect(sortRows(rows, 'customers', 'asc').map((r) => r.id)).toEqual(['br-x', 'br-manila', 'br-nyc']);
  });

  it('sorts numbers largest first on the first click, then toggles', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'churn_rate')).toEqual({ key: 'churn_rate', direction: 'desc' });
    expect(nextSort({ key: 'churn_rate', direction: 'desc' }, 'churn_rate')).toEqual({ key: 'churn_rate', direction: 'asc' });
    expect(nextSort({ key: 'churn_rate', direction: 'desc' }, 'name')).toEqual({ key: 'name', direction: 'asc' });
  });

  it('formats like the branch dashboard', () => {
    expect(formatMetric('churn_rate', 0.2513)).toBe('25.13%');
    expect(formatMetric('avg_clv', 1234.5)).toBe('1,234.50');
    expect(formatMetric('avg_visits', 3)).toBe('3.00');
    expect(formatMetric('customers', 12345)).toBe('12,345');
  });

  it('builds trend series in date order with zeros for missing branches', () => {
    const trend: TrendResponse = {
      from: '2026-03-01',
      to: '2026-03-02',
      today: '2026-03-02',
      days: [
        { date: '2026-03-02', branches: { 'br-nyc': m({ churn_rate: 0.3 }) }, all: m({ churn_rate: 0.2 }) },
        { date: '2026-03-01', branches: { 'br-nyc': m({ churn_rate: 0.25 }), 'br-manila': m({ churn_rate: 0.1 }) }, all: m({ churn_rate: 0.15 }) },
      ],
    };
    expect(trendSeries(trend, 'churn_rate', ['br-manila', 'br-nyc'])).toEqual({
      labels: ['2026-03-01', '2026-03-02'],
      branches: [
        { id: 'br-manila', values: [0.1, null] },
        { id: 'br-nyc', values: [0.25, 0.3] },
      ],
      all: [0.15, 0.2],
    });
  });

  it('reads the latest value of a series with gaps', () => {
    expect(lastValue([0.1, 0.2, null])).toBe(0.2);
    expect(lastValue([null, null])).toBeNull();
  });

  it('stacks statuses per branch', () => {
    const rows = sortRows(branchRows(report, names), 'name', 'asc');
    expect(statusMix(rows).find((s) => s.status === 'churned')?.values).toEqual([0, 4, 10]);
  });
});
