import {
  createRevision,
  getComposedPrimaryKeyOfDocumentData,
  getRxReplicationMetaInstanceSchema,
  hasEncryption,
  getHeightOfRevision,
  getPrimaryFieldOfPrimaryKey,
  now,
  writeDocToDocState,
  type BulkWriteRow,
  type RxCollection,
  type RxDatabase,
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
 *
 * The record goes to the replication's meta storage whether or not the replication runs: the
 * desk may be unpaired, offline, or just opened and not syncing yet, and a later pairing with the
 * same server and branch resumes that same replication (its checkpoints and meta storage). So the
 * replica registers, as it opens, the meta storage of every replication that first-pulled one of
 * its collections (`restoreServerBases`, named by the first pull's record); a running
 * replication registers its own (sync/collection-replication.ts).
 */

type MetaInstance = RxStorageInstance<RxStorageReplicationMeta<unknown, unknown>, unknown, unknown>;

/** Where a replication keeps its assumed master states. */
export interface ServerBaseSource {
  metaInstance(): Promise<MetaInstance>;
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

/**
 * The local document of the replica (`<prefix><collection>`) in which the first pull of a
 * collection keeps its progress and the replication's identifier (sync/first-pull.ts).
 */
export const FIRST_PULL_RECORD_PREFIX = 'first-pull|';

/**
 * The meta storage of the replication `identifier` of `collection`, opened the way RxDB's
 * replication opens it (same name and schema: it is the same IndexedDB store), once, when first
 * needed, and closed with the collection. `running` gives the running replication's own instance
 * when there is one.
 */
export function replicationMetaSource(collection: RxCollection, identifier: string, running: () => MetaInstance | undefined = () => undefined): ServerBaseSource {
  let own: Promise<MetaInstance> | null = null;
  collection.onClose.push(() => {
    void own?.then((m) => m.close()).catch(() => undefined);
  });
  return {
    metaInstance() {
      const instance = running();
      if (instance !== undefined) return Promise.resolve(instance);
      own ??= (async () => {
        const database = collection.database;
        // as RxReplicationState's metaInfoPromise (rxdb/plugins/replication)
        const collectionName = `rx-replication-meta-${await database.hashFunction([collection.name, identifier].join('-'))}`;
        const schema = getRxReplicationMetaInstanceSchema(collection.schema.jsonSchema, hasEncryption(collection.schema.jsonSchema));
        return (await database.storage.createStorageInstance({
          databaseName: database.name,
          collectionName,
          databaseInstanceToken: database.token,
          multiInstance: database.multiInstance,
          options: {},
          schema,
          password: database.password,
          devMode: false,
        })) as unknown as MetaInstance;
      })();
      return own;
    },
  };
}

/** RxDB's hash of a replication (`_meta.o.hash` of the documents it pulled). */
export function replicationHash(database: { hashFunction: RxDatabase['hashFunction'] }, identifier: string): Promise<string> {
  return database.hashFunction(`rxdbreplication${identifier}`);
}

/**
 * Registers, for every collection of the replica that a first pull filled, the meta storage of
 * that replication, so that a local write over a first-pulled document keeps its merge base even
 * when no replication runs (above). Called as the replica opens, before anything is written.
 */
export async function restoreServerBases<C extends object>(database: RxDatabase<C>): Promise<void> {
  const collections = Object.values(database.collections) as RxCollection[];
  const records = await Promise.all(collections.map((c) => database.getLocal<{ identifier?: unknown }>(`${FIRST_PULL_RECORD_PREFIX}${c.name}`)));
  await Promise.all(
    collections.map(async (collection, i) => {
      const identifier: unknown = records[i]?.get('identifier');
      if (typeof identifier !== 'string') return;
      const identifierHash = await replicationHash(database, identifier);
      const key = { databaseName: database.name, collectionName: collection.name, identifierHash };
      // a replication started meanwhile registered its own
      if (sources.has(keyOf(key))) return;
      collection.onClose.push(registerServerBase(key, replicationMetaSource(collection, identifier)));
    }),
  );
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
