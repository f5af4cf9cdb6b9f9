/**
 * Issue 8 (found 8) with several server processes on one PostgreSQL database, as behind a load
 * balancer: state that limits an attacker lives in the database, not in one process's memory.
 * - a stream ticket issued by process A opens one stream on process B, and never a second one
 *   on either;
 * - enrolment attempts from one address are counted across processes: a burst split over two
 *   processes gets exactly the free attempts, like one sent to one process;
 * - the organisation-wide budget of wrong codes is shared: a distributed attack spread over both
 *   processes switches every address to one free wrong code on both.
 * (The per-token stream limit stays per process, documented in server/PROTOCOL.md.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import type { ErrorBody, StreamTicketResponse } from '../../shared/sync/protocol';
import { FREE_FAILURES, GLOBAL_FAILURES, mostCheckedWithin, timed } from './backoff-bound';
import { POSTGRES_URL } from '../test-support/databases';
import { client } from '../test-support/http';
import { openStream } from '../test-support/sse';
import { startHarness, type Harness } from './limits-harness';

const SLOW = 180_000;
const WRONG = 'AAAA-BBBB-CCCC-DDDD';

describe.skipIf(POSTGRES_URL === undefined)('two server processes on one PostgreSQL: shared limits', { timeout: SLOW }, () => {
  let h: Harness;
  let a: string;
  let b: string;

  beforeAll(async () => {
    h = await startHarness('postgres', {
      processes: 2,
      args: ['--trust-proxy', '127.0.0.1'],
      devices: [{ branch: 'br-a', role: 'front_desk' }],
      spareCodes: [{ branch: 'br-a', role: 'front_desk' }],
    });
    a = h.url;
    b = (h.others[0] as { url: string }).url;
  }, SLOW);
  afterAll(async () => h?.close(), SLOW);

  const enrol = (url: string, code: string, address: string): Promise<Response> =>
    fetch(`${url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ code }) });

  it('a ticket issued by one process opens one stream on the other, and never a second anywhere', async () => {
    const token = h.devices[0]?.token as string;
    const { ticket } = (await client(a, token).post('/api/sync/stream-ticket', {})).body as StreamTicketResponse;
    const path = `/api/sync/stream?ticket=${encodeURIComponent(ticket)}&schema=${SCHEMA_VERSION}`;
    const stream = await openStream(`${b}${path}`);
    try {
      expect(stream.status).toBe(200);
      await stream.next((m) => m.type === 'resync');
      for (const url of [a, b]) {
        const again = await fetch(`${url}${path}`);
        expect(again.status).toBe(401);
        expect(((await again.json()) as ErrorBody).error).toBe('this stream ticket was already used; ask for a new one');
      }
    } finally {
      stream.close();
    }
    // Two uses raced against both processes at once: exactly one opens a stream.
    const raced = ((await client(b, token).post('/api/sync/stream-ticket', {})).body as StreamTicketResponse).ticket;
    const racedPath = `/api/sync/stream?ticket=${encodeURIComponent(raced)}&schema=${SCHEMA_VERSION}`;
    const answers = await Promise.all([a, b, a, b].map((url) => openStream(`${url}${racedPath}`)));
    try {
      expect(answers.map((s) => s.status).sort()).toEqual([200, 401, 401, 401]);
    } finally {
      for (const s of answers) s.close();
    }
  });

  it('counts a burst from one address split across both processes: exactly the free attempts get through', async () => {
    const { statuses, elapsedMs } = await timed(async () => {
      const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => enrol(i % 2 === 0 ? a : b, WRONG, '203.0.113.50')));
      // then the address asks each process once more
      const after = [(await enrol(a, WRONG, '203.0.113.50')).status, (await enrol(b, WRONG, '203.0.113.50')).status];
      return [...burst.map((r) => r.status), ...after];
    });
    // Exactly the free ones when it is quick; on a loaded machine at most one more per lock-out that passed.
    // Counted per process, the two would let twice the free attempts through at once.
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(FREE_FAILURES);
    expect(checked).toBeLessThanOrEqual(mostCheckedWithin(elapsedMs));
    expect(statuses.filter((s) => s === 429)).toHaveLength(62 - checked);
  });

  it('shares the organisation-wide budget: wrong codes spread over both processes count together', async () => {
    // Just over the budget in total, each process seeing only about half of it.
    for (let i = 0; i <= GLOBAL_FAILURES; i += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, j) => enrol((i + j) % 2 === 0 ? a : b, WRONG, `10.${Math.floor((i + j) / 250)}.${(i + j) % 250}.7`)));
    }
    for (const [url, address] of [[a, '172.16.5.1'], [b, '172.16.5.2']] as const) {
      expect((await enrol(url, WRONG, address)).status).toBe(401);
      expect((await enrol(url, WRONG, address)).status).toBe(429);
    }
    // a valid code from an address that has not failed still enrols
    expect((await enrol(b, h.spareCodes[0] as string, '172.16.5.3')).status).toBe(200);
  });
});
