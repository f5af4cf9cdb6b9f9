import { csvLine } from '../csv/table';
import { formatMoney } from '../money';
import type { PairPrediction } from './model';

/** Contract columns of the `predict` output, in order (docs/DESIGN.md §3); more may follow. */
export const PREDICT_COLUMNS = ['customer_id', 'branch_id', 'p_alive', 'expected_visits', 'expected_spend', 'predicted_value'] as const;

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
