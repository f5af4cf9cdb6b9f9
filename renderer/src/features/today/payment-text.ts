import type { Payment } from '../../../../shared/domain/schemas';
import type { TenderMethod } from '../../../../shared/domain/types';
import { formatPrice } from '../../lib/format';

export const TENDER_LABELS: Record<TenderMethod, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

/** "Cash ₱20.00 + Card ₱30.00", or "Nothing to pay" for a fully discounted visit without tip. */
export function tenderLine(payment: Payment, money: (cents: number) => string = formatPrice): string {
  if (payment.tenders.length === 0) return 'Nothing to pay';
  return payment.tenders.map((t) => `${TENDER_LABELS[t.method]} ${money(t.amount)}`).join(' + ');
}

/** "−₱5.00 (10 %, Loyalty card)": what a discount took off and why; '' without one. */
export function discountLine(payment: Payment, money: (cents: number) => string = formatPrice): string {
  const d = payment.discount;
  if (d === null) return '';
  return `−${money(d.amount)} (${d.kind === 'percent' ? `${d.percent ?? 0} %, ` : ''}${d.reason})`;
}
