/**
 * Corrections of finished visits through the server (docs/DESIGN.md §8): who may correct, that a
 * finished visit changes only by an amendment, that two managers correcting concurrently converge
 * through the desk's merge, and that the HQ projection, the metrics and `verify` follow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingDoc } from '../../shared/domain/schemas';
import { buildAmendment, withAmendment, type CorrectionInput } from '../../shared/schedule/corrections';
import { mergeDocument } from '../../shared/sync/merge';
import type { EnrolResponse, PullResponse, WireDoc } from '../../shared/sync/protocol';
import { importDataset } from '../services/import';
import { verifyProjection } from '../services/verify';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';

const NOW = Date.parse('2026-03-01T06:00:00Z');
type Booking = WireDoc<BookingDoc>;
type Client = ReturnType<typeof client>;

describe.each(TARGETS)('corrections of finished visits on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let frontDesk: Client;
  let manager: Client;
  let manager2: Client;
  let hq: Client;
  let managerDevice: EnrolResponse;

  beforeAll(async () => {
    db = await target.open({ clock: new ManualClock(NOW).read });
    await importDataset(db.store, twoBranches(), 0);
    server = await startTestServer(db.store);
    frontDesk = client(server.url, (await enrolDevice(db.store, server, 'br-a', 'front_desk')).token);
    managerDevice = await enrolDevice(db.store, server, 'br-a', 'manager');
    manager = client(server.url, managerDevice.token);
    manager2 = client(server.url, (await enrolDevice(db.store, server, 'br-a', 'manager')).token);
    hq = client(server.url, (await enrolDevice(db.store, server, '', 'hq')).token);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const stored = async (): Promise<Booking> => {
    const res = await manager.get('/api/sync/bookings/pull?limit=100');
    return (res.body as PullResponse<BookingDoc>).documents.find((d) => d.id === 'bk-a1') as Booking;
  };
  const push = (who: Client, next: Booking, assumed: Booking) => who.post('/api/sync/bookings/push', [{ assumedMasterState: assumed, newDocumentState: next }]);
  const corrected = (b: Booking, input: CorrectionInput, id: string, at: string): Booking => ({
    ...withAmendment(b, buildAmendment(b, input, { device: managerDevice.device_id, role: 'manager' }, at, id), at),
    _deleted: false,
  });
  const branchA = async () => ((await hq.get('/api/metrics')).body as { branches: Record<string, { no_shows?: number; avg_clv: number; avg_visits: number; customers: number }> }).branches['br-a'];

  it('refuses a front desk\'s correction and a plain change of a finished visit; nothing is stored', async () => {
    const before = await stored();
    expect(before).toMatchObject({ status: 'completed', price: 2500, amendments: [] });
    const byFrontDesk = await push(frontDesk, corrected(before, { price: 3000, reason: 'charged too little' }, 'am-fd', '2026-03-01T05:00:00Z'), before);
    expect(byFrontDesk.status).toBe(403);
    expect(JSON.stringify(byFrontDesk.body)).toContain('may not correct finished visits');
    expect((await push(frontDesk, { ...before, price: 3000 }, before)).status).toBe(403);
    const plain = await push(manager, { ...before, price: 3000 }, before);
    expect(plain.status).toBe(400);
    expect(plain.body).toMatchObject({ details: [{ document: 'bk-a1', field: 'price' }] });
    expect(await stored()).toEqual(before);
  });

  it('a manager turns a visit into a no-show and back with a new price; HQ metrics and verify follow', async () => {
    const visit = await branchA();
    const before = await stored();
    const noShow = corrected(before, { status: 'no_show', reason: 'never came, clicked the wrong booking' }, 'am-1', '2026-03-01T05:00:00Z');
    expect((await push(manager, noShow, before)).body).toEqual([]);
    const afterNoShow = await branchA();
    expect(afterNoShow?.avg_visits).not.toEqual(visit?.avg_visits);
    expect((await verifyProjection(db.store)).differences).toEqual([]);

    const s1 = await stored();
    expect(s1).toMatchObject({ status: 'no_show', amendments: [{ id: 'am-1', by_role: 'manager', by_device: managerDevice.device_id, before: { status: 'completed' } }] });
    const back = corrected(s1, { status: 'completed', price: 4000, reason: 'she did come: the other booking was the no-show' }, 'am-2', '2026-03-01T05:10:00Z');
    expect((await push(manager, back, s1)).body).toEqual([]);
    expect(await stored()).toMatchObject({ status: 'completed', price: 4000 });
    expect((await branchA())?.avg_clv).not.toEqual(visit?.avg_clv);
    expect((await verifyProjection(db.store)).differences).toEqual([]);
  });

  it('two managers correcting concurrently converge through the desk merge; a dropped amendment comes back', async () => {
    const base = await stored();
    const one = corrected(base, { price: 3500, reason: 'discount agreed' }, 'am-3', '2026-03-01T05:20:00Z');
    const two = corrected(base, { staff: 'Ben', reason: 'Ben did the cut' }, 'am-4', '2026-03-01T05:21:00Z');
    expect((await push(manager, one, base)).body).toEqual([]);
    const answer = await push(manager2, two, base);
    const [conflict] = answer.body as Booking[];
    expect(conflict).toMatchObject({ price: 3500 });
    const merged = mergeDocument('bookings', { assumedMasterState: base, realMasterState: conflict as Booking, newDocumentState: two });
    expect((await push(manager2, merged, conflict as Booking)).body).toEqual([]);
    const final = await stored();
    expect(final).toMatchObject({ status: 'completed', price: 3500, staff: 'Ben' });
    expect(final.amendments.map((a) => a.id)).toEqual(['am-1', 'am-2', 'am-3', 'am-4']);

    // an amendment list that disagrees with the booking is refused; an emptied one is merged back
    const inconsistent = await push(frontDesk, { ...final, amendments: final.amendments.slice(0, 1) }, final);
    expect(inconsistent.status).toBe(400);
    expect(inconsistent.body).toMatchObject({ details: [{ document: 'bk-a1', field: 'status' }] });
    const res = await push(frontDesk, { ...final, amendments: [], notes: 'regular on Fridays' }, final);
    expect(res.status).toBe(200);
    expect(await stored()).toMatchObject({ notes: 'regular on Fridays', amendments: final.amendments });
    expect((await verifyProjection(db.store)).differences).toEqual([]);
  });
});
