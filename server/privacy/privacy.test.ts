/**
 * Privacy on the server: an erasure pushed by a desk (or requested over HTTP, or applied by the
 * retention rule) blanks the customer's messages, cancels unsent ones, reaches every linked desk
 * and can never be undone by a stale desk or an old CSV; exports stay in the device's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchSettingsDoc, CommunicationDoc, CustomerDoc } from '../../shared/domain/schemas';
import { effectiveBranchSettings } from '../../shared/insights/branch-settings';
import { eraseCustomer } from '../../shared/privacy/erase';
import type { CustomerExport } from '../../shared/privacy/export';
import type { Checkpoint, EnrolResponse, PullResponse, WireDoc } from '../../shared/sync/protocol';
import { loadMasters } from '../store/documents';
import { importDataset } from '../services/import';
import { rollStale } from '../services/roller';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { bookingDoc, communicationDoc } from '../test-support/docs';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';
import { runRetention } from './retention-job';

const NOW = Date.parse('2026-03-01T06:00:00Z');
type Client = ReturnType<typeof client>;

describe.each(TARGETS)('privacy on $name', (target) => {
  let db: TestDatabase;
  let clock: ManualClock;
  let server: TestServer;
  let a: Client;
  let aManager: Client;
  let b: Client;
  let bManager: Client;
  let hq: Client;

  beforeAll(async () => {
    clock = new ManualClock(NOW);
    db = await target.open({ clock: clock.read });
    await importDataset(db.store, twoBranches(), 0);
    server = await startTestServer(db.store);
    const enrol = async (branch: string, role: EnrolResponse['role']) => client(server.url, (await enrolDevice(db.store, server, branch, role)).token);
    a = await enrol('br-a', 'front_desk');
    aManager = await enrol('br-a', 'manager');
    b = await enrol('br-b', 'front_desk');
    bManager = await enrol('br-b', 'manager');
    hq = await enrol('', 'hq');
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  async function pull<T>(c: Client, collection: string, from: Checkpoint | null = null): Promise<PullResponse<T>> {
    const q = from === null ? 'limit=1000' : `stamp=${from.stamp}&id=${encodeURIComponent(from.id)}&limit=1000`;
    return (await c.get(`/api/sync/${collection}/pull?${q}`)).body as PullResponse<T>;
  }

  async function customer(id: string): Promise<WireDoc<CustomerDoc>> {
    return (await loadMasters<CustomerDoc>(db.store.db, 'customers', [id])).get(id)?.doc as WireDoc<CustomerDoc>;
  }

  it('an erasure pushed by one desk blanks messages, cancels unsent ones and reaches the other desk', async () => {
    // cu-b1 visits branch A too (A finds the walk-in by phone), so both desks hold it; A has messages for it.
    expect((await a.post('/api/sync/customers/lookup', { phone: '+12125550123' })).status).toBe(200);
    expect((await a.post('/api/sync/bookings/push', [{ newDocumentState: bookingDoc({ id: 'bk-x', customer_id: 'cu-b1', branch_id: 'br-a', status: 'completed', start_at: '2026-02-25T03:00:00Z' }) }])).status).toBe(200);
    expect(
      (await a.post('/api/sync/communications/push', [
        { newDocumentState: communicationDoc({ id: 'co-sent', customer_id: 'cu-b1', branch_id: 'br-a', status: 'logged', message: 'Called about her allergy' }) },
        { newDocumentState: communicationDoc({ id: 'co-queued', customer_id: 'cu-b1', branch_id: 'br-a', status: 'queued', channel: 'email', purpose: 'appointment reminder', message: 'Hi Walk-in' }) },
      ])).status,
    ).toBe(200);
    const bStart = await pull<CustomerDoc>(b, 'customers');
    const aStart = await pull<CommunicationDoc>(a, 'communications');
    const master = await customer('cu-b1');
    expect(master.email).toBe('walkin@example.com');

    const erased = { ...eraseCustomer(master, '2026-03-01T06:00:00.000Z'), _deleted: false };
    // Erasing is a manager's operation on every path: B's front desk may not push it.
    expect((await b.post('/api/sync/customers/push', [{ assumedMasterState: master, newDocumentState: erased }])).status).toBe(403);
    const res = await bManager.post('/api/sync/customers/push', [{ assumedMasterState: master, newDocumentState: erased }]);
    expect(res).toEqual({ status: 200, body: [] });

    // The other desk's next pull brings the erased document …
    const bNext = await pull<CustomerDoc>(a, 'customers');
    expect(bNext.documents.find((d) => d.id === 'cu-b1')).toMatchObject({ name: '', phone: '', email: '', erased_at: '2026-03-01T06:00:00.000Z' });
    // … and its messages without their text; the unsent one is cancelled.
    const comms = await pull<CommunicationDoc>(a, 'communications', aStart.checkpoint);
    expect(comms.documents.map((c) => [c.id, c.status, c.message])).toEqual(
      expect.arrayContaining([
        ['co-sent', 'logged', ''],
        ['co-queued', 'cancelled', ''],
      ]),
    );
    // No personal data left in the server's lookup columns.
    expect(await db.store.db.query("SELECT phone, email FROM customers WHERE id = 'cu-b1'")).toEqual([{ phone: '', email: '' }]);
    expect(await db.store.db.query("SELECT data->>'message' AS m FROM communications WHERE customer_id = 'cu-b1' AND data->>'message' <> ''")).toEqual([]);
    expect(bStart.documents.length).toBeGreaterThan(0);
  });

  it('never brings an erased customer back: stale edits, un-erasing and old CSV imports all lose', async () => {
    const erased = await customer('cu-b1');
    const stale = { ...erased, name: 'Walk-in Again', phone: '+12125550123', erased_at: '' };
    const conflict = await a.post('/api/sync/customers/push', [{ assumedMasterState: erased, newDocumentState: stale }]);
    expect(conflict.status).toBe(200);
    expect(conflict.body).toEqual([expect.objectContaining({ id: 'cu-b1', name: '', erased_at: erased.erased_at })]);
    expect(await customer('cu-b1')).toEqual(erased);
    await importDataset(db.store, twoBranches(), 0);
    expect(await customer('cu-b1')).toEqual(erased);
    // Totals still add up: the erased customer's visits still count, anonymously.
    const activity = await db.store.db.query<{ total_bookings: number }>("SELECT total_bookings FROM customer_branch_activity WHERE customer_id = 'cu-b1' ORDER BY branch_id");
    expect(activity.map((r) => Number(r.total_bookings))).toEqual([1, 1]);
  });

  it('exports one customer\u2019s data within the device\u2019s scope; hq gets every branch', async () => {
    const own = await a.get('/api/privacy/customers/cu-a1/export');
    expect(own.status).toBe(200);
    const bundle = own.body as CustomerExport;
    expect(bundle).toMatchObject({ format: 'branchdesk-customer-export', customer: { id: 'cu-a1', name: 'Customer cu-a1' } });
    expect(bundle.bookings.map((x) => x.id)).toEqual(['bk-a1']);
    expect(bundle.activity.map((x) => x.branch_id)).toEqual(['br-a']);
    expect((await b.get('/api/privacy/customers/cu-a1/export')).status).toBe(404);
    const all = (await hq.get('/api/privacy/customers/cu-b1/export')).body as CustomerExport;
    expect(all.bookings.map((x) => x.branch_id).sort()).toEqual(['br-a', 'br-b']);
    expect(all.communications.every((c) => c.message === '')).toBe(true);
  });

  it('erases on request: managers of a linked branch and hq only', async () => {
    expect((await a.post('/api/privacy/customers/cu-a1/erase', {})).status).toBe(403);
    expect((await bManager.post('/api/privacy/customers/cu-a1/erase', {})).status).toBe(404);
    const res = await aManager.post('/api/privacy/customers/cu-a1/erase', {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customer: { id: 'cu-a1', name: '', phone: '' }, already_erased: false });
    expect((await hq.post('/api/privacy/customers/cu-a1/erase', {})).body).toMatchObject({ already_erased: true });
  });

  it('anonymises customers without a visit for N years only when every branch of theirs has the rule on', async () => {
    const settings = (branch: string, over: Partial<BranchSettingsDoc> = {}) => ({ ...effectiveBranchSettings(branch, null), retention_enabled: true, retention_years: 2, ...over, _deleted: false });
    expect((await aManager.post('/api/sync/branch_settings/push', [{ newDocumentState: settings('br-a') }])).status).toBe(200);
    clock.now = Date.parse('2028-03-01T06:00:00Z');
    await rollStale(db.store);
    // cu-a2 (br-a only, never visited, created 2025) is due; cu-b2 is br-b's, which has the rule off.
    expect(await runRetention(db.store)).toEqual(['cu-a2']);
    expect((await customer('cu-a2')).erased_at).toBe('2028-03-01T06:00:00.000Z');
    expect((await customer('cu-b2')).erased_at).toBe('');
    expect((await bManager.post('/api/sync/branch_settings/push', [{ newDocumentState: settings('br-b', { retention_years: 3 }) }])).status).toBe(200);
    // Once a day only.
    expect(await runRetention(db.store)).toEqual([]);
    clock.now = Date.parse('2028-03-02T06:00:00Z');
    expect(await runRetention(db.store)).toEqual([]);
    clock.now = Date.parse('2029-03-01T06:00:00Z');
    await rollStale(db.store);
    expect(await runRetention(db.store)).toEqual(['cu-b2']);
  });
});
