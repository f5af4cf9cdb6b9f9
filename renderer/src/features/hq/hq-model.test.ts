import { describe, expect, it } from 'vitest';
import type { BranchMetrics, MetricsReport } from '../../../../shared/engine/metrics';
import type { TrendResponse } from '../../../../shared/sync/protocol';
import { branchRows, formatMetric, lastValue, nextSort, sortRows, statusMix, trendSeries } from './hq-model';
import { comparisonDates, formatChange, rangeComparison, rangeDates } from './hq-model';

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

  it('turns a range choice into dates ending on the report date, and names a bad custom range', () => {
    expect(rangeDates({ kind: 'last', days: 30 }, '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(rangeDates({ kind: 'last', days: 365 }, '2026-03-01')).toEqual({ from: '2025-03-02', to: '2026-03-01' });
    expect(rangeDates({ kind: 'year', year: 2025 }, '2026-03-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(rangeDates({ kind: 'year', year: 2026 }, '2026-03-01')).toEqual({ from: '2026-01-01', to: '2026-03-01' });
    expect(rangeDates({ kind: 'year', year: 2027 }, '2026-03-01')).toEqual({ problem: '2027 starts after 2026-03-01' });
    expect(rangeDates({ kind: 'custom', from: '2026-02-10', to: '2026-02-01' }, '2026-03-01')).toEqual({ problem: 'The range starts (2026-02-10) after it ends (2026-02-01)' });
    expect(rangeDates({ kind: 'custom', from: '', to: '2026-02-01' }, '2026-03-01')).toEqual({ problem: 'Choose the first date of the range' });
    expect(rangeDates({ kind: 'custom', from: '2010-01-01', to: '2026-02-01' }, '2026-03-01')).toEqual({ problem: 'The range is longer than 1830 days' });
  });

  it('compares the same day a month and a year before, clamped to the month', () => {
    expect(comparisonDates('2026-03-31')).toEqual({ current: '2026-03-31', lastMonth: '2026-02-28', lastYear: '2025-03-31' });
    expect(comparisonDates('2026-01-15')).toEqual({ current: '2026-01-15', lastMonth: '2025-12-15', lastYear: '2025-01-15' });
    expect(comparisonDates('2028-02-29')).toEqual({ current: '2028-02-29', lastMonth: '2028-01-29', lastYear: '2027-02-28' });
  });

  it('puts each branch at the start and the end of the range, and formats changes', () => {
    const trend: TrendResponse = {
      from: '2026-03-01',
      to: '2026-03-03',
      today: '2026-03-03',
      days: [
        { date: '2026-03-03', branches: { 'br-nyc': m({ customers: 12 }) }, all: m({ customers: 12 }) },
        { date: '2026-03-01', branches: { 'br-nyc': m({ customers: 10 }) }, all: m({ customers: 10 }) },
      ],
    };
    const out = rangeComparison(trend, [{ id: 'br-nyc', name: 'NYC' }, { id: 'br-gone', name: 'Gone' }]);
    expect(out.rows.map((r) => [r.id, r.start.customers, r.end.customers])).toEqual([['br-nyc', 10, 12]]);
    expect(out.all?.end.customers).toBe(12);
    expect(formatChange('customers', 10, 12)).toBe('+2');
    expect(formatChange('churn_rate', 0.25, 0.2375)).toBe('−1.25 pts');
    expect(formatChange('avg_clv', 10, 10)).toBe('0.00');
  });
});
