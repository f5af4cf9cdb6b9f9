import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage } from 'rxdb';
import { bookingsAround, editBooking } from './bookings';
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
