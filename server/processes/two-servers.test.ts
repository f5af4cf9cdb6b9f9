/**
 * Two server processes on one PostgreSQL database: a desk streaming from process A sees a push
 * made through process B (LISTEN/NOTIFY), and both serve the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import type { EnrolResponse, StreamMessage } from '../../shared/sync/protocol';
import { createEnrolmentCode } from '../store/auth';
import { Store } from '../store/store';
import { createPostgresDatabase, POSTGRES_URL } from '../test-support/databases';
import { bookingDoc } from '../test-support/docs';
import { client } from '../test-support/http';
import { runCli, startServerProcess, type ServerProcess } from '../test-support/spawn';
import { openStream } from '../test-support/sse';

const SLOW = 120_000;

describe.skipIf(POSTGRES_URL === undefined)('two server processes on PostgreSQL', { timeout: SLOW }, () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let first: ServerProcess;
  let second: ServerProcess;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    const imported = await runCli(['import', '--data', 'fixtures/sample'], { DATABASE_URL: database.url });
    expect(imported.code, imported.stderr).toBe(0);
    [first, second] = await Promise.all([
      startServerProcess([], { DATABASE_URL: database.url }),
      startServerProcess([], { DATABASE_URL: database.url }),
    ]);
  }, SLOW);
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await database?.drop();
  }, SLOW);

  async function enrol(url: string, branch: string): Promise<EnrolResponse> {
    const store = await Store.open({ databaseUrl: database.url });
    try {
      const { code } = await createEnrolmentCode(store, branch, 'front_desk');
      const res = await fetch(`${url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      return (await res.json()) as EnrolResponse;
    } finally {
      await store.close();
    }
  }

  it('delivers a push made through one process to a stream served by the other', async () => {
    const deskOnA = await enrol(first.url, 'br-nyc');
    const deskOnB = await enrol(second.url, 'br-nyc');
    const stream = await openStream(`${first.url}/api/sync/stream`, { authorization: `Bearer ${deskOnA.token}`, 'x-branchdesk-schema': String(SCHEMA_VERSION) });
    try {
      expect(await stream.next()).toEqual({ type: 'resync' });
      const doc = bookingDoc({ id: 'bk-cross-process', customer_id: 'cu-000013', branch_id: 'br-nyc', start_at: '2026-02-28T15:00:00Z' });
      const pushed = await client(second.url, deskOnB.token).post('/api/sync/bookings/push', [{ newDocumentState: doc }]);
      expect(pushed).toEqual({ status: 200, body: [] });
      const message = await stream.next((m: StreamMessage) => m.type === 'change' && m.collection === 'bookings');
      expect(message).toMatchObject({ type: 'change', collection: 'bookings', documents: [doc] });
      // The other process pulls the same document at the same checkpoint.
      const pulledOnA = await client(first.url, deskOnA.token).get(`/api/sync/bookings/pull?limit=2000`);
      expect((pulledOnA.body as { checkpoint: unknown }).checkpoint).toEqual((message as { checkpoint: unknown }).checkpoint);
    } finally {
      stream.close();
    }
  });

  it('answers the same metrics from either process', async () => {
    const store = await Store.open({ databaseUrl: database.url });
    const { code } = await createEnrolmentCode(store, '', 'hq');
    await store.close();
    const hq = (await (await fetch(`${first.url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })).json()) as EnrolResponse;
    const [a, b] = await Promise.all(
      [first, second].map(async (s) => (await fetch(`${s.url}/api/metrics?as_of=2026-03-01`, { headers: { authorization: `Bearer ${hq.token}` } })).text()),
    );
    expect(a).toBe(b);
    expect(JSON.parse(a as string)).toMatchObject({ as_of: '2026-03-01' });
  });
});
