import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../../shared/domain/validate';
import { bookingFixture } from '../../data/test-fixtures';
import { checkoutTotals, initialCheckout, readCheckout, type CheckoutValues } from './checkout-model';

const AT = '2026-03-01T10:40:00Z';
const form = (over: Partial<CheckoutValues> = {}): CheckoutValues => ({ ...initialCheckout('50.00'), ...over });

describe('checkout form', () => {
  it('completes unpaid when no tender is chosen: only the price is saved', () => {
    expect(readCheckout(form(), 'en', AT)).toEqual({ ok: true, price: 5000, payment: null });
    expect(readCheckout(form({ tip: '5' }), 'en', AT)).toMatchObject({ ok: false, errors: { tenders: expect.stringContaining('Choose how it was paid') } });
  });

  it('one click for all cash or all card pays the final price plus the tip', () => {
    const cash = readCheckout(form({ mode: 'cash', tip: '5' }), 'en', AT);
    expect(cash).toEqual({ ok: true, price: 5000, payment: { subtotal: 5000, discount: null, tip: 500, tenders: [{ method: 'cash', amount: 5500 }], paid_at: AT } });
    const card = readCheckout(form({ mode: 'card', discount: '10', discountKind: 'percent', discountReason: 'Loyalty card' }), 'en', AT);
    expect(card).toMatchObject({ ok: true, price: 4500, payment: { discount: { kind: 'percent', percent: 10, amount: 500, reason: 'Loyalty card' }, tenders: [{ method: 'card', amount: 4500 }] } });
  });

  it('a split in the desk locale must add up, and says by how much it does not', () => {
    const values = form({ price: '50,00', mode: 'split', discount: '5', discountReason: 'Voucher', tip: '2,50', split: { cash: '20', card: '27,50', other: '' } });
    const read = readCheckout(values, 'de', AT);
    expect(read).toMatchObject({ ok: true, price: 4500, payment: { tip: 250, tenders: [{ method: 'cash', amount: 2000 }, { method: 'card', amount: 2750 }] } });
    if (read.ok) expect(validateDocument('bookings', bookingFixture({ status: 'completed', price: read.price, payment: read.payment }))).toEqual([]);
    expect(checkoutTotals(values, 'de')).toEqual({ final: 4500, tip: 250, due: 4750, entered: 4750 });
    const short = readCheckout({ ...values, split: { cash: '20', card: '20', other: '' } }, 'de', AT);
    expect(short).toEqual({ ok: false, errors: { tenders: 'The tenders add up to 40.00; 47.50 is due (7.50 short)' } });
    expect(readCheckout({ ...values, split: { cash: '', card: '', other: '' } }, 'de', AT)).toMatchObject({ ok: false, errors: { tenders: 'Enter what was paid by cash, card or other' } });
  });

  it('names the field of every problem: unreadable amounts, a discount without reason, too large a discount', () => {
    expect(readCheckout(form({ mode: 'cash', tip: '-2' }), 'en', AT)).toMatchObject({ ok: false, errors: { tip: 'An amount cannot be negative' } });
    expect(readCheckout(form({ mode: 'split', split: { cash: 'abc', card: '50', other: '' } }), 'en', AT)).toMatchObject({ ok: false, errors: { cash: 'Enter an amount like 25.50' } });
    expect(readCheckout(form({ mode: 'cash', discount: '5' }), 'en', AT)).toMatchObject({ ok: false, errors: { discountReason: 'Say why the discount was given (it is kept with the visit)' } });
    expect(readCheckout(form({ mode: 'cash', discount: '60', discountReason: 'x' }), 'en', AT)).toMatchObject({ ok: false, errors: { discount: '60.00 is more than the price 50.00' } });
    expect(readCheckout(form({ mode: 'cash', discount: '150', discountKind: 'percent', discountReason: 'x' }), 'en', AT)).toMatchObject({ ok: false, errors: { discount: 'Enter a whole percentage from 1 to 100' } });
    expect(readCheckout(form({ price: '' }), 'en', AT)).toMatchObject({ ok: false, errors: { price: 'Enter a price (0 for free)' } });
  });

  it('a fully discounted visit needs no tender', () => {
    expect(readCheckout(form({ mode: 'cash', discount: '100', discountKind: 'percent', discountReason: 'Complaint' }), 'en', AT)).toMatchObject({ ok: true, price: 0, payment: { tenders: [] } });
  });
});
