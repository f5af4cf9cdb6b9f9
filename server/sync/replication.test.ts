import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveCustomerId } from '../../shared/domain/contact';
import { SCHEMA_VERSION, type BookingDoc, type CustomerDoc } from '../../shared/domain/schemas';
import type { Checkpoint, EnrolResponse, ErrorBody, PullResponse, WireDoc } from '../../shared/sync/protocol';
import { importDataset } from '../services/import';
import { verifyProjection } from '../services/verify';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { bookingDoc, campaignDoc, communicationDoc, customerDoc } from '../test-support/docs';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';

const NOW = Date.parse('2026-03-01T06:00:00Z');

type Client = ReturnType<typeof client>;

async function pullAll<T>(c: Client, collection: string, from: Checkpoint | null = null, limit = 2): Promise<{ docs: WireDoc<T>[]; checkpoint: Checkpoint | null }> {
  const docs: WireDoc<T>[] = [];
  let checkpoint = from;
  for (let i = 0; i < 100; i += 1) {
    const q = checkpoint === null ? `limit=${limit}` : `stamp=${checkpoint.stamp}&id=${encodeURIComponent(checkpoint.id)}&limit=${limit}`;
    const res = await c.get(`/api/sync/${collection}/pull?${q}`);
    expect(res.status).toBe(200);
    const body = res.body as PullResponse<T>;
    docs.push(...body.documents);
    if (body.documents.length < limit) return { docs, checkpoint: body.checkpoint };
    checkpoint = body.checkpoint;
  }
  throw new Error('pull did not finish');
}

async function count(db: TestDatabase, table: string, where = 'true'): Promise<number> {
  const rows = await db.store.db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`);
  return Number(rows[0]?.n);
}

describe.each(TARGETS)('replication on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let deskA: EnrolResponse;
  let deskA2: EnrolResponse;
  let deskB: EnrolResponse;
  let hq: EnrolResponse;
  let a: Client;
  let a2: Client;
  let b: Client;

  beforeAll(async () => {
    db = await target.open({ clock: new ManualClock(NOW).read });
    await importDataset(db.store, twoBranches(), 0);
    server = await startTestServer(db.store);
    deskA = await enrolDevice(db.store, server, 'br-a', 'front_desk');
    deskA2 = await enrolDevice(db.store, server, 'br-a', 'manager');
    deskB = await enrolDevice(db.store, server, 'br-b', 'front_desk');
    hq = await enrolDevice(db.store, server, '', 'hq');
    a = client(server.url, deskA.token);
    a2 = client(server.url, deskA2.token);
    b = client(server.url, deskB.token);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('enrolment tells the desk its branch and the organisation secret', () => {
    expect(deskA).toMatchObject({ role: 'front_desk', branch_id: 'br-a', branch: { id: 'br-a', timezone: 'Asia/Manila' }, schema_version: SCHEMA_VERSION });
    expect(deskA.org.customer_id_secret).toMatch(/^[\w-]{40,}$/);
    expect(deskA.token).toMatch(/^bdt_[\w-]{43}$/);
  });

  it('scopes pulls: a branch desk reads its own bookings, customers linked to it and every branch', async () => {
    expect((await pullAll<BookingDoc>(a, 'bookings')).docs.map((d) => d.id)).toEqual(['bk-a1']);
    expect((await pullAll<BookingDoc>(b, 'bookings')).docs.map((d) => d.id).sort()).toEqual(['bk-b1', 'bk-b2']);
    expect((await pullAll<CustomerDoc>(a, 'customers')).docs.map((d) => d.id).sort()).toEqual(['cu-a1', 'cu-a2']);
    expect((await pullAll<{ id: string }>(a, 'branches')).docs.map((d) => d.id).sort()).toEqual(['br-a', 'br-b']);
    const hqClient = client(server.url, hq.token);
    expect((await pullAll(hqClient, 'bookings')).docs).toHaveLength(3);
  });

  it('iterates checkpoints over pushed documents, including soft deletes, in stamp order', async () => {
    const { checkpoint: start } = await pullAll(a, 'bookings');
    const docs = [1, 2, 3, 4, 5].map((i) => bookingDoc({ id: `bk-it-${i}`, customer_id: 'cu-a2', branch_id: 'br-a' }));
    const push = await a.post('/api/sync/bookings/push', docs.map((d) => ({ newDocumentState: d })));
    expect(push).toEqual({ status: 200, body: [] });
    const first = await pullAll<BookingDoc>(a, 'bookings', start, 2);
    expect(first.docs.map((d) => d.id)).toEqual(['bk-it-1', 'bk-it-2', 'bk-it-3', 'bk-it-4', 'bk-it-5']);
    expect(first.docs[0]).toEqual(docs[0]);
    // Nothing new: the checkpoint stays where it is.
    const again = await a.get(`/api/sync/bookings/pull?stamp=${first.checkpoint?.stamp}&id=${first.checkpoint?.id}&limit=10`);
    expect(again.body).toEqual({ documents: [], checkpoint: first.checkpoint });
    const deleted = { ...(docs[2] as WireDoc<BookingDoc>), _deleted: true };
    expect((await a.post('/api/sync/bookings/push', [{ assumedMasterState: docs[2], newDocumentState: deleted }])).body).toEqual([]);
    const next = await pullAll<BookingDoc>(a, 'bookings', first.checkpoint);
    expect(next.docs).toEqual([deleted]);
  });

  it('makes a retried push a no-op: nothing changes twice', async () => {
    const doc = bookingDoc({ id: 'bk-retry', customer_id: 'cu-a1', branch_id: 'br-a', status: 'checked_in' });
    const rows = [{ newDocumentState: doc }];
    expect((await a.post('/api/sync/bookings/push', rows)).body).toEqual([]);
    const after = await pullAll(a, 'bookings');
    expect((await a.post('/api/sync/bookings/push', rows)).body).toEqual([]);
    expect((await pullAll(a, 'bookings', after.checkpoint)).docs).toEqual([]);
    // Same for an update retried after the first attempt was applied.
    const update = [{ assumedMasterState: doc, newDocumentState: { ...doc, status: 'completed' as const } }];
    expect((await a.post('/api/sync/bookings/push', update)).body).toEqual([]);
    const afterUpdate = await pullAll(a, 'bookings', after.checkpoint);
    expect(afterUpdate.docs).toHaveLength(1);
    expect((await a.post('/api/sync/bookings/push', update)).body).toEqual([]);
    expect((await pullAll(a, 'bookings', afterUpdate.checkpoint)).docs).toEqual([]);
  });

  it('returns the master as a conflict when the desk assumed an older state, storing nothing', async () => {
    const base = bookingDoc({ id: 'bk-conflict', customer_id: 'cu-a1', branch_id: 'br-a' });
    await a.post('/api/sync/bookings/push', [{ newDocumentState: base }]);
    const fromA = { ...base, status: 'checked_in' as const, staff: 'Ben' };
    expect((await a.post('/api/sync/bookings/push', [{ assumedMasterState: base, newDocumentState: fromA }])).body).toEqual([]);
    const fromA2 = { ...base, status: 'cancelled' as const, notes: 'called in sick' };
    const res = await a2.post('/api/sync/bookings/push', [{ assumedMasterState: base, newDocumentState: fromA2 }]);
    expect(res.body).toEqual([fromA]);
    const stored = await db.store.db.query<{ data: BookingDoc }>("SELECT data FROM bookings WHERE id = 'bk-conflict'");
    expect(stored[0]?.data.status).toBe('checked_in');
  });

  it('enforces merge invariants on push: status never moves backwards, a concurrent re-grant never beats an opt-out', async () => {
    const done = bookingDoc({ id: 'bk-forward', customer_id: 'cu-a1', branch_id: 'br-a', status: 'completed' });
    await a.post('/api/sync/bookings/push', [{ newDocumentState: done }]);
    const back = await a.post('/api/sync/bookings/push', [{ assumedMasterState: done, newDocumentState: { ...done, status: 'scheduled', notes: 'oops' } }]);
    expect(back.body).toEqual([{ ...done, notes: 'oops' }]);
    const stored = await db.store.db.query<{ data: BookingDoc }>("SELECT data FROM bookings WHERE id = 'bk-forward'");
    expect(stored[0]?.data).toMatchObject({ status: 'completed', notes: 'oops' });

    const [customer] = (await pullAll<CustomerDoc>(a, 'customers')).docs.filter((d) => d.id === 'cu-a1');
    if (customer === undefined) throw new Error('cu-a1 not pulled');
    const optOut = { ...customer, opted_in_marketing: false, consent: { ...customer.consent, sms: { granted: false, at: '2026-03-01T05:00:00Z' } } };
    expect((await a.post('/api/sync/customers/push', [{ assumedMasterState: customer, newDocumentState: optOut }])).body).toEqual([]);
    const regrant = { ...customer, notes: 'VIP', consent: { ...customer.consent, sms: { granted: true, at: '2026-03-01T05:30:00Z' } } };
    const res = await a2.post('/api/sync/customers/push', [{ assumedMasterState: customer, newDocumentState: regrant }]);
    expect(res.body).toEqual([optOut]);
    const master = await db.store.db.query<{ data: CustomerDoc }>("SELECT data FROM customers WHERE id = 'cu-a1'");
    expect(master[0]?.data.consent.sms.granted).toBe(false);
  });

  it('rejects a push naming another branch whole (403) and stores nothing of it', async () => {
    const before = await count(db, 'bookings');
    const rows = [
      { newDocumentState: bookingDoc({ id: 'bk-mine', customer_id: 'cu-a1', branch_id: 'br-a' }) },
      { newDocumentState: bookingDoc({ id: 'bk-theirs', customer_id: 'cu-b1', branch_id: 'br-b' }) },
    ];
    const res = await a.post('/api/sync/bookings/push', rows);
    expect(res.status).toBe(403);
    expect((res.body as ErrorBody).details).toEqual([expect.objectContaining({ document: 'bk-theirs', field: 'branch_id' })]);
    expect(await count(db, 'bookings')).toBe(before);
    // Updating B's existing booking while claiming branch A is refused too.
    const sneaky = await a.post('/api/sync/bookings/push', [{ newDocumentState: bookingDoc({ id: 'bk-b1', customer_id: 'cu-b1', branch_id: 'br-a' }) }]);
    expect(sneaky.status).toBe(403);
    // A customer of B only, not derived from a phone the desk knows: out of scope.
    const foreign = await a.post('/api/sync/customers/push', [{ newDocumentState: customerDoc({ id: 'cu-b2', home_branch_id: 'br-b' }) }]);
    expect(foreign.status).toBe(403);
    expect((await b.post('/api/sync/communications/push', [{ newDocumentState: communicationDoc({ branch_id: 'br-a' }) }])).status).toBe(403);
    expect((await client(server.url, hq.token).post('/api/sync/bookings/push', [])).status).toBe(403);
    expect((await a.post('/api/sync/branches/push', [])).status).toBe(403);
  });

  it('rejects invalid documents with 4xx naming document and field, storing nothing of the batch', async () => {
    const before = await count(db, 'bookings');
    const good = bookingDoc({ id: 'bk-good', customer_id: 'cu-a1', branch_id: 'br-a' });
    const cases: [unknown, number, Partial<{ document: string; field: string }>][] = [
      [[{ newDocumentState: good }, { newDocumentState: { ...good, id: 'bk-bad', price: -5 } }], 400, { document: 'bk-bad', field: 'price' }],
      [[{ newDocumentState: { ...good, id: 'bk-far', start_at: '2036-01-01T10:00:00Z' } }], 400, { document: 'bk-far', field: 'start_at' }],
      [[{ newDocumentState: { ...good, notes: 'a\u0000b' } }], 400, { document: 'bk-good', field: 'notes' }],
      [[{ newDocumentState: { ...good, status: 'done' } }], 400, { document: 'bk-good', field: 'status' }],
      [[{ newDocumentState: { ...good, extra: 1 } }], 400, { document: 'bk-good' }],
      [[{ newDocumentState: good }, { newDocumentState: good }], 400, { document: 'bk-good', field: 'id' }],
      [[{ assumedMasterState: { ...good, customer_id: 'cu-a2' }, newDocumentState: good }], 400, { document: 'bk-good', field: 'customer_id' }],
      [[{ newDocumentState: { ...good, service: 'x'.repeat(201) } }], 400, { document: 'bk-good', field: 'service' }],
    ];
    for (const [body, status, detail] of cases) {
      const res = await a.post('/api/sync/bookings/push', body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect((res.body as ErrorBody).details?.[0]).toMatchObject(detail);
      expect((res.body as ErrorBody).error).toContain(detail.document ?? '');
    }
    const tooMany = await a.post('/api/sync/bookings/push', Array.from({ length: 1001 }, (_, i) => ({ newDocumentState: { ...good, id: `bk-many-${i}` } })));
    expect(tooMany.status).toBe(413);
    const notArray = await a.post('/api/sync/bookings/push', { rows: [] });
    expect(notArray.status).toBe(400);
    const badJson = await fetch(`${server.url}/api/sync/bookings/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deskA.token}`, 'x-branchdesk-schema': String(SCHEMA_VERSION), 'content-type': 'application/json' },
      body: '[{"newDocumentState": ',
    });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({ error: 'the request body is not valid JSON' });
    const badPhone = await a.post('/api/sync/customers/push', [{ newDocumentState: customerDoc({ id: 'cu-new-phone', phone: '0917 123', registered_branch_id: 'br-a' }) }]);
    expect(badPhone.status).toBe(400);
    expect((badPhone.body as ErrorBody).details?.[0]).toMatchObject({ document: 'cu-new-phone', field: 'phone' });
    expect(await count(db, 'bookings')).toBe(before);
    expect(await count(db, 'customers', "id = 'cu-new-phone'")).toBe(0);
  });

  it('answers 426 to an outdated desk, 400 without a version, and keeps auth first', async () => {
    // A desk on any older schema (0 before issue 5, 1 before issue 11's corrections) is refused, on every sync route.
    for (const old of Array.from({ length: SCHEMA_VERSION }, (_, v) => v)) {
      for (const path of ['/api/sync/customers/pull', '/api/sync/stream']) {
        const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${deskA.token}`, 'x-branchdesk-schema': String(old) } });
        expect(res.status).toBe(426);
        expect(((await res.json()) as ErrorBody).error).toMatch(new RegExp(`version ${old}\\) is older than the server's \\(version ${SCHEMA_VERSION}\\).*update Branchdesk`));
      }
    }
    const v0push = await fetch(`${server.url}/api/sync/customers/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deskA.token}`, 'x-branchdesk-schema': '0', 'content-type': 'application/json' },
      body: '[]',
    });
    expect(v0push.status).toBe(426);
    const newer = await startTestServer(db.store, { schemaVersion: SCHEMA_VERSION + 1 });
    try {
      const res = await fetch(`${newer.url}/api/sync/bookings/pull`, { headers: { authorization: `Bearer ${deskA.token}`, 'x-branchdesk-schema': String(SCHEMA_VERSION) } });
      expect(res.status).toBe(426);
      expect(((await res.json()) as ErrorBody).error).toMatch(new RegExp(`older than the server's \\(version ${SCHEMA_VERSION + 1}\\).*update Branchdesk`));
    } finally {
      await newer.close();
    }
    const missing = await fetch(`${server.url}/api/sync/bookings/pull`, { headers: { authorization: `Bearer ${deskA.token}` } });
    expect(missing.status).toBe(400);
    expect((await fetch(`${server.url}/api/sync/bookings/pull`)).status).toBe(401);
    expect((await a.get('/api/sync/nothing/pull')).status).toBe(404);
    expect((await a.get('/api/sync/bookings/pull?stamp=abc')).status).toBe(400);
  });

  it('never links a customer of another branch through a guessed id in a booking (issue 8: walk-in lookup only)', async () => {
    const { checkpoint } = await pullAll<CustomerDoc>(a, 'customers');
    // cu-b2 belongs to B; desk A knowing (or guessing) its id gains nothing: the booking is refused whole.
    const visit = bookingDoc({ id: 'bk-walkin', customer_id: 'cu-b2', branch_id: 'br-a', status: 'completed', start_at: '2026-02-28T03:00:00Z' });
    const res = await a.post('/api/sync/bookings/push', [{ newDocumentState: visit }]);
    expect(res.status).toBe(403);
    expect((res.body as { details: unknown[] }).details).toEqual([expect.objectContaining({ document: 'bk-walkin', collection: 'bookings', field: 'customer_id' })]);
    expect((await pullAll<CustomerDoc>(a, 'customers', checkpoint)).docs).toEqual([]);
    expect((await verifyProjection(db.store)).differences).toEqual([]);
  });

  it('looks a walk-in up by exact phone or email, links it, and returns it', async () => {
    const { checkpoint } = await pullAll<CustomerDoc>(a, 'customers');
    const byPhone = await a.post('/api/sync/customers/lookup', { phone: '+1 212 555 0123' });
    expect(byPhone.status).toBe(200);
    expect((byPhone.body as { customers: CustomerDoc[] }).customers.map((c) => c.id)).toEqual(['cu-b1']);
    expect((await pullAll<CustomerDoc>(a, 'customers', checkpoint)).docs.map((d) => d.id)).toEqual(['cu-b1']);
    const byEmail = await b.post('/api/sync/customers/lookup', { email: 'WalkIn@Example.com' });
    expect((byEmail.body as { customers: CustomerDoc[] }).customers.map((c) => c.id)).toEqual(['cu-b1']);
    expect((await a.post('/api/sync/customers/lookup', { phone: '+1 212 555 9999' })).body).toEqual({ customers: [] });
    expect((await a.post('/api/sync/customers/lookup', {})).status).toBe(400);
    expect((await a.post('/api/sync/customers/lookup', { phone: 'abc' })).status).toBe(400);
  });

  it('merges a customer two desks created offline under the same derived id', async () => {
    const secret = deskA.org.customer_id_secret;
    const phone = '+639179876543';
    const id = deriveCustomerId(secret, phone, '') as string;
    const atB = customerDoc({ id, name: 'Rosa Diaz', phone, home_branch_id: 'br-b', registered_branch_id: 'br-b', tags: ['b'] });
    expect((await b.post('/api/sync/customers/push', [{ newDocumentState: atB }])).body).toEqual([]);
    const { checkpoint } = await pullAll<CustomerDoc>(a, 'customers');
    const atA = customerDoc({ id, name: 'Rosa', phone, home_branch_id: 'br-a', registered_branch_id: 'br-a', tags: ['a'] });
    const res = await a.post('/api/sync/customers/push', [{ newDocumentState: atA }]);
    expect(res.body).toEqual([atB]);
    // The desk's conflict handler merges; the merged state is accepted on the next push.
    const merged = { ...atB, tags: ['b', 'a'] };
    expect((await a.post('/api/sync/customers/push', [{ assumedMasterState: atB, newDocumentState: merged }])).body).toEqual([]);
    expect((await pullAll<CustomerDoc>(a, 'customers', checkpoint)).docs).toEqual([merged]);
  });

  it('keeps campaigns and communications in their branch', async () => {
    expect((await a.post('/api/sync/campaigns/push', [{ newDocumentState: campaignDoc({ id: 'cp-a' }) }])).body).toEqual([]);
    expect((await a.post('/api/sync/communications/push', [{ newDocumentState: communicationDoc({ id: 'cm-a', branch_id: 'br-a', customer_id: 'cu-a1' }) }])).body).toEqual([]);
    expect((await pullAll<{ id: string }>(a, 'campaigns')).docs.map((d) => d.id)).toEqual(['cp-a']);
    expect((await pullAll(b, 'campaigns')).docs).toEqual([]);
    expect((await pullAll(b, 'communications')).docs).toEqual([]);
    const takeover = await b.post('/api/sync/campaigns/push', [{ newDocumentState: campaignDoc({ id: 'cp-a' }) }]);
    expect(takeover.status).toBe(403);
  });
});
