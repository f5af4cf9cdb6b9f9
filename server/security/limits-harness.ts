/**
 * A real server process (`node server/main.ts`) on PGlite or PostgreSQL for the input-limit,
 * enrolment and stream attack tests: the two-branch data set, and one enrolled device per
 * requested (branch, role).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnrolResponse, Role } from '../../shared/sync/protocol';
import { acquireDataDir, pgliteDir } from '../db/data-dir';
import { createEnrolmentCode } from '../store/auth';
import { importDataset } from '../services/import';
import { Store } from '../store/store';
import { createPostgresDatabase, POSTGRES_URL } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { startServerProcess, type ServerProcess } from '../test-support/spawn';

export type TargetName = 'pglite' | 'postgres';
export const PROCESS_TARGETS: TargetName[] = POSTGRES_URL === undefined ? ['pglite'] : ['pglite', 'postgres'];

export interface HarnessOptions {
  /** Devices enrolled once the server listens. */
  devices?: { branch: string; role: Role }[];
  /** Further enrolment codes (not redeemed), e.g. for enrolment tests. */
  spareCodes?: { branch: string; role: Role }[];
  args?: string[];
  env?: Record<string, string>;
  /** The umask the server process starts with (inherited from this process while spawning). */
  umask?: number;
  /** PostgreSQL only: further server processes on the same database (`others`). */
  processes?: number;
  /** Runs on the PGlite data directory after seeding, before the server starts. */
  prepare?: (dataDir: string) => Promise<void>;
}

async function spawnWith(options: HarnessOptions, args: string[], env: Record<string, string>): Promise<ServerProcess> {
  const previous = options.umask === undefined ? undefined : process.umask(options.umask);
  try {
    return await startServerProcess(args, env);
  } finally {
    if (previous !== undefined) process.umask(previous);
  }
}

export interface Harness {
  url: string;
  server: ServerProcess;
  /** The further processes on the same database (options.processes - 1 of them). */
  others: ServerProcess[];
  devices: EnrolResponse[];
  spareCodes: string[];
  /** The PGlite data directory (pglite only). */
  dataDir?: string;
  close(): Promise<void>;
}

async function seed(store: Store, options: HarnessOptions): Promise<{ devices: string[]; spare: string[] }> {
  await importDataset(store, twoBranches(), 0);
  const devices: string[] = [];
  for (const d of options.devices ?? []) devices.push((await createEnrolmentCode(store, d.branch, d.role)).code);
  const spare: string[] = [];
  for (const d of options.spareCodes ?? []) spare.push((await createEnrolmentCode(store, d.branch, d.role)).code);
  return { devices, spare };
}

export async function startHarness(target: TargetName, options: HarnessOptions = {}): Promise<Harness> {
  let codes: { devices: string[]; spare: string[] };
  let server: ServerProcess;
  let cleanup: () => Promise<void>;
  let dataDir: string | undefined;
  const others: ServerProcess[] = [];
  if (target === 'pglite') {
    if ((options.processes ?? 1) > 1) throw new Error('several server processes need PostgreSQL (a PGlite data directory has one owner)');
    const dir = await mkdtemp(join(tmpdir(), 'bd-sec-'));
    dataDir = dir;
    const lock = await acquireDataDir(dir, 'cli');
    const store = await Store.open({ pgliteDir: pgliteDir(dir) });
    try {
      codes = await seed(store, options);
    } finally {
      await store.close();
      await lock.release();
    }
    await options.prepare?.(dir);
    server = await spawnWith(options, ['--data-dir', dir, ...(options.args ?? [])], options.env ?? {});
    cleanup = () => rm(dir, { recursive: true, force: true });
  } else {
    const db = await createPostgresDatabase();
    const store = await Store.open({ databaseUrl: db.url });
    try {
      codes = await seed(store, options);
    } finally {
      await store.close();
    }
    const env = { ...(options.env ?? {}), DATABASE_URL: db.url };
    const all = await Promise.all(Array.from({ length: options.processes ?? 1 }, () => spawnWith(options, options.args ?? [], env)));
    server = all[0] as ServerProcess;
    others.push(...all.slice(1));
    cleanup = () => db.drop();
  }
  const devices: EnrolResponse[] = [];
  for (const code of codes.devices) {
    const res = await fetch(`${server.url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    if (res.status !== 200) throw new Error(`enrolment failed: ${res.status} ${await res.text()}`);
    devices.push((await res.json()) as EnrolResponse);
  }
  return {
    url: server.url,
    server,
    others,
    devices,
    spareCodes: codes.spare,
    ...(dataDir !== undefined ? { dataDir } : {}),
    async close() {
      await Promise.all([server, ...others].filter((p) => p.child.exitCode === null).map((p) => p.stop()));
      await cleanup();
    },
  };
}
