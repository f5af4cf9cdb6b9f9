/**
 * Databases for integration tests: PGlite in memory always, and a real PostgreSQL database of
 * its own (created and dropped per use, `bd_test_<random>`) when DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Clock } from '../store/context';
import { Store } from '../store/store';
import type { Migration } from '../db/migrations';

export interface TestDatabase {
  store: Store;
  /** The database's own URL (postgres only), for spawned processes. */
  url?: string;
  close(): Promise<void>;
}

export interface TestTarget {
  name: 'pglite' | 'postgres';
  open(options?: { clock?: Clock; migrations?: readonly Migration[] }): Promise<TestDatabase>;
}

export const POSTGRES_URL = process.env.DATABASE_URL;

/** A fresh, empty PostgreSQL database on the DATABASE_URL server; drop() removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (POSTGRES_URL === undefined) throw new Error('DATABASE_URL is not set');
  const name = `bd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

const pglite: TestTarget = {
  name: 'pglite',
  async open(options = {}) {
    const store = await Store.open({ ...options });
    return { store, close: () => store.close() };
  },
};

const postgres: TestTarget = {
  name: 'postgres',
  async open(options = {}) {
    const db = await createPostgresDatabase();
    try {
      const store = await Store.open({ databaseUrl: db.url, ...options });
      return {
        store,
        url: db.url,
        async close() {
          await store.close();
          await db.drop();
        },
      };
    } catch (error) {
      await db.drop();
      throw error;
    }
  },
};

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export const TARGETS: TestTarget[] = POSTGRES_URL === undefined ? [pglite] : [pglite, postgres];

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public now: number) {}
  readonly read: Clock = () => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}
