/**
 * Fresh PostgreSQL databases for one benchmark run (created on the DATABASE_URL server, named
 * `bd_bench_<random>`, dropped at the end even when the run fails).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function serverUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const open = new Set<BenchDatabase>();

export async function createDatabase(purpose: string): Promise<BenchDatabase> {
  const name = `bd_bench_${purpose}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const db: BenchDatabase = {
    name,
    url: url.toString(),
    async drop() {
      open.delete(db);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
  open.add(db);
  return db;
}

/** Drops every database this run created and has not dropped yet. */
export async function dropAll(): Promise<void> {
  for (const db of [...open]) await db.drop().catch((e: unknown) => process.stderr.write(`could not drop ${db.name}: ${String(e)}\n`));
}

/** `PostgreSQL 15.20 …` of the server. */
export async function postgresVersion(): Promise<string> {
  return admin(async (c) => {
    const r = await c.query<{ server_version: string }>('SHOW server_version');
    return `PostgreSQL ${r.rows[0]?.server_version ?? '?'}`;
  });
}
