/**
 * Checkout payments attacked against a real server process (issue 12, item 2; docs/DESIGN.md §18):
 * a branch's front desk completes a visit with how it was paid (split tender, discount, tip); no
 * other branch, and not HQ, may record a payment there; nobody may put a payment on a booking that
 * is not completed, or one that does not add up (400 naming the field); a recorded payment changes
 * only by a manager's correction with a reason (a front desk 403, a manager without an amendment
 * 400); a completion with payment merged over another desk's no-show keeps the no-show, unpaid.
 * Nothing a refused push sends is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingDoc, Payment } from '../../shared/domain/schemas';
import { buildAmendment, withAmendment } from '../../shared/schedule/corrections';
import { buildPayment } from '../../shared/schedule/payment';
import type { WireDoc } from '../../shared/sync/protocol';
import { bookingDoc } from '../test-support/docs';
import { freshCustomer, freshId, recently } from './attack-docs';
import { openTarget, pullDocs, pushDoc, TARGET_NAMES, type Target } from './harness';

type Booking = WireDoc<BookingDoc>;
const SLOW = 120_000;

describe.each(TARGET_NAMES)('checkout payments against a real server on %s', { timeout: SLOW }, (name) => {
  let t: Target;
  let customer: string;
  beforeAll(async () => {
    t = await openTarget(name);
    const c = freshCustomer('br-a');
    expect((await t.actors.mgA.post('/api/sync/customers/push', [{ newDocumentState: c }])).status).toBe(200);
    customer = c.id as string;
  }, SLOW);
  afterAll(async () => {
    await t?.close();
  }, SLOW);

  async function master(id: string): Promise<Booking | undefined> {
    const { status, docs } = await pullDocs<Booking>(t.actors.hq, 'bookings');
    expect(status).toBe(200);
    return docs.find((d) => d.id === id);
  }
  /** A booking of branch A earlier today, stored as `status` by its manager. */
  async function stored(status: BookingDoc['status'] = 'checked_in'): Promise<Booking> {
    const b = bookingDoc({ id: freshId('bk'), customer_id: customer, branch_id: 'br-a', start_at: new Date(Date.now() - 3_600_000).toISOString(), price: 5000, status });
    const answer = await pushDoc(t.actors.mgA, 'bookings', b);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return (await master(b.id)) as Booking;
  }
  const split = (): { payment: Payment; price: number } =>
    buildPayment({ subtotal: 5000, discount: { kind: 'percent', value: 10, reason: 'Loyalty card' }, tip: 500, tenders: [{ method: 'cash', amount: 2000 }, { method: 'card', amount: 3000 }] }, recently());
  const completed = (b: Booking, paid = split()): Booking => ({ ...b, status: 'completed', price: paid.price, payment: paid.payment });

  it("a branch's front desk completes a visit with split tender, discount and tip; it is stored as sent", async () => {
    const b = await stored();
    const next = completed(b);
    const answer = await pushDoc(t.actors.fdA, 'bookings', next, b);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(await master(b.id)).toMatchObject({ status: 'completed', price: 4500, payment: next.payment });
    // a visit created completed and paid in one push (a walk-in) is a payment too
    const walkIn = completed(bookingDoc({ id: freshId('bk'), customer_id: customer, branch_id: 'br-a', start_at: recently(), price: 5000 }));
    expect((await pushDoc(t.actors.fdA, 'bookings', walkIn)).status).toBe(200);
    expect((await master(walkIn.id))?.payment).toEqual(walkIn.payment);
  });

  it('another branch and HQ cannot record a payment on a visit of branch A; nothing is stored', async () => {
    const b = await stored();
    for (const who of [t.actors.fdB, t.actors.mgB, t.actors.hq]) {
      const answer = await pushDoc(who, 'bookings', completed(b), b);
      expect(answer.status, `${who.name}: ${JSON.stringify(answer.body)}`).toBe(403);
      expect(await master(b.id)).toEqual(b);
    }
  });

  it('no role puts a payment on a booking that is not completed, or one that does not add up (400 naming the field)', async () => {
    for (const status of ['scheduled', 'checked_in', 'no_show', 'cancelled'] as const) {
      const b = await stored(status === 'no_show' || status === 'cancelled' ? 'checked_in' : status);
      for (const who of [t.actors.fdA, t.actors.mgA]) {
        const paid = split();
        const answer = await pushDoc(who, 'bookings', { ...b, status, price: paid.price, payment: paid.payment }, b);
        expect(answer.status, `${who.name} ${status}: ${JSON.stringify(answer.body)}`).toBe(400);
        expect(JSON.stringify(answer.body)).toContain('payment');
        expect(await master(b.id)).toEqual(b);
      }
    }
    const b = await stored();
    const paid = split();
    const attempts: [Booking, string][] = [
      [{ ...completed(b), payment: { ...paid.payment, tenders: [{ method: 'cash', amount: 2000 }, { method: 'card', amount: 2000 }] } }, 'payment.tenders'],
      [{ ...completed(b), price: 5000 }, 'price'],
      [{ ...completed(b), payment: { ...paid.payment, tip: -100 } }, 'payment'],
      [{ ...completed(b), payment: { ...paid.payment, tenders: [{ method: 'cash', amount: 5100 }, { method: 'card', amount: -100 }] } }, 'payment'],
      [{ ...completed(b), payment: { ...paid.payment, discount: { kind: 'percent', percent: 10, amount: 900, reason: 'Loyalty card' } } }, 'payment.discount.amount'],
      [{ ...completed(b), payment: { ...paid.payment, discount: { kind: 'percent', percent: 10, amount: 500, reason: '' } } }, 'payment'],
      [{ ...completed(b), payment: { ...paid.payment, tenders: [{ method: 'cheque', amount: 5000 }] } as unknown as Payment }, 'payment'],
    ];
    for (const [next, field] of attempts) {
      const answer = await pushDoc(t.actors.fdA, 'bookings', next, b);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(JSON.stringify(answer.body)).toContain(field);
      expect(await master(b.id)).toEqual(b);
    }
  });

  it('a recorded payment changes only by a manager’s correction with a reason', async () => {
    const b = await stored();
    expect((await pushDoc(t.actors.fdA, 'bookings', completed(b), b)).status).toBe(200);
    const paid = (await master(b.id)) as Booking;
    const byCard = buildPayment({ subtotal: 5000, discount: { kind: 'percent', value: 10, reason: 'Loyalty card' }, tip: 500, tenders: [{ method: 'card', amount: 5000 }] }, recently());
    const plain: Booking[] = [{ ...paid, payment: byCard.payment }, { ...paid, payment: null }];
    for (const next of plain) {
      const fd = await pushDoc(t.actors.fdA, 'bookings', next, paid);
      expect(fd.status, JSON.stringify(fd.body)).toBe(403);
      const mg = await pushDoc(t.actors.mgA, 'bookings', next, paid);
      expect(mg.status, JSON.stringify(mg.body)).toBe(400);
      expect(JSON.stringify(mg.body)).toContain('payment');
      expect(await master(b.id)).toEqual(paid);
    }
    const correct = (role: 'front_desk' | 'manager'): Booking => {
      const amendment = buildAmendment(paid, { payment: byCard.payment, price: byCard.price, reason: 'Paid all by card, not split' }, { device: 'd', role }, recently(), freshId('am'));
      return { ...withAmendment(paid, amendment, recently()), _deleted: false };
    };
    expect((await pushDoc(t.actors.fdA, 'bookings', correct('front_desk'), paid)).status).toBe(403);
    expect((await pushDoc(t.actors.mgB, 'bookings', correct('manager'), paid)).status).toBe(403);
    expect(await master(b.id)).toEqual(paid);
    const answer = await pushDoc(t.actors.mgA, 'bookings', correct('manager'), paid);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const after = (await master(b.id)) as Booking;
    expect(after.payment).toEqual(byCard.payment);
    expect(after.amendments.at(-1)).toMatchObject({ reason: 'Paid all by card, not split', payment: byCard.payment, before: { payment: paid.payment } });
  });

  it('a completed visit left unpaid is paid later by the front desk; the payment of a no-show is dropped by the merge', async () => {
    const unpaid = await stored('completed');
    expect(unpaid.payment).toBeNull();
    const paid = { ...unpaid, payment: buildPayment({ subtotal: 5000, tenders: [{ method: 'other', amount: 5000 }] }, recently()).payment };
    expect((await pushDoc(t.actors.fdA, 'bookings', paid, unpaid)).status).toBe(200);
    expect((await master(unpaid.id))?.payment).toEqual(paid.payment);
    // one desk marked the visit a no-show; another, offline, completed it with a payment
    const b = await stored();
    const noShow = { ...b, status: 'no_show' as const };
    expect((await pushDoc(t.actors.mgA, 'bookings', noShow, b)).status).toBe(200);
    const late = await pushDoc(t.actors.fdA, 'bookings', completed(b), b);
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    expect(await master(b.id)).toMatchObject({ status: 'no_show', payment: null });
  });

});
