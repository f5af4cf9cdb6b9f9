import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityCsv } from '../../shared/csv/activity-csv';
import { parseDay } from '../../shared/time/calendar';
import { stableJson } from '../../shared/util/json';
import { metricsCommand } from '../cli/commands/metrics';
import { loadDataset } from '../cli/load-dataset';
import { pushRows } from '../sync/push';
import { bookingDoc, customerDoc } from '../test-support/docs';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';
import { importDataset } from './import';
import { metricsReport } from './metrics';
import { metricsFromRaw } from '../test-support/raw-metrics';
import { rowToActivity, type ActivityRow } from './projection';
import { rollStale } from './roller';
import { metricsTrend } from './trend';
import { verifyProjection } from './verify';

const SAMPLE = 'fixtures/sample';
/** 06:00 UTC on 2026-03-01 is 2026-03-01 in Manila, New York, London and Auckland. */
const MARCH_1 = Date.parse('2026-03-01T06:00:00Z');
const DAY = 86_400_000;

const day = (text: string) => parseDay(text) as number;

describe.each(TARGETS)('HQ projection on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  const clock = new ManualClock(MARCH_1);
  let expectedMetrics: string;
  let february28: Awaited<ReturnType<typeof metricsFromRaw>>;

  beforeAll(async () => {
    db = await target.open({ clock: clock.read });
    await importDataset(db.store, await loadDataset(SAMPLE), 3);
    february28 = await metricsFromRaw(db.store, day('2026-02-28'), null);
    server = await startTestServer(db.store);
    expectedMetrics = await readFile(`${SAMPLE}/expected-metrics-2026-03-01.json`, 'utf8');
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('stores activity rows equal to the CLI activity output', async () => {
    const rows = await db.store.db.query<ActivityRow>('SELECT * FROM customer_branch_activity ORDER BY branch_id COLLATE "C", customer_id COLLATE "C"');
    expect(activityCsv(rows.map(rowToActivity))).toBe(await readFile(`${SAMPLE}/expected-activity-2026-03-01.csv`, 'utf8'));
  });

  it('answers GET /api/metrics?as_of= byte for byte like the CLI metrics command', async () => {
    const hq = await enrolDevice(db.store, server, '', 'hq');
    const cli = await metricsCommand(['--data', SAMPLE, '--as-of', '2026-03-01']);
    expect(cli).toBe(expectedMetrics);
    const res = await fetch(`${server.url}/api/metrics?as_of=2026-03-01`, { headers: { authorization: `Bearer ${hq.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.text()).toBe(cli);
    // Another date is computed from raw bookings, like the CLI.
    const other = await fetch(`${server.url}/api/metrics?as_of=2026-02-10`, { headers: { authorization: `Bearer ${hq.token}` } });
    expect(await other.text()).toBe(await metricsCommand(['--data', SAMPLE, '--as-of', '2026-02-10']));
  });

  it('serves today from the per-branch counters, equal to a computation from raw data', async () => {
    const today = await metricsReport(db.store, undefined, null);
    expect(`${stableJson(today)}\n`).toBe(expectedMetrics);
    expect(await metricsFromRaw(db.store, day('2026-03-01'), null)).toEqual(today);
  });

  it('restricts metrics by role: a manager sees its branch, a front desk none', async () => {
    const manager = await enrolDevice(db.store, server, 'br-nyc', 'manager');
    const res = await client(server.url, manager.token).get('/api/metrics?as_of=2026-03-01');
    const expected = JSON.parse(expectedMetrics) as { branches: Record<string, unknown> };
    expect(res.body).toEqual({ as_of: '2026-03-01', branches: { 'br-nyc': expected.branches['br-nyc'] }, all: expected.branches['br-nyc'] });
    const desk = await enrolDevice(db.store, server, 'br-nyc', 'front_desk');
    expect((await client(server.url, desk.token).get('/api/metrics')).status).toBe(403);
    expect((await client(server.url, manager.token).get('/api/metrics?as_of=2026-02-30')).status).toBe(400);
  });

  it('verify agrees, then lists a tampered row, then agrees again', async () => {
    expect(await verifyProjection(db.store)).toEqual({ rows: 190, differences: [] });
    await db.store.db.query("UPDATE customer_branch_activity SET status = 'active', total_bookings = 99 WHERE branch_id = 'br-nyc' AND customer_id = 'cu-000013'");
    const result = await verifyProjection(db.store);
    expect(result.differences).toContain('cu-000013,br-nyc: status stored "active" expected "churned"; total_bookings stored 99 expected 2');
    await db.store.db.query("UPDATE customer_branch_activity SET status = 'churned', total_bookings = 2 WHERE branch_id = 'br-nyc' AND customer_id = 'cu-000013'");
    expect((await verifyProjection(db.store)).differences).toEqual([]);
  });

  it('updates activity and counters inside the push transaction', async () => {
    const device = { id: 'dev-test', role: 'front_desk' as const, branch_id: 'br-nyc' };
    const visit = bookingDoc({ id: 'bk-push-1', customer_id: 'cu-000013', branch_id: 'br-nyc', start_at: '2026-02-28T15:00:00Z', status: 'completed', price: 4000 });
    await pushRows(db.store, device, 'bookings', [{ newDocumentState: visit }]);
    const rows = await db.store.db.query<ActivityRow>("SELECT * FROM customer_branch_activity WHERE branch_id = 'br-nyc' AND customer_id = 'cu-000013'");
    expect(rowToActivity(rows[0] as ActivityRow)).toMatchObject({ status: 'win_back', days_since_last_visit: 1, total_bookings: 3, last_visit_date: '2026-02-28' });
    expect(await verifyProjection(db.store)).toEqual({ rows: 190, differences: [] });
    expect(await metricsReport(db.store, undefined, null)).toEqual(await metricsFromRaw(db.store, day('2026-03-01'), null));
    // A new customer's first booking creates the pair; a soft delete removes it again.
    // (the customer is registered at the desk first: a booking may only name a customer the server knows)
    await pushRows(db.store, device, 'customers', [{ newDocumentState: customerDoc({ id: 'cu-new-1', registered_branch_id: 'br-nyc' }) }]);
    expect((await verifyProjection(db.store)).rows).toBe(190);
    const fresh = bookingDoc({ id: 'bk-push-2', customer_id: 'cu-new-1', branch_id: 'br-nyc', start_at: '2026-02-27T15:00:00Z', status: 'completed' });
    await pushRows(db.store, device, 'bookings', [{ newDocumentState: fresh }]);
    expect((await verifyProjection(db.store)).rows).toBe(191);
    // (deleting a finished visit is a manager's correction)
    await pushRows(db.store, { ...device, id: 'dev-test-manager', role: 'manager' }, 'bookings', [{ assumedMasterState: fresh, newDocumentState: { ...fresh, _deleted: true } }]);
    expect(await verifyProjection(db.store)).toEqual({ rows: 190, differences: [] });
    expect(await metricsReport(db.store, undefined, null)).toEqual(await metricsFromRaw(db.store, day('2026-03-01'), null));
  });

  it('rolls each branch at its local midnight and serves the trend from history', async () => {
    const beforeRoll = await metricsReport(db.store, undefined, null);
    clock.advance(DAY);
    expect((await rollStale(db.store)).sort()).toEqual(['br-akl', 'br-london', 'br-manila', 'br-nyc']);
    expect(await rollStale(db.store)).toEqual([]);
    const today = await metricsReport(db.store, undefined, null);
    expect(today.as_of).toBe('2026-03-02');
    expect(today).toEqual(await metricsFromRaw(db.store, day('2026-03-02'), null));
    expect(await verifyProjection(db.store)).toEqual({ rows: 190, differences: [] });
    const trend = await metricsTrend(db.store, 3, null);
    expect(trend.days.map((d) => d.date)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
    expect(trend.days[1]?.branches).toEqual(beforeRoll.branches);
    expect(trend.days[1]?.all).toEqual(beforeRoll.all);
    expect(trend.days[2]?.all).toEqual(today.all);
    // 2026-02-28 from the history as it is now: the visit of 2026-02-28 pushed after the import
    // (the test above) counts, where the import's snapshot of that day did not have it.
    expect(trend.days[0]?.branches).toEqual((await metricsFromRaw(db.store, day('2026-02-28'), null)).branches);
    expect(trend.days[0]?.branches['br-nyc']).not.toEqual(february28.branches['br-nyc']);
    expect(trend.days[0]?.branches['br-akl']).toEqual(february28.branches['br-akl']);
    const hq = await enrolDevice(db.store, server, '', 'hq');
    const res = await client(server.url, hq.token).get('/api/metrics/trend?days=2');
    expect((res.body as { days: { date: string }[] }).days.map((d) => d.date)).toEqual(['2026-03-01', '2026-03-02']);
    expect((await client(server.url, hq.token).get('/api/metrics/trend?days=0')).status).toBe(400);
  });

  it('mixes counters and raw data when branches are on different local days', async () => {
    // 12:00 UTC on 2026-03-02: already 2026-03-03 in Auckland, still 2026-03-02 elsewhere.
    clock.now = Date.parse('2026-03-02T12:00:00Z');
    expect(await rollStale(db.store)).toEqual(['br-akl']);
    const today = await metricsReport(db.store, undefined, null);
    expect(today.as_of).toBe('2026-03-03');
    expect(today.branches['br-akl']).toEqual((await metricsFromRaw(db.store, day('2026-03-03'), 'br-akl')).branches['br-akl']);
    expect(today.branches['br-nyc']).toEqual((await metricsFromRaw(db.store, day('2026-03-02'), 'br-nyc')).branches['br-nyc']);
    expect(await metricsReport(db.store, day('2026-03-02'), null)).toEqual(await metricsFromRaw(db.store, day('2026-03-02'), null));
  });
});
