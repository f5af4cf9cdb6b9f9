/**
 * The first pull of an empty collection (first-pull.ts): one write per document, resumed from its
 * last stored page after a reload, and — against a real server — the merge base of a first-pulled
 * document edited on the desk while the server changed it is the one normal replication keeps,
 * so the three-way merge's result is the same.
 */
import 'fake-indexeddb/auto';
import type { RxCollection, RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { Subject } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingDoc, CustomerDoc } from '../../../shared/domain/schemas';
import type { EnrolResponse, WireDoc } from '../../../shared/sync/protocol';
import { importDataset } from '../../../server/services/import';
import { TARGETS, type TestDatabase } from '../../../server/test-support/databases';
import { twoBranches } from '../../../server/test-support/dataset';
import { client, enrolDevice, startTestServer, type TestServer } from '../../../server/test-support/http';
import { openReplica, type Replica } from '../data/replica';
import { bookingFixture, customerFixture } from '../data/test-fixtures';
import { SyncApi, type AnyDoc, type FetchLike } from './api';
import { PULL_BATCH_SIZE, replicateCollection, type Replication } from './collection-replication';
import { firstPullUnfinished } from './first-pull';
import { RefusedStore } from './refused-store';

const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
const COLLECTIONS = ['branches', 'customers', 'bookings'] as const;
let counter = 0;

interface Started {
  replication: Replication;
  stored: number[];
  failures: unknown[];
}

function replicate(db: Replica, name: 'bookings' | 'customers', api: SyncApi, branchId: string): Started {
  const stored: number[] = [];
  const failures: unknown[] = [];
  const replication = replicateCollection({
    collection: db[name] as unknown as RxCollection<AnyDoc>,
    name,
    api,
    branchId,
    stream$: new Subject(),
    refused: new RefusedStore(null),
    now: () => Date.now(),
    pushes: true,
    hooks: {
      transferred: () => undefined,
      failed: (_c, _d, error) => failures.push(error),
      stored: (_c, count) => stored.push(count),
    },
  });
  return { replication, stored, failures };
}

/** The replication's assumed master states (its meta storage) of these documents. */
async function assumedMaster(replication: Replication, ids: string[]): Promise<Map<string, Record<string, unknown>>> {
  const meta = replication.metaInstance;
  if (meta === undefined) throw new Error('replication not started');
  const rows = (await meta.findDocumentsById(ids.map((id) => `${id}|0`), true)) as unknown as { itemId: string; docData: Record<string, unknown> }[];
  return new Map(rows.map((r) => [r.itemId, r.docData]));
}

const strip = ({ _meta, _rev, _attachments, _deleted, ...rest }: Record<string, unknown>): Record<string, unknown> => rest;

describe('first pull from pages (no server)', () => {
  const total = 2 * PULL_BATCH_SIZE + 137;
  const bookings: WireDoc<BookingDoc>[] = Array.from({ length: total }, (_, i) => ({
    ...bookingFixture({ id: `bk-${String(i).padStart(5, '0')}-${(i * 7919) % 1000}`, customer_id: `cu-${i % 50}`, start_at: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+08:00` }),
    _deleted: false,
  }));
  // pages in the server's order (not id order), checkpoint = page number
  const pages = Array.from({ length: Math.ceil(total / PULL_BATCH_SIZE) }, (_, p) => bookings.slice(p * PULL_BATCH_SIZE, (p + 1) * PULL_BATCH_SIZE).reverse());

  /** A pull server over `pages`; pull requests are noted ("from stamp"); `fail(n)` makes the nth request a network failure. */
  function memoryServer(fail: (n: number) => boolean): { fetch: FetchLike; pulls: number[]; pushes: number } {
    const noted = { pulls: [] as number[], pushes: 0 };
    const fetchLike: FetchLike = async (input) => {
      const url = new URL(input);
      if (url.pathname.endsWith('/push')) {
        noted.pushes += 1;
        return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
      }
      const stamp = Number(url.searchParams.get('stamp') ?? '0');
      noted.pulls.push(stamp);
      if (fail(noted.pulls.length)) throw new TypeError('Failed to fetch');
      const page = pages[stamp] ?? [];
      const checkpoint = page.length === 0 ? (stamp === 0 ? null : { stamp, id: url.searchParams.get('id') ?? '' }) : { stamp: stamp + 1, id: (page[page.length - 1] as BookingDoc).id };
      return new Response(JSON.stringify({ documents: page, checkpoint }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    return {
      fetch: fetchLike,
      get pulls() {
        return noted.pulls;
      },
      get pushes() {
        return noted.pushes;
      },
    };
  }

  it('stores each document once, without a meta record; a reload midway resumes at the last stored page and the replica says "in progress" until the end', async () => {
    const name = `first-pull-${++counter}`;
    const first = memoryServer((n) => n === 2);
    let db = await openReplica({ name, storage, collections: COLLECTIONS });
    let run = replicate(db, 'bookings', new SyncApi('http://memory.invalid', 't', first.fetch), 'br-1');
    void run.replication.start();
    const failed = new Promise<void>((resolve) => {
      const check = (): void => (run.failures.length > 0 ? resolve() : void setTimeout(check, 20));
      check();
    });
    await failed;
    // the first page is stored, the second failed: the desk is closed here (a reload)
    expect(first.pulls).toEqual([0, 1]);
    expect(await db.bookings.count().exec()).toBe(PULL_BATCH_SIZE);
    expect(run.stored).toEqual([PULL_BATCH_SIZE]);
    const someIds = [(pages[0]?.[0] as BookingDoc).id, (pages[0]?.[1999] as BookingDoc).id];
    expect((await assumedMaster(run.replication, someIds)).size).toBe(0);
    const identifier = run.replication.replicationIdentifier;
    expect(await firstPullUnfinished(db.bookings as unknown as RxCollection<AnyDoc>, identifier)).toBe(true);
    await run.replication.cancel();
    await db.close();

    const second = memoryServer(() => false);
    db = await openReplica({ name, storage, collections: COLLECTIONS });
    expect(await firstPullUnfinished(db.bookings as unknown as RxCollection<AnyDoc>, identifier)).toBe(true);
    run = replicate(db, 'bookings', new SyncApi('http://memory.invalid', 't', second.fetch), 'br-1');
    await run.replication.start();
    await run.replication.awaitInitialReplication();
    // from the second page on, never from zero; then one normal pull after the last page
    expect(second.pulls).toEqual([1, 2, 3]);
    expect(run.stored).toEqual([PULL_BATCH_SIZE, 137]);
    expect(await db.bookings.count().exec()).toBe(total);
    expect(await firstPullUnfinished(db.bookings as unknown as RxCollection<AnyDoc>, identifier)).toBe(false);
    const stored = (await db.bookings.findOne((bookings[4000] as BookingDoc).id).exec())?.toJSON() as unknown as Record<string, unknown>;
    expect(strip(stored)).toEqual(strip(bookings[4000] as unknown as Record<string, unknown>));
    await run.replication.awaitInSync();
    // pulled documents are not local changes: nothing was pushed
    expect(second.pushes).toBe(0);
    // a later start pulls on from the first pull's end
    await run.replication.cancel();
    const third = memoryServer(() => false);
    run = replicate(db, 'bookings', new SyncApi('http://memory.invalid', 't', third.fetch), 'br-1');
    await run.replication.start();
    await run.replication.awaitInSync();
    expect(third.pulls).toEqual([3]);
    expect(third.pushes).toBe(0);
    await run.replication.cancel();
    await db.close();
  });
});

describe('first pull against a real server: the merge base of a first edit', () => {
  let database: TestDatabase;
  let server: TestServer;
  let desk: EnrolResponse;
  let other: EnrolResponse;
  const open: { db: Replica; run: Started }[] = [];

  beforeAll(async () => {
    database = await (TARGETS[0] as (typeof TARGETS)[number]).open();
    await importDataset(database.store, twoBranches(), 0);
    server = await startTestServer(database.store, { heartbeatMs: 1000 });
    desk = await enrolDevice(database.store, server, 'br-a', 'front_desk');
    other = await enrolDevice(database.store, server, 'br-a', 'manager');
  });

  afterAll(async () => {
    for (const o of open) {
      await o.run.replication.cancel();
      await o.db.close();
    }
    await server?.close();
    await database?.close();
  });

  /** A desk replicating customers; `prefill` stores a local document first (so the first pull does not apply). */
  async function customersDesk(prefill: boolean): Promise<{ db: Replica; run: Started }> {
    const db = await openReplica({ name: `first-pull-merge-${++counter}`, storage, collections: COLLECTIONS });
    if (prefill) await db.customers.insert(customerFixture({ id: `cu-local-${counter}`, home_branch_id: 'br-a', registered_branch_id: 'br-a', phone: `+63917000${String(counter).padStart(4, '0')}` }));
    const run = replicate(db, 'customers', new SyncApi(server.url, desk.token), 'br-a');
    open.push({ db, run });
    await run.replication.start();
    await run.replication.awaitInitialReplication();
    return { db, run };
  }

  async function serverCustomer(id: string): Promise<WireDoc<CustomerDoc>> {
    const res = (await client(server.url, other.token).get('/api/sync/customers/pull?limit=1000')).body as { documents: WireDoc<CustomerDoc>[] };
    const doc = res.documents.find((d) => d.id === id);
    if (doc === undefined) throw new Error(`${id} not on the server`);
    return doc;
  }

  /**
   * The desk edits `id` while offline (name, a tag), the server meanwhile gets another device's
   * change (notes, another tag); back online the desk pushes. Returns the desk's and the server's
   * result and the merge base the desk held.
   */
  async function editWhileServerChanges(d: { db: Replica; run: Started }, id: string) {
    await d.run.replication.pause();
    const original = await serverCustomer(id);
    const byOther = await client(server.url, other.token).post('/api/sync/customers/push', [
      { assumedMasterState: original, newDocumentState: { ...original, notes: 'Server note', tags: [...original.tags, 'from-server'] } },
    ]);
    expect(byOther.status).toBe(200);
    const doc = await d.db.customers.findOne(id).exec();
    await doc?.incrementalPatch({ name: 'Desk Name', tags: [...original.tags, 'from-desk'] });
    const base = (await assumedMaster(d.run.replication, [id])).get(id);
    await d.run.replication.start();
    await d.run.replication.awaitInSync();
    // the conflict's resolution is pushed by the next cycle
    await d.run.replication.reSync();
    await d.run.replication.awaitInSync();
    const local = (await d.db.customers.findOne(id).exec())?.toJSON() as unknown as Record<string, unknown>;
    return { original, base, local: strip(local), onServer: strip(await serverCustomer(id)) };
  }

  it('a first-pulled document edited on the desk while the server changed it merges as through normal replication', async () => {
    const firstPulled = await customersDesk(false);
    const normal = await customersDesk(true);
    // the first pull kept no meta records; RxDB's normal downstream keeps one per document
    expect((await assumedMaster(firstPulled.run.replication, ['cu-a1', 'cu-a2'])).size).toBe(0);
    expect((await assumedMaster(normal.run.replication, ['cu-a1', 'cu-a2'])).size).toBe(2);

    const viaFirstPull = await editWhileServerChanges(firstPulled, 'cu-a1');
    const viaNormal = await editWhileServerChanges(normal, 'cu-a2');
    for (const r of [viaFirstPull, viaNormal]) {
      // three-way: the desk's name, the server's notes, both tags
      expect(r.local).toMatchObject({ name: 'Desk Name', notes: 'Server note' });
      expect([...(r.local.tags as string[])].sort()).toEqual([...r.original.tags, 'from-desk', 'from-server'].sort());
      expect(r.onServer).toEqual(r.local);
    }
    // the base written before the first edit is the server's state the desk had pulled
    expect(viaFirstPull.base).toEqual({ ...viaFirstPull.original, _deleted: false });
    expect(viaNormal.base).toEqual({ ...viaNormal.original, _deleted: false });
  });

  it('a first-pulled document edited while no replication runs (unpaired, or after a reload before sync starts) keeps its merge base: on re-pairing the desk\'s edit and the server\'s change both survive', async () => {
    const name = `first-pull-merge-${++counter}`;
    let db = await openReplica({ name, storage, collections: COLLECTIONS });
    const paired = replicate(db, 'customers', new SyncApi(server.url, desk.token), 'br-a');
    await paired.replication.start();
    await paired.replication.awaitInitialReplication();
    await paired.replication.awaitInSync();
    expect((await assumedMaster(paired.replication, ['cu-a1'])).size).toBe(0);
    // unpaired (the engine stops), then the desk is closed and opened again: no replication at all
    await paired.replication.cancel();
    await db.close();
    db = await openReplica({ name, storage, collections: COLLECTIONS });
    const original = await serverCustomer('cu-a1');
    const pulled = (await db.customers.findOne('cu-a1').exec())?.toJSON() as unknown as Record<string, unknown>;
    expect(strip(pulled)).toEqual(strip(original as unknown as Record<string, unknown>));
    // another device changes other fields on the server meanwhile
    const byOther = await client(server.url, other.token).post('/api/sync/customers/push', [
      { assumedMasterState: original, newDocumentState: { ...original, notes: 'Server note while unpaired', tags: [...original.tags, 'server-unpaired'] } },
    ]);
    expect(byOther.status).toBe(200);
    const doc = await db.customers.findOne('cu-a1').exec();
    await doc?.incrementalPatch({ name: 'Edited Unpaired', tags: [...original.tags, 'desk-unpaired'] });
    // paired again with the same server and branch: the same replication
    const again = replicate(db, 'customers', new SyncApi(server.url, desk.token), 'br-a');
    open.push({ db, run: again });
    await again.replication.start();
    await again.replication.awaitInSync();
    await again.replication.reSync();
    await again.replication.awaitInSync();
    expect(again.failures).toEqual([]);
    const local = strip((await db.customers.findOne('cu-a1').exec())?.toJSON() as unknown as Record<string, unknown>);
    expect(local).toMatchObject({ name: 'Edited Unpaired', notes: 'Server note while unpaired' });
    expect([...(local.tags as string[])].sort()).toEqual([...original.tags, 'desk-unpaired', 'server-unpaired'].sort());
    expect(strip(await serverCustomer('cu-a1'))).toEqual(local);
  });
});
