import { describe, expect, it } from 'vitest';
import { createPostgresDatabase, POSTGRES_URL } from '../test-support/databases';
import { openPostgres } from './postgres';

describe.skipIf(POSTGRES_URL === undefined)('PostgreSQL adapter', () => {
  it('delivers NOTIFY across connections, reconnects a lost LISTEN connection and tells the listener', async () => {
    const database = await createPostgresDatabase();
    const db = await openPostgres(database.url);
    try {
      const received: string[] = [];
      let waiting: ((p: string) => void) | null = null;
      let reconnected: () => void = () => {};
      const reconnect = new Promise<void>((resolve) => {
        reconnected = resolve;
      });
      await db.listen(
        'test_channel',
        (payload) => {
          received.push(payload);
          waiting?.(payload);
        },
        () => reconnected(),
      );
      const next = () => new Promise<string>((resolve) => (waiting = resolve));

      let got = next();
      await db.transaction(async (tx) => {
        await tx.query("SELECT pg_notify('test_channel', 'one')");
      });
      expect(await got).toBe('one');

      // Kill the listening backend from another connection: the adapter must come back by itself.
      await db.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'",
      );
      await reconnect;
      got = next();
      await db.query("SELECT pg_notify('test_channel', 'two')");
      expect(await got).toBe('two');
      expect(received).toEqual(['one', 'two']);
    } finally {
      await db.close();
      await database.drop();
    }
  });

  it('rolls a failed transaction back', async () => {
    const database = await createPostgresDatabase();
    const db = await openPostgres(database.url);
    try {
      await db.exec('CREATE TABLE t (x integer PRIMARY KEY)');
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES (1)');
          await tx.query('INSERT INTO t VALUES (1)');
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await db.query('SELECT * FROM t')).toEqual([]);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
