import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoneClock } from '../../shared/time/zone';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { ImportRejected, importDataset } from './import';
import { verifyProjection } from './verify';

describe.each(TARGETS)('import on $name', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await target.open({ clock: new ManualClock(Date.parse('2026-03-01T06:00:00Z')).read });
  });
  afterAll(async () => {
    await db?.close();
  });

  const stamps = async () => db.store.db.query<{ id: string; stamp: unknown }>('SELECT id, stamp FROM bookings UNION ALL SELECT id, stamp FROM customers ORDER BY id');

  it('imports once and changes nothing when the same data comes again', async () => {
    expect(await importDataset(db.store, twoBranches(), 2)).toEqual({ branches: 2, customers: 4, bookings: 3, changed: 9 });
    const before = await stamps();
    expect(await importDataset(db.store, twoBranches(), 2)).toMatchObject({ changed: 0 });
    expect(await stamps()).toEqual(before);
    expect((await verifyProjection(db.store)).differences).toEqual([]);
  });

  it('rejects a document that does not fit the schema, naming it, and writes nothing', async () => {
    const data = twoBranches();
    const before = await stamps();
    data.customers.push({ ...(data.customers[0] as (typeof data.customers)[number]), id: 'cu-long', name: 'x'.repeat(201) });
    data.bookings.push({ ...(data.bookings[0] as (typeof data.bookings)[number]), id: 'bk-new' });
    const error = await importDataset(db.store, data, 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).problems).toEqual([{ file: 'customers.csv', id: 'cu-long', field: 'name', message: expect.stringMatching(/200/) }]);
    expect(await stamps()).toEqual(before);
  });

  it('recomputes local days when a branch moves to another time zone', async () => {
    const data = twoBranches();
    (data.branches[0] as (typeof data.branches)[number]).timezone = 'Pacific/Auckland';
    await importDataset(db.store, data, 0);
    const rows = await db.store.db.query<{ start_ms: unknown; local_day: unknown }>("SELECT start_ms, local_day FROM bookings WHERE id = 'bk-a1'");
    // 2026-02-20T12:00Z is the 20th in Manila but already the 21st in Auckland.
    expect(Number(rows[0]?.local_day)).toBe(zoneClock('Pacific/Auckland').localDay(Date.parse('2026-02-20T12:00:00Z')));
    expect(Number(rows[0]?.local_day)).toBe(zoneClock('Asia/Manila').localDay(Date.parse('2026-02-20T12:00:00Z')) + 1);
    expect((await verifyProjection(db.store)).differences).toEqual([]);
  });
});
