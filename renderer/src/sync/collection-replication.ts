import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { Observable } from 'rxjs';
import { isPushCollection, MAX_PULL_LIMIT, type Checkpoint, type PushRow, type SyncCollection, type WireDoc } from '../../../shared/sync/protocol';
import { documentsEqual, stripInternal } from '../../../shared/sync/equal';
import type { AnyDoc, SyncApi } from './api';
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
}

/**
 * RxDB retries a failed push with the rows it first built. When the desk changed a document
 * meanwhile (e.g. fixed what the server refused), the current state is sent instead, with the
 * same assumed master state — the server takes it as a normal three-way change. RxDB then
 * records the older state as sent; its next cycle sends the current one, which the server
 * answers as already stored.
 */
export async function freshen(collection: RxCollection<AnyDoc>, rows: PushRow<AnyDoc>[]): Promise<PushRow<AnyDoc>[]> {
  const ids = rows.map((r) => r.newDocumentState.id);
  const current = (await collection.storageInstance.findDocumentsById(ids, true)) as unknown as Record<string, unknown>[];
  const byId = new Map(current.map((d) => [d.id as string, stripInternal(d) as WireDoc<AnyDoc>]));
  return rows.map((row) => {
    const now = byId.get(row.newDocumentState.id);
    return now === undefined || documentsEqual(now, row.newDocumentState) ? row : { ...row, newDocumentState: now };
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
  return replicateRxCollection<AnyDoc, Checkpoint>({
    replicationIdentifier: replicationIdentifier(api.serverUrl, options.branchId, name),
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
          const res = await api.pull(name, checkpoint ?? null, batchSize);
          hooks.transferred(name, 'pull', res.documents.length);
          return { documents: res.documents, checkpoint: res.checkpoint ?? checkpoint ?? null } as { documents: WireDoc<AnyDoc>[]; checkpoint: Checkpoint };
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
                  rows: await freshen(collection, rows as PushRow<AnyDoc>[]),
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
}
