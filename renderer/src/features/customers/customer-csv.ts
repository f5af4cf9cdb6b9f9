import { csvLine } from '../../../../shared/csv/table';
import { formatMoney } from '../../../../shared/money';
import type { CustomerRow } from './customer-rows';

const CUSTOMER_CSV_COLUMNS = [
  'customer_id',
  'name',
  'phone',
  'email',
  'branch',
  'status',
  'days_since_last_visit',
  'visits',
  'total_spent',
  'first_visit_date',
  'last_visit_date',
  'no_shows',
  'spending_tier',
  'frequency_tier',
  'tags',
  'opted_in_marketing',
] as const;

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe. Phone numbers are E.164 (`+` and digits only) and stay as they are.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One row of the export. Money as `1234.50` and dates as `YYYY-MM-DD`, like the CLI's CSV. */
export function customerCsvRow(row: CustomerRow, branchName: (id: string) => string): string {
  const c = row.customer;
  const a = row.activity;
  return csvLine([
    spreadsheetSafe(c.id),
    spreadsheetSafe(c.name),
    /^\+\d+$/.test(c.phone) ? c.phone : spreadsheetSafe(c.phone),
    spreadsheetSafe(c.email),
    a === null ? '' : spreadsheetSafe(branchName(a.branch_id)),
    a?.status ?? '',
    a?.days_since_last_visit === null || a === null ? '' : String(a.days_since_last_visit),
    String(a?.total_bookings ?? 0),
    formatMoney(a?.total_spent ?? 0),
    a?.first_visit_date ?? '',
    a?.last_visit_date ?? '',
    String(a?.no_shows ?? 0),
    a?.spending_tier ?? 'none',
    a?.frequency_tier ?? 'none',
    spreadsheetSafe(c.tags.join('; ')),
    c.opted_in_marketing ? 'yes' : 'no',
  ]);
}

/** The rows as a CSV file (header first, CRLF line ends as RFC 4180 has them). */
export function customersCsv(rows: readonly CustomerRow[], branchName: (id: string) => string): string {
  const lines = [CUSTOMER_CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(customerCsvRow(row, branchName));
  return `${lines.join('\r\n')}\r\n`;
}

/** `customers-manila-makati-2026-03-02.csv`: only characters every file system accepts. */
export function exportFileName(scopeName: string, date: string): string {
  const slug = scopeName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `customers-${slug === '' ? 'list' : slug}-${date}.csv`;
}
