/**
 * sync.initial_pull: a fresh desk's first sync from a running server — the desk's real
 * `SyncEngine` (one `replicateRxCollection` per collection, the live stream, pending tracker)
 * with its DeskData following, timed until the first sync is done and the derived activity is
 * saved. Baseline: the same pull pages fetched and parsed with the desk's `SyncApi`, stored
 * nowhere (server + network + JSON: the floor of any pull).
 */
import { SyncApi } from '../../renderer/src/sync/api';
import { PULL_BATCH_SIZE } from '../../renderer/src/sync/collection-replication';
import type { Connectivity } from '../../renderer/src/sync/connectivity';
import { PendingDb } from '../../renderer/src/sync/pending-db';
import { PendingTracker } from '../../renderer/src/sync/pending-tracker';
import { RefusedStore } from '../../renderer/src/sync/refused-store';
import { SyncEngine } from '../../renderer/src/sync/sync-engine';
import { SYNC_COLLECTIONS, type Checkpoint, type SyncCollection } from '../../shared/sync/protocol';
import { openFreshDesk, uniqueName } from './desk';

export interface PullOptions {
  serverUrl: string;
  token: string;
  branchId: string;
  timeZone: string;
}

export interface PullResult {
  documents: Record<string, number>;
  /** First sync done and derived activity saved, ms. */
  syncMs: number;
  /** Raw fetch + parse of the same pages (all collections in parallel, as the engine pulls), ms. */
  fetchMs: number;
  pairs: number;
}

const online: Connectivity = { isOnline: () => true, subscribe: () => () => undefined };

async function fetchAll(api: SyncApi, collection: SyncCollection): Promise<number> {
  let checkpoint: Checkpoint | null = null;
  let n = 0;
  for (;;) {
    const page = await api.pull(collection, checkpoint, PULL_BATCH_SIZE);
    n += page.documents.length;
    if (page.documents.length === 0) return n;
    checkpoint = page.checkpoint;
  }
}

export async function rawPull(options: PullOptions): Promise<{ ms: number; documents: number }> {
  const api = new SyncApi(options.serverUrl, options.token);
  const t0 = performance.now();
  const counts = await Promise.all(SYNC_COLLECTIONS.map((c) => fetchAll(api, c)));
  return { ms: performance.now() - t0, documents: counts.reduce((a, b) => a + b, 0) };
}

export async function initialPull(options: PullOptions): Promise<PullResult> {
  const before = await rawPull(options);
  const name = uniqueName('bench-pull');
  const opened = await openFreshDesk(name, options.branchId, options.timeZone);
  const pendingDb = new PendingDb(`${name}-pending`);
  try {
    const { desk } = opened;
    const pending = new PendingTracker(
      pendingDb,
      async (collection, ids) => (await desk.db[collection as 'customers'].storageInstance.findDocumentsById(ids, true)) as unknown as Record<string, unknown>[],
    );
    await pending.load();
    let firstSyncDone!: () => void;
    const done = new Promise<void>((resolve) => (firstSyncDone = resolve));
    const engine = new SyncEngine({
      db: desk.db,
      api: new SyncApi(options.serverUrl, options.token),
      branchId: options.branchId,
      // the role the measurement enrols: it never changes the branch
      role: 'front_desk',
      pending,
      refused: new RefusedStore(null),
      connectivity: online,
      dispatch: () => undefined,
      now: () => Date.now(),
      firstSync: true,
      onFirstSyncDone: async () => firstSyncDone(),
    });
    const t0 = performance.now();
    await engine.start();
    await done;
    await desk.flush();
    const syncMs = performance.now() - t0;
    const documents: Record<string, number> = {};
    for (const c of SYNC_COLLECTIONS) documents[c] = await desk.db[c].count().exec();
    await engine.stop();
    await pending.flush();
    const after = await rawPull(options);
    return { documents, syncMs, fetchMs: Math.min(before.ms, after.ms), pairs: desk.activity.size };
  } finally {
    pendingDb.close();
    await pendingDb.delete();
    await opened.close();
  }
}
