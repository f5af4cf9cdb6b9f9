import { BOOKING_COLUMNS, BRANCH_COLUMNS, CUSTOMER_COLUMNS } from '../csv/import';
import { csvField as quoteField } from '../csv/table';
import type { Booking, Branch, Customer } from '../domain/types';
import { formatMoney } from '../money';

/**
 * CSV lines in the import format of docs/DESIGN.md §3 (the exact headers of branches.csv,
 * customers.csv and bookings.csv; money with two decimals; instants as generated, with the
 * branch's local offset). Lines carry no line break: join them with '\n'.
 */
export const BRANCHES_CSV_HEADER = BRANCH_COLUMNS.join(',');
export const CUSTOMERS_CSV_HEADER = CUSTOMER_COLUMNS.join(',');
export const BOOKINGS_CSV_HEADER = BOOKING_COLUMNS.join(',');

/**
 * RFC 4180 field: quoted only when it holds a comma, quote or line break. A character scan
 * (no regular expression): most fields are short ids and dates that need no quotes.
 */
function csvField(value: string): string {
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return quoteField(value);
  }
  return value;
}

function threshold(value: number | null): string {
  return value === null ? '' : String(value);
}

export function branchCsvLine(b: Branch): string {
  return `${csvField(b.id)},${csvField(b.name)},${csvField(b.timezone)},${threshold(b.active_days)},${threshold(b.at_risk_days)}`;
}

export function customerCsvLine(c: Customer): string {
  return (
    `${csvField(c.id)},${csvField(c.name)},${csvField(c.phone)},${csvField(c.email)},${c.birthday},` +
    `${c.opted_in_marketing ? 'true' : 'false'},${c.preferred_contact},${csvField(c.created_at)},${csvField(c.home_branch_id)}`
  );
}

/** Quoted forms of the few service and staff names, computed once each. */
const quoted = new Map<string, string>();
function cachedField(value: string): string {
  let q = quoted.get(value);
  if (q === undefined) {
    q = quoteField(value);
    if (quoted.size < 10_000) quoted.set(value, q);
  }
  return q;
}

export function bookingCsvLine(b: Booking): string {
  return (
    `${csvField(b.id)},${csvField(b.customer_id)},${csvField(b.branch_id)},${cachedField(b.service)},${cachedField(b.staff)},` +
    `${csvField(b.start_at)},${b.status},${formatMoney(b.price)}`
  );
}
