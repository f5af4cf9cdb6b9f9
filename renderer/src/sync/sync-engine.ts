import type { RxChangeEventBulk, RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { firstValueFrom, Subject, type Subscription } from 'rxjs';
import { documentsEqual } from '../../../shared/sync/equal';
import { isPushCollection, SYNC_COLLECTIONS, type Checkpoint, type PushCollection, type Role, type StreamMessage, type SyncCollection } from '../../../shared/sync/protocol';
import { ruleOf } from '../../../shared/authz/policy';
import { pushAfter } from '../../../shared/sync/push-order';
import type { Replica } from '../data/replica';
import type { AnyDoc, SyncApi } from './api';
import { replicateCollection, replicationIdentifier, type Replication } from './collection-replication';
import { firstPullUnfinished } from './first-pull';
import type { Connectivity } from './connectivity';
import { isFatal, problemKind, problemMessage, SyncHttpError } from './errors';
import type { PendingTracker } from './pending-tracker';
import type { RefusedStore } from './refused-store';
import { StreamReader } from './stream-reader';
import type { SyncEvent, SyncProblem } from './sync-status';

type StreamItem = RxReplicationPullStreamItem<AnyDoc, Checkpoint>;

export interface SyncEngineOptions {
  db: Replica;
  api: SyncApi;
  branchId: string;
  /** The pairing's role: a desk pushes the branch's profile only when its role may change it. */
  role: Role;
  pending: PendingTracker;
  /** Documents the server refused, parked until fixed or discarded. */
  refused: RefusedStore;
  connectivity: Connectivity;
  dispatch: (event: SyncEvent) => void;
  now: () => number;
  /** True until the first full download finished once (then progress is shown). */
  firstSync: boolean;
  onFirstSyncDone: () => Promise<void>;
}

/** RxDB marks the writes of its pulls with this context; everything else was written on this desk. */
const DOWNSTREAM_CONTEXT = 'replication-downstream-';
/** The longest a push waits for the collections it refers to (push order). */
export const PUSH_ORDER_WAIT_MS = 10_000;

function problem(error: unknown): SyncProblem {
  const detail = error instanceof SyncHttpError ? error.details.find((d) => d.document !== undefined) : undefined;
  return {
    kind: problemKind(error),
    message: problemMessage(error),
    ...(detail?.document === undefined ? {} : { document: { collection: detail.collection ?? '', id: detail.document, field: detail.field ?? '', message: detail.message } }),
  };
}

/**
 * Runs the replication of every synced collection with the server: one `replicateRxCollection`
 * per collection, ONE live stream feeding their `stream$` (RESYNC on every (re)connect), paused
 * while the browser is offline and resumed (with a re-sync) when it is back. A push the server
 * refuses (4xx) pauses only that collection — its changes stay on the desk, named in the status —
 * until the desk writes to that collection again or someone presses "Retry". 401/426 stop
 * everything. Local writes are noted by the pending tracker; sent documents settle them.
 */
export class SyncEngine {
  private readonly streams = new Map<SyncCollection, Subject<StreamItem>>();
  private readonly replications = new Map<SyncCollection, Replication>();
  private readonly subscriptions: Subscription[] = [];
  /** Collections held back by a refusal that named no document of theirs (e.g. 404): retried on a local write or "Sync now". */
  private readonly heldBack = new Set<SyncCollection>();
  private readonly reconciling = new Set<SyncCollection>();
  private readonly reader: StreamReader;
  private unsubscribeConnectivity: () => void = () => undefined;
  private online = true;
  private stopped = false;
  /** Documents reported sent, settled against the replica in one read per collection. */
  private readonly sent = new Map<SyncCollection, Record<string, unknown>[]>();
  private stored = 0;
  private storedTimer: ReturnType<typeof setTimeout> | undefined;
  /** Emits whenever a replication is held back (offline, refused, stopped): ends waits on it. */
  private readonly interrupted = new Subject<void>();
  /** The desk went offline (or was) during the current wait for the first sync. */
  private firstSyncInterrupted = false;
  private onlineWaiters: (() => void)[] = [];

  constructor(private readonly o: SyncEngineOptions) {
    this.reader = new StreamReader({
      openStream: (signal) => o.api.openStream(signal),
      onMessage: (m) => this.onStreamMessage(m),
      onState: (s) => {
        if (s.phase === 'open') o.dispatch({ type: 'stream-open' });
        else if (s.phase === 'waiting' && this.online) o.dispatch({ type: 'stream-down', problem: problem(s.error) });
      },
      onFatal: (error) => void this.fail(error),
    });
  }

  /**
   * Whether this desk pushes a collection: every push collection, except the branches on a desk
   * whose role may not change them (a front desk): the branch pairing stored there stays local
   * instead of coming back refused. The server decides either way.
   */
  private pushes(name: SyncCollection): name is PushCollection {
    return isPushCollection(name) && (name !== 'branches' || ruleOf(this.o.role, 'branches', 'update') !== 'deny');
  }

  get collections(): SyncCollection[] {
    return [...this.replications.keys()];
  }

  /** The replication of one collection (tests and measurements await it). */
  replication(name: SyncCollection): Replication | undefined {
    return this.replications.get(name);
  }

  async start(): Promise<void> {
    const { db, dispatch } = this.o;
    for (const name of SYNC_COLLECTIONS) {
      if (!(name in db.collections)) continue;
      const stream$ = new Subject<StreamItem>();
      this.streams.set(name, stream$);
      const collection = db[name] as unknown as RxCollection<AnyDoc>;
      const replication = replicateCollection({
        collection,
        name,
        api: this.o.api,
        branchId: this.o.branchId,
        stream$: stream$.asObservable(),
        refused: this.o.refused,
        now: this.o.now,
        pushes: this.pushes(name),
        ...(this.pushes(name) ? { before: () => this.referencesSent(name) } : {}),
        hooks: {
          transferred: (_c, _direction, count) => dispatch({ type: 'transferred', count }),
          failed: (c, direction, error) => this.onFailure(c, direction, error),
          stored: (_c, count) => this.countStored(count),
        },
      });
      this.replications.set(name, replication);
      this.subscriptions.push(
        replication.active$.subscribe((active) => {
          dispatch({ type: 'active', collection: name, active, at: this.o.now() });
          if (!active) void this.reconcile(name);
        }),
        replication.sent$.subscribe((doc) => this.settleSoon(name, doc as unknown as Record<string, unknown>)),
        // first-sync progress counts documents once they are stored in the replica (pulls run ahead of the writes)
        replication.received$.subscribe((doc) => {
          this.countStored();
          this.onReceived(name, doc as unknown as Record<string, unknown>);
        }),
        replication.error$.subscribe((error) => {
          // Handler failures are reported by the hooks; this catches what RxDB itself could not do,
          // e.g. a pulled document the local replica refused to store.
          const params = (error as { parameters?: { writeError?: { documentId?: string } } }).parameters;
          if (params?.writeError !== undefined) {
            dispatch({ type: 'trouble', problem: { kind: 'protocol', message: `A ${name} document from the server could not be stored on this desk (${params.writeError.documentId ?? 'unknown id'})` } });
          }
        }),
      );
      if (this.pushes(name)) {
        this.subscriptions.push(collection.eventBulks$.subscribe((bulk: RxChangeEventBulk<AnyDoc>) => this.onLocalBulk(name, bulk)));
      }
    }
    this.unsubscribeConnectivity = this.o.connectivity.subscribe((online) => void this.setOnline(online));
    this.online = this.o.connectivity.isOnline();
    dispatch({ type: 'started', online: this.online, firstSync: this.o.firstSync });
    dispatch({ type: 'pending', count: this.o.pending.count });
    this.subscriptions.push({ unsubscribe: this.o.pending.subscribe((count) => dispatch({ type: 'pending', count })) } as Subscription);
    dispatch({ type: 'refused', documents: this.o.refused.list() });
    this.subscriptions.push({ unsubscribe: this.o.refused.subscribe((documents) => dispatch({ type: 'refused', documents })) } as Subscription);
    if (this.online) await this.resume();
    if (this.o.firstSync) void this.followFirstSync();
  }

  /** Stops every replication and the live stream (unpairing, fatal error, closing the desk). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribeConnectivity();
    clearTimeout(this.storedTimer);
    this.interrupted.next();
    for (const wake of this.onlineWaiters.splice(0)) wake();
    for (const s of this.subscriptions.splice(0)) s.unsubscribe();
    await this.reader.stop();
    await Promise.all([...this.replications.values()].map((r) => r.cancel()));
    for (const s of this.streams.values()) s.complete();
    this.o.dispatch({ type: 'stopped' });
  }

  /** Retries now: refused collections too (after the data was fixed, or the server updated). */
  async retryNow(): Promise<void> {
    if (this.stopped || !this.online) return;
    for (const name of this.heldBack) this.o.dispatch({ type: 'retrying', collection: name });
    this.heldBack.clear();
    await this.resume();
    this.reader.reconnectNow();
  }

  async setOnline(online: boolean): Promise<void> {
    if (this.stopped || online === this.online) return;
    this.online = online;
    if (online) {
      this.o.dispatch({ type: 'online' });
      await this.resume();
      this.reader.reconnectNow();
      for (const wake of this.onlineWaiters.splice(0)) wake();
    } else {
      this.firstSyncInterrupted = true;
      this.o.dispatch({ type: 'offline' });
      this.interrupted.next();
      await this.reader.stop();
      await Promise.all([...this.replications.values()].map((r) => r.pause()));
    }
  }

  /** Starts (or re-syncs) every replication that is not held back by a refused push. */
  private async resume(): Promise<void> {
    this.reader.start();
    await Promise.all([...this.replications.entries()].filter(([name]) => !this.heldBack.has(name)).map(([, r]) => r.start()));
  }

  private settleSoon(name: SyncCollection, doc: Record<string, unknown>): void {
    const queue = this.sent.get(name);
    if (queue !== undefined) {
      queue.push(doc);
      return;
    }
    this.sent.set(name, [doc]);
    queueMicrotask(() => {
      // a parked (refused) document counts as handled for RxDB, but it is not on the server
      const docs = (this.sent.get(name) ?? []).filter((d) => typeof d.id !== 'string' || !this.o.refused.has(name, d.id));
      this.sent.delete(name);
      void this.o.pending.settle(name, docs);
    });
  }

  /** Counts documents written by a pull; reported at most every 200 ms (a first sync writes 100,000s). */
  private countStored(count = 1): void {
    this.stored += count;
    if (this.storedTimer !== undefined) return;
    this.storedTimer = setTimeout(() => this.flushStored(), 200);
  }

  private flushStored(): void {
    clearTimeout(this.storedTimer);
    this.storedTimer = undefined;
    if (this.stored === 0) return;
    const count = this.stored;
    this.stored = 0;
    this.o.dispatch({ type: 'pulled', count });
  }

  private onStreamMessage(message: StreamMessage): void {
    if (message.type === 'resync') {
      for (const s of this.streams.values()) s.next('RESYNC');
      return;
    }
    // notices are for HQ dashboards, which replicate nothing; a desk's stream never carries them
    if (message.type === 'notice') return;
    this.streams.get(message.collection)?.next({ documents: message.documents, checkpoint: message.checkpoint } as StreamItem);
  }

  /**
   * A pull stored the server's version of a parked document over the refused state (another desk
   * changed it, the desk had not touched it since): the server's version stands, nothing waits.
   */
  private onReceived(name: SyncCollection, doc: Record<string, unknown>): void {
    const id = doc.id;
    if (typeof id !== 'string' || !this.o.refused.has(name, id)) return;
    const collection = this.o.db[name] as unknown as RxCollection<AnyDoc>;
    void collection.storageInstance.findDocumentsById([id], true).then(([current]) => {
      if (current === undefined || !documentsEqual(current as unknown as Record<string, unknown>, doc)) return;
      this.o.refused.release(name, id);
      void this.o.pending.settle(name, [doc]);
    });
  }

  private onLocalBulk(name: SyncCollection, bulk: RxChangeEventBulk<AnyDoc>): void {
    if (bulk.context.startsWith(DOWNSTREAM_CONTEXT)) return;
    this.o.pending.noteLocalWrites(
      name,
      bulk.events.map((e) => e.documentId),
    );
    if (this.heldBack.has(name) && this.online && !this.stopped) {
      // the desk changed something in the refused collection: maybe the fix; try again
      this.heldBack.delete(name);
      this.o.dispatch({ type: 'retrying', collection: name });
      void this.replications.get(name)?.start();
    }
  }

  private onFailure(name: SyncCollection, direction: 'pull' | 'push', error: unknown): void {
    if (this.stopped) return;
    const kind = problemKind(error);
    if (isFatal(kind) && error instanceof SyncHttpError) {
      void this.fail(error);
      return;
    }
    if (direction === 'push' && (kind === 'rejected' || kind === 'forbidden')) {
      this.heldBack.add(name);
      this.interrupted.next();
      this.o.dispatch({ type: 'rejected', collection: name, problem: problem(error) });
      // Pausing ends RxDB's retry loop without marking the rows as sent: they stay pending.
      void this.replications.get(name)?.pause();
      return;
    }
    if (this.online) this.o.dispatch({ type: 'trouble', problem: problem(error) });
  }

  private async fail(error: SyncHttpError): Promise<void> {
    if (this.stopped) return;
    const p = problem(error);
    await this.stop();
    this.o.dispatch({ type: 'fatal', problem: p });
  }

  /**
   * Push order (shared/sync/push-order.ts): before a collection pushes, the collections its
   * documents name send what they hold — a new customer before its booking, a campaign before its
   * messages — so the server has the reference and answers no 409 in normal operation. Waits at
   * most PUSH_ORDER_WAIT_MS (a parent held back or parked must not hold this one up; the server's
   * 409 and the retry stay the safety net).
   */
  private async referencesSent(name: PushCollection): Promise<void> {
    const parents = pushAfter(name).flatMap((p) => {
      const r = this.replications.get(p);
      return r === undefined || r.isStoppedOrPaused() || this.heldBack.has(p) ? [] : [r];
    });
    if (parents.length === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, PUSH_ORDER_WAIT_MS)));
    try {
      await Promise.race([Promise.all(parents.map((r) => r.awaitInSync())), limit, firstValueFrom(this.interrupted)]);
    } catch {
      // a parent stopped meanwhile: push anyway
    } finally {
      clearTimeout(timer);
    }
  }

  /** After a collection went idle: confirm it is in sync and settle everything written before. */
  private async reconcile(name: SyncCollection): Promise<void> {
    const replication = this.replications.get(name);
    if (replication === undefined || this.reconciling.has(name) || !this.pushes(name)) return;
    if (replication.isStoppedOrPaused() || this.heldBack.has(name) || !this.online) return;
    this.reconciling.add(name);
    try {
      const mark = this.o.pending.mark();
      const inSync = await Promise.race([replication.awaitInSync(), firstValueFrom(this.interrupted).then(() => false)]);
      if (inSync && !replication.isStoppedOrPaused() && !this.heldBack.has(name) && this.online) this.o.pending.syncedUpTo(name, mark, this.o.refused.idsOf(name));
    } finally {
      this.reconciling.delete(name);
    }
  }

  /**
   * The first sync is done once every collection's first replication cycle ended while the desk
   * stayed online and every first pull (first-pull.ts) reached its last page. RxDB also ends a
   * cycle when it is paused (offline) halfway: then the engine waits until it is online again
   * and the replications are in sync, so a half replica is never reported complete.
   */
  private async followFirstSync(): Promise<void> {
    const names = [...this.replications.keys()];
    void Promise.all(names.map((n) => this.o.api.count(n)))
      .then((counts) => {
        if (!this.stopped) this.o.dispatch({ type: 'first-sync-total', total: counts.some((c) => c === null) ? null : counts.reduce<number>((a, c) => a + (c ?? 0), 0) });
      })
      .catch(() => undefined);
    // a first sync resumed after a reload: what the earlier session stored counts as done
    const already = await Promise.all(names.map((n) => (this.o.db[n] as unknown as RxCollection<AnyDoc>).count().exec()));
    this.countStored(already.reduce((a, n) => a + n, 0));
    for (;;) {
      this.firstSyncInterrupted = !this.online;
      await Promise.all([...this.replications.values()].map((r) => r.awaitInitialReplication()));
      if (this.stopped) return;
      if (!this.firstSyncInterrupted && this.online && !(await this.firstPullsUnfinished())) break;
      await this.whenOnline();
      if (this.stopped) return;
      await Promise.race([Promise.all([...this.replications.values()].map((r) => r.awaitInSync())), firstValueFrom(this.interrupted)]).catch(() => undefined);
      if (this.stopped) return;
    }
    this.flushStored();
    await this.o.onFirstSyncDone();
    this.o.dispatch({ type: 'first-sync-done' });
  }

  private async firstPullsUnfinished(): Promise<boolean> {
    const unfinished = await Promise.all(
      [...this.replications.keys()].map((name) =>
        firstPullUnfinished(this.o.db[name] as unknown as RxCollection<AnyDoc>, replicationIdentifier(this.o.api.serverUrl, this.o.branchId, name)),
      ),
    );
    return unfinished.some(Boolean);
  }

  /** Resolves once the desk is online (at once when it is) or the engine stopped. */
  private whenOnline(): Promise<void> {
    if (this.online || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.onlineWaiters.push(resolve));
  }
}
