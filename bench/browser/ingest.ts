/**
 * replica.ingest: bookings applied to a fresh desk through the code path a sync pull takes —
 * `replicateCollection` (RxDB replication, renderer/src/sync) with the desk's `SyncApi`, whose
 * fetch answers the server's pull pages from memory (so no server or network is timed) — with
 * the desk's DeskData following (activity recomputed, derived rows saved). Baseline: a raw Dexie
 * `bulkPut` of the same booking objects into a table keyed by id, in the same page.
 */
import { Dexie } from 'dexie';
import { Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { bulkLoad } from '../../renderer/src/data/bulk-load';
import { SyncApi, type AnyDoc, type FetchLike } from '../../renderer/src/sync/api';
import { PULL_BATCH_SIZE, replicateCollection } from '../../renderer/src/sync/collection-replication';
import { RefusedStore } from '../../renderer/src/sync/refused-store';
import type { Checkpoint } from '../../shared/sync/protocol';
import type { BookingDoc } from '../../shared/domain/schemas';
import { demoDocuments, demoOptions, generateDemoData } from '../../shared/demo';
import { openFreshDesk, uniqueName } from './desk';

export interface IngestOptions {
  customers: number;
  bookings: number;
}

export interface IngestResult {
  bookings: number;
  customers: number;
  /** Raw Dexie bulkPut of the bookings, ms (one before and one after the replication). */
  rawMs: number[];
  /** Replication until every booking is stored, ms. */
  replicationMs: number;
  /** …and until the desk's derived activity rows are saved too, ms. */
  totalMs: number;
  pairs: number;
}

/** Pull pages of the server's wire format, pre-serialised; the fetch answers by checkpoint. */
export function memoryPullServer(docs: readonly { id: string }[], batch: number): FetchLike {
  const pages: string[] = [];
  for (let i = 0; i * batch < docs.length; i += 1) {
    const slice = docs.slice(i * batch, (i + 1) * batch).map((d) => ({ ...d, _deleted: false }));
    pages.push(JSON.stringify({ documents: slice, checkpoint: { stamp: i + 1, id: (slice[slice.length - 1] as unknown as { id: string }).id } }));
  }
  return async (input) => {
    const url = new URL(input);
    const stamp = Number(url.searchParams.get('stamp') ?? '0');
    const id = url.searchParams.get('id');
    const body = pages[stamp] ?? JSON.stringify({ documents: [], checkpoint: id === null ? null : { stamp, id } });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

async function rawBulkPut(docs: readonly BookingDoc[]): Promise<number> {
  const name = uniqueName('bench-raw');
  const raw = new Dexie(name);
  raw.version(1).stores({ bookings: 'id' });
  await raw.open();
  const t0 = performance.now();
  await raw.table('bookings').bulkPut(docs as BookingDoc[]);
  const ms = performance.now() - t0;
  raw.close();
  await Dexie.delete(name);
  return ms;
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const generated = generateDemoData(demoOptions('bench-quick', { branches: 1, customers: options.customers, targetBookings: options.bookings }));
  const branch = generated.branches[0];
  if (branch === undefined) throw new Error('no branch');
  const docs = demoDocuments(generated);
  const rawMs = [await rawBulkPut(docs.bookings)];

  const opened = await openFreshDesk(uniqueName('bench-ingest'), branch.id, branch.timezone);
  try {
    const { desk } = opened;
    await bulkLoad(desk.db, { branches: docs.branches, customers: docs.customers, bookings: [] });
    await desk.flush();
    const api = new SyncApi('http://memory.invalid', 'token', memoryPullServer(docs.bookings, PULL_BATCH_SIZE));
    const replication = replicateCollection({
      collection: desk.db.bookings as unknown as RxCollection<AnyDoc>,
      name: 'bookings',
      api,
      branchId: branch.id,
      stream$: new Subject<RxReplicationPullStreamItem<AnyDoc, Checkpoint>>(),
      refused: new RefusedStore(null),
      now: () => Date.now(),
      pushes: true,
      hooks: {
        transferred: () => undefined,
        stored: () => undefined,
        failed: (_c, direction, error) => console.error(`ingest ${direction} failed`, error),
      },
    });
    const t0 = performance.now();
    await replication.start();
    await replication.awaitInitialReplication();
    const replicationMs = performance.now() - t0;
    await desk.flush();
    const totalMs = performance.now() - t0;
    await replication.cancel();
    const stored = await desk.db.bookings.count().exec();
    if (stored !== docs.bookings.length) throw new Error(`ingest stored ${stored} of ${docs.bookings.length} bookings`);
    rawMs.push(await rawBulkPut(docs.bookings));
    return { bookings: docs.bookings.length, customers: docs.customers.length, rawMs, replicationMs, totalMs, pairs: desk.activity.size };
  } finally {
    await opened.close();
  }
}
