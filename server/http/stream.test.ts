import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EnrolResponse, StreamMessage, StreamTicketResponse } from '../../shared/sync/protocol';
import { importDataset } from '../services/import';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { bookingDoc } from '../test-support/docs';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';
import { openStream, type SseReader } from '../test-support/sse';
import { revokeDevice } from '../store/auth';

const isChange = (collection: string, id: string) => (m: StreamMessage) =>
  m.type === 'change' && m.collection === collection && m.documents.some((d) => d.id === id);

describe.each(TARGETS)('live stream on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let deskA: EnrolResponse;
  let deskB: EnrolResponse;
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'x-branchdesk-schema': String(SCHEMA_VERSION) });

  beforeAll(async () => {
    db = await target.open({ clock: new ManualClock(Date.parse('2026-03-01T06:00:00Z')).read });
    await importDataset(db.store, twoBranches(), 0);
    server = await startTestServer(db.store, { heartbeatMs: 150 });
    deskA = await enrolDevice(db.store, server, 'br-a', 'front_desk');
    deskB = await enrolDevice(db.store, server, 'br-b', 'front_desk');
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('sends RESYNC on connect, then delivers pushes in scope live with their checkpoint', async () => {
    const streamA = await openStream(`${server.url}/api/sync/stream`, headers(deskA.token));
    const streamB = await openStream(`${server.url}/api/sync/stream`, headers(deskB.token));
    try {
      expect(streamA.status).toBe(200);
      expect(await streamA.next()).toEqual({ type: 'resync' });
      expect(await streamB.next()).toEqual({ type: 'resync' });
      const doc = bookingDoc({ id: 'bk-live-1', customer_id: 'cu-a1', branch_id: 'br-a' });
      expect((await client(server.url, deskA.token).post('/api/sync/bookings/push', [{ newDocumentState: doc }])).body).toEqual([]);
      const message = await streamA.next(isChange('bookings', 'bk-live-1'));
      expect(message).toMatchObject({ type: 'change', collection: 'bookings', documents: [doc] });
      // The stream's checkpoint is the pull's checkpoint for the same document.
      const pulled = await client(server.url, deskA.token).get('/api/sync/bookings/pull?limit=100');
      expect((message as { checkpoint: unknown }).checkpoint).toEqual((pulled.body as { checkpoint: unknown }).checkpoint);
      // B is out of scope for A's booking, but sees its own.
      const own = bookingDoc({ id: 'bk-live-b', customer_id: 'cu-b1', branch_id: 'br-b' });
      await client(server.url, deskB.token).post('/api/sync/bookings/push', [{ newDocumentState: own }]);
      const forB = await streamB.next((m) => m.type === 'change' && m.collection === 'bookings');
      expect((forB as { documents: { id: string }[] }).documents.map((d) => d.id)).toEqual(['bk-live-b']);
      // A's stream never carries B's booking: a later push of A arrives, B's never did.
      const later = bookingDoc({ id: 'bk-live-2', customer_id: 'cu-a1', branch_id: 'br-a' });
      await client(server.url, deskA.token).post('/api/sync/bookings/push', [{ newDocumentState: later }]);
      await streamA.next(isChange('bookings', 'bk-live-2'));
      expect(streamA.history().some(isChange('bookings', 'bk-live-b'))).toBe(false);
    } finally {
      streamA.close();
      streamB.close();
    }
  });

  it('accepts a short-lived ticket for EventSource, sends heartbeats, and closes when the device is revoked', async () => {
    const desk = await enrolDevice(db.store, server, 'br-a', 'manager');
    const ticket = (await client(server.url, desk.token).post('/api/sync/stream-ticket', {})).body as StreamTicketResponse;
    expect(ticket.expires_in_seconds).toBe(30);
    const stream = await openStream(`${server.url}/api/sync/stream?ticket=${encodeURIComponent(ticket.ticket)}&schema=${SCHEMA_VERSION}`);
    expect(stream.status).toBe(200);
    expect(await stream.next()).toEqual({ type: 'resync' });
    const bad = await openStream(`${server.url}/api/sync/stream?ticket=${encodeURIComponent(`${ticket.ticket}x`)}&schema=${SCHEMA_VERSION}`);
    expect(bad.status).toBe(401);
    await revokeDevice(db.store, desk.device_id);
    await stream.ended;
    expect(stream.comments()).toBeGreaterThanOrEqual(1);
    expect((await client(server.url, desk.token).get('/api/session')).status).toBe(401);
  });

  it('delivers a customer newly linked by a walk-in lookup to the branch\'s stream', async () => {
    const stream = await openStream(`${server.url}/api/sync/stream`, headers(deskA.token));
    try {
      await stream.next();
      expect((await client(server.url, deskA.token).post('/api/sync/customers/lookup', { phone: '+12125550123' })).status).toBe(200);
      const linked = await stream.next(isChange('customers', 'cu-b1'));
      expect(linked.type === 'change' ? linked.documents.map((d) => d.id) : []).toEqual(['cu-b1']);
    } finally {
      stream.close();
    }
  });

  it('tells HQ which branch and which local days changed, never a document, with no query per HQ connection', async () => {
    // its own server, whose heartbeats (a token check each) do not fall inside the counted queries
    const quiet = await startTestServer(db.store, { heartbeatMs: 600_000 });
    // two HQ devices with two screens each (a device holds at most 3 streams)
    const hqs = [await enrolDevice(db.store, quiet, '', 'hq'), await enrolDevice(db.store, quiet, '', 'hq')];
    const query = vi.spyOn(db.store.db, 'query');
    /** Queries run from a push until every stream in `streams` has its notice. */
    const queriesFor = async (streams: SseReader[], id: string, startAt: string): Promise<{ count: number; notices: StreamMessage[] }> => {
      query.mockClear();
      const doc = bookingDoc({ id, customer_id: 'cu-a1', branch_id: 'br-a', start_at: startAt });
      expect((await client(quiet.url, deskA.token).post('/api/sync/bookings/push', [{ newDocumentState: doc }])).body).toEqual([]);
      const notices = await Promise.all(streams.map((s) => s.next((m) => m.type === 'notice' && m.collection === 'bookings')));
      return { count: query.mock.calls.length, notices };
    };
    const streams: SseReader[] = [];
    try {
      const screen = async (i: number) => {
        const s = await openStream(`${quiet.url}/api/sync/stream`, headers((hqs[i % 2] as EnrolResponse).token));
        streams.push(s);
        expect(await s.next()).toEqual({ type: 'resync' });
      };
      await screen(0);
      // 20:00 UTC is the next day in Manila: the notice names the branch-local day
      const one = await queriesFor(streams, 'bk-hq-1', '2026-02-25T20:00:00Z');
      for (let i = 1; i < 4; i += 1) await screen(i);
      expect(one.notices).toEqual([{ type: 'notice', collection: 'bookings', changes: [{ branch_id: 'br-a', days: { first: '2026-02-26', last: '2026-02-26' } }] }]);
      const four = await queriesFor(streams, 'bk-hq-2', '2026-02-27T02:00:00Z');
      for (const n of four.notices) expect(n).toEqual({ type: 'notice', collection: 'bookings', changes: [{ branch_id: 'br-a', days: { first: '2026-02-27', last: '2026-02-27' } }] });
      // four HQ screens cost the database what one does
      expect(four.count).toBe(one.count);
      // a moved booking changed two days
      const moved = bookingDoc({ id: 'bk-hq-1', customer_id: 'cu-a1', branch_id: 'br-a', start_at: '2026-02-25T20:00:00Z' });
      const next = { ...moved, start_at: '2026-03-01T01:00:00Z', updated_at: '2026-02-02T10:00:00Z' };
      expect((await client(quiet.url, deskA.token).post('/api/sync/bookings/push', [{ assumedMasterState: moved, newDocumentState: next }])).body).toEqual([]);
      expect(await streams[0]?.next((m) => m.type === 'notice')).toEqual({ type: 'notice', collection: 'bookings', changes: [{ branch_id: 'br-a', days: { first: '2026-02-26', last: '2026-03-01' } }] });
      for (const s of streams) expect(s.history().filter((m) => m.type === 'change')).toEqual([]);
    } finally {
      query.mockRestore();
      for (const s of streams) s.close();
      await quiet.close();
    }
  });

  it('ends every stream on shutdown', async () => {
    const other = await startTestServer(db.store);
    const stream = await openStream(`${other.url}/api/sync/stream`, headers(deskA.token));
    await stream.next();
    await other.hub.close();
    await stream.ended;
    const refused = await fetch(`${other.url}/api/sync/stream`, { headers: headers(deskA.token) });
    expect(refused.status).toBe(503);
    await other.close();
  });
});
