import type { CustomerStatus } from '../../../../shared/domain/types';
import { MS_PER_DAY, parseDay } from '../../../../shared/time/calendar';
import { STATUS_LABELS } from '../../lib/format';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-02-12` → "12 Feb 2026" (a calendar date: no zone involved); '' for none. */
export function shortDate(date: string | null): string {
  if (date === null || date === '') return '';
  const day = parseDay(date);
  return day === null ? date : dateFormat.format(day * MS_PER_DAY);
}

/** "1 day", "21 days". */
export function dayCount(days: number): string {
  return days === 1 ? '1 day' : `${days.toLocaleString('en')} days`;
}

/** The list's status line: "At risk · 21 days", "Active · today", "New · no visits yet". */
export function statusWithDays(status: CustomerStatus, days: number | null): string {
  const label = STATUS_LABELS[status];
  if (days === null) return `${label} · no visits yet`;
  if (days === 0) return `${label} · today`;
  return `${label} · ${dayCount(days)}`;
}

/** A customer's name as shown in lists: "Erased customer" once their personal data was erased. */
export function displayName(customer: { name: string; erased_at: string } | undefined, unknown = 'Unknown customer'): string {
  if (customer === undefined) return unknown;
  return customer.erased_at !== '' ? 'Erased customer' : customer.name;
}
