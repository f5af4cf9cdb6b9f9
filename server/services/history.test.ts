import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trendCsv } from '../../shared/csv/trend-csv';
import type { Dataset } from '../../shared/csv/import';
import { historyIndex } from '../../shared/engine/dataset';
import { computeTrend } from '../../shared/engine/trend';
import { parseDay } from '../../shared/time/calendar';
import { trendCommand } from '../cli/commands/trend';
import { loadDataset } from '../cli/load-dataset';
import { pushRows } from '../sync/push';
import { bookingDoc } from '../test-support/docs';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';
import { importDataset } from './import';
import { metricsReport } from './metrics';
import { trendDays } from './trend';
import { rollStale } from './roller';
import { metricsCommand } from '../cli/commands/metrics';
import { stableJson } from '../../shared/util/json';

const day = (text: string) => parseDay(text) as number;
/** 06:00 UTC on 2026-03-01 is 2026-03-01 in Manila, New York, London and Auckland. */
const MARCH_1 = Date.parse('2026-03-01T06:00:00Z');

/** The engine's trend over a data set (what `trend --data` prints), as CSV. */
function engineTrendCsv(dataset: Dataset, from: string, to: string): string {
  const index = historyIndex(dataset);
  return trendCsv(computeTrend({ branchIds: dataset.branches.map((b) => b.id), histories: index.histories(), thresholdsOf: (id) => index.rulesFor(id).thresholds }, day(from), day(to)));
}

async function serverTrendCsv(db: TestDatabase, from: string, to: string, scope: string | null = null): Promise<string> {
  return trendCsv((await trendDays(db.store, { fromDay: day(from), toDay: day(to) }, scope)).days);
}

describe.each(TARGETS)('trend from history on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let sample: Dataset;
  const clock = new ManualClock(MARCH_1);

  beforeAll(async () => {
    db = await target.open({ clock: clock.read });
    sample = await loadDataset('fixtures/sample');
    // No snapshots at all: every past day must come from the history.
    await importDataset(db.store, sample, 0);
    server = await startTestServer(db.store);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('equals the CLI trend for every day of two years, with no snapshot stored', async () => {
    expect(await db.store.db.query('SELECT 1 FROM metrics_snapshots')).toEqual([]);
    const csv = await serverTrendCsv(db, '2024-03-01', '2026-03-01');
    expect(csv).toBe(await trendCommand(['--data', 'fixtures/sample', '--from', '2024-03-01', '--to', '2026-03-01']));
    expect(csv.split('\n')).toHaveLength(1 + 731 * 5 + 1);
  });

  it('a booking pushed days late corrects the past days, and a past report', async () => {
    const snapshotBefore = await serverTrendCsv(db, '2026-02-10', '2026-03-01');
    const asOfBefore = await metricsReport(db.store, day('2026-02-20'), null);
    // An offline desk syncs a visit of 2026-02-19 (a churned customer's return) on 2026-03-01.
    const late = bookingDoc({ id: 'bk-late-1', customer_id: 'cu-000013', branch_id: 'br-nyc', start_at: '2026-02-19T15:00:00Z', status: 'completed', price: 5500 });
    await pushRows(db.store, { id: 'dev-test', role: 'front_desk', branch_id: 'br-nyc' }, 'bookings', [{ newDocumentState: late }]);
    const withLate: Dataset = {
      ...sample,
      bookings: [...sample.bookings, { id: 'bk-late-1', customer_id: 'cu-000013', branch_id: 'br-nyc', service: 'Haircut', staff: 'Ana', status: 'completed', price: 5500, start_at: '2026-02-19T15:00:00Z', ms: Date.parse('2026-02-19T15:00:00Z'), day: day('2026-02-19') }],
    };
    const after = await serverTrendCsv(db, '2026-02-10', '2026-03-01');
    expect(after).toBe(engineTrendCsv(withLate, '2026-02-10', '2026-03-01'));
    expect(after).not.toBe(snapshotBefore);
    const changed = (csv: string) => csv.split('\n').filter((l) => l.includes(',br-nyc,'));
    const lines = changed(after);
    const old = changed(snapshotBefore);
    // Days before the visit are untouched; from 2026-02-19 on, br-nyc counts one more visit.
    expect(lines.slice(0, 9)).toEqual(old.slice(0, 9));
    expect(lines[9]?.startsWith('2026-02-19,br-nyc,')).toBe(true);
    expect(lines[9]).not.toBe(old[9]);
    const asOfAfter = await metricsReport(db.store, day('2026-02-20'), null);
    expect(asOfAfter.branches['br-nyc']).not.toEqual(asOfBefore.branches['br-nyc']);
    expect(asOfAfter.branches['br-nyc']?.win_back).toBe((asOfBefore.branches['br-nyc']?.win_back ?? 0) + 1);
    // Deleting it again (a manager's correction) brings every day back.
    await pushRows(db.store, { id: 'dev-test-manager', role: 'manager', branch_id: 'br-nyc' }, 'bookings', [{ assumedMasterState: late, newDocumentState: { ...late, _deleted: true } }]);
    expect(await serverTrendCsv(db, '2026-02-10', '2026-03-01')).toBe(snapshotBefore);
  });

  it('the trend ends on each branch at its own counters (today)', async () => {
    const today = await metricsReport(db.store, undefined, null);
    const { days } = await trendDays(db.store, { days: 3 }, null);
    expect(days.map((d) => d.date)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(Object.fromEntries(days[2]?.branches ?? [])).toEqual(today.branches);
    expect(days[2]?.all).toEqual(today.all);
  });

  it('a past as_of report equals the CLI (pairs exist from their earliest evidence)', async () => {
    for (const date of ['2024-06-30', '2025-11-15', '2026-02-28']) {
      expect(`${stableJson(await metricsReport(db.store, day(date), null))}\n`).toBe(await metricsCommand(['--data', 'fixtures/sample', '--as-of', date]));
    }
  });

  it('a database upgraded without history builds it on the first trend', async () => {
    const expected = await serverTrendCsv(db, '2025-06-01', '2026-03-01');
    await db.store.db.query('DELETE FROM pair_history');
    await db.store.db.query('DELETE FROM branch_day_deltas');
    await db.store.db.query('UPDATE branch_projection SET history_built = false');
    expect(await serverTrendCsv(db, '2025-06-01', '2026-03-01')).toBe(expected);
    expect((await db.store.db.query('SELECT 1 FROM branch_projection WHERE NOT history_built')).length).toBe(0);
  });

  it('snapshots are no source: a wrong snapshot changes nothing', async () => {
    const expected = await serverTrendCsv(db, '2026-02-20', '2026-02-28');
    await db.store.db.query(
      `INSERT INTO metrics_snapshots (branch_id, day, customers, status_new, status_active, status_win_back, status_at_risk, status_churned, new_customers_30d, with_visits, spent_cents, visits, final) VALUES ('br-nyc', $1, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0, true)
       ON CONFLICT (branch_id, day) DO UPDATE SET customers = 9`,
      [day('2026-02-25')],
    );
    expect(await serverTrendCsv(db, '2026-02-20', '2026-02-28')).toBe(expected);
  });

  it('GET /api/metrics/trend?from&to: the range, scope by role, bad input named', async () => {
    const hq = await enrolDevice(db.store, server, '', 'hq');
    const res = await client(server.url, hq.token).get('/api/metrics/trend?from=2025-01-01&to=2025-12-31');
    expect(res.status).toBe(200);
    const body = res.body as { from: string; to: string; today: string; days: { date: string; branches: Record<string, unknown> }[] };
    expect([body.from, body.to, body.today, body.days.length]).toEqual(['2025-01-01', '2025-12-31', '2026-03-01', 365]);
    expect(Object.keys(body.days[0]?.branches ?? {})).toEqual(['br-akl', 'br-london', 'br-manila', 'br-nyc']);
    // A manager sees its own branch only, and "all" is that branch.
    const manager = await enrolDevice(db.store, server, 'br-nyc', 'manager');
    const mine = (await client(server.url, manager.token).get('/api/metrics/trend?from=2026-01-01&to=2026-01-31')).body as { days: { branches: Record<string, unknown>; all: unknown }[] };
    expect(Object.keys(mine.days[0]?.branches ?? {})).toEqual(['br-nyc']);
    expect(mine.days[0]?.all).toEqual(mine.days[0]?.branches['br-nyc']);
    const desk = await enrolDevice(db.store, server, 'br-nyc', 'front_desk');
    expect((await client(server.url, desk.token).get('/api/metrics/trend?from=2026-01-01&to=2026-01-31')).status).toBe(403);
    expect((await client(server.url, '').get('/api/metrics/trend?from=2026-01-01&to=2026-01-31')).status).toBe(401);
    const bad = async (query: string) => {
      const r = await client(server.url, hq.token).get(`/api/metrics/trend?${query}`);
      return [r.status, (r.body as { error: string }).error];
    };
    expect(await bad('from=2026-02-30&to=2026-03-01')).toEqual([400, 'from "2026-02-30" must be a date YYYY-MM-DD']);
    expect(await bad('from=2026-03-01')).toEqual([400, 'to is required with from (a date YYYY-MM-DD)']);
    expect(await bad('from=2026-03-02&to=2026-03-01')).toEqual([400, 'from 2026-03-02 is after to 2026-03-01']);
    expect(await bad('from=2010-01-01&to=2026-03-01')).toEqual([400, 'the range is longer than 1830 days']);
    expect(await bad('days=3&from=2026-01-01&to=2026-01-02')).toEqual([400, 'give either days or from and to, not both']);
    expect(await bad('days=1831')).toEqual([400, 'days "1831" must be a whole number from 1 to 1830']);
  });

  it('the daily roll keeps the history (it does not depend on the date) unless the thresholds changed', async () => {
    const expected = await serverTrendCsv(db, '2026-02-01', '2026-03-01');
    const tamper = () => db.store.db.query("UPDATE branch_day_deltas SET customers = customers + 1000 WHERE branch_id = 'br-akl' AND day = $1", [day('2026-02-10')]);
    await tamper();
    clock.advance(86_400_000);
    expect((await rollStale(db.store)).length).toBe(4);
    // Not rebuilt: the tampered row is still there.
    expect(await serverTrendCsv(db, '2026-02-01', '2026-03-01')).not.toBe(expected);
    await db.store.db.query("UPDATE branch_projection SET history_rules = 'other thresholds' WHERE branch_id = 'br-akl'");
    clock.advance(86_400_000);
    expect((await rollStale(db.store)).length).toBe(4);
    expect(await serverTrendCsv(db, '2026-02-01', '2026-03-01')).toBe(expected);
  });
});

describe.each(TARGETS)('trend from history on the history fixture ($name)', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await target.open({ clock: new ManualClock(Date.parse('2026-03-12T06:00:00Z')).read });
    await importDataset(db.store, await loadDataset('fixtures/history'), 0);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('equals the hand-worked CSV and the CLI on every day (existence as of a past date)', async () => {
    expect(await serverTrendCsv(db, '2026-02-28', '2026-03-02')).toBe(await trendCommand(['--data', 'fixtures/history', '--from', '2026-02-28', '--to', '2026-03-02']));
    expect(await serverTrendCsv(db, '2026-01-01', '2026-03-12')).toBe(await trendCommand(['--data', 'fixtures/history', '--from', '2026-01-01', '--to', '2026-03-12']));
  });
});
