import type { RxCollection, RxReplicationPullStreamItem, RxStorageInstance, RxStorageReplicationMeta } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { Observable } from 'rxjs';
import { isPushCollection, MAX_PULL_LIMIT, type Checkpoint, type PushRow, type SyncCollection, type WireDoc } from '../../../shared/sync/protocol';
import { documentsEqual, stripInternal } from '../../../shared/sync/equal';
import { isUntouchedServerState, registerServerBase, replicationHash, replicationMetaSource } from '../data/server-base';
import type { AnyDoc, SyncApi } from './api';
import { runFirstPull } from './first-pull';
import { pushWithParking } from './push-parking';
import type { RefusedStore } from './refused-store';

export type Replication = RxReplicationState<AnyDoc, Checkpoint>;

/** Pull batch: large batches make the first sync of a big branch fast (one bulk write each). */
export const PULL_BATCH_SIZE = MAX_PULL_LIMIT;
/** Push batch: a desk's offline day fits in a few requests; well under the server's 1000 rows. */
export const PUSH_BATCH_SIZE = 250;
/** Wait before RxDB retries a failed pull or push (skipped when the browser comes back online). */
export const RETRY_MS = 5000;

export interface ReplicationHooks {
  /** A pull or push answered: `count` documents moved. */
  transferred(collection: SyncCollection, direction: 'pull' | 'push', count: number): void;
  /** A pull or push failed (RxDB retries it unless the hook pauses or cancels the replication). */
  failed(collection: SyncCollection, direction: 'pull' | 'push', error: unknown): void;
  /** The first pull (first-pull.ts) stored `count` documents (RxDB's `received$` does not see them). */
  stored(collection: SyncCollection, count: number): void;
}

/**
 * RxDB retries a failed push with the rows it first built. When the desk changed a document
 * meanwhile (e.g. fixed what the server refused), the current state is sent instead, with the
 * same assumed master state — the server takes it as a normal three-way change. RxDB then
 * records the older state as sent; its next cycle sends the current one, which the server
 * answers as already stored.
 */
export async function freshen(collection: RxCollection<AnyDoc>, rows: PushRow<AnyDoc>[], identifierHash: string): Promise<PushRow<AnyDoc>[]> {
  const ids = rows.map((r) => r.newDocumentState.id);
  const current = (await collection.storageInstance.findDocumentsById(ids, true)) as unknown as Record<string, unknown>[];
  const stored = new Map(current.map((d) => [d.id as string, d]));
  return rows.flatMap((row) => {
    const doc = stored.get(row.newDocumentState.id);
    if (doc === undefined) return [row];
    // a first-pulled document without a merge base, untouched here: the server holds it already
    // (RxDB's upstream met it in a re-sync); RxDB records it as sent, with this state as the base
    if (row.assumedMasterState === undefined && isUntouchedServerState(doc, identifierHash)) return [];
    const now = stripInternal(doc) as WireDoc<AnyDoc>;
    return documentsEqual(now, row.newDocumentState) ? [row] : [{ ...row, newDocumentState: now }];
  });
}

/** RxDB's replication identifier: one per server, branch and collection (checkpoints are kept per identifier). */
export function replicationIdentifier(serverUrl: string, branchId: string, collection: SyncCollection): string {
  return `branchdesk|${serverUrl}|${branchId}|${collection}`;
}

/**
 * `replicateRxCollection` for one collection against the server's protocol (server/PROTOCOL.md):
 * checkpoint pulls, pushes answering conflicts, the shared live stream as `stream$`.
 * A document the server refuses is parked (push-parking.ts) and the rest of the batch still goes.
 * `pushes` false: pull-only (the branches on a desk whose role may not change them). Created paused (`autoStart: false`): the engine starts it
 * when the desk is online.
 */
export function replicateCollection(options: {
  collection: RxCollection<AnyDoc>;
  name: SyncCollection;
  api: SyncApi;
  branchId: string;
  stream$: Observable<RxReplicationPullStreamItem<AnyDoc, Checkpoint>>;
  hooks: ReplicationHooks;
  /** Documents the server refused: parked, never retried as they are (push-parking.ts). */
  refused: RefusedStore;
  now: () => number;
  /** Resolves when the collections this one's documents refer to have sent their changes (push order). */
  before?: () => Promise<void>;
  /** Whether this desk pushes the collection's changes (see SyncEngine.pushes). */
  pushes: boolean;
}): Replication {
  const { collection, name, api, hooks } = options;
  const identifier = replicationIdentifier(api.serverUrl, options.branchId, name);
  // RxDB's hash of the replication: the `_meta.o.hash` of every document it (or the first pull) stored
  const identifierHash = replicationHash(collection.database, identifier);
  const pullPage = async (checkpoint: Checkpoint | null, batchSize: number): Promise<{ documents: WireDoc<AnyDoc>[]; checkpoint: Checkpoint }> => {
    const res = await api.pull(name, checkpoint, batchSize);
    hooks.transferred(name, 'pull', res.documents.length);
    return { documents: res.documents, checkpoint: res.checkpoint ?? checkpoint } as { documents: WireDoc<AnyDoc>[]; checkpoint: Checkpoint };
  };
  const replication: Replication = replicateRxCollection<AnyDoc, Checkpoint>({
    replicationIdentifier: identifier,
    collection,
    live: true,
    autoStart: false,
    waitForLeadership: false,
    toggleOnDocumentVisible: false,
    retryTime: RETRY_MS,
    pull: {
      batchSize: PULL_BATCH_SIZE,
      stream$: options.stream$,
      async handler(checkpoint, batchSize) {
        try {
          if (checkpoint === undefined || checkpoint === null) {
            // RxDB has no checkpoint of its own: the collection's first pull (first-pull.ts), maybe resumed or done before
            const first = await runFirstPull({
              collection,
              identifier,
              identifierHash: await identifierHash,
              downstreamContext: await (replication.internalReplicationState?.downstreamBulkWriteFlag ?? Promise.reject(new Error('replication not started'))),
              pull: (from) => pullPage(from, batchSize),
              batchSize,
              stored: (count) => hooks.stored(name, count),
              interrupted: () => replication.isStoppedOrPaused(),
            });
            if (first.kind === 'interrupted') return { documents: [], checkpoint: first.checkpoint } as { documents: WireDoc<AnyDoc>[]; checkpoint: Checkpoint };
            if (first.kind === 'done') {
              if (first.leftovers.length > 0) return { documents: first.leftovers, checkpoint: first.checkpoint } as { documents: WireDoc<AnyDoc>[]; checkpoint: Checkpoint };
              // RxDB stores a checkpoint only with documents: until then the first pull's last one stands for it
              return await pullPage(first.checkpoint, batchSize);
            }
          }
          return await pullPage(checkpoint ?? null, batchSize);
        } catch (error) {
          hooks.failed(name, 'pull', error);
          throw error;
        }
      },
    },
    ...(options.pushes && isPushCollection(name)
      ? {
          push: {
            batchSize: PUSH_BATCH_SIZE,
            async handler(rows) {
              try {
                await options.before?.();
                const conflicts = await pushWithParking({
                  collection: name,
                  rows: await freshen(collection, rows as PushRow<AnyDoc>[], await identifierHash),
                  push: (batch) => api.push(name, batch),
                  refused: options.refused,
                  now: options.now,
                });
                hooks.transferred(name, 'push', rows.length);
                return conflicts;
              } catch (error) {
                hooks.failed(name, 'push', error);
                throw error;
              }
            },
          },
        }
      : {}),
  });
  // pull-only replications keep no assumed master states (RxDB's skipStoringPullMeta)
  if (options.pushes && isPushCollection(name)) {
    // RxDB's own meta storage while the replication runs, otherwise (offline, stopped) one opened the way RxDB opens it
    const source = replicationMetaSource(collection, identifier, () =>
      replication.metaInstance !== undefined && !replication.isStopped() ? (replication.metaInstance as unknown as RxStorageInstance<RxStorageReplicationMeta<unknown, unknown>, unknown, unknown>) : undefined,
    );
    void identifierHash.then((hash) => {
      const unregister = registerServerBase({ databaseName: collection.database.name, collectionName: collection.name, identifierHash: hash }, source);
      collection.onClose.push(unregister);
    });
  }
  return replication;
}
