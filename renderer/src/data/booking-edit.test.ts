import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage } from 'rxdb';
import { bookingsAround, cancelBookings, editBooking, editSeriesBookings, seriesBookings } from './bookings';
import { openReplica, type Replica } from './replica';
import { bookingFixture } from './test-fixtures';
import { DocumentRejected } from './write-errors';

const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
let counter = 0;
const open: Replica[] = [];
async function replica(): Promise<Replica> {
  const db = await openReplica({ name: `edit${++counter}`, storage });
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

describe('editBooking', () => {
  it('moves a scheduled booking in place: same id, only the changed fields written', async () => {
    const db = await replica();
    await db.bookings.insert(bookingFixture({ id: 'bk-1', status: 'scheduled', start_at: '2026-12-03T10:00:00+08:00', notes: 'window seat' }));
    const moved = await editBooking(db, 'bk-1', { startMs: Date.UTC(2026, 11, 3, 3, 30), staff: ' Ben ' }, 'Asia/Manila', Date.UTC(2026, 11, 1));
    expect(moved).toMatchObject({ id: 'bk-1', start_at: '2026-12-03T11:30:00+08:00', staff: 'Ben', service: 'Haircut', notes: 'window seat', status: 'scheduled', updated_at: '2026-12-01T00:00:00.000Z' });
    expect(await db.bookings.count().exec()).toBe(1);
  });

  it('refuses a booking that is no longer scheduled and a bad value, writing nothing', async () => {
    const db = await replica();
    await db.bookings.insert(bookingFixture({ id: 'bk-1', status: 'completed' }));
    await db.bookings.insert(bookingFixture({ id: 'bk-2', status: 'scheduled' }));
    await expect(editBooking(db, 'bk-1', { staff: 'Ben' }, 'Asia/Manila', 0)).rejects.toThrow(/completed booking can no longer be moved/);
    await expect(editBooking(db, 'bk-2', { durationMin: 2 }, 'Asia/Manila', 0)).rejects.toBeInstanceOf(DocumentRejected);
    expect((await db.bookings.findOne('bk-1').exec())?.staff).toBe('Ana');
    expect((await db.bookings.findOne('bk-2').exec())?.duration_min).toBe(30);
  });
});

describe('editBooking and the 5-year range', () => {
  it('refuses moving a booking to year 3000, and lets an old booking keep its date when other fields change', async () => {
    const db = await replica();
    const now = Date.UTC(2026, 2, 2, 6, 30);
    await db.bookings.insert(bookingFixture({ id: 'bk-1', status: 'scheduled', start_at: '2026-03-05T10:00:00+08:00' }));
    await db.bookings.insert(bookingFixture({ id: 'bk-old', status: 'scheduled', start_at: '2019-03-05T10:00:00+08:00' }));
    const far = editBooking(db, 'bk-1', { startMs: Date.UTC(3000, 0, 1, 2) }, 'Asia/Manila', now);
    await expect(far).rejects.toBeInstanceOf(DocumentRejected);
    await expect(editBooking(db, 'bk-1', { startMs: Date.UTC(3000, 0, 1, 2) }, 'Asia/Manila', now)).rejects.toThrow('bookings bk-1: start_at must be within 5 years of today');
    expect((await db.bookings.findOne('bk-1').exec())?.start_at).toBe('2026-03-05T10:00:00+08:00');
    // an unchanged old date is left alone (the server checks only a changed time too)
    expect((await editBooking(db, 'bk-old', { staff: 'Ben' }, 'Asia/Manila', now)).staff).toBe('Ben');
    await expect(editBooking(db, 'bk-old', { startMs: Date.UTC(2019, 2, 6, 2) }, 'Asia/Manila', now)).rejects.toThrow(/start_at must be within 5 years/);
  });
});

describe('bookingsAround', () => {
  it("finds the branch's bookings and the customer's elsewhere near a time, not far ones", async () => {
    const db = await replica();
    await db.bookings.bulkInsert([
      bookingFixture({ id: 'near', customer_id: 'cu-2', start_at: '2026-12-03T10:00:00+08:00' }),
      bookingFixture({ id: 'elsewhere', branch_id: 'br-2', start_at: '2026-12-03T23:30:00-05:00' }),
      bookingFixture({ id: 'other-branch', branch_id: 'br-2', customer_id: 'cu-3', start_at: '2026-12-03T10:00:00+08:00' }),
      bookingFixture({ id: 'far', start_at: '2026-12-20T10:00:00+08:00' }),
    ]);
    const found = await bookingsAround(db, 'br-1', 'cu-1', Date.UTC(2026, 11, 3, 2));
    expect(found.map((b) => b.id).sort()).toEqual(['elsewhere', 'near']);
  });
});

describe('this and all following of a series', () => {
  const series = (index: number, status: 'scheduled' | 'completed' = 'scheduled') =>
    bookingFixture({ id: `bk-${index}`, status, start_at: `2026-12-${String(index * 7).padStart(2, '0')}T10:00:00+08:00`, series: { id: 'sr-1', index, count: 3 } });

  it("reads a series' occurrences by index, and writes each its own changes", async () => {
    const db = await replica();
    await db.bookings.bulkInsert([series(3), series(1), series(2), bookingFixture({ id: 'bk-x' })]);
    expect((await seriesBookings(db, 'cu-1', 'sr-1')).map((b) => b.id)).toEqual(['bk-1', 'bk-2', 'bk-3']);
    const done = await editSeriesBookings(
      db,
      [
        { bookingId: 'bk-2', changes: { startMs: Date.UTC(2026, 11, 14, 3), notes: 'x' } },
        { bookingId: 'bk-3', changes: { staff: 'Ben' } },
      ],
      'Asia/Manila',
      Date.UTC(2026, 11, 1),
    );
    expect(done.map((b) => [b.id, b.start_at, b.staff, b.notes, b.series])).toEqual([
      ['bk-2', '2026-12-14T11:00:00+08:00', 'Ana', 'x', { id: 'sr-1', index: 2, count: 3 }],
      ['bk-3', '2026-12-21T10:00:00+08:00', 'Ben', '', { id: 'sr-1', index: 3, count: 3 }],
    ]);
  });

  it('writes none when one is no longer scheduled or would be invalid', async () => {
    const db = await replica();
    await db.bookings.bulkInsert([series(1), series(2), series(3, 'completed')]);
    await expect(editSeriesBookings(db, [{ bookingId: 'bk-2', changes: { staff: 'Ben' } }, { bookingId: 'bk-3', changes: { staff: 'Ben' } }], 'Asia/Manila', 0)).rejects.toThrow(/completed booking/);
    await expect(editSeriesBookings(db, [{ bookingId: 'bk-1', changes: { staff: 'Ben' } }, { bookingId: 'bk-2', changes: { durationMin: 2 } }], 'Asia/Manila', 0)).rejects.toBeInstanceOf(DocumentRejected);
    expect((await seriesBookings(db, 'cu-1', 'sr-1')).map((b) => b.staff)).toEqual(['Ana', 'Ana', 'Ana']);
    await expect(cancelBookings(db, ['bk-1', 'bk-3'], 0)).rejects.toThrow(/completed to cancelled/);
    expect((await seriesBookings(db, 'cu-1', 'sr-1')).map((b) => b.status)).toEqual(['scheduled', 'scheduled', 'completed']);
    expect((await cancelBookings(db, ['bk-1', 'bk-2'], Date.UTC(2026, 11, 1))).map((b) => b.status)).toEqual(['cancelled', 'cancelled']);
  });
});
