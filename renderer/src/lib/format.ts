import type { BookingStatus, CustomerStatus, FrequencyTier, SpendingTier } from '../../../shared/domain/types';

export const STATUS_LABELS: Record<CustomerStatus, string> = {
  new: 'New',
  active: 'Active',
  win_back: 'Win-back',
  at_risk: 'At risk',
  churned: 'Churned',
};

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  scheduled: 'Scheduled',
  checked_in: 'Checked in',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export const SPENDING_TIER_LABELS: Record<SpendingTier, string> = {
  vip: 'VIP',
  high: 'High spender',
  medium: 'Medium spender',
  low: 'Low spender',
  none: 'No spend yet',
};

export const FREQUENCY_TIER_LABELS: Record<FrequencyTier, string> = {
  frequent: 'Frequent',
  regular: 'Regular',
  occasional: 'Occasional',
  one_time: 'One-time',
  none: 'No visits yet',
};

/** "today", "yesterday", "21 days ago". */
function daysAgo(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** "At risk — last visit 21 days ago", "New — no visits yet". */
export function statusDetail(status: CustomerStatus, daysSinceLastVisit: number | null): string {
  const label = STATUS_LABELS[status];
  if (daysSinceLastVisit === null) return `${label} — no visits yet`;
  return `${label} — last visit ${daysAgo(daysSinceLastVisit)}`;
}

const plainMoney = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * How this desk shows money: the business's currency (ISO 4217, '' when none was chosen — a
 * desk set up before currencies, or a server that names none) in the desk's locale. Set from the
 * desk settings by the data layer (`applyMoneyDisplay`) whenever they load or change.
 */
let display: { currency: string; locale: string; format: Intl.NumberFormat } = { currency: '', locale: 'en', format: plainMoney };

/** Shows money in `currency` (formatted for `locale`) from now on; '' = no currency: `1,250.50`. */
export function setMoneyDisplay(currency: string, locale: string): void {
  if (display.currency === currency && display.locale === locale) return;
  if (currency === '') {
    display = { currency, locale, format: plainMoney };
    return;
  }
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    format = new Intl.NumberFormat('en', { style: 'currency', currency });
  }
  display = { currency, locale, format };
}

/** The currency money is shown in ('' = none). */
export function displayCurrency(): string {
  return display.currency;
}

/**
 * Cents as the desk shows money: with the business's currency, Intl's format for the desk's
 * locale and the currency's digits (`£1,250.50`, `1.250,50 €`, `¥1,250`, `₱1,250.50`); with
 * none, two decimals and thousands separators (`1,250.50`). CSV files never use this: they keep
 * decimal major units (`formatMoney`).
 */
export function formatPrice(cents: number): string {
  return display.format.format(cents / 100);
}

/** Up to two initials for an avatar ("María dela Cruz" → "MC"). */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w) || w.length > 3);
  const picked = words.length === 0 ? name.trim().split(/\s+/) : words;
  const first = picked[0]?.[0] ?? '';
  const last = picked.length > 1 ? (picked[picked.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

/** "45 min", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
