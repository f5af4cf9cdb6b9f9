/**
 * The receipt of one paid visit as text, and as the outbox message that emails it (docs/DESIGN.md
 * §18): a transactional message (purpose "receipt", which the outbox delivers without marketing
 * consent, to the address on file), queued by the desk and sent by the server.
 */
import { LIMITS, type BookingDoc, type CommunicationDoc, type Payment } from '../domain/schemas';
import { truncateText } from '../domain/string-rules';
import type { TenderMethod } from '../domain/types';

const TENDER_WORDS: Record<TenderMethod, string> = { cash: 'cash', card: 'card', other: 'other' };

export interface ReceiptContext {
  branchName: string;
  customerName: string;
  /** The visit's date and time as the desk shows them ("Mon 2 Mar, 15:00"). */
  when: string;
  /** Money as the desk shows it (the business's currency). */
  money: (cents: number) => string;
}

/** The lines of the receipt: branch, when, who, what, the price, the discount, the tip, each tender. */
export function receiptText(booking: Pick<BookingDoc, 'service' | 'staff' | 'price'>, payment: Payment, c: ReceiptContext): string {
  const d = payment.discount;
  const lines = [
    `Receipt — ${c.branchName}`,
    `${c.when} · ${c.customerName}`,
    '',
    `${booking.service || 'Visit'}${booking.staff ? ` with ${booking.staff}` : ''}: ${c.money(payment.subtotal)}`,
    ...(d === null ? [] : [`Discount${d.kind === 'percent' ? ` ${d.percent ?? 0} %` : ''} (${d.reason}): −${c.money(d.amount)}`]),
    ...(payment.tip > 0 ? [`Tip: ${c.money(payment.tip)}`] : []),
    `Total paid: ${c.money(booking.price + payment.tip)}`,
    ...payment.tenders.map((t) => `Paid by ${TENDER_WORDS[t.method]}: ${c.money(t.amount)}`),
    '',
    'Thank you for your visit',
  ];
  return lines.join('\n');
}

/** The outbox message that emails `text` to the visit's customer, queued at `at` (an ISO instant). */
export function receiptCommunication(booking: Pick<BookingDoc, 'id' | 'customer_id' | 'branch_id'>, text: string, at: string): CommunicationDoc {
  return {
    id: `rc-${booking.id}-${Date.parse(at).toString(36)}`.slice(0, LIMITS.id),
    customer_id: booking.customer_id,
    branch_id: booking.branch_id,
    channel: 'email',
    purpose: 'receipt',
    status: 'queued',
    message: truncateText(text, LIMITS.message),
    at,
    campaign_id: '',
    variant: '',
    trigger_key: '',
    direction: 'outbound',
    attempts: 0,
    next_attempt_at: '',
    error: '',
    updated_at: at,
  };
}
