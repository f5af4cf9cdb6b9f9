import { expect, type Browser } from '@playwright/test';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import { SyncDesk, type DeskOptions } from '../pages/sync-desk';
import { createStorage, startSyncServer, type ServerTarget, type Storage, type SyncServer } from './server';

/** A real sync server seeded with the sample data, and the desks a test opened against it. */
export interface SampleServer {
  storage: Storage;
  server: SyncServer;
  desks: SyncDesk[];
  /** Opens a desk in its own browser context; it is closed when the test ends. */
  open(name: string, options: DeskOptions): Promise<SyncDesk>;
  /** Stops the server on purpose (desks stop counting its going away as a problem). */
  stopServer(): Promise<void>;
}

/**
 * Runs `run` against a fresh storage (PGlite or PostgreSQL) imported from `fixtures/sample`
 * through the CLI and a server process on it; afterwards closes every desk, stops the server and
 * disposes of the storage, whatever happened.
 */
export async function withSampleServer(browser: Browser, target: ServerTarget, run: (world: SampleServer) => Promise<void>): Promise<void> {
  const storage = await createStorage(target);
  let server: SyncServer | null = null;
  const desks: SyncDesk[] = [];
  try {
    await storage.cli(['import', '--data', 'fixtures/sample']);
    const live = await startSyncServer(storage);
    server = live;
    await run({
      storage,
      server: live,
      desks,
      open: async (name, options) => {
        const desk = await SyncDesk.open(browser, name, options);
        desks.push(desk);
        return desk;
      },
      stopServer: async () => {
        for (const d of desks) d.serverStopping();
        server = null;
        await live.stop();
      },
    });
  } finally {
    for (const d of desks) await d.close().catch(() => undefined);
    await server?.stop();
    await storage.dispose();
  }
}

/** Pairs each desk from its welcome screen with its code, then waits until each has synced. */
export async function pairAll(server: SyncServer, pairs: readonly (readonly [SyncDesk, string])[]): Promise<void> {
  for (const [desk, code] of pairs) await desk.pairFromWelcome(server.url, code);
  for (const [desk] of pairs) await desk.expectSynced();
}

/** Every document of a collection the device's token may pull (one page of up to 2000). */
export async function pullDocuments<T>(server: SyncServer, token: string, collection: string): Promise<T[]> {
  const res = await fetch(`${server.url}/api/sync/${collection}/pull?limit=2000`, { headers: { authorization: `Bearer ${token}`, 'x-branchdesk-schema': String(SCHEMA_VERSION) } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { documents: T[] }).documents;
}

/** No desk logged a console error, page error or CSP violation it did not expect. */
export async function expectNoProblems(desks: readonly SyncDesk[]): Promise<void> {
  const problems = (await Promise.all(desks.map((d) => d.unexpectedProblems()))).flat();
  expect(problems, 'console errors, page errors and CSP violations').toEqual([]);
}
