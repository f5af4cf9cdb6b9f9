import type { DeskData } from '../data/desk-data';
import type { Replica } from '../data/replica';
import { useDeskStore } from '../data/store';
import { platform } from '../platform/bridge';
import { SyncApi } from './api';
import { browserConnectivity } from './connectivity';
import { loadPairing, savePairing, type PairingRecord } from './pairing-record';
import { PendingDb } from './pending-db';
import { PendingTracker } from './pending-tracker';
import { discardRefusedDoc } from './discard-refused';
import { RefusedStore } from './refused-store';
import { followServerModel } from './retention-model';
import { followServerMoney } from './org-money';
import { SyncEngine } from './sync-engine';
import { dispatchSync, useSyncStore } from './sync-store';

/**
 * Page-wide sync: follows the open replica (data/store), reads its pairing and device token and
 * runs the sync engine while the desk is paired with a branch role. Pairing, unpairing and the
 * local-data reset go through here one at a time.
 */
interface Attached {
  desk: DeskData;
  pendingDb: PendingDb;
  pending: PendingTracker;
  refused: RefusedStore;
  engine: SyncEngine | null;
  api: SyncApi | null;
  /** Stops following the server's retention model (null when not paired). */
  stopModel: (() => void) | null;
  /** Stops following the business's money settings (null when not paired). */
  stopMoney: (() => void) | null;
}

let attached: Attached | null = null;
let queue: Promise<void> = Promise.resolve();
let initialised = false;

function enqueue(task: () => Promise<void>): Promise<void> {
  const run = queue.then(task);
  queue = run.catch((error: unknown) => console.error('Sync session step failed', error));
  return run;
}

function currentDocReader(db: Replica) {
  return async (collection: string, ids: string[]): Promise<Record<string, unknown>[]> =>
    (await db[collection as 'customers'].storageInstance.findDocumentsById(ids, true)) as unknown as Record<string, unknown>[];
}

async function detach(): Promise<void> {
  const a = attached;
  if (a === null) return;
  attached = null;
  a.stopModel?.();
  a.stopMoney?.();
  await a.engine?.stop();
  await a.pending.flush();
  await a.refused.flush();
  a.pendingDb.close();
}

async function attach(desk: DeskData): Promise<void> {
  await detach();
  const pendingDb = new PendingDb();
  const pending = new PendingTracker(pendingDb, currentDocReader(desk.db));
  const refused = new RefusedStore(pendingDb.refused);
  await Promise.all([pending.load(), refused.load()]);
  const pairing = await loadPairing(desk.db);
  const active = pairing?.active === true ? pairing : null;
  if (active === null) {
    // Not paired (never, unpaired, or the replica was erased): nothing is waiting for a server.
    // The token goes first, right after reading the pairing: a pairing under way stores its new
    // token only after the replica is reset, and no await may open a window between the two.
    if (pairing === null) await platform.secrets.delete('device-token').catch(() => undefined);
    await pending.clear();
    await refused.clear();
  }
  const token = active === null ? null : await platform.secrets.get('device-token');
  const api = active !== null && token !== null ? new SyncApi(active.serverUrl, token) : null;
  // Paired: predict with the server's business-wide model (the last one kept, offline too);
  // otherwise the desk fits its own.
  const stopModel = api !== null ? followServerModel(desk, api) : null;
  if (api === null) desk.setServerModel(null);
  const stopMoney = api !== null ? followServerMoney(desk, api) : null;
  attached = { desk, pendingDb, pending, refused, engine: null, api, stopModel, stopMoney };
  useSyncStore.setState({ loaded: true, pairing, signedOut: active !== null && token === null });
  dispatchSync({ type: 'stopped' });
  dispatchSync({ type: 'pending', count: pending.count });
  dispatchSync({ type: 'refused', documents: refused.list() });
  if (active === null || api === null || active.role === 'hq') return;
  const engine = new SyncEngine({
    db: desk.db,
    api,
    branchId: active.branchId,
    role: active.role,
    pending,
    refused,
    connectivity: browserConnectivity,
    dispatch: dispatchSync,
    now: () => Date.now(),
    firstSync: !active.firstSyncDone,
    onFirstSyncDone: async () => {
      const latest = await loadPairing(desk.db);
      if (latest === null || !latest.active) return;
      const done: PairingRecord = { ...latest, firstSyncDone: true };
      await savePairing(desk.db, done);
      useSyncStore.setState({ pairing: done });
    },
  });
  attached.engine = engine;
  await engine.start();
}

/** Starts following the desk's replica (once per page, from main.tsx). */
export function initSync(): void {
  if (initialised) return;
  initialised = true;
  let last: DeskData | null = null;
  const follow = (desk: DeskData | null, ready: boolean): void => {
    if (desk !== null && ready && desk !== last) {
      last = desk;
      void enqueue(() => attach(desk));
    } else if (desk === null && last !== null) {
      last = null;
      useSyncStore.setState({ loaded: false });
      void enqueue(detach);
    }
  };
  // From the replica's opening on (`loading`), not once the desk is shown: the sync state is read
  // while the start-up reads what Today needs, and the app shows a screen once both are done.
  const opened = (s: { phase: string }): boolean => s.phase === 'loading' || s.phase === 'ready';
  useDeskStore.subscribe((s) => follow(s.desk, opened(s)));
  const s = useDeskStore.getState();
  follow(s.desk, opened(s));
}

/** Re-reads the pairing of the open replica and (re)starts sync accordingly. */
export function restartSync(desk: DeskData): Promise<void> {
  return enqueue(() => attach(desk));
}

/** Stops syncing (before the replica is erased or the desk unpaired). */
export function stopSync(): Promise<void> {
  return enqueue(detach);
}

/** Retries now, including collections held back by a refused change. */
export function retrySync(): void {
  void attached?.engine?.retryNow();
}

/**
 * Discards a document the server refused: back to the server's version, or removed when only
 * this desk ever had it. The push that follows finishes it (push-parking.ts).
 */
export async function discardRefused(collection: string, id: string): Promise<void> {
  const a = attached;
  if (a === null) return;
  await discardRefusedDoc(a.desk.db, a.refused, collection, id);
}

/** The server API with this desk's token (HQ reports), or null when not paired / signed out. */
export function pairedApi(): SyncApi | null {
  return attached?.api ?? null;
}

