import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { createRevision, getChangedDocumentsSince, now, type BulkWriteRow, type RxCollection, type RxDocumentData } from 'rxdb';
import type { Checkpoint, WireDoc } from '../../../shared/sync/protocol';
import { FIRST_PULL_RECORD_PREFIX } from '../data/server-base';
import type { AnyDoc } from './api';

/**
 * The first pull of a collection whose local store is empty, written in one storage write per
 * page (one IndexedDB put per document) instead of RxDB's downstream, which also stores every
 * pulled document a second time as the "assumed master state" of the three-way merge (its
 * replication meta storage). Measured and chosen in bench/README.md ("First sync").
 *
 * Each document is written exactly as RxDB's downstream writes it — same revision, and RxDB's
 * origin mark `_meta.o` ({hash of the replication, revision height}) that tells RxDB "this is
 * the server's state, untouched here" — only the meta record is left out. RxDB's downstream
 * already accepts such a document as the server's (it applies later server changes over it).
 * The merge base a local edit needs is written when it is first needed: `withServerBase`
 * (data/server-base.ts) stores the untouched server state as the assumed master state right
 * before the desk's first write over it, whether or not the replication runs then (the replica
 * finds the replication's meta storage by the identifier in this record as it opens), and the push handler sends nothing for an untouched
 * server state that has no record yet (`isUntouchedServerState`, data/server-base.ts).
 *
 * The writes carry RxDB's downstream context, so RxDB's upstream and the pending tracker treat
 * them as pulled (nothing to push), and every local write made meanwhile is newer (RxDB's
 * `now()` orders them after) and still pushed.
 *
 * Progress is a local document of the replica per collection (`first-pull|<collection>`): the
 * last page's checkpoint after each page is stored. A reload continues from there, never from
 * zero; until the last page the record says "in progress", and the engine does not report the
 * first sync done (sync-engine.ts).
 */

const FirstPullRecordSchema = Type.Object(
  {
    /** The replication this record belongs to (server, branch, collection). */
    identifier: Type.String({ maxLength: 4096 }),
    /** Where the next page starts (null: nothing stored yet). */
    checkpoint: Type.Union([Type.Null(), Type.Object({ stamp: Type.Number(), id: Type.String() })]),
    /** Documents stored by the first pull so far. */
    stored: Type.Integer({ minimum: 0 }),
    done: Type.Boolean(),
  },
  { additionalProperties: false },
);

type FirstPullRecord = Static<typeof FirstPullRecordSchema>;


/** A page of the server's pull: its documents and the checkpoint after them. */
export interface PulledPage {
  documents: WireDoc<AnyDoc>[];
  checkpoint: Checkpoint | null;
}

export interface FirstPullOptions {
  collection: RxCollection<AnyDoc>;
  /** The RxDB replication identifier (replicationIdentifier()). */
  identifier: string;
  /** RxDB's hash of the replication (`_meta.o.hash` of the documents it pulled). */
  identifierHash: string;
  /** RxDB's context of downstream writes ('replication-downstream-…'). */
  downstreamContext: string;
  pull: (checkpoint: Checkpoint | null) => Promise<PulledPage>;
  batchSize: number;
  /** `count` documents were stored. */
  stored: (count: number) => void;
  /** True when the pull must stop (replication paused or stopped); checked between pages. */
  interrupted: () => boolean;
}

export type FirstPullOutcome =
  /** Not a first pull (documents here, or a pull that already ran the normal way): pull normally. */
  | { kind: 'not-first' }
  /** The first pull ended before (or now): continue from its checkpoint the normal way. */
  | { kind: 'done'; checkpoint: Checkpoint | null; leftovers: WireDoc<AnyDoc>[] }
  /** Stopped between pages (paused): the record says where to go on. */
  | { kind: 'interrupted'; checkpoint: Checkpoint | null };

function recordId(collection: RxCollection<AnyDoc>): string {
  return `${FIRST_PULL_RECORD_PREFIX}${collection.name}`;
}

async function loadRecord(collection: RxCollection<AnyDoc>, identifier: string): Promise<FirstPullRecord | null> {
  const doc = await collection.database.getLocal<FirstPullRecord>(recordId(collection));
  if (doc === null) return null;
  const data: unknown = doc.toJSON().data;
  if (!Value.Check(FirstPullRecordSchema, data) || data.identifier !== identifier) return null;
  return data;
}

async function saveRecord(collection: RxCollection<AnyDoc>, record: FirstPullRecord): Promise<void> {
  await collection.database.upsertLocal<FirstPullRecord>(recordId(collection), record);
}

/** Whether a first pull of this collection for this replication started and has not finished. */
export async function firstPullUnfinished(collection: RxCollection<AnyDoc>, identifier: string): Promise<boolean> {
  const record = await loadRecord(collection, identifier);
  return record !== null && !record.done;
}

/**
 * Runs (or resumes) the first pull of an empty collection, when RxDB asks for changes with no
 * checkpoint of its own. Documents the page could not insert (stored meanwhile — a local write,
 * or a page written before a reload) are returned as leftovers for RxDB's own downstream, which
 * decides each of them with the full merge rules.
 */
export async function runFirstPull(o: FirstPullOptions): Promise<FirstPullOutcome> {
  let record = await loadRecord(o.collection, o.identifier);
  if (record === null) {
    const any = await getChangedDocumentsSince(o.collection.storageInstance, 1);
    if (any.documents.length > 0) return { kind: 'not-first' };
    record = { identifier: o.identifier, checkpoint: null, stored: 0, done: false };
    await saveRecord(o.collection, record);
  }
  if (record.done) return { kind: 'done', checkpoint: record.checkpoint, leftovers: [] };
  const rev = createRevision(o.identifierHash);
  const leftovers: WireDoc<AnyDoc>[] = [];
  // the next page is requested while this one is written (the network and parsing overlap
  // IndexedDB's work); it is stored only after this page and its record are
  let next: Promise<PulledPage> | null = null;
  for (;;) {
    if (o.interrupted()) return { kind: 'interrupted', checkpoint: record.checkpoint };
    const page: PulledPage = await (next ?? o.pull(record.checkpoint));
    next = null;
    const last = page.documents.length < o.batchSize;
    if (!last && !o.interrupted()) {
      next = o.pull(page.checkpoint ?? record.checkpoint);
      // a failure is reported when the page is awaited, not as unhandled meanwhile
      next.catch(() => undefined);
    }
    if (page.documents.length > 0) {
      const rows: BulkWriteRow<AnyDoc>[] = page.documents.map((d) => ({
        document: { ...d, _deleted: d._deleted === true, _rev: rev, _attachments: {}, _meta: { lwt: now(), o: { _rev: 1, hash: o.identifierHash } } } as unknown as RxDocumentData<AnyDoc>,
      }));
      // under RxDB's collection wrapper, which would replace the revision and `_meta` of an insert
      const result = await o.collection.storageInstance.originalStorageInstance.bulkWrite(rows, o.downstreamContext);
      const refused = new Set<string>();
      for (const error of result.error) {
        if (error.status !== 409) throw new Error(`first pull of ${o.collection.name}: document ${error.documentId} could not be stored (${error.status})`);
        refused.add(error.documentId);
      }
      if (refused.size > 0) for (const d of page.documents) if (refused.has((d as { id: string }).id)) leftovers.push(d);
      o.stored(page.documents.length - refused.size);
      record = { ...record, stored: record.stored + page.documents.length - refused.size };
    }
    record = { ...record, checkpoint: page.checkpoint ?? record.checkpoint, done: last };
    await saveRecord(o.collection, record);
    if (last) return { kind: 'done', checkpoint: record.checkpoint, leftovers };
  }
}
