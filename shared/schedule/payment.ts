/**
 * Checkout (docs/DESIGN.md §18, issue 12 item 2): how a completed visit was paid. A booking's
 * `payment` is null until the visit is paid; then it holds the price before any discount
 * (`subtotal`), the discount (an amount, or a whole percentage of the subtotal, with a reason), the
 * tip and the tenders (cash / card / other, a split allowed). The booking's `price` is the final
 * price — the subtotal less the discount — and stays what the engine, HQ and the CLI count; the
 * tenders pay the final price plus the tip. Every amount is in minor units.
 *
 * The rules, checked alike on the desk and the server (validate.ts): only a completed visit is
 * paid; no amount is negative (the schema) and every tender is above zero; the tenders add up to
 * price + tip; price = subtotal − discount; a percentage discount takes exactly that share of the
 * subtotal (rounded half up to the minor unit); a discount has a reason and never exceeds the
 * subtotal. Each problem names its field.
 */
import { LIMITS, type BookingDoc, type Payment } from '../domain/schemas';
import { TENDER_METHODS, type DiscountKind, type TenderMethod } from '../domain/types';
import { formatMoney, MAX_PRICE_CENTS } from '../money';
import { jsonEqual } from '../sync/equal';
import { parseInstant } from '../time/instant';

/** A problem with one field (structurally validate.ts's FieldProblem). */
export interface FieldProblem {
  field: string;
  message: string;
}

type Paid = Pick<BookingDoc, 'status' | 'price' | 'payment'>;

/** What the tenders of a payment add up to. */
export function tenderTotal(payment: Pick<Payment, 'tenders'>): number {
  return payment.tenders.reduce((sum, t) => sum + t.amount, 0);
}

/** The amount a discount takes off `subtotal`: the amount itself, or `percent` of it rounded half up. */
function discountAmount(subtotal: number, kind: DiscountKind, value: number): number {
  if (kind === 'amount') return value;
  return Math.floor((subtotal * value * 2 + 100) / 200);
}

/** Stateless checks of a booking's payment (validate.ts), each naming the field. */
export function paymentProblems(doc: Paid): FieldProblem[] {
  const p = doc.payment;
  if (p === null) return [];
  const problems: FieldProblem[] = [];
  if (doc.status !== 'completed') {
    problems.push({ field: 'payment', message: `only a completed visit is paid; this booking is ${doc.status.replace('_', '-')}` });
  }
  if (parseInstant(p.paid_at) === null) problems.push({ field: 'payment.paid_at', message: `"${p.paid_at}" is not a real ISO 8601 instant` });
  const d = p.discount;
  if (d !== null) {
    if (d.reason.trim() === '') problems.push({ field: 'payment.discount.reason', message: 'say why the discount was given' });
    if (d.kind === 'percent') {
      if (d.percent === null) problems.push({ field: 'payment.discount.percent', message: 'a percentage discount needs its percentage (1–100)' });
      else if (d.amount !== discountAmount(p.subtotal, 'percent', d.percent)) {
        problems.push({ field: 'payment.discount.amount', message: `must be ${formatMoney(discountAmount(p.subtotal, 'percent', d.percent))}, ${d.percent} % of the subtotal ${formatMoney(p.subtotal)}` });
      }
    } else if (d.percent !== null) problems.push({ field: 'payment.discount.percent', message: 'is only for a percentage discount (null for an amount)' });
    if (d.kind === 'amount' && d.amount === 0) problems.push({ field: 'payment.discount.amount', message: 'a discount takes something off (leave the discount out instead)' });
    if (d.amount > p.subtotal) problems.push({ field: 'payment.discount.amount', message: `${formatMoney(d.amount)} is more than the subtotal ${formatMoney(p.subtotal)}` });
  }
  const final = p.subtotal - (d?.amount ?? 0);
  if (doc.price !== final) {
    problems.push({ field: 'price', message: `must be ${formatMoney(Math.max(0, final))}, the subtotal ${formatMoney(p.subtotal)} less the discount` });
  }
  const seen = new Set<TenderMethod>();
  p.tenders.forEach((t, i) => {
    if (t.amount <= 0) problems.push({ field: `payment.tenders.${i}.amount`, message: 'must be above zero (leave the tender out instead)' });
    if (seen.has(t.method)) problems.push({ field: `payment.tenders.${i}.method`, message: `${t.method} appears twice (one amount per tender)` });
    seen.add(t.method);
  });
  const due = doc.price + p.tip;
  if (tenderTotal(p) !== due) {
    problems.push({ field: 'payment.tenders', message: `add up to ${formatMoney(tenderTotal(p))}, but the price ${formatMoney(doc.price)} plus the tip ${formatMoney(p.tip)} is ${formatMoney(due)}` });
  }
  return problems;
}

/** What a person enters at checkout: only the parts they entered. */
export interface PaymentInput {
  /** The price before any discount (the booked price, or what the person typed), minor units. */
  subtotal: number;
  /** `value` is minor units for an amount, a whole percentage for a percent. */
  discount?: { kind: DiscountKind; value: number; reason: string };
  tip?: number;
  tenders: { method: TenderMethod; amount: number }[];
}

class PaymentRefused extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`Cannot record this payment: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
    this.name = 'PaymentRefused';
  }
}

/** The final price of an input: the subtotal less its discount (never below zero). */
export function finalPrice(input: Pick<PaymentInput, 'subtotal' | 'discount'>): number {
  const d = input.discount;
  return Math.max(0, input.subtotal - (d === undefined ? 0 : discountAmount(input.subtotal, d.kind, d.value)));
}

/** Why an input cannot be recorded (empty when it can), each naming the field of the form. */
export function paymentInputProblems(input: PaymentInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const cents = (field: string, v: number | undefined): void => {
    if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > MAX_PRICE_CENTS)) problems.push({ field, message: 'must be an amount from 0 up to the largest allowed' });
  };
  cents('subtotal', input.subtotal);
  cents('tip', input.tip);
  const d = input.discount;
  if (d !== undefined) {
    if (d.kind === 'percent') {
      if (!Number.isInteger(d.value) || d.value < 1 || d.value > 100) problems.push({ field: 'discount', message: 'a percentage is a whole number from 1 to 100' });
    } else if (!Number.isInteger(d.value) || d.value <= 0) problems.push({ field: 'discount', message: 'a discount takes something off: enter an amount above zero' });
    else if (d.value > input.subtotal) problems.push({ field: 'discount', message: `${formatMoney(d.value)} is more than the price ${formatMoney(input.subtotal)}` });
    const reason = d.reason.trim();
    if (reason === '') problems.push({ field: 'discountReason', message: 'say why the discount was given (it is kept with the visit)' });
    else if (reason.length > LIMITS.discountReason) problems.push({ field: 'discountReason', message: `must be at most ${LIMITS.discountReason} characters` });
  }
  if (input.tenders.length > LIMITS.tenders) problems.push({ field: 'tenders', message: `at most ${LIMITS.tenders} tenders` });
  input.tenders.forEach((t, i) => {
    if (!(TENDER_METHODS as readonly string[]).includes(t.method)) problems.push({ field: `tenders.${i}`, message: `"${String(t.method)}" is not a tender (${TENDER_METHODS.join(', ')})` });
    else if (!Number.isInteger(t.amount) || t.amount <= 0) problems.push({ field: t.method, message: 'must be an amount above zero (leave it empty instead)' });
  });
  if (new Set(input.tenders.map((t) => t.method)).size !== input.tenders.length) problems.push({ field: 'tenders', message: 'each tender once' });
  if (problems.length > 0) return problems;
  const due = finalPrice(input) + (input.tip ?? 0);
  const paid = input.tenders.reduce((s, t) => s + t.amount, 0);
  if (paid !== due) {
    const gap = due - paid;
    problems.push({ field: 'tenders', message: `the tenders add up to ${formatMoney(paid)}; ${formatMoney(due)} is due (${gap > 0 ? `${formatMoney(gap)} short` : `${formatMoney(-gap)} too much`})` });
  }
  return problems;
}

/** The payment recording `input` and the booking's final price (throws PaymentRefused). */
export function buildPayment(input: PaymentInput, paidAt: string): { payment: Payment; price: number } {
  const problems = paymentInputProblems(input);
  if (problems.length > 0) throw new PaymentRefused(problems);
  const d = input.discount;
  const payment: Payment = {
    subtotal: input.subtotal,
    discount: d === undefined ? null : { kind: d.kind, percent: d.kind === 'percent' ? d.value : null, amount: discountAmount(input.subtotal, d.kind, d.value), reason: d.reason.trim() },
    tip: input.tip ?? 0,
    tenders: input.tenders.map((t) => ({ method: t.method, amount: t.amount })),
    paid_at: paidAt,
  };
  return { payment, price: finalPrice(input) };
}

/**
 * What a push does to a booking's payment compared with the stored booking: nothing; `pay` —
 * records how a visit was paid where the stored booking has no payment (at completion, or a
 * completed visit left unpaid); or `correct` — changes or removes a recorded payment, which only a
 * correction (an amendment with a reason) does.
 */
export function paymentChange(next: { payment?: Payment | null }, stored: { payment?: Payment | null } | undefined): 'none' | 'pay' | 'correct' {
  const before = stored?.payment ?? null;
  const after = next.payment ?? null;
  if (jsonEqual(after, before)) return 'none';
  return before === null ? 'pay' : 'correct';
}

/** A booking that is not (or no longer) completed carries no payment (the merge and the fold keep this). */
export function withoutStrayPayment<T extends { status: string; payment?: Payment | null }>(doc: T): T {
  return doc.status !== 'completed' && doc.payment !== null && doc.payment !== undefined ? { ...doc, payment: null } : doc;
}

/**
 * A re-imported booking (CSV backfill, which does not carry payment) keeps its payment while the row
 * is still the completed visit at the price the payment accounts for; otherwise the row is the
 * business's own record and the payment no longer describes it.
 */
export function paymentKeptByImport(row: Pick<BookingDoc, 'status' | 'price'>, existing: Paid | undefined): Payment | null {
  const p = existing?.payment ?? null;
  if (p === null || row.status !== 'completed' || row.price !== existing?.price) return null;
  return p;
}

/** "Cash 20.00 + card 15.00" (plain, for logs and CSV); the desk formats with its currency. */
export function tenderSummary(payment: Pick<Payment, 'tenders'>, money: (cents: number) => string = formatMoney): string {
  if (payment.tenders.length === 0) return 'nothing to pay';
  return payment.tenders.map((t, i) => `${i === 0 ? t.method[0]?.toUpperCase() + t.method.slice(1) : t.method} ${money(t.amount)}`).join(' + ');
}
