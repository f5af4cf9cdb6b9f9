/**
 * Bare databases for migration tests: PGlite in memory and, with DATABASE_URL, a fresh PostgreSQL
 * database dropped on close — no migrations run and no Store on top, so a test can stop at any
 * schema version.
 */
import type { Database } from '../db/database';
import { openPglite } from '../db/pglite';
import { openPostgres } from '../db/postgres';
import { createPostgresDatabase, POSTGRES_URL } from './databases';

export interface BareTarget {
  name: string;
  open(): Promise<{ db: Database; close(): Promise<void> }>;
}

export const BARE_TARGETS: BareTarget[] = [
  {
    name: 'pglite',
    async open() {
      const db = await openPglite(undefined);
      return { db, close: () => db.close() };
    },
  },
  ...(POSTGRES_URL === undefined
    ? []
    : [
        {
          name: 'postgres',
          async open() {
            const database = await createPostgresDatabase();
            const db = await openPostgres(database.url);
            return {
              db,
              async close() {
                await db.close();
                await database.drop();
              },
            };
          },
        },
      ]),
];
