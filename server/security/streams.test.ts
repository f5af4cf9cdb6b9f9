/**
 * Issue 8, found 8 (streams): a stream ticket opens one stream and is never logged; one device
 * token holds at most MAX_STREAMS_PER_DEVICE live streams (a further one closes the oldest).
 * Against a real server process on PGlite and PostgreSQL.
 */
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import { SCHEMA_HEADER, type ErrorBody, type StreamTicketResponse } from '../../shared/sync/protocol';
import { drained, MAX_STREAMS_PER_DEVICE } from '../http/stream-hub';
import { redactUrl } from '../http/stream-ticket';
import { customerDoc } from '../test-support/docs';
import { client } from '../test-support/http';
import { openStream, type SseReader } from '../test-support/sse';
import { PROCESS_TARGETS, startHarness, type Harness } from './limits-harness';

const SLOW = 120_000;

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
