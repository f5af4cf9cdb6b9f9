/**
 * A sync server for the benchmarks: a fresh PostgreSQL database, a Store in this process for
 * set-up (branches, enrolment codes, bulk loads) and the server itself as its own process
 * (`server/main.ts`, as in production), both on the same database.
 */
import type { Role } from '../../shared/sync/protocol';
import type { EnrolResponse } from '../../shared/sync/protocol';
import { createEnrolmentCode } from '../../server/store/auth';
import { Store } from '../../server/store/store';
import { startServerProcess, type ServerProcess } from '../../server/test-support/spawn';
import { enrolDevice } from '../../renderer/src/sync/api';
import { createDatabase, type BenchDatabase } from './postgres';

export interface BenchServer {
  db: BenchDatabase;
  store: Store;
  url: string;
  process: ServerProcess | null;
  /** Starts the server process (after set-up, so it starts on the loaded data). */
  start(): Promise<string>;
  enrol(branchId: string, role: Role): Promise<EnrolResponse>;
  close(): Promise<void>;
}

export async function openBenchServer(purpose: string): Promise<BenchServer> {
  const db = await createDatabase(purpose);
  let store: Store;
  try {
    store = await Store.open({ databaseUrl: db.url });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const server: BenchServer = {
    db,
    store,
    url: '',
    process: null,
    async start() {
      server.process = await startServerProcess([], { DATABASE_URL: db.url });
      server.url = server.process.url;
      return server.url;
    },
    async enrol(branchId, role) {
      const { code } = await createEnrolmentCode(store, branchId, role);
      return enrolDevice(server.url, code);
    },
    async close() {
      if (server.process !== null) await server.process.stop();
      await store.close();
      await db.drop();
    },
  };
  return server;
}
