/**
 * Corrections of finished visits attacked against a real server process (issue 11, item 2): a front
 * desk cannot rewrite a completed visit by any route — an amendment, a plain change of its price,
 * service or staff, or a push that drops the manager's amendments — and nothing it sends is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingDoc } from '../../shared/domain/schemas';
import { buildAmendment, withAmendment } from '../../shared/schedule/corrections';
import type { PullResponse, WireDoc } from '../../shared/sync/protocol';
import { bookingDoc } from '../test-support/docs';
import { freshCustomer, freshId, recently } from './attack-docs';
import { openTarget, TARGET_NAMES, type Actor, type Answer, type Target } from './harness';

type Booking = WireDoc<BookingDoc>;
const SLOW = 120_000;

describe.each(TARGET_NAMES)('correction attacks against a real server on %s', { timeout: SLOW }, (name) => {
  let t: Target;
  let visit: Booking;
  beforeAll(async () => {
    t = await openTarget(name);
    const customer = freshCustomer('br-a');
    expect((await t.actors.mgA.post('/api/sync/customers/push', [{ newDocumentState: customer }])).status).toBe(200);
    const b = { ...bookingDoc({ id: freshId('bk'), customer_id: customer.id as string, branch_id: 'br-a', start_at: recently(), status: 'completed', price: 2500 }), _deleted: false };
    expect((await t.actors.fdA.post('/api/sync/bookings/push', [{ newDocumentState: b }])).status).toBe(200);
    visit = await master(b.id);
  }, SLOW);
  afterAll(async () => {
    await t?.close();
  }, SLOW);

  async function master(id: string): Promise<Booking> {
    const res = await t.actors.hq.get('/api/sync/bookings/pull?limit=2000');
    return (res.body as PullResponse<BookingDoc>).documents.find((d) => d.id === id) as Booking;
  }
  const push = (who: Actor, next: Booking, assumed: Booking): Promise<Answer> => who.post('/api/sync/bookings/push', [{ assumedMasterState: assumed, newDocumentState: next }]);
  const correct = (b: Booking, role: 'front_desk' | 'manager', over: Parameters<typeof buildAmendment>[1]): Booking => ({
    ...withAmendment(b, buildAmendment(b, over, { device: 'attacker', role }, recently(), freshId('am')), recently()),
    _deleted: false,
  });

  it('a front desk cannot correct a completed visit, change its price, service or staff without one, or delete it', async () => {
    for (const next of [
      correct(visit, 'front_desk', { price: 100, reason: 'discount for my friend' }),
      { ...visit, price: 100 },
      { ...visit, service: 'Colour' },
      { ...visit, staff: 'Someone else' },
      { ...visit, _deleted: true },
    ]) {
      const answer = await push(t.actors.fdA, next, visit);
      expect(answer.status, JSON.stringify(answer.body)).toBe(403);
      expect(await master(visit.id)).toEqual(visit);
    }
    // a manager's plain change needs a correction with a reason
    const plain = await push(t.actors.mgA, { ...visit, price: 100 }, visit);
    expect(plain.status).toBe(400);
    expect(await master(visit.id)).toEqual(visit);
  });

  it('a manager of another branch cannot correct it; its own manager can, and a front desk cannot remove that', async () => {
    expect((await push(t.actors.mgB, correct(visit, 'manager', { price: 100, reason: 'x' }), visit)).status).toBe(403);
    expect(await master(visit.id)).toEqual(visit);
    const corrected = correct(visit, 'manager', { price: 3000, reason: 'charged for the beard trim too' });
    expect((await push(t.actors.mgA, corrected, visit)).status).toBe(200);
    const stored = await master(visit.id);
    expect(stored).toMatchObject({ price: 3000, amendments: [{ reason: 'charged for the beard trim too', by_role: 'manager' }] });
    // dropping the amendment while restoring the old price is a plain change of a completed visit
    expect((await push(t.actors.fdA, { ...stored, price: 2500, amendments: [] }, stored)).status).toBe(403);
    // dropping it alone changes nothing: the amendments merge as a set
    const dropped = await push(t.actors.fdA, { ...stored, amendments: [] }, stored);
    expect(dropped.status).toBe(200);
    expect(await master(visit.id)).toMatchObject({ price: 3000, amendments: stored.amendments });
  });
});
