/**
 * The HQ dashboard's numbers, as pure functions of the server's reports: the branch comparison
 * table (rows, sorting), organisation totals, and chart series from the daily snapshots.
 */
import type { CustomerStatus } from '../../../../shared/domain/types';
import type { BranchMetrics, MetricsReport } from '../../../../shared/engine/metrics';
import type { TrendResponse } from '../../../../shared/sync/protocol';
import { compareCodePoints } from '../../../../shared/util/compare';
import { formatPrice } from '../../lib/format';

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
  // in the business's currency when it has one (HQ sets it: Business money), else `1,234.50`
  if (key === 'avg_clv') return formatPrice(Math.round(value * 100));
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

/** The trend's date range: the last N days, a calendar year, or two dates. */
export type RangeChoice = { kind: 'last'; days: 30 | 90 | 365 } | { kind: 'year'; year: number } | { kind: 'custom'; from: string; to: string };

export const DEFAULT_RANGE: RangeChoice = { kind: 'last', days: 90 };

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Longest range the server serves (server/services/trend.ts MAX_TREND_DAYS). */
export const MAX_RANGE_DAYS = 1830;

/**
 * The dates of a range ending no later than `end` (the report's date: the as-of date, or today):
 * a problem instead when a custom range is not two dates in order or is too long.
 */
export function rangeDates(choice: RangeChoice, end: string): { from: string; to: string } | { problem: string } {
  if (choice.kind === 'last') return { from: dateOf(dayNumber(end) - choice.days + 1), to: end };
  if (choice.kind === 'year') {
    const from = `${String(choice.year).padStart(4, '0')}-01-01`;
    const last = `${String(choice.year).padStart(4, '0')}-12-31`;
    if (from > end) return { problem: `${choice.year} starts after ${end}` };
    return { from, to: last < end ? last : end };
  }
  const from = dayNumber(choice.from);
  const to = dayNumber(choice.to);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(choice.from) || Number.isNaN(from)) return { problem: 'Choose the first date of the range' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(choice.to) || Number.isNaN(to)) return { problem: 'Choose the last date of the range' };
  if (from > to) return { problem: `The range starts (${choice.from}) after it ends (${choice.to})` };
  if (to - from + 1 > MAX_RANGE_DAYS) return { problem: `The range is longer than ${MAX_RANGE_DAYS} days` };
  return { from: choice.from, to: choice.to };
}

/** The period of the same length just before [from, to] (for "vs the period before"). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = dayNumber(to) - dayNumber(from) + 1;
  return { from: dateOf(dayNumber(from) - length), to: dateOf(dayNumber(from) - 1) };
}

/** The change of a money or count figure against the period before ("+12.5 %", "new" from nothing). */
export function percentChange(now: number, before: number): string {
  if (before === 0) return now === 0 ? '0.0 %' : 'new';
  const pct = ((now - before) / before) * 100;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct).toFixed(1)} %`;
}

/** A label for the range ("Last 90 days", "2025", "1 Jan 2025 – 31 Mar 2025" is the caller's). */
export function rangeLabel(choice: RangeChoice): string {
  if (choice.kind === 'last') return `Last ${choice.days} days`;
  if (choice.kind === 'year') return String(choice.year);
  return `${choice.from} – ${choice.to}`;
}

/** One branch over the range: its figures on the first and the last day. */
export interface RangeRow {
  id: string;
  name: string;
  start: BranchMetrics;
  end: BranchMetrics;
}

/** Every branch (in `rows` order) and the organisation at the start and the end of the trend's range. */
export function rangeComparison(trend: TrendResponse, rows: readonly { id: string; name: string }[]): { rows: RangeRow[]; all: { start: BranchMetrics; end: BranchMetrics } | null } {
  const days = [...trend.days].sort((a, b) => compareCodePoints(a.date, b.date));
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) return { rows: [], all: null };
  const out: RangeRow[] = [];
  for (const r of rows) {
    const start = first.branches[r.id];
    const end = last.branches[r.id];
    if (start !== undefined && end !== undefined) out.push({ id: r.id, name: r.name, start, end });
  }
  return { rows: out, all: { start: first.all, end: last.all } };
}

/** The change from a to b as shown ("+3", "−1.25 pts" for rates, "0"). */
export function formatChange(key: keyof BranchMetrics, from: number, to: number): string {
  const d = to - from;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  if (key === 'churn_rate') return `${sign}${Math.abs(d * 100).toFixed(2)} pts`;
  if (key === 'avg_clv') return `${sign}${money.format(Math.abs(d))}`;
  if (key === 'avg_visits') return `${sign}${Math.abs(d).toFixed(2)}`;
  return `${sign}${integer.format(Math.abs(d))}`;
}

/** The dates period-over-period compares, for a report dated `end`: that date, a month before, a year before (clamped to the month's length). */
export function comparisonDates(end: string): { current: string; lastMonth: string; lastYear: string } {
  const [y, m, d] = end.split('-').map(Number) as [number, number, number];
  const clamp = (year: number, month: number) => {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, days)).padStart(2, '0')}`;
  };
  const lm = m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
  return { current: end, lastMonth: clamp(lm.year, lm.month), lastYear: clamp(y - 1, m) };
}
