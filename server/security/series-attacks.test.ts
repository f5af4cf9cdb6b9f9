/**
 * Recurring series attacked against a real server process (issue 11, item 6; docs/DESIGN.md §17):
 * a branch's desks book a series (each occurrence an ordinary booking carrying `series`); nobody —
 * front desk, manager, HQ, another branch — can afterwards re-link an occurrence (join it to a
 * series, move it to another, take it out of its own), and nothing such a push sends is stored;
 * an occurrence outside its series, or a series longer than 52, is a 400 naming the field; moving
 * an occurrence (time, staff, notes) keeps its series and is an ordinary update. A new booking
 * may not join a series of another customer or another branch (403), nor plan another count or
 * take an index already booked (400), in the same push or a later one; nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingDoc } from '../../shared/domain/schemas';
import type { WireDoc } from '../../shared/sync/protocol';
import { bookingDoc } from '../test-support/docs';
import { freshCustomer, freshId } from './attack-docs';
import { openTarget, pullDocs, pushDoc, TARGET_NAMES, type Target } from './harness';

type Booking = WireDoc<BookingDoc>;
const SLOW = 120_000;
const WEEK = 7 * 86_400_000;

describe.each(TARGET_NAMES)('recurring series against a real server on %s', { timeout: SLOW }, (name) => {
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
  function series(count: number): Booking[] {
    const id = freshId('sr');
    const first = Date.now() + 86_400_000;
    return Array.from({ length: count }, (_, i) =>
      bookingDoc({ id: freshId('bk'), customer_id: customer, branch_id: 'br-a', start_at: new Date(first + i * WEEK).toISOString(), series: { id, index: i + 1, count } }),
    );
  }

  it("a branch's front desk books a series in one push; each occurrence is stored with its place in it", async () => {
    const occurrences = series(4);
    const answer = await t.actors.fdA.post('/api/sync/bookings/push', occurrences.map((b) => ({ newDocumentState: b })));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    for (const b of occurrences) expect((await master(b.id))?.series).toEqual(b.series);
    // another branch's desk cannot book into this branch, series or not
    const elsewhere = series(2).map((b) => ({ ...b, id: freshId('bk') }));
    expect((await t.actors.fdB.post('/api/sync/bookings/push', elsewhere.map((b) => ({ newDocumentState: b })))).status).toBe(403);
    for (const b of elsewhere) expect(await master(b.id)).toBeUndefined();
  });

  it('nobody re-links a stored occurrence: joined to, moved to another, or taken out of a series', async () => {
    const [first, second] = series(2) as [Booking, Booking];
    const plain = bookingDoc({ id: freshId('bk'), customer_id: customer, branch_id: 'br-a', start_at: new Date(Date.now() + 86_400_000).toISOString() });
    for (const b of [first, second, plain]) expect((await t.actors.mgA.post('/api/sync/bookings/push', [{ newDocumentState: b }])).status).toBe(200);
    const stored = await Promise.all([first, second, plain].map(async (b) => (await master(b.id)) as Booking));
    const [storedFirst, storedSecond, storedPlain] = stored as [Booking, Booking, Booking];
    const attempts: [Booking, Booking][] = [
      [storedPlain, { ...storedPlain, series: { id: (first.series as { id: string }).id, index: 2, count: 2 } }],
      [storedFirst, { ...storedFirst, series: { id: freshId('sr'), index: 1, count: 2 } }],
      [storedSecond, { ...storedSecond, series: { ...(storedSecond.series as NonNullable<BookingDoc['series']>), count: 3 } }],
      [storedSecond, { ...storedSecond, series: null, notes: 'just this once' }],
    ];
    for (const who of [t.actors.fdA, t.actors.mgA, t.actors.hq, t.actors.mgB]) {
      for (const [before, next] of attempts) {
        const answer = await pushDoc(who, 'bookings', next, before);
        expect(answer.status, `${who.name}: ${JSON.stringify(answer.body)}`).toBe(403);
        expect(await master(before.id)).toEqual(before);
      }
    }
    const refused = await pushDoc(t.actors.mgA, 'bookings', { ...storedFirst, series: null }, storedFirst);
    expect(JSON.stringify(refused.body)).toContain('series');
  });

  it('moving an occurrence keeps its series and is an ordinary update', async () => {
    const [first] = series(3) as [Booking];
    expect((await pushDoc(t.actors.fdA, 'bookings', first)).status).toBe(200);
    const stored = (await master(first.id)) as Booking;
    const moved = { ...stored, start_at: new Date(Date.parse(stored.start_at) + 3_600_000).toISOString(), staff: 'Ben', notes: 'moved by phone' };
    const answer = await pushDoc(t.actors.fdA, 'bookings', moved, stored);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(await master(first.id)).toMatchObject({ staff: 'Ben', notes: 'moved by phone', series: first.series });
  });

  it('an occurrence outside its series, or a series over 52, is refused naming the field', async () => {
    for (const bad of [{ id: freshId('sr'), index: 5, count: 4 }, { id: freshId('sr'), index: 1, count: 53 }, { id: '', index: 1, count: 2 }]) {
      const b = bookingDoc({ id: freshId('bk'), customer_id: customer, branch_id: 'br-a', start_at: new Date(Date.now() + 86_400_000).toISOString(), series: bad });
      const answer = await pushDoc(t.actors.fdA, 'bookings', b);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('series');
      expect(await master(b.id)).toBeUndefined();
    }
  });

  it("a new booking carrying another customer's or another branch's series id is refused whole, nothing stored", async () => {
    const occurrences = series(3);
    const [first, second, third] = occurrences as [Booking, Booking, Booking];
    expect((await t.actors.fdA.post('/api/sync/bookings/push', [first, second].map((b) => ({ newDocumentState: b })))).status).toBe(200);
    // another customer of the same branch, in the series' free index 3
    const other = freshCustomer('br-a');
    expect((await t.actors.mgA.post('/api/sync/customers/push', [{ newDocumentState: other }])).status).toBe(200);
    const intruder = { ...third, id: freshId('bk'), customer_id: other.id as string };
    const plainToo = bookingDoc({ id: freshId('bk'), customer_id: customer, branch_id: 'br-a', start_at: new Date(Date.now() + 86_400_000).toISOString() });
    for (const who of [t.actors.fdA, t.actors.mgA]) {
      const answer = await who.post('/api/sync/bookings/push', [{ newDocumentState: plainToo }, { newDocumentState: intruder }]);
      expect(answer.status, JSON.stringify(answer.body)).toBe(403);
      expect(JSON.stringify(answer.body)).toContain('another customer');
      expect(JSON.stringify(answer.body)).toContain(intruder.id);
      expect(await master(intruder.id)).toBeUndefined();
      expect(await master(plainToo.id)).toBeUndefined();
    }
    // another branch's desk, for its own customer, reusing the series id
    const theirs = freshCustomer('br-b');
    expect((await t.actors.mgB.post('/api/sync/customers/push', [{ newDocumentState: theirs }])).status).toBe(200);
    const elsewhere = { ...third, id: freshId('bk'), branch_id: 'br-b', customer_id: theirs.id as string };
    const fromB = await t.actors.fdB.post('/api/sync/bookings/push', [{ newDocumentState: elsewhere }]);
    expect(fromB.status, JSON.stringify(fromB.body)).toBe(403);
    expect(JSON.stringify(fromB.body)).toContain('another branch');
    expect(await master(elsewhere.id)).toBeUndefined();
    // inside one batch too: two customers starting one new series
    const fresh = series(2) as [Booking, Booking];
    const mixed = await t.actors.fdA.post('/api/sync/bookings/push', [{ newDocumentState: fresh[0] }, { newDocumentState: { ...fresh[1], customer_id: other.id as string } }]);
    expect(mixed.status, JSON.stringify(mixed.body)).toBe(403);
    for (const b of fresh) expect(await master(b.id)).toBeUndefined();
  });

  it('a new occurrence must plan the same count and take a free index; a later occurrence that fits is accepted', async () => {
    const [first, second, third, fourth] = series(4) as [Booking, Booking, Booking, Booking];
    expect((await t.actors.fdA.post('/api/sync/bookings/push', [first, second].map((b) => ({ newDocumentState: b })))).status).toBe(200);
    const seriesOf = first.series as NonNullable<BookingDoc['series']>;
    const attempts: Booking[] = [
      { ...third, series: { ...seriesOf, index: 3, count: 5 } },
      { ...third, id: freshId('bk'), series: { ...seriesOf, index: 2 } },
    ];
    for (const bad of attempts) {
      const answer = await pushDoc(t.actors.fdA, 'bookings', bad);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('series');
      expect(await master(bad.id)).toBeUndefined();
    }
    // the same index twice in one batch
    const twice = await t.actors.fdA.post('/api/sync/bookings/push', [{ newDocumentState: third }, { newDocumentState: { ...fourth, series: { ...seriesOf, index: 3 } } }]);
    expect(twice.status, JSON.stringify(twice.body)).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('already booked');
    expect(await master(third.id)).toBeUndefined();
    // the rest of the series arriving in a later push is an ordinary create
    const rest = await t.actors.fdA.post('/api/sync/bookings/push', [third, fourth].map((b) => ({ newDocumentState: b })));
    expect(rest.status, JSON.stringify(rest.body)).toBe(200);
    expect((await master(fourth.id))?.series).toEqual(fourth.series);
    // and a retried push of a stored occurrence changes nothing
    expect((await pushDoc(t.actors.fdA, 'bookings', fourth)).status).toBe(200);
  });
});
