import { csvLine } from '../csv/table';
import { formatMoney } from '../money';
import { formatDay } from '../time/calendar';
import type { Cadence } from './cadence';
import type { PairPrediction } from './model';

/** Contract columns of the `predict` output, in order (docs/DESIGN.md §3); more may follow. */
export const PREDICT_COLUMNS = ['customer_id', 'branch_id', 'p_alive', 'expected_visits', 'expected_spend', 'predicted_value'] as const;

/** Cadence columns that follow (empty with fewer than 3 visit days). */
export const CADENCE_COLUMNS = ['typical_gap_days', 'due_date', 'cadence_status'] as const;

export function cadenceFields(c: Cadence | null): string[] {
  return c === null ? ['', '', ''] : [String(c.typical_gap_days), formatDay(c.due_day), c.status];
}

/** Probabilities and expected counts with 6 decimals (the contract asks for at least 4). */
export function formatRate(v: number): string {
  return v.toFixed(6);
}

/** Major units, rounded half-up to cents. */
export function formatMajor(v: number): string {
  return formatMoney(Math.round(v * 100));
}

export function predictCsvRow(p: PairPrediction, extra: readonly string[] = []): string {
  return csvLine([p.customer_id, p.branch_id, formatRate(p.p_alive), formatRate(p.expected_visits), formatMajor(p.expected_spend), formatMajor(p.predicted_value), ...extra]);
}
