/**
 * Issue 8, found 8 (streams): a stream ticket opens one stream and is never logged; one device
 * token holds at most MAX_STREAMS_PER_DEVICE live streams (a further one closes the oldest).
 * Against a real server process on PGlite and PostgreSQL.
 */
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import { SCHEMA_HEADER, type ErrorBody, type StreamTicketResponse } from '../../shared/sync/protocol';
import { drained } from '../http/drained';
import { redactUrl } from '../http/stream-ticket';
import { bookingDoc, customerDoc } from '../test-support/docs';
import { client } from '../test-support/http';
import { openStream, type SseReader } from '../test-support/sse';
import { PROCESS_TARGETS, startHarness, type Harness } from './limits-harness';

const SLOW = 120_000;
/** How many live streams server/http/stream-hub.ts lets one device token hold. */
const MAX_STREAMS_PER_DEVICE = 3;

describe.each(PROCESS_TARGETS)('live stream limits on %s', { timeout: SLOW }, (target) => {
  let h: Harness;
  let tokenA: string;
  let tokenB: string;
  const open: SseReader[] = [];

  beforeAll(async () => {
    h = await startHarness(target, {
      devices: [
        { branch: 'br-a', role: 'front_desk' },
        { branch: 'br-b', role: 'front_desk' },
      ],
    });
    tokenA = h.devices[0]?.token as string;
    tokenB = h.devices[1]?.token as string;
  }, SLOW);
  afterAll(async () => {
    for (const s of open) s.close();
    await h?.close();
  }, SLOW);

  const ticketUrl = async (token: string) => {
    const { ticket } = (await client(h.url, token).post('/api/sync/stream-ticket', {})).body as StreamTicketResponse;
    return { ticket, url: `${h.url}/api/sync/stream?ticket=${encodeURIComponent(ticket)}&schema=${SCHEMA_VERSION}` };
  };

  it('accepts a ticket once; a second use is 401 and the ticket never appears in the logs', async () => {
    const { ticket, url } = await ticketUrl(tokenA);
    const first = await openStream(url);
    open.push(first);
    expect(first.status).toBe(200);
    await first.next((m) => m.type === 'resync');
    const again = await fetch(url);
    expect(again.status).toBe(401);
    expect(((await again.json()) as ErrorBody).error).toBe('this stream ticket was already used; ask for a new one');
    first.close();
    expect(h.server.logs()).not.toContain(ticket);
    expect(redactUrl(`/api/sync/stream?ticket=${ticket}`)).toBe('/api/sync/stream?…');
  });

  it(`keeps at most ${MAX_STREAMS_PER_DEVICE} streams per token: a further one closes the oldest, other devices untouched`, async () => {
    const headers = (token: string) => ({ authorization: `Bearer ${token}`, [SCHEMA_HEADER]: String(SCHEMA_VERSION) });
    const other = await openStream(`${h.url}/api/sync/stream`, headers(tokenB));
    open.push(other);
    await other.next((m) => m.type === 'resync');
    const streams: SseReader[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_DEVICE + 2; i += 1) {
      const s = await openStream(`${h.url}/api/sync/stream`, headers(tokenA));
      open.push(s);
      expect(s.status).toBe(200);
      await s.next((m) => m.type === 'resync');
      streams.push(s);
    }
    // The two oldest were closed by the server; the newest MAX_STREAMS_PER_DEVICE are live.
    await streams[0]?.ended;
    await streams[1]?.ended;
    // The live ones still receive changes.
    const push = await client(h.url, tokenA).post('/api/sync/customers/push', [{ newDocumentState: customerDoc({ id: 'cu-stream-a', registered_branch_id: 'br-a' }) }]);
    expect(push.status).toBe(200);
    for (const s of streams.slice(2)) await s.next((m) => m.type === 'change' && m.collection === 'customers');
    // Another device's stream was not touched.
    expect((await client(h.url, tokenB).post('/api/sync/customers/push', [{ newDocumentState: customerDoc({ id: 'cu-stream-b', registered_branch_id: 'br-b' }) }])).status).toBe(200);
    await other.next((m) => m.type === 'change' && m.collection === 'customers');
  });
});

describe('waiting for a backed-up stream to drain', () => {
  it('leaves no listener behind, however often it backs up', async () => {
    const res = new EventEmitter();
    for (let i = 0; i < 50; i += 1) {
      const waiting = drained(res as never);
      res.emit('drain');
      await waiting;
    }
    expect(res.listenerCount('close')).toBe(0);
    expect(res.listenerCount('drain')).toBe(0);
    const closing = drained(res as never);
    res.emit('close');
    await closing;
    expect(res.listenerCount('drain')).toBe(0);
  });
});

describe.each(PROCESS_TARGETS)('HQ change notices on %s', { timeout: SLOW }, (target) => {
  let h: Harness;
  const open: SseReader[] = [];
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, [SCHEMA_HEADER]: String(SCHEMA_VERSION) });

  beforeAll(async () => {
    h = await startHarness(target, {
      devices: [
        { branch: 'br-a', role: 'front_desk' },
        { branch: 'br-a', role: 'manager' },
        { branch: '', role: 'hq' },
        { branch: 'br-b', role: 'manager' },
      ],
    });
  }, SLOW);
  afterAll(async () => {
    for (const s of open) s.close();
    await h?.close();
  }, SLOW);

  it('go to HQ for every branch and never carry a document; a branch token gets documents of its own branch and no notice', async () => {
    const [fdA, mgA, hq, mgB] = h.devices.map((d) => d.token) as [string, string, string, string];
    const streams: Record<'fdA' | 'mgA' | 'hq', SseReader> = {
      fdA: await openStream(`${h.url}/api/sync/stream`, headers(fdA)),
      mgA: await openStream(`${h.url}/api/sync/stream`, headers(mgA)),
      hq: await openStream(`${h.url}/api/sync/stream`, headers(hq)),
    };
    for (const s of Object.values(streams)) {
      open.push(s);
      expect(s.status).toBe(200);
      await s.next((m) => m.type === 'resync');
    }
    // branch B's manager books at B (15:00 UTC is 10:00 in New York) and registers a customer there
    const atB = bookingDoc({ id: 'bk-notice-b', customer_id: 'cu-b1', branch_id: 'br-b', start_at: '2026-02-21T15:00:00Z' });
    expect((await client(h.url, mgB).post('/api/sync/bookings/push', [{ newDocumentState: atB }])).status).toBe(200);
    const customerB = customerDoc({ id: 'cu-notice-b', registered_branch_id: 'br-b', home_branch_id: 'br-b' });
    expect((await client(h.url, mgB).post('/api/sync/customers/push', [{ newDocumentState: customerB }])).status).toBe(200);
    expect(await streams.hq.next((m) => m.type === 'notice' && m.collection === 'bookings')).toEqual({
      type: 'notice',
      collection: 'bookings',
      changes: [{ branch_id: 'br-b', days: { first: '2026-02-21', last: '2026-02-21' } }],
    });
    const customers = await streams.hq.next((m) => m.type === 'notice' && m.collection === 'customers');
    expect(customers).toEqual({ type: 'notice', collection: 'customers', changes: [{ branch_id: 'br-b', days: null }] });
    // then A's manager books at A: every stream hears of it, in order after B's changes
    const atA = bookingDoc({ id: 'bk-notice-a', customer_id: 'cu-a1', branch_id: 'br-a', start_at: '2026-02-22T03:00:00Z' });
    expect((await client(h.url, mgA).post('/api/sync/bookings/push', [{ newDocumentState: atA }])).status).toBe(200);
    expect(await streams.hq.next((m) => m.type === 'notice' && m.collection === 'bookings')).toEqual({
      type: 'notice',
      collection: 'bookings',
      changes: [{ branch_id: 'br-a', days: { first: '2026-02-22', last: '2026-02-22' } }],
    });
    for (const name of ['fdA', 'mgA'] as const) {
      const s = streams[name];
      await s.next((m) => m.type === 'change' && m.collection === 'bookings' && m.documents.some((d) => d.id === 'bk-notice-a'));
      const history = s.history();
      expect(history.filter((m) => m.type === 'notice'), `${name} received a notice`).toEqual([]);
      const ids = history.flatMap((m) => (m.type === 'change' ? m.documents.map((d) => d.id) : []));
      expect(ids, `${name} received branch B's documents`).not.toContain('bk-notice-b');
      expect(ids).not.toContain('cu-notice-b');
      for (const m of history) if (m.type === 'change' && m.collection === 'bookings') for (const d of m.documents) expect(d.branch_id).toBe('br-a');
    }
    expect(streams.hq.history().filter((m) => m.type === 'change')).toEqual([]);
  });
});
