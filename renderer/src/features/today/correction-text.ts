import type { Amendment } from '../../../../shared/domain/schemas';
import type { CorrectionRole } from '../../../../shared/domain/types';
import { BOOKING_STATUS_LABELS, formatPrice } from '../../lib/format';
import { tenderLine } from './payment-text';

const ROLE_WORDS: Record<CorrectionRole, string> = {
  desk: 'this desk (not paired)',
  front_desk: 'a front desk',
  manager: 'a manager',
  hq: 'HQ',
};

/** "Outcome No-show → Completed · Price 0.00 → 25.00": what one correction changed. */
export function amendmentChanges(a: Amendment, money: (cents: number) => string = formatPrice): string {
  const parts: string[] = [];
  if (a.status !== null) parts.push(`Outcome ${BOOKING_STATUS_LABELS[a.before.status]} → ${BOOKING_STATUS_LABELS[a.status]}`);
  if (a.price !== null) parts.push(`Price ${money(a.before.price)} → ${money(a.price)}`);
  if (a.service !== null) parts.push(`Service ${a.before.service || '—'} → ${a.service || '—'}`);
  if (a.staff !== null) parts.push(`Staff ${a.before.staff || 'Unassigned'} → ${a.staff || 'Unassigned'}`);
  if (a.payment !== null) parts.push(`Paid ${a.before.payment === null ? 'not recorded' : tenderLine(a.before.payment, money)} → ${tenderLine(a.payment, money)}`);
  return parts.join(' · ');
}

/** "by a manager (desk 3f9a1c2b)": who corrected, from the desk's pairing. */
export function amendmentAuthor(a: Amendment): string {
  const device = a.by_device === '' ? '' : ` (desk ${a.by_device.replace(/^dev[-_]/, '').slice(0, 8)})`;
  return `by ${ROLE_WORDS[a.by_role]}${device}`;
}

const whenFormat = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });

/** "Tue 3 Dec 2026, 10:04" in the branch's zone. */
export function amendmentWhen(a: Amendment, timeZone: string): string {
  const ms = Date.parse(a.at);
  return Number.isFinite(ms) ? whenFormat(timeZone).format(ms) : a.at;
}
