/**
 * Desk push throughput, measured with the desk's real sync client (SyncEngine: one
 * replicateRxCollection per collection, pending tracker, RxDB on Dexie/IndexedDB): N bookings are
 * written while the desk is offline; then it comes online and the time until the server has
 * acknowledged every one (pending count 0) is taken. Runs in the browser page of this folder.
 */
import { openReplica } from '../../renderer/src/data/replica';
import { SyncApi } from '../../renderer/src/sync/api';
import type { Connectivity } from '../../renderer/src/sync/connectivity';
import { PendingDb } from '../../renderer/src/sync/pending-db';
import { PendingTracker } from '../../renderer/src/sync/pending-tracker';
import { RefusedStore } from '../../renderer/src/sync/refused-store';
import { SyncEngine } from '../../renderer/src/sync/sync-engine';
import { INITIAL_SYNC_STATUS, syncStatusReducer, type SyncStatusState } from '../../renderer/src/sync/sync-status';
import type { BookingDoc } from '../../shared/domain/schemas';

export interface PushResult {
  bookings: number;
  /** Going online until pending = 0. */
  pushMs: number;
  /** Writing the N bookings to the replica (offline). */
  writeMs: number;
  pushRequests: number;
  /** Sum of the push requests' durations (server + network). */
  pushRequestMs: number;
}

export async function measurePush(options: { serverUrl: string; token: string; branchId: string; bookings: number }): Promise<PushResult> {
  let pushRequests = 0;
  let pushRequestMs = 0;
  const timedFetch = async (input: string, init?: RequestInit): Promise<Response> => {
    if (!input.includes('/push')) return fetch(input, init);
    const t = performance.now();
    const res = await fetch(input, init);
    await res.clone().arrayBuffer();
    pushRequests += 1;
    pushRequestMs += performance.now() - t;
    return res;
  };
  const name = `bench-push-${Date.now()}`;
  const db = await openReplica({ name });
  const pendingDb = new PendingDb(`${name}-pending`);
  const pending = new PendingTracker(pendingDb, async (collection, ids) => (await db[collection as 'bookings'].storageInstance.findDocumentsById(ids, true)) as unknown as Record<string, unknown>[]);
  await pending.load();
  let online = true;
  const listeners = new Set<(o: boolean) => void>();
  const net: Connectivity = {
    isOnline: () => online,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const setOnline = (o: boolean): void => {
    online = o;
    for (const l of listeners) l(o);
  };
  let state: SyncStatusState = INITIAL_SYNC_STATUS;
  const waiters = new Set<() => void>();
  const until = (test: (s: SyncStatusState) => boolean): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (test(state)) {
          waiters.delete(check);
          resolve();
        }
      };
      waiters.add(check);
      check();
    });
  const engine = new SyncEngine({
    db,
    api: new SyncApi(options.serverUrl, options.token, timedFetch),
    branchId: options.branchId,
    // the role the measurements enrol (bench/desk-sync/push.ts, the pull bench's server): it never changes the branch
    role: 'front_desk',
    pending,
    refused: new RefusedStore(null),
    connectivity: net,
    dispatch: (e) => {
      state = syncStatusReducer(state, e);
      for (const w of [...waiters]) w();
    },
    now: () => Date.now(),
    firstSync: true,
    onFirstSyncDone: async () => undefined,
  });
  try {
    await engine.start();
    await until((s) => s.firstSync === null && s.connected && s.active.length === 0);
    const customers = (await db.customers.find().exec()).map((c) => c.id);
    if (customers.length === 0) throw new Error('the branch has no customers to book');
    setOnline(false);
    const docs: BookingDoc[] = Array.from({ length: options.bookings }, (_, i) => ({
      id: `bk-bench-${Date.now()}-${String(i).padStart(6, '0')}`,
      customer_id: customers[i % customers.length] as string,
      branch_id: options.branchId,
      service: 'Haircut',
      staff: 'Ana',
      start_at: `2026-02-${String(1 + (i % 27)).padStart(2, '0')}T${String(9 + (i % 9)).padStart(2, '0')}:00:00+08:00`,
      duration_min: 30,
      status: 'completed',
      price: 2500,
      notes: '',
      created_at: '',
      updated_at: '',
      amendments: [],
      series: null,
      payment: null,
    }));
    const w0 = performance.now();
    for (let i = 0; i < docs.length; i += 1000) await db.bookings.bulkInsert(docs.slice(i, i + 1000));
    const writeMs = performance.now() - w0;
    await until((s) => s.pending === options.bookings);
    const t0 = performance.now();
    setOnline(true);
    await until((s) => s.pending === 0);
    return { bookings: options.bookings, pushMs: performance.now() - t0, writeMs, pushRequests, pushRequestMs };
  } finally {
    await engine.stop();
    await pending.flush();
    await db.remove();
    pendingDb.close();
  }
}
