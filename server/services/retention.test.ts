import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../shared/csv/import';
import { criteria } from '../../shared/domain/criteria';
import { customerFixture } from '../../shared/domain/test-fixtures';
import { DEFAULT_INSIGHT_RULES } from '../../shared/insights/business-rules';
import { customerView } from '../../shared/insights/customer-view';
import { segmentCount } from '../../shared/insights/segment';
import { activity } from '../../shared/insights/test-fixtures';
import { cadenceOf } from '../../shared/predict/cadence';
import { visitHistories } from '../../shared/predict/history';
import { parseStoredModel } from '../../shared/predict/model-wire';
import { outlookTotals, pairOutlook, roundedTotals } from '../../shared/predict/outlook';
import { parseDay } from '../../shared/time/calendar';
import { modelCommand } from '../cli/commands/model';
import { predictCommand } from '../cli/commands/predict';
import { loadDataset } from '../cli/load-dataset';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';
import { importDataset } from './import';
import { branchOutlooks, fitBusinessModel, loadRetentionModel, refitIfStale } from './retention';

const AS_OF = '1997-09-30';
const day = parseDay(AS_OF) as number;

/**
 * The server fits the business model from its stored bookings (CDNOW, the paper's sample) and
 * serves it as reference data; HQ's per-branch outlook equals the shared computation a desk runs
 * on the same data and date, and the CLI's `predict` summed.
 */
describe.each(TARGETS)('the business retention model on the server ($name)', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let data: Dataset;
  const clock = new ManualClock(Date.parse(`${AS_OF}T12:00:00Z`));

  beforeAll(async () => {
    db = await target.open({ clock: clock.read });
    data = await loadDataset('fixtures/cdnow');
    await importDataset(db.store, data, 0);
    server = await startTestServer(db.store);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('is fitted over every pair from the stored bookings: the same parameters as the CLI’s `model`', async () => {
    expect(await loadRetentionModel(db.store.db)).toBeNull();
    const stored = await fitBusinessModel(db.store);
    if (!stored.ok) throw new Error(stored.reason);
    const cli = JSON.parse(await modelCommand(['--data', 'fixtures/cdnow', '--as-of', AS_OF])) as { bgnbd: unknown; gamma_gamma: unknown; pairs: number };
    expect(stored.as_of).toBe(AS_OF);
    expect(stored.model.bgnbd).toEqual(cli.bgnbd);
    expect(stored.model.gamma_gamma).toEqual(cli.gamma_gamma);
    expect(stored.model.pairs).toBe(cli.pairs);
    expect(await loadRetentionModel(db.store.db)).toEqual(stored);
    // Not fitted again the same day (the nightly job's check); fitted again on the next.
    expect(await refitIfStale(db.store)).toEqual(stored);
  });

  it('is served to every device as reference data, and nobody can replace it', async () => {
    const stored = await loadRetentionModel(db.store.db);
    for (const role of ['front_desk', 'manager', 'hq'] as const) {
      const device = await enrolDevice(db.store, server, role === 'hq' ? '' : 'cdnow', role);
      const api = client(server.url, device.token);
      const res = await api.get('/api/retention/model');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ model: stored });
      const put = await fetch(`${server.url}/api/retention/model`, { method: 'PUT', headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' }, body: '{}' });
      expect([403, 404]).toContain(put.status);
    }
    expect((await fetch(`${server.url}/api/retention/model`)).status).toBe(401);
    expect(await loadRetentionModel(db.store.db)).toEqual(stored);
  });

  it('HQ’s outlook per branch equals the desks’ computation and the CLI’s `predict` summed', async () => {
    const stored = await loadRetentionModel(db.store.db);
    if (stored === null || !stored.ok) throw new Error('no model');
    const desk = roundedTotals(outlookTotals(visitHistories(data.bookings, day).map((h) => pairOutlook(stored.model, h, day))));
    const hq = await enrolDevice(db.store, server, '', 'hq');
    const res = await client(server.url, hq.token).get('/api/retention/outlook');
    expect(res.status).toBe(200);
    const body = res.body as { branches: Record<string, unknown> };
    expect(body.branches).toEqual({ cdnow: { ...desk, as_of: AS_OF } });
    expect(await branchOutlooks(db.store, ['cdnow'])).toEqual(body.branches);
    expect(desk.pairs).toBe(2357);

    // The CLI's per-pair CSV (4 decimals, money to the cent) adds up to the same totals.
    for (const horizon of [30, 90] as const) {
      // Ids and figures hold no commas or quotes: plain splitting reads this CSV.
      const csv = (await predictCommand(['--data', 'fixtures/cdnow', '--as-of', AS_OF, '--horizon-days', String(horizon)])).trim().split('\n').map((l) => l.split(','));
      const [header, ...rows] = csv;
      const col = (name: string) => (header ?? []).indexOf(name);
      const sum = (name: string) => rows.filter((r) => r.length > 1).reduce((s, r) => s + Number(r[col(name)]), 0);
      expect(sum('expected_visits')).toBeCloseTo(desk[`expected_visits_${horizon}`], 0);
      expect(Math.abs(sum('predicted_value') - desk[`predicted_value_${horizon}`])).toBeLessThan(rows.length * 0.005 + 0.01);
    }
  });

  it('segment criteria on predictions: a desk with the served model finds exactly the customers HQ counts', async () => {
    const hq = await enrolDevice(db.store, server, '', 'hq');
    const outlook = (await client(server.url, hq.token).get('/api/retention/outlook')).body as { branches: Record<string, { likely_to_lapse: number; overdue: number; pairs: number }> };
    const desk = await enrolDevice(db.store, server, 'cdnow', 'front_desk');
    const served = parseStoredModel(((await client(server.url, desk.token).get('/api/retention/model')).body as { model: unknown }).model);
    if (!served.ok || !served.value.ok) throw new Error('no served model');
    const model = served.value.model;
    const histories = new Map(visitHistories(data.bookings, day).map((h) => [h.customer_id, h]));
    const ctx = {
      rules: DEFAULT_INSIGHT_RULES,
      highValueFrom: new Map<string, number | null>(),
      withFutureBooking: new Set<string>(),
      outlookOf: (a: { customer_id: string }) => {
        const h = histories.get(a.customer_id);
        return h === undefined ? null : pairOutlook(model, h, day);
      },
      cadenceOf: (a: { customer_id: string }) => {
        const h = histories.get(a.customer_id);
        return h === undefined ? null : cadenceOf(h, day);
      },
    };
    const views = [...histories.keys()].map((id) => customerView(customerFixture({ id }), activity({ customer_id: id, branch_id: 'cdnow' }), ctx));
    const hqBranch = outlook.branches.cdnow;
    if (hqBranch === undefined) throw new Error('no HQ outlook');
    expect(views).toHaveLength(hqBranch.pairs);
    expect(segmentCount(criteria({ chance_below_pct: 50 }), views, day)).toBe(hqBranch.likely_to_lapse);
    expect(segmentCount(criteria({ chance_from_pct: 50 }), views, day)).toBe(hqBranch.pairs - hqBranch.likely_to_lapse);
    expect(segmentCount(criteria({ overdue_for_them: true }), views, day)).toBe(hqBranch.overdue);
    expect(hqBranch.likely_to_lapse).toBeGreaterThan(0);
    expect(hqBranch.overdue).toBeGreaterThan(0);
  });
});
