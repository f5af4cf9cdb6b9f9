import { afterEach, describe, expect, it } from 'vitest';
import { importDataset } from '../services/import';
import { Store } from '../store/store';
import { createPostgresDatabase, POSTGRES_URL, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { bookingDoc } from '../test-support/docs';
import { pullBatch } from '../sync/pull';
import { pushRows } from '../sync/push';
import { migrate } from './migrate';
import type { Database } from './database';
import { MIGRATIONS, type Migration } from './migrations';

/** The versions recorded in schema_migrations. */
async function appliedVersions(db: Database): Promise<number[]> {
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((r) => r.version);
}

describe.each(TARGETS)('migrations on $name', (target) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('applies each version once, records it, and keeps old checkpoints valid after a later migration', async () => {
    db = await target.open();
    const versions = MIGRATIONS.map((m) => m.version);
    expect(await appliedVersions(db.store.db)).toEqual(versions);
    expect(await migrate(db.store.db)).toEqual([]);

    await importDataset(db.store, twoBranches(), 0);
    const device = { id: 'dev', role: 'front_desk' as const, branch_id: 'br-a' };
    await pushRows(db.store, device, 'bookings', [{ newDocumentState: bookingDoc({ id: 'bk-before', customer_id: 'cu-a1' }) }]);
    const before = await pullBatch(db.store.db, 'bookings', 'br-a', null, 100);
    expect(before.documents.map((d) => d.id)).toEqual(['bk-a1', 'bk-before']);

    const next: Migration = { version: 1000, name: 'test: a new column', sql: 'ALTER TABLE bookings ADD COLUMN test_note text' };
    expect(await migrate(db.store.db, [...MIGRATIONS, next])).toEqual([1000]);
    expect(await appliedVersions(db.store.db)).toEqual([...versions, 1000]);
    await pushRows(db.store, device, 'bookings', [{ newDocumentState: bookingDoc({ id: 'bk-after', customer_id: 'cu-a1' }) }]);
    const after = await pullBatch(db.store.db, 'bookings', 'br-a', before.checkpoint, 100);
    expect(after.documents.map((d) => d.id)).toEqual(['bk-after']);
    // Opens a database, imports and migrates twice: 34 s was seen on PGlite under a load of 20.
  }, 120_000);

  it('rolls a failing migration back whole and does not record it', async () => {
    db = await target.open();
    const broken: Migration = { version: 1001, name: 'test: broken', sql: 'CREATE TABLE half_done (x integer); SELECT no_such_column FROM half_done' };
    await expect(migrate(db.store.db, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_column/);
    expect(await appliedVersions(db.store.db)).toEqual(MIGRATIONS.map((m) => m.version));
    const tables = await db.store.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
    expect(tables).toEqual([]);
  });
});

describe.skipIf(POSTGRES_URL === undefined)('migrations with several processes on PostgreSQL', () => {
  it('lets two servers start on one fresh database at the same time', async () => {
    const database = await createPostgresDatabase();
    try {
      const stores = await Promise.all([Store.open({ databaseUrl: database.url }), Store.open({ databaseUrl: database.url })]);
      expect(await appliedVersions((stores[0] as Store).db)).toEqual(MIGRATIONS.map((m) => m.version));
      expect((stores[0] as Store).org.customer_id_secret).toBe((stores[1] as Store).org.customer_id_secret);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await database.drop();
    }
  });
});
