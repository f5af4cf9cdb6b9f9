import { LIKELY_TO_LAPSE_BELOW } from '../../../../shared/predict/outlook';
import type { CustomerRow } from './customer-rows';

/**
 * The list's filters on predictions (docs/DESIGN.md §11): "likely to lapse" (chance of return
 * under 50%) and "overdue for them" (past their own cadence's due date by more than its
 * tolerance). A row passes when it meets every ticked one; rows without a prediction fail them.
 */
export const OUTLOOK_FILTERS = ['likely_to_lapse', 'overdue'] as const;
export type OutlookFilter = (typeof OUTLOOK_FILTERS)[number];

export const OUTLOOK_FILTER_LABELS: Record<OutlookFilter, string> = {
  likely_to_lapse: `Likely to lapse (under ${Math.round(LIKELY_TO_LAPSE_BELOW * 100)}% chance)`,
  overdue: 'Overdue for them',
};

export function meetsOutlook(row: CustomerRow, filter: OutlookFilter): boolean {
  const o = row.outlook ?? null;
  if (o === null) return false;
  return filter === 'likely_to_lapse' ? o.p_alive < LIKELY_TO_LAPSE_BELOW : o.cadence?.status === 'overdue';
}

/** The rows meeting every filter, order kept (the same array when none is ticked). */
export function filterByOutlook(rows: readonly CustomerRow[], filters: readonly OutlookFilter[]): readonly CustomerRow[] {
  if (filters.length === 0) return rows;
  return rows.filter((row) => filters.every((f) => meetsOutlook(row, f)));
}

/** Per filter, how many of the rows meet it (the counts beside the checkboxes). */
export function outlookCounts(rows: readonly CustomerRow[]): Record<OutlookFilter, number> {
  const counts: Record<OutlookFilter, number> = { likely_to_lapse: 0, overdue: 0 };
  for (const row of rows) for (const f of OUTLOOK_FILTERS) if (meetsOutlook(row, f)) counts[f] += 1;
  return counts;
}
