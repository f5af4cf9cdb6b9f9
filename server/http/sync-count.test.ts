import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolResponse, PullResponse } from '../../shared/sync/protocol';
import { importDataset } from '../services/import';
import { TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { bookingDoc } from '../test-support/docs';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';

describe.each(TARGETS)('GET /api/sync/:collection/count on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let deskA: EnrolResponse;
  let hq: EnrolResponse;

  beforeAll(async () => {
    db = await target.open();
    await importDataset(db.store, twoBranches(), 0);
    server = await startTestServer(db.store);
    deskA = await enrolDevice(db.store, server, 'br-a', 'front_desk');
    hq = await enrolDevice(db.store, server, '', 'hq');
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  /** Every document a pull from `query` returns, page by page. */
  async function pullAll(token: string, collection: string, from = ''): Promise<number> {
    let n = 0;
    let q = from;
    for (;;) {
      const page = (await client(server.url, token).get(`/api/sync/${collection}/pull?limit=1${q}`)).body as PullResponse<{ id: string }>;
      if (page.documents.length === 0 || page.checkpoint === null) return n;
      n += page.documents.length;
      q = `&stamp=${page.checkpoint.stamp}&id=${encodeURIComponent(page.checkpoint.id)}`;
    }
  }

  it('counts what a pull from the start would return, in the device scope', async () => {
    const a = client(server.url, deskA.token);
    for (const collection of ['branches', 'customers', 'bookings', 'communications', 'campaigns']) {
      const res = await a.get(`/api/sync/${collection}/count`);
      expect(res.status, collection).toBe(200);
      expect((res.body as { count: number }).count, collection).toBe(await pullAll(deskA.token, collection));
    }
    expect((await a.get('/api/sync/customers/count')).body).toEqual({ count: 2 });
    expect((await client(server.url, hq.token).get('/api/sync/customers/count')).body).toEqual({ count: 4 });
  });

  it('counts only what comes after a checkpoint (new pushes included)', async () => {
    const a = client(server.url, deskA.token);
    const first = (await a.get('/api/sync/bookings/pull?limit=100')).body as PullResponse<{ id: string }>;
    const cp = first.checkpoint as { stamp: number; id: string };
    const after = `?stamp=${cp.stamp}&id=${encodeURIComponent(cp.id)}`;
    expect((await a.get(`/api/sync/bookings/count${after}`)).body).toEqual({ count: 0 });
    await a.post('/api/sync/bookings/push', [{ newDocumentState: bookingDoc({ id: 'bk-count-1', customer_id: 'cu-a1', branch_id: 'br-a' }) }]);
    expect((await a.get(`/api/sync/bookings/count${after}`)).body).toEqual({ count: 1 });
  });

  it('checks the token, the schema version, the collection and the checkpoint', async () => {
    expect((await client(server.url, 'nope').get('/api/sync/bookings/count')).status).toBe(401);
    const res = await fetch(`${server.url}/api/sync/bookings/count`, { headers: { authorization: `Bearer ${deskA.token}` } });
    expect(res.status).toBe(400);
    expect((await client(server.url, deskA.token).get('/api/sync/pets/count')).status).toBe(404);
    const bad = await client(server.url, deskA.token).get('/api/sync/bookings/count?stamp=x');
    expect(bad).toEqual({ status: 400, body: { error: 'stamp "x" must be a whole number', details: [{ field: 'stamp', message: 'must be a whole number' }] } });
  });
});
