import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxCollection, RxStorage } from 'rxdb';
import { parseDay } from '../../../shared/time/calendar';
import { demoDocuments, demoOptions, generateDemoData } from '../../../shared/demo';
import { visitHistories } from '../../../shared/predict/history';
import { outlookFromFacts } from '../../../shared/predict/outlook';
import { DeskData } from './desk-data';
import { CUSTOMER_BUCKETS, DerivedDb } from './derived-db';
import { collectionMark } from './scan';
import { defaultDeskSettings } from './desk-settings';
import { openReplica, removeReplica, type Replica } from './replica';
import { moveBooking } from './bookings';
import { DocumentRejected } from './write-errors';
import { bookingFixture, branchFixture, customerFixture } from './test-fixtures';

const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
const day = (text: string): number => {
  const d = parseDay(text);
  if (d === null) throw new Error(text);
  return d;
};

let counter = 0;
const open: { db: Replica; derived: DerivedDb; desk: DeskData; name: string }[] = [];

async function openDesk(name = `t${++counter}`, asOf = '2026-03-01') {
  const db = await openReplica({ name, storage });
  const derived = new DerivedDb(`${name}-derived`);
  const desk = new DeskData(db, derived, { ...defaultDeskSettings('x'.repeat(32)), branchId: 'br-1' }, day(asOf));
  open.push({ db, derived, desk, name });
  return { db, derived, desk, name };
}

/** Every stored visit row, by pair. */
async function storedRows(derived: DerivedDb) {
  return (await derived.loadAll()).sort((a, b) => (a.branch_id + ' ' + a.customer_id < b.branch_id + ' ' + b.customer_id ? -1 : 1));
}

/** Counts the derived database's write transactions from now on. */
function countWrites(derived: DerivedDb): () => number {
  let n = 0;
  const apply = derived.applyChange.bind(derived);
  derived.applyChange = async (updated, removed) => {
    if (updated.length > 0 || removed.length > 0) n += 1;
    await apply(updated, removed);
  };
  return () => n;
}

/** Counts the `getAll` reads of the customers' records (the record scan) from now on. */
function countCopyReads(db: Replica): () => number {
  let n = 0;
  const internals = (db.customers.storageInstance as unknown as { internals: Promise<{ dexieTable: { where: (i: string) => unknown } }> }).internals;
  void internals.then((state) => {
    const where = state.dexieTable.where.bind(state.dexieTable);
    state.dexieTable.where = (index: string) => {
      if (index === ':id') n += 1;
      return where(index);
    };
  });
  return () => n;
}

afterEach(async () => {
  for (const o of open.splice(0)) {
    o.desk.close();
    await o.db.close();
    o.derived.close();
  }
});

describe('DeskData', () => {
  it('loads the replica, computes activity and persists the visit facts to the derived database', async () => {
    const { db, derived, desk } = await openDesk();
    await db.branches.insert(branchFixture());
    await db.customers.bulkInsert([customerFixture(), customerFixture({ id: 'cu-2', name: 'José Rizal', phone: '', email: '', home_branch_id: 'br-1' })]);
    await db.bookings.bulkInsert([
      bookingFixture({ id: 'bk-1', start_at: '2026-02-20T10:00:00+08:00', price: 25_000 }),
      bookingFixture({ id: 'bk-2', start_at: '2026-02-01T10:00:00+08:00', price: 30_000 }),
      bookingFixture({ id: 'bk-3', start_at: '2026-03-05T10:00:00+08:00', status: 'scheduled' }),
    ]);
    const stages: string[] = [];
    await desk.load((p) => stages.push(p.stage));
    expect(stages).toContain('bookings');
    expect(stages.at(-1)).toBe('done');

    const maria = desk.activityOf('br-1', 'cu-1');
    expect(maria).toMatchObject({ status: 'active', total_bookings: 2, total_spent: 55_000, days_since_last_visit: 9, spending_tier: 'high' });
    expect(desk.activityOf('br-1', 'cu-2')).toMatchObject({ status: 'new', total_bookings: 0 });

    const rows = await storedRows(derived);
    expect(rows.map((r) => [r.customer_id, r.total_bookings, r.last_day])).toEqual([
      ['cu-1', 2, day('2026-02-20')],
      ['cu-2', 0, null],
    ]);
    expect(desk.search.search('jose').map((h) => h.id)).toEqual(['cu-2']);
  });

  it('recomputes only the changed pair on a booking change and writes only that row', async () => {
    const { db, derived, desk } = await openDesk();
    await db.branches.insert(branchFixture());
    await db.customers.bulkInsert([customerFixture(), customerFixture({ id: 'cu-2', phone: '', email: '' })]);
    await db.bookings.insert(bookingFixture());
    await desk.load();
    // The outlook's fit (idle time after the load) fails on so little data and tells once.
    expect(await desk.outlookSettled()).toMatchObject({ kind: 'failed', source: 'desk' });
    const untouched = await derived.get('br-1', 'cu-1');

    const changes: number[] = [];
    desk.subscribe((c) => changes.push(c.activity));
    await db.bookings.insert(bookingFixture({ id: 'bk-9', customer_id: 'cu-2', start_at: '2026-02-27T15:00:00+08:00', price: 120_000 }));
    await desk.flush();

    expect(changes).toEqual([1]);
    expect(desk.activityOf('br-1', 'cu-2')).toMatchObject({ status: 'active', spending_tier: 'vip', total_bookings: 1 });
    expect(await derived.get('br-1', 'cu-2')).toMatchObject({ total_spent: 120_000, last_day: day('2026-02-27') });
    expect(await derived.get('br-1', 'cu-1')).toEqual(untouched);
  });

  it('moves bookings forward only and updates the customer at once', async () => {
    const { db, desk } = await openDesk();
    await db.branches.insert(branchFixture());
    await db.customers.insert(customerFixture());
    await db.bookings.insert(bookingFixture({ id: 'bk-1', status: 'scheduled', start_at: '2026-03-01T09:00:00+08:00' }));
    await desk.load();
    expect(desk.activityOf('br-1', 'cu-1')?.status).toBe('new');

    await moveBooking(db, 'bk-1', 'checked_in', Date.UTC(2026, 2, 1, 1));
    await moveBooking(db, 'bk-1', 'completed', Date.UTC(2026, 2, 1, 2), 31_050);
    expect(desk.activityOf('br-1', 'cu-1')).toMatchObject({ status: 'active', total_spent: 31_050, last_visit_date: '2026-03-01' });

    await expect(moveBooking(db, 'bk-1', 'checked_in', Date.UTC(2026, 2, 1, 3))).rejects.toThrow(/cannot change from completed to checked_in/);
    await expect(moveBooking(db, 'bk-1', 'no_show', Date.UTC(2026, 2, 1, 3))).rejects.toBeInstanceOf(DocumentRejected);
    expect((await db.bookings.findOne('bk-1').exec())?.status).toBe('completed');
  });

  it('rejects invalid documents through the shared validator, storing nothing', async () => {
    const { db } = await openDesk();
    await db.branches.insert(branchFixture());
    await expect(db.bookings.insert(bookingFixture({ price: -5 }))).rejects.toThrow();
    await expect(db.branches.insert(branchFixture({ id: 'br-2', timezone: 'Mars/Olympus' }))).rejects.toThrow();
    const bad = await db.customers.bulkInsert([customerFixture({ id: 'cu-ok' }), customerFixture({ id: 'cu-bad', birthday: '2026-02-30' })]);
    expect(bad.error.map((e) => (e.status === 422 ? [e.documentId, e.validationErrors[0]?.field] : e.status))).toEqual([['cu-bad', 'birthday']]);
    expect(await db.bookings.count().exec()).toBe(0);
    expect(await db.branches.count().exec()).toBe(1);
  });

  it('recomputes everything when the local date moves (writing nothing), and a branch when its thresholds change', async () => {
    const { db, derived, desk } = await openDesk();
    await db.branches.insert(branchFixture());
    await db.customers.insert(customerFixture());
    await db.bookings.insert(bookingFixture({ start_at: '2026-02-20T10:00:00+08:00' }));
    await desk.load();
    expect(desk.activityOf('br-1', 'cu-1')?.status).toBe('active');
    const stored = await storedRows(derived);
    const writes = countWrites(derived);

    await desk.setAsOfDay(day('2026-03-10'));
    await desk.flush();
    expect(desk.activityOf('br-1', 'cu-1')).toMatchObject({ status: 'at_risk', days_since_last_visit: 18 });
    expect(writes()).toBe(0);
    expect(await storedRows(derived)).toEqual(stored);

    await db.branches.upsert(branchFixture({ active_days: 30, at_risk_days: 90 }));
    await desk.flush();
    expect(desk.activityOf('br-1', 'cu-1')?.status).toBe('active');
    expect(await storedRows(derived)).toEqual(stored);
  });

  it('opens from the stored visit facts before reading any booking; the bookings then agree and nothing is rewritten', async () => {
    const first = await openDesk('staged');
    await first.db.branches.insert(branchFixture());
    await first.db.customers.bulkInsert([customerFixture(), customerFixture({ id: 'cu-2', phone: '', email: '', home_branch_id: 'br-1' })]);
    await first.db.bookings.bulkInsert([
      bookingFixture({ id: 'bk-1', start_at: '2026-01-01T10:00:00+08:00', service: 'Cut' }),
      bookingFixture({ id: 'bk-2', start_at: '2026-02-20T10:00:00+08:00', service: 'Shave' }),
      bookingFixture({ id: 'bk-3', start_at: '2026-02-21T10:00:00+08:00', service: 'Shave', status: 'no_show' }),
    ]);
    await first.desk.load();
    await first.desk.flush();
    const expected = first.desk.activityOf('br-1', 'cu-1');
    expect(expected).toMatchObject({ status: 'win_back', favorite_service: 'Shave', no_shows: 1 });
    first.desk.close();
    await first.db.close();
    first.derived.close();
    open.length = 0;

    // The next morning: statuses from the stored facts, as of the new day, no booking read.
    const second = await openDesk('staged', '2026-03-02');
    const writes = countWrites(second.derived);
    await second.desk.open();
    expect(second.desk.stage).toBe('bookings');
    expect(second.desk.activity.bookingsOf('br-1', 'cu-1')).toEqual([]);
    const seeded = second.desk.activityOf('br-1', 'cu-1');
    expect(seeded).toEqual({ ...expected, days_since_last_visit: 10 });
    expect(second.desk.activityOf('br-1', 'cu-2')).toMatchObject({ status: 'new' });
    // Midnight while the bookings are still being read: a recomputation in memory.
    await second.desk.setAsOfDay(day('2026-03-20'));
    expect(second.desk.activityOf('br-1', 'cu-1')).toMatchObject({ status: 'at_risk', days_since_last_visit: 28 });

    await second.desk.loadBookings();
    expect(second.desk.stage).toBe('done');
    expect(second.desk.activity.bookingsOf('br-1', 'cu-1')).toHaveLength(3);
    expect(second.desk.activityOf('br-1', 'cu-1')).toMatchObject({ status: 'at_risk', days_since_last_visit: 28 });
    expect(writes()).toBe(0);
  });

  it('opens first with only the customers of the bookings around today, with their stored statuses, then every customer', async () => {
    const first = await openDesk('first');
    await first.db.branches.insert(branchFixture());
    await first.db.customers.bulkInsert([customerFixture(), customerFixture({ id: 'cu-2', name: 'José Rizal', phone: '', email: '' })]);
    await first.db.bookings.bulkInsert([
      bookingFixture({ id: 'bk-1', start_at: '2026-02-20T10:00:00+08:00' }),
      bookingFixture({ id: 'bk-2', customer_id: 'cu-2', start_at: '2026-01-10T10:00:00+08:00' }),
      bookingFixture({ id: 'bk-3', start_at: '2026-03-01T15:00:00+08:00', status: 'scheduled' }),
      bookingFixture({ id: 'bk-4', start_at: '2026-03-01T09:00:00+08:00', status: 'scheduled' }),
    ]);
    await first.desk.load();
    await first.desk.flush();
    const maria = first.desk.activityOf('br-1', 'cu-1');
    first.desk.close();
    await first.db.close();
    first.derived.close();
    open.length = 0;

    const second = await openDesk('first');
    await second.desk.openFirst();
    expect(second.desk.stage).toBe('customers');
    expect(second.desk.firstBookings?.docs.map((b) => b.id)).toEqual(['bk-4', 'bk-3']);
    expect([...second.desk.customers.keys()]).toEqual(['cu-1']);
    expect(second.desk.activityOf('br-1', 'cu-1')).toEqual(maria);
    expect(second.desk.activityOf('br-1', 'cu-2')).toBeUndefined();
    // A change while the other customers are read shows at once and survives their reading.
    await second.db.customers.upsert(customerFixture({ id: 'cu-2', name: 'José P. Rizal', phone: '', email: '' }));
    expect(second.desk.customers.get('cu-2')?.name).toBe('José P. Rizal');
    let loaded = false;
    void second.desk.customersLoaded.then(() => (loaded = true));
    await second.desk.loadCustomers();
    expect(loaded).toBe(true);
    expect(second.desk.stage).toBe('bookings');
    expect(second.desk.customers.get('cu-2')?.name).toBe('José P. Rizal');
    expect(second.desk.activityOf('br-1', 'cu-2')).toMatchObject({ total_bookings: 1 });
    expect(second.desk.search.search('rizal').map((h) => h.id)).toEqual(['cu-2']);
    // Any booking written since makes the start-up's copy of the day unusable.
    expect(second.desk.firstBookings).not.toBeNull();
    await second.db.bookings.insert(bookingFixture({ id: 'bk-5', start_at: '2026-03-01T11:00:00+08:00' }));
    expect(second.desk.firstBookings).toBeNull();
  });

  it('corrects stored visit facts that disagree with the bookings once they are read', async () => {
    const first = await openDesk('stale');
    await first.db.branches.insert(branchFixture());
    await first.db.customers.insert(customerFixture());
    await first.db.bookings.insert(bookingFixture({ id: 'bk-1', start_at: '2026-02-25T10:00:00+08:00', price: 10_000 }));
    await first.desk.load();
    await first.desk.flush();
    first.desk.close();
    await first.db.close();
    // As if the desk had stopped between a booking write and the derived write.
    const before = await first.derived.get('br-1', 'cu-1');
    if (before === undefined) throw new Error('no stored visits for cu-1');
    await first.derived.applyChange([{ ...before, total_spent: 1, last_day: day('2025-01-01') }], []);
    const row = await first.derived.get('br-1', 'cu-1');
    if (row === undefined) throw new Error('no stored visits for cu-1');
    await first.derived.applyChange([{ ...row, customer_id: 'cu-ghost' }], []);
    first.derived.close();
    open.length = 0;

    const second = await openDesk('stale');
    await second.desk.open();
    expect(second.desk.activityOf('br-1', 'cu-1')).toMatchObject({ status: 'churned', total_spent: 1 });
    expect(second.desk.activityOf('br-1', 'cu-ghost')).toBeDefined();
    await second.desk.loadBookings();
    expect(second.desk.activityOf('br-1', 'cu-1')).toMatchObject({ status: 'active', total_spent: 10_000 });
    expect(second.desk.activityOf('br-1', 'cu-ghost')).toBeUndefined();
    expect(await second.derived.get('br-1', 'cu-1')).toMatchObject({ total_spent: 10_000, last_day: day('2026-02-25') });
    expect(await second.derived.get('br-1', 'cu-ghost')).toBeUndefined();
  });

  it('shows a customer added while the bookings are read at once, and keeps bookings written meanwhile', async () => {
    const { db, desk } = await openDesk();
    await db.branches.insert(branchFixture());
    await db.customers.insert(customerFixture());
    await desk.open();
    await db.customers.insert(customerFixture({ id: 'cu-new', name: 'Walk In', phone: '', email: '' }));
    await db.bookings.insert(bookingFixture({ id: 'bk-new', customer_id: 'cu-new', start_at: '2026-02-28T10:00:00+08:00' }));
    expect(desk.customers.get('cu-new')?.name).toBe('Walk In');
    expect(desk.search.search('walk').map((h) => h.id)).toEqual(['cu-new']);
    await desk.loadBookings();
    await desk.flush();
    expect(desk.activityOf('br-1', 'cu-new')).toMatchObject({ status: 'active', total_bookings: 1 });
    await db.bookings.insert(bookingFixture({ id: 'bk-later', customer_id: 'cu-new', start_at: '2026-03-01T10:00:00+08:00' }));
    expect(desk.activityOf('br-1', 'cu-new')).toMatchObject({ total_bookings: 2 });
  });

  it('keeps a booking whose branch is unknown until the branch arrives', async () => {
    const { db, desk } = await openDesk();
    await desk.load();
    await db.customers.insert(customerFixture());
    await db.bookings.insert(bookingFixture({ branch_id: 'br-2' }));
    expect(desk.activityOf('br-2', 'cu-1')).toBeUndefined();
    await db.branches.insert(branchFixture({ id: 'br-2', name: 'Cebu' }));
    expect(desk.activityOf('br-2', 'cu-1')).toMatchObject({ total_bookings: 1 });
  });

  it('finds the same data after closing and reopening (IndexedDB)', async () => {
    const first = await openDesk('reopen');
    await first.db.branches.insert(branchFixture());
    await first.db.customers.insert(customerFixture());
    await first.db.bookings.insert(bookingFixture());
    await first.desk.load();
    await first.desk.flush();
    first.desk.close();
    await first.db.close();
    first.derived.close();
    open.length = 0;

    const second = await openDesk('reopen');
    await second.desk.load();
    expect(second.desk.customers.get('cu-1')?.name).toBe('Maria Santos');
    expect(second.desk.activityOf('br-1', 'cu-1')).toMatchObject({ total_bookings: 1, total_spent: 25_000 });
    await second.desk.flush();
  });

  it('reads every customer at the next start from the stored copy, kept current on every change of this desk', async () => {
    const first = await openDesk('copy');
    await first.db.branches.insert(branchFixture());
    await first.db.customers.bulkInsert(Array.from({ length: 150 }, (_, i) => customerFixture({ id: `cu-${i}`, name: `Customer ${i}`, phone: '', email: '' })));
    await first.desk.load();
    await first.desk.flush();
    // Written after the start-up read every record: a copy at the replica's mark.
    const written = await first.derived.loadCustomerCopy();
    expect(written?.mark).toEqual(await collectionMark(first.db.customers as RxCollection<unknown>));
    expect(written?.docs.length).toBe(150);
    expect(await first.derived.customerBuckets.count()).toBeLessThanOrEqual(CUSTOMER_BUCKETS);
    // Changes made on this desk: an edit, a new customer, a deletion.
    await first.db.customers.upsert(customerFixture({ id: 'cu-3', name: 'Renamed Three', phone: '', email: '' }));
    await first.db.customers.insert(customerFixture({ id: 'cu-new', name: 'Newcomer', phone: '', email: '', home_branch_id: 'br-1' }));
    await (await first.db.customers.findOne('cu-7').exec())?.remove();
    await first.desk.flush();
    const expected = [...first.desk.customers.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const stored = await first.derived.loadCustomerCopy();
    expect(stored?.mark).toEqual(await collectionMark(first.db.customers as RxCollection<unknown>));
    expect(stored?.docs.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected);
    first.desk.close();
    await first.db.close();
    first.derived.close();
    open.length = 0;

    const second = await openDesk('copy');
    const read = countCopyReads(second.db);
    await second.desk.open();
    expect(read()).toBe(0);
    expect([...second.desk.customers.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected);
    expect(second.desk.customers.get('cu-3')?.name).toBe('Renamed Three');
    expect(second.desk.customers.has('cu-7')).toBe(false);
    expect(second.desk.search.search('newcomer').map((h) => h.id)).toEqual(['cu-new']);
    expect(second.desk.activityOf('br-1', 'cu-new')).toMatchObject({ status: 'new' });
  });

  it('reads every customer record and rebuilds the copy when the replica changed without it or the copy is malformed', async () => {
    const first = await openDesk('stale-copy');
    await first.db.branches.insert(branchFixture());
    await first.db.customers.bulkInsert(Array.from({ length: 40 }, (_, i) => customerFixture({ id: `cu-${i}`, phone: '', email: '' })));
    await first.desk.load();
    await first.desk.flush();
    first.desk.close();
    // Written while no desk follows the replica (another window, a crash before the copy's write).
    await first.db.customers.upsert(customerFixture({ id: 'cu-5', name: 'Changed Meanwhile', phone: '', email: '' }));
    await first.db.close();
    first.derived.close();
    open.length = 0;

    const second = await openDesk('stale-copy');
    const reads = countCopyReads(second.db);
    await second.desk.open();
    expect(reads()).toBeGreaterThan(0);
    expect(second.desk.customers.get('cu-5')?.name).toBe('Changed Meanwhile');
    await second.desk.flush();
    const rebuilt = await second.derived.loadCustomerCopy();
    expect(rebuilt?.mark).toEqual(await collectionMark(second.db.customers as RxCollection<unknown>));
    expect(rebuilt?.docs.find((d) => d.id === 'cu-5')?.name).toBe('Changed Meanwhile');

    // A damaged record: refused with its reason, every record read, the copy rewritten.
    const [bucket] = await second.derived.customerBuckets.toArray();
    if (bucket === undefined) throw new Error('no customer bucket stored');
    await second.derived.customerBuckets.put({ ...bucket, json: bucket.json.slice(0, -2) });
    await expect(second.derived.loadCustomerCopy()).rejects.toThrow(new RegExp(`customer bucket ${bucket.bucket} is malformed`));
    await second.derived.customerBuckets.put({ ...bucket, json: JSON.stringify({ keys: [], rows: [], docs: [] }) });
    await expect(second.derived.loadCustomerCopy()).rejects.toThrow(/stored customers are \d+, their mark says 40/);
    second.desk.close();
    await second.db.close();
    second.derived.close();
    open.length = 0;

    const third = await openDesk('stale-copy');
    const again = countCopyReads(third.db);
    await third.desk.open();
    expect(again()).toBeGreaterThan(0);
    expect(third.desk.customers.size).toBe(40);
    await third.desk.flush();
    expect((await third.derived.loadCustomerCopy())?.docs.length).toBe(40);
  });

  it('keeps the copy equal to the replica when customers change while the start-up reads them', async () => {
    const first = await openDesk('racing');
    await first.db.branches.insert(branchFixture());
    await first.db.customers.bulkInsert(Array.from({ length: 30 }, (_, i) => customerFixture({ id: `cu-${i}`, phone: '', email: '' })));
    await first.desk.load();
    await first.desk.flush();
    first.desk.close();
    await first.db.close();
    first.derived.close();
    open.length = 0;

    const second = await openDesk('racing');
    await second.desk.openFirst();
    const reading = second.desk.loadCustomers();
    await second.db.customers.upsert(customerFixture({ id: 'cu-2', name: 'During The Read', phone: '', email: '' }));
    await second.db.customers.insert(customerFixture({ id: 'cu-late', phone: '', email: '' }));
    await reading;
    await second.desk.flush();
    expect(second.desk.customers.get('cu-2')?.name).toBe('During The Read');
    expect(second.desk.customers.has('cu-late')).toBe(true);
    const copy = await second.derived.loadCustomerCopy();
    expect(copy?.mark).toEqual(await collectionMark(second.db.customers as RxCollection<unknown>));
    expect(copy?.docs.find((d) => d.id === 'cu-2')?.name).toBe('During The Read');
    expect(copy?.docs.length).toBe(31);
  });

  it('removes the whole replica', async () => {
    const { db, name } = await openDesk('removed');
    await db.branches.insert(branchFixture());
    await db.close();
    open.length = 0;
    await removeReplica({ name, storage });
    const again = await openReplica({ name, storage });
    expect(await again.branches.count().exec()).toBe(0);
    await again.close();
  });

  it('derived rows end equal to memory after many changes in quick succession (writes merged while one is in flight)', async () => {
    const { db, derived, desk } = await openDesk();
    await db.branches.insert(branchFixture());
    await desk.load();
    const customers = Array.from({ length: 12 }, (_, i) => customerFixture({ id: `cu-${i}`, phone: '', email: '' }));
    await db.customers.bulkInsert(customers);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i += 1) {
      writes.push(db.bookings.insert(bookingFixture({ id: `bk-${i}`, customer_id: `cu-${i % 12}`, start_at: `2026-02-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00+08:00` })));
    }
    await Promise.all(writes);
    // cu-0's bookings all go: its pair vanishes (no home branch), so its derived row must too
    const gone = await db.bookings.find({ selector: { customer_id: 'cu-0' } }).exec();
    await Promise.all(gone.map((d) => d.remove()));
    await desk.flush();
    const stored = new Map((await storedRows(derived)).map((r) => [r.customer_id, r]));
    const memory = [...desk.activity.visits()];
    expect(memory).toHaveLength(11);
    expect(stored.size).toBe(11);
    expect(stored.has('cu-0')).toBe(false);
    for (const a of memory) expect(stored.get(a.customer_id)).toEqual(a);
  });

  it('predicts from its own bookings once they are read: fitted in idle time, one pair updated on a change, the server’s parameters preferred', async () => {
    const { db, desk } = await openDesk();
    await db.branches.insert(branchFixture());
    // A small demo business (one branch, 200 customers, a year and a half of visits).
    const data = generateDemoData(demoOptions('demo', { branches: 1, customers: 200, targetBookings: 2400, historyDays: 540, today: '2026-03-01' }));
    const docs = demoDocuments(data);
    const home = docs.branches[0]?.id ?? '';
    await db.branches.bulkInsert(docs.branches);
    await db.customers.bulkInsert(docs.customers);
    await db.bookings.bulkInsert(docs.bookings);
    expect(desk.outlook.state).toEqual({ kind: 'pending' });
    await desk.load();
    const visited = visitHistories([...desk.activity.histories()].flatMap((h) => h.bookings), desk.asOfDay);
    const state = await desk.outlookSettled();
    if (state.kind !== 'ready') throw new Error(`expected a fit, got ${JSON.stringify(state)}`);
    expect(state).toMatchObject({ source: 'desk', fittedAsOf: '2026-03-01' });
    expect(state.model.pairs).toBe(visited.length);
    expect(desk.outlook.size).toBe(visited.length);
    const [a, b] = visited;
    if (a === undefined || b === undefined) throw new Error('the demo has fewer than two visited pairs');

    // Desk and the shared model agree for a pair (same history as of the same day).
    const facts = desk.activity.bookingsOf(home, a.customer_id);
    const expected = outlookFromFacts(state.model, facts, desk.asOfDay);
    expect(desk.outlook.get(home, a.customer_id)).toEqual(expected);

    // A new visit recomputes that pair's outlook at once (same model), and only that pair's.
    const other = desk.outlook.get(home, b.customer_id);
    await db.bookings.insert(bookingFixture({ id: 'bk-new', customer_id: a.customer_id, branch_id: home, start_at: '2026-03-01T00:00:00Z', price: 3000 }));
    await desk.flush();
    const after = desk.outlook.get(home, a.customer_id);
    expect(after?.p_alive).toBeGreaterThan(expected?.p_alive ?? 1);
    expect(after).toEqual(outlookFromFacts(state.model, desk.activity.bookingsOf(home, a.customer_id), desk.asOfDay));
    expect(desk.outlook.get(home, b.customer_id)).toBe(other);

    // The server's parameters replace the desk's fit; failed ones leave no numbers.
    const server = { ...state.model, bgnbd: { r: 1, alpha: 30, a: 0.5, b: 2 } };
    desk.setServerModel({ kind: 'ready', source: 'server', model: server, fittedAsOf: '2026-02-28', fitMs: null });
    expect(desk.outlook.get(home, b.customer_id)).toEqual(outlookFromFacts(server, desk.activity.bookingsOf(home, b.customer_id), desk.asOfDay));
    desk.setServerModel({ kind: 'failed', source: 'server', reason: 'too few pairs' });
    expect(desk.outlook.size).toBe(0);
  });
});
