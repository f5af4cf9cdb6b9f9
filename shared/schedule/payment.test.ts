import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BookingDoc, Payment } from '../domain/schemas';
import { validateDocument } from '../domain/validate';
import { mergeDocument } from '../sync/merge';
import { buildAmendment, withAmendment } from './corrections';
import { buildPayment, paymentChange, paymentInputProblems, paymentKeptByImport, paymentProblems } from './payment';

const PAID_AT = '2026-03-01T10:40:00Z';

function booking(over: Partial<BookingDoc> = {}): BookingDoc {
  return {
    id: 'bk-1', customer_id: 'cu-1', branch_id: 'br-1', service: 'Colour', staff: 'Ana', start_at: '2026-03-01T10:00:00Z', duration_min: 60,
    status: 'completed', price: 5000, notes: '', created_at: '', updated_at: '', amendments: [], series: null, payment: null, ...over,
  };
}

function paid(input: Parameters<typeof buildPayment>[0], over: Partial<BookingDoc> = {}): BookingDoc {
  const { payment, price } = buildPayment(input, PAID_AT);
  return booking({ price, payment, ...over });
}

describe('checkout payment', () => {
  it('records a split tender with a percentage discount and a tip; the booking price is the final price', () => {
    const b = paid({ subtotal: 5000, discount: { kind: 'percent', value: 10, reason: 'Loyalty card' }, tip: 700, tenders: [{ method: 'cash', amount: 2000 }, { method: 'card', amount: 3200 }] });
    expect(b.price).toBe(4500);
    expect(b.payment).toEqual({
      subtotal: 5000, discount: { kind: 'percent', percent: 10, amount: 500, reason: 'Loyalty card' }, tip: 700,
      tenders: [{ method: 'cash', amount: 2000 }, { method: 'card', amount: 3200 }], paid_at: PAID_AT,
    });
    expect(validateDocument('bookings', b)).toEqual([]);
  });

  it('rounds a percentage half up to the minor unit', () => {
    const off = (subtotal: number, kind: 'amount' | 'percent', value: number): number | undefined =>
      buildPayment({ subtotal, discount: { kind, value, reason: 'r' }, tenders: [] }, PAID_AT).payment.discount?.amount;
    const offAll = (subtotal: number, kind: 'amount' | 'percent', value: number): number | undefined => {
      const due = subtotal - (kind === 'amount' ? value : Math.floor((subtotal * value * 2 + 100) / 200));
      return buildPayment({ subtotal, discount: { kind, value, reason: 'r' }, tenders: due > 0 ? [{ method: 'cash', amount: due }] : [] }, PAID_AT).payment.discount?.amount;
    };
    expect(offAll(1250, 'percent', 10)).toBe(125);
    expect(offAll(1255, 'percent', 10)).toBe(126); // 125.5 → 126
    expect(offAll(1254, 'percent', 10)).toBe(125);
    expect(off(999, 'percent', 100)).toBe(999);
    expect(offAll(700, 'amount', 300)).toBe(300);
  });

  it('a fully discounted visit with no tip needs no tender', () => {
    const b = paid({ subtotal: 2500, discount: { kind: 'percent', value: 100, reason: 'Complaint' }, tenders: [] });
    expect(b.price).toBe(0);
    expect(validateDocument('bookings', b)).toEqual([]);
  });

  it('refuses inputs that do not add up, naming the field of the form', () => {
    const problems = (input: Parameters<typeof paymentInputProblems>[0]) => paymentInputProblems(input).map((p) => `${p.field}: ${p.message}`);
    expect(problems({ subtotal: 5000, tenders: [{ method: 'cash', amount: 4000 }] })).toEqual(['tenders: the tenders add up to 40.00; 50.00 is due (10.00 short)']);
    expect(problems({ subtotal: 5000, tip: 500, tenders: [{ method: 'card', amount: 6000 }] })).toEqual(['tenders: the tenders add up to 60.00; 55.00 is due (5.00 too much)']);
    expect(problems({ subtotal: 5000, discount: { kind: 'amount', value: 500, reason: ' ' }, tenders: [{ method: 'cash', amount: 4500 }] })).toEqual([
      'discountReason: say why the discount was given (it is kept with the visit)',
    ]);
    expect(problems({ subtotal: 5000, discount: { kind: 'amount', value: 6000, reason: 'x' }, tenders: [] })[0]).toBe('discount: 60.00 is more than the price 50.00');
    expect(problems({ subtotal: 5000, discount: { kind: 'percent', value: 101, reason: 'x' }, tenders: [] })[0]).toBe('discount: a percentage is a whole number from 1 to 100');
    expect(problems({ subtotal: 5000, tenders: [{ method: 'cash', amount: -100 }, { method: 'card', amount: 5100 }] })[0]).toBe('cash: must be an amount above zero (leave it empty instead)');
    expect(problems({ subtotal: 5000, tip: -1, tenders: [{ method: 'cash', amount: 4999 }] })[0]).toBe('tip: must be an amount from 0 up to the largest allowed');
    expect(problems({ subtotal: 5000, tenders: [{ method: 'cash', amount: 2500 }, { method: 'cash', amount: 2500 }] })).toEqual(['tenders: each tender once']);
    expect(() => buildPayment({ subtotal: 5000, tenders: [] }, PAID_AT)).toThrow(/Cannot record this payment: tenders the tenders add up to 0.00; 50.00 is due/);
  });

  it('a stored payment is checked against the booking, naming the document field', () => {
    const good = paid({ subtotal: 5000, discount: { kind: 'amount', value: 1000, reason: 'Voucher' }, tenders: [{ method: 'card', amount: 4000 }] });
    const fields = (b: BookingDoc) => paymentProblems(b).map((p) => p.field);
    expect(fields(good)).toEqual([]);
    expect(fields({ ...good, price: 5000 })).toEqual(['price', 'payment.tenders']);
    expect(fields({ ...good, status: 'no_show' })).toEqual(['payment']);
    const p = good.payment as Payment;
    expect(fields({ ...good, payment: { ...p, tenders: [{ method: 'card', amount: 3000 }, { method: 'cash', amount: 0 }] } })).toEqual(['payment.tenders.1.amount', 'payment.tenders']);
    expect(fields({ ...good, payment: { ...p, discount: { kind: 'percent', percent: 10, amount: 1000, reason: 'Voucher' } } })).toEqual(['payment.discount.amount']);
    expect(fields({ ...good, payment: { ...p, discount: { kind: 'amount', percent: 20, amount: 1000, reason: 'Voucher' } } })).toEqual(['payment.discount.percent']);
    expect(fields({ ...good, payment: { ...p, paid_at: '2026-02-30T10:00:00Z' } })).toEqual(['payment.paid_at']);
    expect(validateDocument('bookings', { ...good, status: 'checked_in' }).map((x) => x.field)).toContain('payment');
  });

  it('property: every accepted input gives a valid booking whose tenders pay the final price plus the tip', () => {
    const input = fc.record({
      subtotal: fc.integer({ min: 0, max: 200_000 }),
      percent: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
      amountOff: fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: undefined }),
      tip: fc.integer({ min: 0, max: 10_000 }),
      cashShare: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(input, ({ subtotal, percent, amountOff, tip, cashShare }) => {
        const discount = percent !== undefined ? { kind: 'percent' as const, value: percent, reason: 'r' } : amountOff !== undefined ? { kind: 'amount' as const, value: amountOff, reason: 'r' } : undefined;
        const off = discount === undefined ? 0 : discount.kind === 'amount' ? discount.value : Math.floor((subtotal * discount.value * 2 + 100) / 200);
        const due = Math.max(0, subtotal - off) + tip;
        const cash = Math.floor((due * cashShare) / 100);
        const tenders = [
          ...(cash > 0 ? [{ method: 'cash' as const, amount: cash }] : []),
          ...(due - cash > 0 ? [{ method: 'card' as const, amount: due - cash }] : []),
        ];
        const problems = paymentInputProblems({ subtotal, ...(discount ? { discount } : {}), tip, tenders });
        if (discount?.kind === 'amount' && discount.value > subtotal) {
          expect(problems.map((p) => p.field)).toEqual(['discount']);
          return;
        }
        expect(problems).toEqual([]);
        const b = paid({ subtotal, ...(discount ? { discount } : {}), tip, tenders });
        expect(validateDocument('bookings', b)).toEqual([]);
        const p = b.payment as Payment;
        expect(p.tenders.reduce((s, t) => s + t.amount, 0)).toBe(b.price + p.tip);
        expect(b.price).toBe(p.subtotal - (p.discount?.amount ?? 0));
      }),
    );
  });

  it('paying where none is stored is `pay`; changing or removing a recorded payment is a correction', () => {
    const b = paid({ subtotal: 5000, tenders: [{ method: 'cash', amount: 5000 }] });
    expect(paymentChange(b, undefined)).toBe('pay');
    expect(paymentChange(b, { ...b, payment: null })).toBe('pay');
    expect(paymentChange(b, b)).toBe('none');
    expect(paymentChange({ ...b, payment: { ...(b.payment as Payment), tenders: [{ method: 'card', amount: 5000 }] } }, b)).toBe('correct');
    expect(paymentChange({ ...b, payment: null }, b)).toBe('correct');
  });

  it("a manager's correction of the payment is an amendment: folded, validated, kept with the reason", () => {
    const b = paid({ subtotal: 5000, tenders: [{ method: 'cash', amount: 5000 }] });
    const fixed = buildPayment({ subtotal: 5000, discount: { kind: 'amount', value: 500, reason: 'Forgot the voucher' }, tenders: [{ method: 'card', amount: 4500 }] }, PAID_AT);
    const amendment = buildAmendment(b, { payment: fixed.payment, price: fixed.price, reason: 'Paid by card, with voucher' }, { device: 'dev-m', role: 'manager' }, '2026-03-01T12:00:00Z', 'am-1');
    expect(amendment).toMatchObject({ payment: fixed.payment, price: 4500, before: { payment: b.payment, price: 5000 } });
    const corrected = withAmendment(b, amendment, '2026-03-01T12:00:00Z');
    expect(corrected).toMatchObject({ price: 4500, payment: fixed.payment });
    expect(validateDocument('bookings', corrected)).toEqual([]);
    // the booking's payment must stay what its correction says
    expect(validateDocument('bookings', { ...corrected, payment: b.payment, price: 5000 }).map((p) => p.field)).toContain('payment');
    // a visit corrected into a no-show keeps no payment
    const noShow = withAmendment(corrected, buildAmendment(corrected, { status: 'no_show', reason: 'Never came' }, { device: 'dev-m', role: 'manager' }, '2026-03-01T13:00:00Z', 'am-2'), '2026-03-01T13:00:00Z');
    expect(noShow.payment).toBeNull();
    expect(validateDocument('bookings', noShow)).toEqual([]);
  });

  it('merges as one field, and a booking the merge leaves not completed keeps no payment', () => {
    const base = booking({ status: 'checked_in' });
    const cash = paid({ subtotal: 5000, tenders: [{ method: 'cash', amount: 5000 }] });
    const card = paid({ subtotal: 5000, discount: { kind: 'amount', value: 1000, reason: 'r' }, tip: 200, tenders: [{ method: 'card', amount: 4200 }] });
    // both completed and paid: the server's whole payment wins, never a mix
    const both = mergeDocument('bookings', { assumedMasterState: { ...base, _deleted: false }, realMasterState: { ...card, _deleted: false }, newDocumentState: { ...cash, _deleted: false } });
    expect(both.payment).toEqual(card.payment);
    expect(both.price).toBe(card.price);
    // the server holds a no-show: the forward-only merge keeps it, and the desk's payment goes
    const stray = mergeDocument('bookings', { assumedMasterState: { ...base, _deleted: false }, realMasterState: { ...base, status: 'no_show', _deleted: false }, newDocumentState: { ...cash, _deleted: false } });
    expect(stray).toMatchObject({ status: 'no_show', payment: null });
    // only the desk paid: its payment is taken
    const mine = mergeDocument('bookings', { assumedMasterState: { ...base, _deleted: false }, realMasterState: { ...base, notes: 'x', _deleted: false }, newDocumentState: { ...cash, _deleted: false } });
    expect(mine).toMatchObject({ status: 'completed', payment: cash.payment, notes: 'x' });
  });

  it('a CSV re-import keeps the payment only while the row is the completed visit at that price', () => {
    const b = paid({ subtotal: 5000, tenders: [{ method: 'cash', amount: 5000 }] });
    expect(paymentKeptByImport({ status: 'completed', price: 5000 }, b)).toEqual(b.payment);
    expect(paymentKeptByImport({ status: 'completed', price: 4000 }, b)).toBeNull();
    expect(paymentKeptByImport({ status: 'no_show', price: 5000 }, b)).toBeNull();
    expect(paymentKeptByImport({ status: 'completed', price: 5000 }, undefined)).toBeNull();
  });
});
