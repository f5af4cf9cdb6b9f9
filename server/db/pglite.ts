import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';
import { tightenTree } from './private-files';

type PGliteLike = Pick<PGlite, 'query' | 'exec'>;

function wrap(target: PGliteLike): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await target.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) with its files in `dataDir` (in memory when
 * undefined). Single process: the caller guarantees nobody else opens the directory
 * (server/db/data-dir-lock.ts). Queries and transactions are serialised by PGlite itself.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  // Emscripten creates some files with explicit modes (0644), whatever the umask: make them private.
  if (dataDir !== undefined) await tightenTree(dataDir);
  // …and again now and then, for files it creates while running (pg_internal.init is rewritten).
  const tighten = dataDir === undefined ? null : setInterval(() => void tightenTree(dataDir).catch(() => {}), 60_000);
  tighten?.unref();
  const plain = wrap(db);
  let closed = false;
  return {
    kind: 'pglite',
    query: plain.query,
    exec: plain.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onMessage) {
      const unlisten = await db.listen(channel, onMessage);
      return async () => {
        if (!closed) await unlisten();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      if (tighten !== null) clearInterval(tighten);
      await db.close();
      if (dataDir !== undefined) await tightenTree(dataDir);
    },
  };
}
