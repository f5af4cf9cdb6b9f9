/**
 * The checkout form of the Complete dialog (docs/DESIGN.md §18): the price, an optional discount
 * (an amount or a whole percentage, with a reason), an optional tip and how it was paid — all cash,
 * all card, all other, a split with an amount per tender, or not yet. Amounts are typed the way the
 * desk's locale writes them (shared/money-input.ts). Only what was entered is saved: without a
 * tender the visit completes unpaid (payment null), and an empty discount or tip is no discount or
 * tip. Pure: the dialog renders it, `checkout-model.test.ts` checks it.
 */
import type { Payment } from '../../../../shared/domain/schemas';
import type { TenderMethod } from '../../../../shared/domain/types';
import { parseMoneyInput } from '../../../../shared/money-input';
import { buildPayment, finalPrice, paymentInputProblems, type PaymentInput } from '../../../../shared/schedule/payment';
import { parsePriceInput } from './booking-form-model';

/** How the visit was paid: one tender for the whole amount, a split, or not yet. */
export type TenderMode = TenderMethod | 'split' | 'unpaid';

export const TENDER_MODES: readonly { mode: TenderMode; label: string }[] = [
  { mode: 'cash', label: 'All cash' },
  { mode: 'card', label: 'All card' },
  { mode: 'other', label: 'Other' },
  { mode: 'split', label: 'Split' },
  { mode: 'unpaid', label: 'Not paid yet' },
];

export const SPLIT_METHODS: readonly { method: TenderMethod; label: string }[] = [
  { method: 'cash', label: 'Cash' },
  { method: 'card', label: 'Card' },
  { method: 'other', label: 'Other' },
];

export interface CheckoutValues {
  price: string;
  discount: string;
  discountKind: 'amount' | 'percent';
  discountReason: string;
  tip: string;
  mode: TenderMode;
  split: Record<TenderMethod, string>;
}

export type CheckoutField = 'price' | 'discount' | 'discountReason' | 'tip' | 'tenders' | TenderMethod;
export type CheckoutErrors = Partial<Record<CheckoutField, string>>;

export function initialCheckout(priceText: string): CheckoutValues {
  return { price: priceText, discount: '', discountKind: 'amount', discountReason: '', tip: '', mode: 'unpaid', split: { cash: '', card: '', other: '' } };
}

/** An optional amount field: empty is none. */
function optionalMoney(text: string, locale: string): { ok: true; cents: number | undefined } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, cents: undefined };
  return parseMoneyInput(text, locale);
}

export interface CheckoutTotals {
  /** The final price (after the discount), when the price and discount can be read. */
  final: number | null;
  tip: number;
  /** What the tenders must add up to. */
  due: number | null;
  /** What the split amounts add up to so far. */
  entered: number;
}

/** The live figures under the form ("To pay 45.00 + tip 5.00 = 50.00 · entered 30.00"). */
export function checkoutTotals(values: CheckoutValues, locale: string): CheckoutTotals {
  const price = parsePriceInput(values.price, locale);
  const tip = optionalMoney(values.tip, locale);
  const discount = readDiscount(values, locale);
  const tipCents = tip.ok ? (tip.cents ?? 0) : 0;
  const final = price.ok && discount.ok ? finalPrice({ subtotal: price.cents, ...(discount.value ? { discount: discount.value } : {}) }) : null;
  let entered = 0;
  for (const { method } of SPLIT_METHODS) {
    const v = optionalMoney(values.split[method], locale);
    if (v.ok) entered += v.cents ?? 0;
  }
  return { final, tip: tipCents, due: final === null ? null : final + tipCents, entered };
}

function readDiscount(values: CheckoutValues, locale: string): { ok: true; value: PaymentInput['discount'] } | { ok: false; message: string } {
  const text = values.discount.trim();
  if (text === '') return { ok: true, value: undefined };
  if (values.discountKind === 'percent') {
    const n = /^\d{1,3}$/.test(text.replace(/\s*%$/, '')) ? Number(text.replace(/\s*%$/, '')) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > 100) return { ok: false, message: 'Enter a whole percentage from 1 to 100' };
    return { ok: true, value: { kind: 'percent', value: n, reason: values.discountReason } };
  }
  const amount = parseMoneyInput(text, locale);
  if (!amount.ok) return amount;
  if (amount.cents === 0) return { ok: false, message: 'Leave the discount empty for none' };
  return { ok: true, value: { kind: 'amount', value: amount.cents, reason: values.discountReason } };
}

/** Maps the shared rules' fields to the form's. */
const FORM_FIELD: Record<string, CheckoutField> = { subtotal: 'price', discount: 'discount', discountReason: 'discountReason', tip: 'tip', tenders: 'tenders', cash: 'cash', card: 'card', other: 'other' };

export type CheckoutResult = { ok: true; price: number; payment: Payment | null } | { ok: false; errors: CheckoutErrors };

/** Reads the form: the final price and the payment (null when not paid yet), or every problem by field. */
export function readCheckout(values: CheckoutValues, locale: string, paidAt: string): CheckoutResult {
  const errors: CheckoutErrors = {};
  const price = parsePriceInput(values.price, locale);
  if (!price.ok) errors.price = price.message;
  const discount = readDiscount(values, locale);
  if (!discount.ok) errors.discount = discount.message;
  const tip = optionalMoney(values.tip, locale);
  if (!tip.ok) errors.tip = tip.message;
  const tenders: PaymentInput['tenders'] = [];
  if (values.mode === 'split') {
    for (const { method } of SPLIT_METHODS) {
      const v = optionalMoney(values.split[method], locale);
      if (!v.ok) errors[method] = v.message;
      else if (v.cents !== undefined && v.cents > 0) tenders.push({ method, amount: v.cents });
    }
  }
  if (!price.ok || !discount.ok || !tip.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const subtotal = price.cents;
  const input: PaymentInput = { subtotal, ...(discount.value ? { discount: discount.value } : {}), ...(tip.cents !== undefined ? { tip: tip.cents } : {}), tenders };
  const due = finalPrice(input) + (tip.cents ?? 0);
  if (values.mode === 'unpaid') {
    // Not paid yet: nothing of the checkout is recorded but the price (after any discount).
    if (discount.value !== undefined || tip.cents !== undefined) {
      return { ok: false, errors: { tenders: 'Choose how it was paid: a discount or a tip is recorded with the payment' } };
    }
    return { ok: true, price: subtotal, payment: null };
  }
  if (values.mode !== 'split' && due > 0) input.tenders = [{ method: values.mode, amount: due }];
  if (values.mode === 'split' && tenders.length === 0 && due > 0) return { ok: false, errors: { tenders: 'Enter what was paid by cash, card or other' } };
  for (const p of paymentInputProblems(input)) {
    const field = FORM_FIELD[p.field] ?? 'tenders';
    errors[field] ??= capitalise(p.message);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const built = buildPayment(input, paidAt);
  return { ok: true, price: built.price, payment: built.payment };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
