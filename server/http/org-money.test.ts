/**
 * The business's money settings over HTTP (routes/org-money.ts): read by every device, written by
 * HQ only, checked field by field (nothing stored on a refusal), and a tier change recomputes every
 * branch's HQ projection at once and reaches desks through their session check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIERS } from '../../shared/domain/settings';
import type { EnrolResponse, ErrorBody, OrgMoney, SessionInfo } from '../../shared/sync/protocol';
import { toNumber } from '../db/database';
import { importDataset } from '../services/import';
import { rollStale } from '../services/roller';
import { loadBranches } from '../store/branches';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';

const NOW = Date.parse('2026-03-01T06:00:00Z');
type Client = ReturnType<typeof client>;

describe.each(TARGETS)('business money settings on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let desk: Client;
  let manager: Client;
  let hq: Client;

  beforeAll(async () => {
    db = await target.open({ clock: new ManualClock(NOW).read });
    await importDataset(db.store, twoBranches(), 0);
    await rollStale(db.store);
    server = await startTestServer(db.store);
    const enrol = async (branch: string, role: EnrolResponse['role']) => client(server.url, (await enrolDevice(db.store, server, branch, role)).token);
    desk = await enrol('br-a', 'front_desk');
    manager = await enrol('br-a', 'manager');
    hq = await enrol('', 'hq');
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const tiers = async (): Promise<Record<string, number>> => {
    const rows = await db.store.db.query<{ spending_tier: string; n: unknown }>('SELECT spending_tier, count(*) AS n FROM customer_branch_activity GROUP BY spending_tier');
    return Object.fromEntries(rows.map((r) => [r.spending_tier, toNumber(r.n)]));
  };

  it('reads the defaults from every device: no currency, the fixed tiers', async () => {
    for (const who of [desk, manager, hq]) {
      expect(await who.get('/api/org/money')).toEqual({ status: 200, body: { currency: '', spending: DEFAULT_TIERS.spending } });
    }
  });

  it('refuses a front desk and a manager, and stores nothing', async () => {
    const money: OrgMoney = { currency: 'PHP', spending: { vipAbove: 5, highFrom: 4, mediumFrom: 3 } };
    for (const who of [desk, manager]) expect((await who.put('/api/org/money', money)).status).toBe(403);
    expect((await hq.get('/api/org/money')).body).toEqual({ currency: '', spending: DEFAULT_TIERS.spending });
  });

  it('refuses bad values naming the field, and stores nothing', async () => {
    const bad = async (body: unknown, field: string): Promise<void> => {
      const answer = await hq.put('/api/org/money', body);
      expect(answer.status).toBe(400);
      expect((answer.body as ErrorBody).error).toContain(field);
    };
    const spending = DEFAULT_TIERS.spending;
    await bad({ currency: 'XYZ', spending }, 'currency');
    await bad({ currency: 'php', spending }, 'currency');
    await bad({ currency: 'EUR', spending: { ...spending, mediumFrom: spending.highFrom + 1 } }, 'spending.mediumFrom');
    await bad({ currency: 'EUR', spending: { ...spending, highFrom: spending.vipAbove + 1 } }, 'spending.highFrom');
    await bad({ currency: 'EUR', spending: { ...spending, vipAbove: -1 } }, 'vipAbove');
    await bad({ currency: 'EUR', spending: { ...spending, vipAbove: 10.5 } }, 'vipAbove');
    await bad({ currency: 'EUR', spending, rates: 1 }, 'rates');
    await bad({ currency: 'EUR' }, 'spending');
    expect((await hq.get('/api/org/money')).body).toEqual({ currency: '', spending: DEFAULT_TIERS.spending });
  });

  it('HQ sets currency and tiers: every pair is re-tiered at once, desks read them in their session', async () => {
    const before = await tiers();
    expect(before.vip ?? 0).toBe(0);
    const spent = await db.store.db.query<{ n: unknown }>('SELECT count(*) AS n FROM customer_branch_activity WHERE total_spent > 0');
    const withSpend = toNumber(spent[0]?.n);
    expect(withSpend).toBeGreaterThan(0);
    const money: OrgMoney = { currency: 'PHP', spending: { vipAbove: 0, highFrom: 0, mediumFrom: 0 } };
    expect(await hq.put('/api/org/money', money)).toEqual({ status: 200, body: money });
    // every pair with any spend is now above 0.00: VIP
    expect((await tiers()).vip).toBe(withSpend);
    const session = (await desk.get('/api/session')).body as SessionInfo;
    expect(session.org.currency).toBe('PHP');
    expect(session.org.rules.tiers.spending).toEqual(money.spending);
    // the frequency tiers and thresholds are not part of it
    expect(session.org.rules.tiers.frequency).toEqual(DEFAULT_TIERS.frequency);
    // back to the defaults: the projection follows again
    expect((await hq.put('/api/org/money', { currency: 'PHP', spending: DEFAULT_TIERS.spending })).status).toBe(200);
    expect(await tiers()).toEqual(before);
  });

  it('branches are read with the rules stored now (a change made through another server process counts)', async () => {
    await db.store.db.query(`UPDATE org_settings SET rules = jsonb_set(rules, '{tiers,spending,vipAbove}', '123') WHERE id = 1`);
    const branches = await loadBranches(db.store.db);
    expect([...branches.values()].map((b) => b.rules.tiers.spending.vipAbove)).toEqual([123, 123]);
    await db.store.db.query(`UPDATE org_settings SET rules = jsonb_set(rules, '{tiers,spending,vipAbove}', $1::jsonb) WHERE id = 1`, [String(DEFAULT_TIERS.spending.vipAbove)]);
  });
});
