import type { BranchMetrics } from '../engine/metrics';
import type { TrendDay } from '../engine/trend';
import { csvLine } from './table';

/** Contract columns of the `trend` output, in order (docs/DESIGN.md §3). */
const TREND_COLUMNS = [
  'date',
  'branch_id',
  'customers',
  'new',
  'active',
  'at_risk',
  'churned',
  'win_back',
  'new_customers_30d',
  'churn_rate',
  'avg_clv',
  'avg_visits',
] as const;

/** One row; numbers are written as `metrics` writes them in JSON (shortest round-trip form). */
export function trendCsvRow(date: string, branchId: string, m: BranchMetrics): string {
  return csvLine([
    date,
    branchId,
    String(m.customers),
    String(m.new),
    String(m.active),
    String(m.at_risk),
    String(m.churned),
    String(m.win_back),
    String(m.new_customers_30d),
    String(m.churn_rate),
    String(m.avg_clv),
    String(m.avg_visits),
  ]);
}

/** The whole `trend` CSV: header, then per day its branches in the given order, then `all`. */
export function trendCsv(days: readonly TrendDay[]): string {
  const lines = [csvLine([...TREND_COLUMNS])];
  for (const day of days) {
    for (const [id, m] of day.branches) lines.push(trendCsvRow(day.date, id, m));
    lines.push(trendCsvRow(day.date, 'all', day.all));
  }
  return `${lines.join('\n')}\n`;
}
