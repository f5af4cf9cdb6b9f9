/**
 * The desk's replication engine against a real sync server (in process, PGlite): first sync,
 * pending changes, offline edits of the same customer on two desks converging, a refused push
 * that holds back only its collection and loses nothing, and revocation.
 */
import 'fake-indexeddb/auto';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDoc } from '../../../shared/domain/schemas';
import { SCHEMA_VERSION } from '../../../shared/domain/schemas';
import type { EnrolResponse } from '../../../shared/sync/protocol';
import { revokeDevice } from '../../../server/store/auth';
import { importDataset } from '../../../server/services/import';
import { TARGETS, type TestDatabase } from '../../../server/test-support/databases';
import { twoBranches } from '../../../server/test-support/dataset';
import { client, enrolDevice, startTestServer, type TestServer } from '../../../server/test-support/http';
import { openReplica, type Replica } from '../data/replica';
import { WITHOUT_SCHEDULE } from '../data/test-fixtures';
import { bookingFixture, customerFixture } from '../data/test-fixtures';
import { SyncApi } from './api';
import type { Connectivity } from './connectivity';
import { PendingDb } from './pending-db';
import { PendingTracker } from './pending-tracker';
import { discardRefusedDoc } from './discard-refused';
import { RefusedStore } from './refused-store';
import { SyncEngine } from './sync-engine';
import { INITIAL_SYNC_STATUS, syncStatusReducer, type SyncEvent, type SyncStatusState } from './sync-status';

const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;

class FakeConnectivity implements Connectivity {
  online = true;
  private readonly listeners = new Set<(online: boolean) => void>();
  isOnline = (): boolean => this.online;
  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(online: boolean): void {
    this.online = online;
    for (const l of this.listeners) l(online);
  }
}

interface Desk {
  db: Replica;
  engine: SyncEngine;
  pending: PendingTracker;
  refused: RefusedStore;
  net: FakeConnectivity;
  status: () => SyncStatusState;
  /** Every state so far, oldest first. */
  history: () => SyncStatusState[];
  /** Resolves when the status satisfies `test` (checked on every status event). */
  until: (test: (s: SyncStatusState) => boolean) => Promise<SyncStatusState>;
  close: () => Promise<void>;
  /** Every push answer's HTTP status, oldest first ("bookings 409"). */
  pushAnswers: string[];
}

let counter = 0;

async function openDesk(server: TestServer, enrol: EnrolResponse, beforeSync?: (db: Replica) => Promise<void>): Promise<Desk> {
  const name = `sync-${++counter}`;
  // two desks at once in one realm: without the schedule collections (RxDB's 13-collection limit)
  const db = await openReplica({ name, storage, collections: WITHOUT_SCHEDULE });
  await beforeSync?.(db);
  const pendingDb = new PendingDb(`${name}-pending`);
  const pending = new PendingTracker(pendingDb, async (collection, ids) => (await db[collection as 'customers'].storageInstance.findDocumentsById(ids, true)) as unknown as Record<string, unknown>[]);
  await pending.load();
  const refused = new RefusedStore(pendingDb.refused);
  await refused.load();
  let closed = false;
  let state = INITIAL_SYNC_STATUS;
  const states: SyncStatusState[] = [];
  const waiters = new Set<() => void>();
  const net = new FakeConnectivity();
  const pushAnswers: string[] = [];
  // the real fetch, noting each push answer's status (the desk and server are not altered)
  const noting = async (input: string, init?: RequestInit): Promise<Response> => {
    const res = await fetch(input, init);
    const push = /\/api\/sync\/([a-z_]+)\/push$/.exec(input);
    if (push !== null) pushAnswers.push(`${push[1]} ${res.status}`);
    return res;
  };
  const engine = new SyncEngine({
    db,
    api: new SyncApi(server.url, enrol.token, noting),
    branchId: enrol.branch_id,
    role: enrol.role,
    pending,
    refused,
    connectivity: net,
    dispatch: (event: SyncEvent) => {
      state = syncStatusReducer(state, event);
      states.push(state);
      for (const w of [...waiters]) w();
    },
    now: () => Date.now(),
    firstSync: true,
    onFirstSyncDone: async () => undefined,
  });
  const until = (test: (s: SyncStatusState) => boolean): Promise<SyncStatusState> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (test(state)) {
          waiters.delete(check);
          resolve(state);
        }
      };
      waiters.add(check);
      check();
    });
  await engine.start();
  return {
    db,
    engine,
    pending,
    refused,
    net,
    status: () => state,
    history: () => [...states],
    until,
    pushAnswers,
    close: async () => {
      if (closed) return;
      closed = true;
      await engine.stop();
      await pending.flush();
      await db.close();
      pendingDb.close();
    },
  };
}

/** Resolves with the customer once the desk's replica holds a state satisfying `test`. */
function customerWhen(desk: Desk, id: string, test: (c: CustomerDoc) => boolean): Promise<CustomerDoc> {
  return firstValueFrom(
    desk.db.customers.findOne(id).$.pipe(
      filter((d) => d !== null && test(d.toJSON() as CustomerDoc)),
    ),
  ).then((d) => d?.toJSON() as CustomerDoc);
}

async function inSync(desk: Desk): Promise<void> {
  for (const name of desk.engine.collections) await desk.engine.replication(name)?.awaitInSync();
}

describe('SyncEngine against a real server', () => {
  let db: TestDatabase;
  let server: TestServer;
  let enrolA: EnrolResponse;
  let enrolB: EnrolResponse;
  let a: Desk;
  let b: Desk;

  beforeAll(async () => {
    db = await (TARGETS[0] as (typeof TARGETS)[number]).open();
    await importDataset(db.store, twoBranches(), 0);
    server = await startTestServer(db.store, { heartbeatMs: 1000 });
    enrolA = await enrolDevice(db.store, server, 'br-a', 'front_desk');
    enrolB = await enrolDevice(db.store, server, 'br-b', 'front_desk');
    a = await openDesk(server, enrolA);
    b = await openDesk(server, enrolB);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.close();
    await db?.close();
  });

  it('first sync shows its progress against the server count, pulls the branch scope and ends with "synced"', async () => {
    await a.until((s) => s.firstSync === null && s.connected && s.active.length === 0 && s.lastSyncedAt !== null);
    // A's scope: 2 branches, 2 customers, 1 booking — every pulled document was counted
    const progress = a.history().map((s) => s.firstSync).filter((p) => p !== null);
    expect(Math.max(...progress.map((p) => p.done))).toBe(5);
    expect(new Set(progress.map((p) => p.total).filter((t) => t !== null))).toEqual(new Set(progress.some((p) => p.total !== null) ? [5] : []));
    const customers = (await a.db.customers.find().exec()).map((d) => d.id).sort();
    expect(customers).toEqual(['cu-a1', 'cu-a2']);
    expect((await a.db.bookings.find().exec()).map((d) => d.id)).toEqual(['bk-a1']);
    expect((await a.db.branches.find().exec()).map((d) => d.id).sort()).toEqual(['br-a', 'br-b']);
  });

  it('counts a local change as pending until the server has it', async () => {
    await a.db.customers.insert(customerFixture({ id: 'cu-new-a', name: 'Nina Cruz', phone: '', email: '', registered_branch_id: 'br-a', home_branch_id: 'br-a' }));
    expect(a.pending.count).toBe(1);
    await a.until((s) => s.pending === 0);
    const pulled = await client(server.url, enrolA.token).get('/api/sync/customers/pull?limit=100');
    expect((pulled.body as { documents: { id: string }[] }).documents.map((d) => d.id)).toContain('cu-new-a');
  });

  it('pushes in dependency order: a new customer before the booking made for them offline, so the server answers no 409', async () => {
    a.net.set(false);
    // the booking is written first: without the push order its collection could go first
    await a.db.bookings.insert(bookingFixture({ id: 'bk-for-new', customer_id: 'cu-order-a', branch_id: 'br-a', start_at: '2026-03-12T10:00:00+08:00' }));
    await a.db.customers.insert(customerFixture({ id: 'cu-order-a', name: 'Olga Ramos', phone: '', email: '', registered_branch_id: 'br-a', home_branch_id: 'br-a' }));
    expect(a.pending.count).toBe(2);
    const from = a.pushAnswers.length;
    a.net.set(true);
    await a.until((s) => s.pending === 0);
    const answers = a.pushAnswers.slice(from);
    expect(answers).not.toContain('bookings 409');
    expect(answers.indexOf('customers 200')).toBeGreaterThanOrEqual(0);
    expect(answers.indexOf('customers 200')).toBeLessThan(answers.indexOf('bookings 200'));
    const pulled = (await client(server.url, enrolA.token).get('/api/sync/bookings/pull?limit=2000')).body as { documents: { id: string }[] };
    expect(pulled.documents.map((d) => d.id)).toContain('bk-for-new');
  });

  it('offline edits of the same customer on two desks converge: fields, tag sets, opt-out kept', async () => {
    // cu-a1 (a customer of A) walks in at B: B finds her by exact phone (the only way a desk reaches
    // another branch's customer), which links her to B; she arrives live, and B books her.
    const lookup = await client(serverUrl(), enrolB.token).post('/api/sync/customers/lookup', { phone: '+639171234567' });
    expect(lookup.status).toBe(200);
    await customerWhen(b, 'cu-a1', () => true);
    await b.db.bookings.insert(bookingFixture({ id: 'bk-b-for-a1', customer_id: 'cu-a1', branch_id: 'br-b', start_at: '2026-02-25T10:00:00-05:00' }));
    await b.until((s) => s.pending === 0);

    a.net.set(false);
    b.net.set(false);
    expect(a.status().online).toBe(false);
    const onA = await a.db.customers.findOne('cu-a1').exec();
    await onA?.incrementalPatch({ name: 'Maria A. Santos', tags: ['vip'] });
    const onB = await b.db.customers.findOne('cu-a1').exec();
    await onB?.incrementalPatch({ notes: 'Prefers mornings', tags: ['regular'], opted_in_marketing: false });
    expect(a.pending.count).toBe(1);
    expect(b.pending.count).toBe(1);

    a.net.set(true);
    b.net.set(true);
    const converged = (c: CustomerDoc): boolean =>
      c.name === 'Maria A. Santos' && c.notes === 'Prefers mornings' && !c.opted_in_marketing && [...c.tags].sort().join() === 'regular,vip';
    const [finalA, finalB] = await Promise.all([customerWhen(a, 'cu-a1', converged), customerWhen(b, 'cu-a1', converged)]);
    await Promise.all([a.until((s) => s.pending === 0), b.until((s) => s.pending === 0)]);
    const strip = ({ _meta, _rev, _attachments, ...rest }: Record<string, unknown>) => rest;
    expect(strip(finalA as unknown as Record<string, unknown>)).toEqual(strip(finalB as unknown as Record<string, unknown>));
    const server = (await client(`${serverUrl()}`, enrolA.token).get('/api/sync/customers/pull?limit=100')).body as { documents: CustomerDoc[] };
    const onServer = server.documents.find((d) => d.id === 'cu-a1');
    expect(onServer && converged(onServer)).toBe(true);
  });

  it('a refused document is parked with the reason while the rest of its collection syncs; a fix goes through', async () => {
    // one batch: a booking the server refuses (too far ahead) between two good ones
    await a.db.bookings.bulkInsert([
      bookingFixture({ id: 'bk-good-1', customer_id: 'cu-a1', branch_id: 'br-a', start_at: '2026-03-09T10:00:00+08:00' }),
      bookingFixture({ id: 'bk-far', customer_id: 'cu-a1', branch_id: 'br-a', start_at: '2040-01-10T10:00:00+08:00' }),
      bookingFixture({ id: 'bk-good-2', customer_id: 'cu-a1', branch_id: 'br-a', start_at: '2026-03-09T11:00:00+08:00' }),
    ]);
    const refused = await a.until((s) => s.refused.length === 1);
    expect(refused.refused[0]).toMatchObject({ collection: 'bookings', id: 'bk-far', field: 'start_at', base: null });
    expect(refused.refused[0]?.message).toMatch(/within 5 years/);
    expect(refused.rejected).toEqual({});
    await a.until((s) => !s.active.includes('bookings') && s.pending === 1);
    const onServer = async (): Promise<Map<string, string>> =>
      new Map(((await client(server.url, enrolA.token).get('/api/sync/bookings/pull?limit=2000')).body as { documents: { id: string; start_at: string }[] }).documents.map((d) => [d.id, d.start_at]));
    expect([...(await onServer()).keys()].filter((id) => id.startsWith('bk-good') || id === 'bk-far').sort()).toEqual(['bk-good-1', 'bk-good-2']);
    expect(a.pending.has('bookings', 'bk-far')).toBe(true);
    expect(await a.db.bookings.findOne('bk-far').exec()).not.toBeNull();
    // later bookings still sync while it is parked
    await a.db.bookings.insert(bookingFixture({ id: 'bk-good-3', customer_id: 'cu-a1', branch_id: 'br-a', start_at: '2026-03-10T11:00:00+08:00' }));
    await a.until((s) => !s.active.includes('bookings') && s.pending === 1 && s.refused.length === 1);
    await inSync(a);
    expect((await onServer()).has('bk-good-3')).toBe(true);
    // fixing the booking on the desk sends it again, and it goes through
    const far = await a.db.bookings.findOne('bk-far').exec();
    await far?.incrementalPatch({ start_at: '2026-03-10T10:00:00+08:00' });
    await a.until((s) => s.refused.length === 0 && s.pending === 0);
    await inSync(a);
    expect((await onServer()).get('bk-far')).toBe('2026-03-10T10:00:00+08:00');
  });

  it('a refused change of a stored document can be discarded: back to the server version, nothing waits', async () => {
    await a.db.bookings.insert(bookingFixture({ id: 'bk-move', customer_id: 'cu-a1', branch_id: 'br-a', start_at: '2026-03-11T10:00:00+08:00' }));
    await a.until((s) => s.pending === 0);
    await inSync(a);
    const doc = await a.db.bookings.findOne('bk-move').exec();
    await doc?.incrementalPatch({ start_at: '2041-03-11T10:00:00+08:00' });
    const refused = await a.until((s) => s.refused.some((r) => r.id === 'bk-move'));
    expect(refused.refused.find((r) => r.id === 'bk-move')?.base).toMatchObject({ start_at: '2026-03-11T10:00:00+08:00' });
    await discardRefusedDoc(a.db, a.refused, 'bookings', 'bk-move');
    await a.until((s) => s.refused.length === 0 && s.pending === 0);
    expect((await a.db.bookings.findOne('bk-move').exec())?.start_at).toBe('2026-03-11T10:00:00+08:00');
    expect(a.refused.list()).toEqual([]);
  });

  it('a refused new document is discarded by removing it; the server never hears of it', async () => {
    await a.db.bookings.insert(bookingFixture({ id: 'bk-never', customer_id: 'cu-a1', branch_id: 'br-a', start_at: '2042-01-10T10:00:00+08:00' }));
    await a.until((s) => s.refused.some((r) => r.id === 'bk-never'));
    await discardRefusedDoc(a.db, a.refused, 'bookings', 'bk-never');
    await a.until((s) => s.refused.length === 0 && s.pending === 0);
    await inSync(a);
    expect(await a.db.bookings.findOne('bk-never').exec()).toBeNull();
    expect(a.refused.list()).toEqual([]);
    const pulled = (await client(server.url, enrolA.token).get('/api/sync/bookings/pull?limit=2000')).body as { documents: { id: string }[] };
    expect(pulled.documents.some((d) => d.id === 'bk-never')).toBe(false);
  });

  it('a revoked device stops syncing and says so', async () => {
    await revokeDevice(db.store, enrolB.device_id);
    const stopped = await b.until((s) => s.fatal !== null);
    expect(stopped.fatal?.kind).toBe('revoked');
    expect(stopped.running).toBe(false);
  });

  it('a desk older than the server stops with "update the app" (426)', async () => {
    await b.close(); // RxDB's open-source build allows 16 collections at once: make room for a third replica
    const newer = await startTestServer(db.store, { schemaVersion: SCHEMA_VERSION + 1 });
    const enrolled = await enrolDevice(db.store, newer, 'br-a', 'front_desk');
    const old = await openDesk(newer, enrolled);
    try {
      const stopped = await old.until((s) => s.fatal !== null);
      expect(stopped.fatal).toEqual({ kind: 'outdated', message: expect.stringMatching(/update the app/) });
      expect(stopped.running).toBe(false);
    } finally {
      await old.close();
      await newer.close();
    }
  });

  function serverUrl(): string {
    return server.url;
  }
});

describe('SyncEngine: the branch a desk stored when pairing', () => {
  let db: TestDatabase;
  let server: TestServer;
  let desk: Desk | undefined;

  beforeAll(async () => {
    db = await (TARGETS[0] as (typeof TARGETS)[number]).open();
    await importDataset(db.store, twoBranches(), 0);
    server = await startTestServer(db.store, { heartbeatMs: 1000 });
  });
  afterAll(async () => {
    await desk?.close();
    await server?.close();
    await db?.close();
  });

  it('follows later changes made on the server, over any local edit (on a front desk branches are pull-only)', async () => {
    const enrol = await enrolDevice(db.store, server, 'br-a', 'front_desk');
    desk = await openDesk(server, enrol, async (replica) => {
      // pairing stores the enrolled branch at once so the app can open (adoptServerBranch)
      await replica.branches.upsert(enrol.branch as NonNullable<typeof enrol.branch>);
    });
    const d = desk;
    await d.until((s) => s.firstSync === null && s.connected && s.lastSyncedAt !== null);
    await (await d.db.branches.findOne('br-a').exec())?.incrementalPatch({ country: 'PH' });
    const changed = twoBranches();
    changed.branches[0] = { ...(changed.branches[0] as (typeof changed.branches)[number]), name: 'Branch A, renamed', active_days: 20, at_risk_days: 60 };
    await importDataset(db.store, changed, 0);
    const branch = await firstValueFrom(d.db.branches.findOne('br-a').$.pipe(filter((b) => b !== null && b.get('name') === 'Branch A, renamed')));
    expect(branch?.get('active_days')).toBe(20);
    // the local edit did not stick: that is why a desk's own phone country is a desk setting
    expect(branch?.get('country')).toBe('');
  });
});
