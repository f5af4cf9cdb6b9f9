import {
  createRevision,
  getComposedPrimaryKeyOfDocumentData,
  getHeightOfRevision,
  getPrimaryFieldOfPrimaryKey,
  now,
  writeDocToDocState,
  type BulkWriteRow,
  type RxDocumentData,
  type RxStorage,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
  type RxStorageReplicationMeta,
} from 'rxdb';

/**
 * The merge base of a document the first sync stored without one (sync/first-pull.ts).
 *
 * RxDB's replication keeps, per document, the state it assumes the server holds (a record in the
 * replication's meta storage); the three-way merge of a later local edit is computed against it.
 * The first pull leaves that record out — a document pulled and not changed here IS the server's
 * state, and RxDB's own origin mark on it (`_meta.o`: the replication's hash and the revision it
 * wrote) says so. This storage wrapper writes the record right before the first local write over
 * such a document, from the stored state the write replaces: the merge then has exactly the base
 * RxDB's downstream would have stored.
 */

/** Where a replication keeps its assumed master states. */
export interface ServerBaseSource {
  metaInstance(): Promise<RxStorageInstance<RxStorageReplicationMeta<unknown, unknown>, unknown, unknown>>;
}

/** Which collection of which database a replication replicates, and RxDB's hash of its identifier (`_meta.o.hash`). */
export interface ServerBaseKey {
  databaseName: string;
  collectionName: string;
  identifierHash: string;
}

function keyOf(k: ServerBaseKey): string {
  return `${k.databaseName}|${k.collectionName}|${k.identifierHash}`;
}

/** Registered replications (several replicas may be open in one page: tests, the benchmarks). */
const sources = new Map<string, ServerBaseSource>();

/** Registers a replication's meta storage; returns the unregistration. */
export function registerServerBase(key: ServerBaseKey, source: ServerBaseSource): () => void {
  const k = keyOf(key);
  sources.set(k, source);
  return () => {
    if (sources.get(k) === source) sources.delete(k);
  };
}

interface OriginMark {
  hash?: unknown;
  _rev?: unknown;
}

function originOf(doc: unknown): OriginMark | undefined {
  return (doc as { _meta?: { o?: OriginMark } } | undefined)?._meta?.o;
}

/**
 * A stored document that is exactly the state a replication pulled, not changed on the desk
 * since: RxDB's origin mark names the replication (`identifierHash`) and the revision it wrote.
 */
export function isUntouchedServerState(doc: unknown, identifierHash: string): boolean {
  const o = originOf(doc);
  const rev = (doc as { _rev?: unknown } | undefined)?._rev;
  return o?.hash === identifierHash && typeof rev === 'string' && o._rev === getHeightOfRevision(rev);
}

/** RxDB's own storages: never replicated documents. */
const INTERNAL_SCHEMAS = new Set(['RxInternalDocument', 'RxLocalDocument', 'RxReplicationProtocolMetaData']);

/** Contexts of RxDB's replication writes (downstream, conflict resolution): they keep the record themselves. */
const REPLICATION_CONTEXT = 'replication-';

async function keepServerBase(instance: { databaseName: string; collectionName: string; primaryPath: string }, rows: readonly BulkWriteRow<unknown>[]): Promise<void> {
  const { primaryPath } = instance;
  const byHash = new Map<string, RxDocumentData<unknown>[]>();
  for (const row of rows) {
    const previous = row.previous;
    const hash = originOf(previous)?.hash;
    if (previous === undefined || typeof hash !== 'string' || !sources.has(keyOf({ ...instance, identifierHash: hash })) || !isUntouchedServerState(previous, hash)) continue;
    const list = byHash.get(hash);
    if (list === undefined) byHash.set(hash, [previous]);
    else list.push(previous);
  }
  for (const [hash, previous] of byHash) {
    const source = sources.get(keyOf({ ...instance, identifierHash: hash }));
    if (source === undefined) continue;
    const meta = await source.metaInstance();
    const itemIds = previous.map((p) => (p as Record<string, unknown>)[primaryPath] as string);
    const ids = itemIds.map((itemId) => getComposedPrimaryKeyOfDocumentData(meta.schema, { itemId, isCheckpoint: '0' }));
    const stored = new Set((await meta.findDocumentsById(ids, true)).map((m) => m.itemId));
    const writes: BulkWriteRow<RxStorageReplicationMeta<unknown, unknown>>[] = [];
    previous.forEach((p, i) => {
      const itemId = itemIds[i] as string;
      if (stored.has(itemId)) return;
      writes.push({
        document: {
          id: ids[i] as string,
          isCheckpoint: '0',
          itemId,
          docData: writeDocToDocState(p, false, false),
          _attachments: {},
          _deleted: false,
          _rev: createRevision(hash),
          _meta: { lwt: now() },
        } as RxDocumentData<RxStorageReplicationMeta<unknown, unknown>>,
      });
    });
    if (writes.length === 0) continue;
    const result = await meta.bulkWrite(writes, 'branchdesk-server-base');
    // 409: the replication stored the record meanwhile (a pull of the same document), which stands
    const failed = result.error.find((e) => e.status !== 409);
    if (failed !== undefined) throw new Error(`the server's state of ${failed.documentId} could not be kept as the merge base (${failed.status})`);
  }
}

/** An RxDB storage whose collections keep the merge base of first-pulled documents (above). */
export function withServerBase<I, O>(storage: RxStorage<I, O>): RxStorage<I, O> {
  return {
    ...storage,
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, O>): Promise<RxStorageInstance<RxDocType, I, O>> {
      const instance = await storage.createStorageInstance<RxDocType>(params);
      const title = params.schema.title;
      if (typeof title === 'string' && INTERNAL_SCHEMAS.has(title)) return instance;
      const primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
      const write = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        if (sources.size > 0 && !context.startsWith(REPLICATION_CONTEXT)) await keepServerBase({ databaseName: params.databaseName, collectionName: params.collectionName, primaryPath }, rows as BulkWriteRow<unknown>[]);
        return write(rows, context);
      };
      return instance;
    },
  };
}
