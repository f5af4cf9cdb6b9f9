/**
 * HQ's drill-down from a branch to its customers of one status (GET /api/metrics/customers):
 * the projection's pairs of that status, most spent first, without erased customers; a manager's
 * own branch only; bad queries refused naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchCustomersResponse, ErrorBody } from '../../shared/sync/protocol';
import { toNumber } from '../db/database';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';
import { loadDataset } from '../cli/load-dataset';
import { importDataset } from './import';

const MARCH_1 = Date.parse('2026-03-01T06:00:00Z');

describe.each(TARGETS)('branch customer lists on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let hq: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;

  beforeAll(async () => {
    db = await target.open({ clock: new ManualClock(MARCH_1).read });
    await importDataset(db.store, await loadDataset('fixtures/sample'), 0);
    server = await startTestServer(db.store);
    hq = client(server.url, (await enrolDevice(db.store, server, '', 'hq')).token);
    manager = client(server.url, (await enrolDevice(db.store, server, 'br-nyc', 'manager')).token);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const projected = async (branch: string, status: string): Promise<{ customer_id: string; total_spent: number }[]> =>
    (await db.store.db.query<{ customer_id: string; total_spent: unknown }>('SELECT customer_id, total_spent FROM customer_branch_activity WHERE branch_id = $1 AND status = $2', [branch, status]))
      .map((r) => ({ customer_id: r.customer_id, total_spent: toNumber(r.total_spent) }))
      .sort((a, b) => b.total_spent - a.total_spent || (a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0));

  it('lists the pairs of the status, most spent first, with their names', async () => {
    for (const status of ['at_risk', 'churned', 'active'] as const) {
      const expected = await projected('br-nyc', status);
      const answer = await hq.get(`/api/metrics/customers?branch_id=br-nyc&status=${status}`);
      expect(answer.status).toBe(200);
      const body = answer.body as BranchCustomersResponse;
      expect(body.total).toBe(expected.length);
      expect(body.customers.map((c) => ({ customer_id: c.customer_id, total_spent: c.total_spent }))).toEqual(expected);
      for (const c of body.customers) expect(c.name).not.toBe('');
    }
    expect((await projected('br-nyc', 'churned')).length).toBeGreaterThan(0);
  });

  it('leaves an erased customer out', async () => {
    const churned = ((await hq.get('/api/metrics/customers?branch_id=br-nyc&status=churned')).body as BranchCustomersResponse).customers;
    const gone = churned[0]?.customer_id ?? '';
    expect((await hq.post(`/api/privacy/customers/${gone}/erase`, {})).status).toBe(200);
    const after = (await hq.get('/api/metrics/customers?branch_id=br-nyc&status=churned')).body as BranchCustomersResponse;
    expect(after.customers.map((c) => c.customer_id)).not.toContain(gone);
    expect(after.customers).toHaveLength(churned.length - 1);
  });

  it("a manager lists its own branch only; unknown branches and statuses are refused", async () => {
    expect((await manager.get('/api/metrics/customers?branch_id=br-nyc&status=at_risk')).status).toBe(200);
    expect((await manager.get('/api/metrics/customers?branch_id=br-manila&status=at_risk')).status).toBe(403);
    expect((await hq.get('/api/metrics/customers?branch_id=br-nowhere&status=at_risk')).status).toBe(404);
    const bad = await hq.get('/api/metrics/customers?branch_id=br-nyc&status=lost');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body as ErrorBody)).toContain('status');
    expect((await hq.get('/api/metrics/customers?status=at_risk')).status).toBe(400);
  });
});
