/**
 * The HQ dashboard's numbers, as pure functions of the server's reports: the branch comparison
 * table (rows, sorting), organisation totals, and chart series from the daily snapshots.
 */
import type { CustomerStatus } from '../../../../shared/domain/types';
import type { BranchMetrics, MetricsReport } from '../../../../shared/engine/metrics';
import type { TrendResponse } from '../../../../shared/sync/protocol';
import { compareCodePoints } from '../../../../shared/util/compare';

export interface BranchRow extends BranchMetrics {
  id: string;
  name: string;
}

export type SortKey = 'name' | keyof BranchMetrics;
export type SortDirection = 'asc' | 'desc';

export interface Column {
  key: SortKey;
  label: string;
  /** Numeric columns are right-aligned and sort largest first on the first click. */
  numeric: boolean;
}

export const STATUS_ORDER: CustomerStatus[] = ['active', 'win_back', 'at_risk', 'churned', 'new'];

export const COLUMNS: Column[] = [
  { key: 'name', label: 'Branch', numeric: false },
  { key: 'customers', label: 'Pairs', numeric: true },
  { key: 'active', label: 'Active', numeric: true },
  { key: 'win_back', label: 'Win-back', numeric: true },
  { key: 'at_risk', label: 'At risk', numeric: true },
  { key: 'churned', label: 'Churned', numeric: true },
  { key: 'new', label: 'New', numeric: true },
  { key: 'new_customers_30d', label: 'New in 30 days', numeric: true },
  { key: 'churn_rate', label: 'Churn rate', numeric: true },
  { key: 'avg_clv', label: 'Avg. lifetime value', numeric: true },
  { key: 'avg_visits', label: 'Avg. visits', numeric: true },
];

const integer = new Intl.NumberFormat('en');
const money = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A metric as shown in the table and the totals (rates as percentages, money with two decimals). */
export function formatMetric(key: keyof BranchMetrics, value: number): string {
  if (key === 'churn_rate') return `${(value * 100).toFixed(2)}%`;
  if (key === 'avg_clv') return money.format(value);
  if (key === 'avg_visits') return value.toFixed(2);
  return integer.format(value);
}

/** One row per branch of the report, named from `names` (the id when the branch is unknown). */
export function branchRows(report: MetricsReport, names: Readonly<Record<string, string>>): BranchRow[] {
  return Object.entries(report.branches).map(([id, m]) => ({ ...m, id, name: names[id] ?? id }));
}

export function sortRows(rows: readonly BranchRow[], key: SortKey, direction: SortDirection): BranchRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const primary = key === 'name' ? a.name.localeCompare(b.name, 'en') : a[key] - b[key];
    return primary !== 0 ? sign * primary : compareCodePoints(a.id, b.id);
  });
}

/** The direction a click on `key` sorts in, given the current sort. */
export function nextSort(current: { key: SortKey; direction: SortDirection }, key: SortKey): { key: SortKey; direction: SortDirection } {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  const numeric = COLUMNS.find((c) => c.key === key)?.numeric ?? false;
  return { key, direction: numeric ? 'desc' : 'asc' };
}

export interface Series {
  id: string;
  /** null where the branch has no snapshot that day (a gap, not a zero). */
  values: (number | null)[];
}

/** One metric over the snapshot days: one series per branch (in `branchIds` order) and the organisation. */
export function trendSeries(trend: TrendResponse, metric: keyof BranchMetrics, branchIds: readonly string[]): { labels: string[]; branches: Series[]; all: number[] } {
  const days = [...trend.days].sort((a, b) => compareCodePoints(a.date, b.date));
  return {
    labels: days.map((d) => d.date),
    branches: branchIds.map((id) => ({ id, values: days.map((d) => d.branches[id]?.[metric] ?? null) })),
    all: days.map((d) => d.all[metric]),
  };
}

/** The latest value of a series (skipping gaps), or null. */
export function lastValue(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i -= 1) {
    const v = values[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

/** Customers per status for each branch (stacked bars), in table order. */
export function statusMix(rows: readonly BranchRow[]): { status: CustomerStatus; values: number[] }[] {
  return STATUS_ORDER.map((status) => ({ status, values: rows.map((r) => r[status]) }));
}
