import { ACTIVITY_FIELDS, type PairActivity } from '../engine/activity';
import { formatMoney } from '../money';
import { csvLine } from './table';

export function activityCsvRow(a: PairActivity): string {
  return csvLine([
    a.customer_id,
    a.branch_id,
    a.status,
    a.days_since_last_visit === null ? '' : String(a.days_since_last_visit),
    String(a.total_bookings),
    formatMoney(a.total_spent),
    a.first_visit_date ?? '',
    a.last_visit_date ?? '',
    String(a.no_shows),
    a.spending_tier,
    a.frequency_tier,
    a.favorite_service,
    a.preferred_staff,
  ]);
}

/** The whole `activity` CSV (header and rows, `\n` line ends, trailing newline). */
export function activityCsv(rows: Iterable<PairActivity>): string {
  // Contract columns of the `activity` output, in order (docs/DESIGN.md §3).
  const lines = [ACTIVITY_FIELDS.join(',')];
  for (const a of rows) lines.push(activityCsvRow(a));
  return `${lines.join('\n')}\n`;
}
