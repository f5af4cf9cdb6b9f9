/**
 * Revenue per branch over a range (GET /api/metrics/revenue) against a recomputation from the
 * sample's bookings, its scope per role, a visit pushed late counted in its own day, and bad
 * ranges refused naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../shared/csv/import';
import type { ErrorBody, RevenueFigures, RevenueResponse } from '../../shared/sync/protocol';
import { parseDay } from '../../shared/time/calendar';
import { loadDataset } from '../cli/load-dataset';
import { pushRows } from '../sync/push';
import { bookingDoc } from '../test-support/docs';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';
import { importDataset } from './import';

const MARCH_1 = Date.parse('2026-03-01T06:00:00Z');
const day = (text: string) => parseDay(text) as number;

/** The figures recomputed from the data set's own bookings. */
function expected(dataset: Dataset, from: string, to: string, only: string | null): { branches: Record<string, RevenueFigures>; all: RevenueFigures } {
  const fig = (takings: number, visits: number): RevenueFigures => ({ takings, visits, avg_ticket: visits === 0 ? 0 : Math.round(takings / visits) });
  const branches: Record<string, RevenueFigures> = {};
  let t = 0;
  let v = 0;
  for (const b of [...dataset.branches].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (only !== null && b.id !== only) continue;
    const done = dataset.bookings.filter((k) => k.branch_id === b.id && k.status === 'completed' && k.day >= day(from) && k.day <= day(to));
    const takings = done.reduce((s, k) => s + k.price, 0);
    branches[b.id] = fig(takings, done.length);
    t += takings;
    v += done.length;
  }
  return { branches, all: fig(t, v) };
}

describe.each(TARGETS)('revenue per branch and period on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let sample: Dataset;
  let hq: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let desk: ReturnType<typeof client>;

  beforeAll(async () => {
    db = await target.open({ clock: new ManualClock(MARCH_1).read });
    sample = await loadDataset('fixtures/sample');
    await importDataset(db.store, sample, 0);
    server = await startTestServer(db.store);
    hq = client(server.url, (await enrolDevice(db.store, server, '', 'hq')).token);
    manager = client(server.url, (await enrolDevice(db.store, server, 'br-nyc', 'manager')).token);
    desk = client(server.url, (await enrolDevice(db.store, server, 'br-nyc', 'front_desk')).token);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('equals the sum of the completed visits of every branch, for a year, a month and a day', async () => {
    for (const [from, to] of [
      ['2025-03-01', '2026-02-28'],
      ['2026-02-01', '2026-02-28'],
      ['2026-02-19', '2026-02-19'],
      ['2020-01-01', '2020-01-31'],
    ] as const) {
      const answer = await hq.get(`/api/metrics/revenue?from=${from}&to=${to}`);
      expect(answer).toEqual({ status: 200, body: { from, to, ...expected(sample, from, to, null) } });
    }
    const year = (await hq.get('/api/metrics/revenue?from=2025-03-01&to=2026-02-28')).body as RevenueResponse;
    expect(year.all.visits).toBeGreaterThan(50);
  });

  it('a manager sees its own branch only, a front desk nothing', async () => {
    expect(await manager.get('/api/metrics/revenue?from=2026-01-01&to=2026-02-28')).toEqual({ status: 200, body: { from: '2026-01-01', to: '2026-02-28', ...expected(sample, '2026-01-01', '2026-02-28', 'br-nyc') } });
    expect((await desk.get('/api/metrics/revenue?from=2026-01-01&to=2026-02-28')).status).toBe(403);
  });

  it('a visit pushed late counts in its own day at once', async () => {
    const before = (await hq.get('/api/metrics/revenue?from=2026-02-19&to=2026-02-19')).body as RevenueResponse;
    const late = bookingDoc({ id: 'bk-late-revenue', customer_id: 'cu-000013', branch_id: 'br-nyc', start_at: '2026-02-19T15:00:00Z', status: 'completed', price: 5500 });
    await pushRows(db.store, { id: 'dev-test', role: 'front_desk', branch_id: 'br-nyc' }, 'bookings', [{ newDocumentState: late }]);
    const after = (await hq.get('/api/metrics/revenue?from=2026-02-19&to=2026-02-19')).body as RevenueResponse;
    const nyc = before.branches['br-nyc'] as RevenueFigures;
    expect(after.branches['br-nyc']).toEqual({ takings: nyc.takings + 5500, visits: nyc.visits + 1, avg_ticket: Math.round((nyc.takings + 5500) / (nyc.visits + 1)) });
    expect(after.all.takings).toBe(before.all.takings + 5500);
  });

  it('refuses a bad range naming the field', async () => {
    const bad = async (query: string, field: string): Promise<void> => {
      const answer = await hq.get(`/api/metrics/revenue?${query}`);
      expect(answer.status).toBe(400);
      expect(JSON.stringify((answer.body as ErrorBody).details ?? (answer.body as ErrorBody).error)).toContain(field);
    };
    await bad('from=2026-03-01&to=2026-02-01', 'from');
    await bad('from=2026-03-01', 'to');
    await bad('from=2026-02-30&to=2026-03-01', 'from');
    await bad('from=2015-01-01&to=2026-03-01', 'to');
  });
});
