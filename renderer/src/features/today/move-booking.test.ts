import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage } from 'rxdb';
import { openReplica, type Replica } from '../../data/replica';
import { bookingFixture } from '../../data/test-fixtures';
import { moveNeedsAsking, planMove } from './move-booking';

const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
let counter = 0;
const open: Replica[] = [];
async function replica(): Promise<Replica> {
  const db = await openReplica({ name: `move${++counter}`, storage, collections: ['bookings', 'staff'] });
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

const ZONE = 'Asia/Manila';
/** 14:30 in Manila on 3 Dec 2026. */
const NOW = Date.UTC(2026, 11, 3, 6, 30);
const at = (hour: number, minute = 0): number => Date.UTC(2026, 11, 3, hour - 8, minute);

describe('planMove: a drag into the past', () => {
  it('asks when the drag moves the start to more than 15 minutes before now, not when it stays later or within the grace', async () => {
    const db = await replica();
    const booking = bookingFixture({ id: 'bk-1', status: 'scheduled', start_at: '2026-12-03T16:00:00+08:00' });
    await db.bookings.insert(booking);

    const past = await planMove(db, booking, at(12), 'Ana', ZONE, NOW);
    expect(past?.past).toBe('This booking starts in the past (2 h 30 min ago).');
    expect(past?.conflicts).toEqual([]);
    expect(past !== null && moveNeedsAsking(past)).toBe(true);

    const later = await planMove(db, booking, at(17), 'Ana', ZONE, NOW);
    expect(later?.past).toBeNull();
    expect(later !== null && moveNeedsAsking(later)).toBe(false);

    const justNow = await planMove(db, booking, at(14, 15), 'Ana', ZONE, NOW);
    expect(justNow?.past).toBeNull();
  });

  it('does not ask when only the staff member changes on a booking already in the past', async () => {
    const db = await replica();
    const booking = bookingFixture({ id: 'bk-1', status: 'scheduled', start_at: '2026-12-03T10:00:00+08:00' });
    await db.bookings.insert(booking);
    const moved = await planMove(db, booking, at(10), 'Ben', ZONE, NOW);
    expect(moved?.changes).toEqual({ staff: 'Ben' });
    expect(moved?.past).toBeNull();
    expect(await planMove(db, booking, at(10), 'Ana', ZONE, NOW)).toBeNull();
  });

  it('reports an overlap and the past together', async () => {
    const db = await replica();
    const booking = bookingFixture({ id: 'bk-1', status: 'scheduled', start_at: '2026-12-03T16:00:00+08:00' });
    await db.bookings.bulkInsert([booking, bookingFixture({ id: 'bk-2', customer_id: 'cu-2', status: 'scheduled', staff: 'Ben', start_at: '2026-12-03T11:00:00+08:00' })]);
    const moved = await planMove(db, booking, at(11), 'Ben', ZONE, NOW);
    expect(moved?.conflicts.map((c) => [c.kind, c.other.id])).toEqual([['staff', 'bk-2']]);
    expect(moved?.past).toBe('This booking starts in the past (3 h 30 min ago).');
  });
});
