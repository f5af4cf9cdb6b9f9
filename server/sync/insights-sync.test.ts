/**
 * The collections of document schema 1 over the wire: saved segments (any branch device, own
 * branch), branch settings (managers of that branch only; templates checked), automated-message
 * fields the server owns, and the business-wide insight rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchSettingsDoc, SegmentDoc } from '../../shared/domain/schemas';
import { DEFAULT_INSIGHT_RULES, type InsightRules } from '../../shared/insights/business-rules';
import { effectiveBranchSettings } from '../../shared/insights/branch-settings';
import { criteria } from '../../shared/domain/criteria';
import type { EnrolResponse, ErrorBody, PullResponse, SessionInfo, WireDoc } from '../../shared/sync/protocol';
import { importDataset } from '../services/import';
import { rollStale } from '../services/roller';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { communicationDoc } from '../test-support/docs';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';

const NOW = Date.parse('2026-03-01T06:00:00Z');
type Client = ReturnType<typeof client>;

const segment = (over: Partial<SegmentDoc> = {}): WireDoc<SegmentDoc> => ({
  id: 'sg-1', branch_id: 'br-a', name: 'At-risk regulars', criteria: criteria({ statuses: ['at_risk'], frequency_tiers: ['regular', 'frequent'] }), created_at: '', updated_at: '', _deleted: false, ...over,
});
const settings = (over: Partial<BranchSettingsDoc> = {}): WireDoc<BranchSettingsDoc> => ({ ...effectiveBranchSettings('br-a', null), auto_at_risk: true, ...over, _deleted: false });

describe.each(TARGETS)('insight documents over sync on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let a: Client;
  let aManager: Client;
  let bManager: Client;
  let hq: Client;

  beforeAll(async () => {
    db = await target.open({ clock: new ManualClock(NOW).read });
    await importDataset(db.store, twoBranches(), 0);
    await rollStale(db.store);
    server = await startTestServer(db.store);
    const enrol = async (branch: string, role: EnrolResponse['role']) => client(server.url, (await enrolDevice(db.store, server, branch, role)).token);
    a = await enrol('br-a', 'front_desk');
    aManager = await enrol('br-a', 'manager');
    bManager = await enrol('br-b', 'manager');
    hq = await enrol('', 'hq');
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('stores saved segments per branch and keeps them in the branch\u2019s scope', async () => {
    expect(await a.post('/api/sync/segments/push', [{ newDocumentState: segment() }])).toEqual({ status: 200, body: [] });
    const other = await a.post('/api/sync/segments/push', [{ newDocumentState: segment({ id: 'sg-2', branch_id: 'br-b' }) }]);
    expect(other.status).toBe(403);
    const bad = await a.post('/api/sync/segments/push', [{ newDocumentState: segment({ id: 'sg-3', criteria: { ...criteria(), statuses: ['lost'] } as never }) }]);
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).details?.[0]).toMatchObject({ document: 'sg-3', field: 'criteria.statuses.0' });
    expect(((await a.get('/api/sync/segments/pull?limit=10')).body as PullResponse<SegmentDoc>).documents.map((d) => d.id)).toEqual(['sg-1']);
    expect(((await bManager.get('/api/sync/segments/pull?limit=10')).body as PullResponse<SegmentDoc>).documents).toEqual([]);
  });

  it('takes branch settings from that branch\u2019s managers only, with templates checked', async () => {
    expect((await a.post('/api/sync/branch_settings/push', [{ newDocumentState: settings() }])).status).toBe(403);
    expect((await bManager.post('/api/sync/branch_settings/push', [{ newDocumentState: settings() }])).status).toBe(403);
    const typo = await aManager.post('/api/sync/branch_settings/push', [{ newDocumentState: settings({ message_at_risk: 'Hi {nmae}' }) }]);
    expect(typo.status).toBe(400);
    expect((typo.body as ErrorBody).details?.[0]).toMatchObject({ field: 'message_at_risk', message: expect.stringMatching(/unknown placeholder \{nmae\}/) });
    const wrongId = await aManager.post('/api/sync/branch_settings/push', [{ newDocumentState: { ...settings(), id: 'other' } }]);
    expect(wrongId.status).toBe(400);
    expect(await aManager.post('/api/sync/branch_settings/push', [{ newDocumentState: settings() }])).toEqual({ status: 200, body: [] });
    const pulled = (await a.get('/api/sync/branch_settings/pull?limit=10')).body as PullResponse<BranchSettingsDoc>;
    expect(pulled.documents).toEqual([expect.objectContaining({ id: 'br-a', auto_at_risk: true })]);
  });

  it('keeps the fields of automated messages and delivery to the server', async () => {
    const fake = await a.post('/api/sync/communications/push', [{ newDocumentState: communicationDoc({ id: 'co-f', trigger_key: 'at_risk:br-a:cu-a1:2026-03-01' }) }]);
    expect(fake.status).toBe(400);
    expect((fake.body as ErrorBody).details?.[0]).toMatchObject({ field: 'trigger_key' });
    const sending = await a.post('/api/sync/communications/push', [{ newDocumentState: communicationDoc({ id: 'co-s', status: 'sending' }) }]);
    expect((sending.body as ErrorBody).details?.[0]).toMatchObject({ field: 'status' });
  });

  it('serves the business-wide insight rules to every desk; hq may change them', async () => {
    const current = (await a.get('/api/insights/rules')).body as { rules: InsightRules; suggested: unknown };
    expect(current.rules).toEqual(DEFAULT_INSIGHT_RULES);
    expect(current.suggested).toMatchObject({ recency_days: expect.any(Array), frequency: expect.any(Array), monetary: expect.any(Array) });
    const next: InsightRules = { rfm: { recency_days: [5, 10, 20, 40], frequency: [2, 3, 5, 8], monetary: [1_000, 2_000, 3_000, 4_000] }, high_value_pct: 10 };
    const hqToken = (await enrolDevice(db.store, server, '', 'hq')).token;
    const managerToken = (await enrolDevice(db.store, server, 'br-a', 'manager')).token;
    const send = (token: string, body: unknown) =>
      fetch(`${server.url}/api/insights/rules`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await send(managerToken, next)).status).toBe(403);
    const invalid = await send(hqToken, { ...next, rfm: { ...next.rfm, frequency: [5, 4, 3, 2] } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as ErrorBody).error).toMatch(/rfm.frequency must be in ascending order/);
    expect((await send(hqToken, next)).status).toBe(200);
    expect(((await a.get('/api/session')).body as SessionInfo).org.insights).toEqual(next);
    expect(((await hq.get('/api/insights/rules')).body as { rules: InsightRules }).rules).toEqual(next);
  });
});
