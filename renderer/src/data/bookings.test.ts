import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage } from 'rxdb';
import { canMove, createBooking } from './bookings';
import { openReplica, type Replica } from './replica';
import { DocumentRejected } from './write-errors';

const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
let counter = 0;
const open: Replica[] = [];
async function replica(): Promise<Replica> {
  const db = await openReplica({ name: `create${++counter}`, storage });
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

describe('bookings', () => {
  it('moves forward only', () => {
    expect(canMove('scheduled', 'checked_in')).toBe(true);
    expect(canMove('scheduled', 'completed')).toBe(true);
    expect(canMove('checked_in', 'no_show')).toBe(true);
    expect(canMove('checked_in', 'scheduled')).toBe(false);
    expect(canMove('completed', 'cancelled')).toBe(false);
    expect(canMove('no_show', 'completed')).toBe(false);
  });

  it('writes start_at with the branch offset and validates, storing nothing that is refused', async () => {
    const db = await replica();
    const doc = await createBooking(
      db,
      { customerId: 'cu-1', branchId: 'br-1', timeZone: 'Asia/Manila', service: ' Haircut ', staff: 'Ana', startMs: Date.UTC(2026, 2, 1, 1, 30), durationMin: 30, price: 25_000 },
      Date.UTC(2026, 2, 1, 0),
    );
    expect(doc).toMatchObject({ start_at: '2026-03-01T09:30:00+08:00', service: 'Haircut', status: 'scheduled', created_at: '2026-03-01T00:00:00.000Z' });
    expect(doc.id).toMatch(/^bk-[0-9a-f-]{36}$/);
    expect((await db.bookings.findOne(doc.id).exec())?.toJSON()).toMatchObject({ start_at: '2026-03-01T09:30:00+08:00', service: 'Haircut' });
    await expect(createBooking(db, { customerId: 'cu-1', branchId: 'br-1', timeZone: 'UTC', service: 'x', staff: '', startMs: 0, durationMin: 2, price: 0 }, 0)).rejects.toThrow(DocumentRejected);
    expect(await db.bookings.count().exec()).toBe(1);
  });

  it('refuses a booking more than 5 years from now (year 1900 or 3000) when it is written, naming start_at', async () => {
    const db = await replica();
    const now = Date.UTC(2026, 2, 2, 6, 30);
    const at = (startMs: number) => createBooking(db, { customerId: 'cu-1', branchId: 'br-1', timeZone: 'UTC', service: 'Cut', staff: '', startMs, durationMin: 30, price: 0 }, now);
    for (const startMs of [Date.UTC(1900, 0, 1, 10), Date.UTC(3000, 0, 1, 10), Date.UTC(2031, 2, 10)]) {
      const refused = at(startMs);
      await expect(refused).rejects.toThrow(DocumentRejected);
      await expect(refused).rejects.toThrow(/^bookings bk-[0-9a-f-]+: start_at must be within 5 years of today/);
    }
    expect(await db.bookings.count().exec()).toBe(0);
    await expect(at(Date.UTC(2031, 1, 20))).resolves.toMatchObject({ start_at: '2031-02-20T00:00:00+00:00' });
    await expect(at(Date.UTC(2021, 2, 10))).resolves.toMatchObject({ start_at: '2021-03-10T00:00:00+00:00' });
  });
});
