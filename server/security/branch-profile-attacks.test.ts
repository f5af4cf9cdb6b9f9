/**
 * A branch's profile (name, time zone, thresholds, country) changed from a paired desk, attacked
 * against a real server process (issue 11, item 9): only a manager of that branch changes it; a
 * front desk, another branch's manager and HQ are refused with nothing stored; nobody creates or
 * deletes a branch by pushing; an unknown zone, thresholds out of order or a bad country code is a
 * 400 naming the field; an accepted change reaches every device and HQ's projection uses it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchDoc } from '../../shared/domain/schemas';
import type { MetricsResponse, WireDoc } from '../../shared/sync/protocol';
import { freshDoc } from './attack-docs';
import { openTarget, pullDocs, pushDoc, TARGET_NAMES, type Actor, type Target } from './harness';

const SLOW = 120_000;
type Branch = WireDoc<BranchDoc>;

describe.each(TARGET_NAMES)("a branch's profile pushed to a real server on %s", { timeout: SLOW }, (name) => {
  let t: Target;
  beforeAll(async () => {
    t = await openTarget(name);
  }, SLOW);
  afterAll(async () => {
    await t?.close();
  }, SLOW);

  async function branch(who: Actor, id: string): Promise<Branch> {
    const { status, docs } = await pullDocs<Branch>(who, 'branches');
    expect(status).toBe(200);
    const found = docs.find((b) => b.id === id);
    if (found === undefined) throw new Error(`branch ${id} not pulled by ${who.name}`);
    return found;
  }

  async function metricsOf(id: string): Promise<MetricsResponse['branches'][string]> {
    const res = await t.actors.hq.get('/api/metrics');
    expect(res.status).toBe(200);
    return (res.body as MetricsResponse).branches[id] as MetricsResponse['branches'][string];
  }

  it("only the branch's own manager changes it; a front desk, another branch's manager and HQ are refused and nothing is stored", async () => {
    const before = await branch(t.actors.hq, 'br-a');
    const renamed = { ...before, name: 'Branch A (renamed by an attacker)', updated_at: new Date().toISOString() };
    for (const who of [t.actors.fdA, t.actors.mgB, t.actors.fdB, t.actors.hq]) {
      const answer = await pushDoc(who, 'branches', renamed, before);
      expect(answer.status, `${who.name}: ${JSON.stringify(answer.body)}`).toBe(403);
    }
    expect(await branch(t.actors.hq, 'br-a')).toEqual(before);
    // the refusal names what is wrong: the role, or the branch
    expect(JSON.stringify((await pushDoc(t.actors.fdA, 'branches', renamed, before)).body)).toContain('a front_desk device may not change branches');
    expect(JSON.stringify((await pushDoc(t.actors.mgB, 'branches', renamed, before)).body)).toContain('this device may only change branch \\"br-b\\"');
  });

  it('nobody creates or deletes a branch by pushing, not even its manager', async () => {
    const created = freshDoc('branches', 'br-a', '') as unknown as Branch;
    const answer = await pushDoc(t.actors.mgA, 'branches', { ...created, id: 'br-a-annex' });
    expect(answer.status).toBe(403);
    expect((await pullDocs<Branch>(t.actors.hq, 'branches')).docs.some((b) => b.id === 'br-a-annex')).toBe(false);
    const before = await branch(t.actors.hq, 'br-a');
    const deleted = await pushDoc(t.actors.mgA, 'branches', { ...before, _deleted: true }, before);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(403);
    expect(JSON.stringify(deleted.body)).toContain('may not delete branches');
    expect(await branch(t.actors.hq, 'br-a')).toEqual(before);
  });

  it('bad values are refused with a 400 naming the field, nothing stored', async () => {
    const before = await branch(t.actors.hq, 'br-a');
    const cases: [Partial<BranchDoc>, string, string][] = [
      [{ timezone: 'Mars/Olympus_Mons' }, 'timezone', 'unknown time zone "Mars/Olympus_Mons"'],
      [{ active_days: 40, at_risk_days: 20 }, 'at_risk_days', 'at_risk_days (20) is less than active_days (40)'],
      [{ country: 'ph' }, 'country', 'country'],
      [{ name: 'x'.repeat(500) }, 'name', 'name'],
    ];
    for (const [change, field, message] of cases) {
      const answer = await pushDoc(t.actors.mgA, 'branches', { ...before, ...change }, before);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      const details = (answer.body as { details?: { field?: string; message: string }[] }).details ?? [];
      expect(details.map((d) => d.field), JSON.stringify(answer.body)).toContain(field);
      expect(JSON.stringify(answer.body)).toContain(message.replace(/"/g, '\\"'));
    }
    expect(await branch(t.actors.hq, 'br-a')).toEqual(before);
  });

  it("the manager's change reaches every device, and HQ's projection counts with the new thresholds", async () => {
    // br-a's one customer last came on 2026-02-20: churned with the defaults (12/30 days)
    const was = await metricsOf('br-a');
    expect(was).toMatchObject({ churned: 1, active: 0 });
    const before = await branch(t.actors.mgA, 'br-a');
    const next = { ...before, name: 'Branch A Makati', timezone: 'Asia/Tokyo', active_days: 3000, at_risk_days: 3650, country: 'PH', updated_at: new Date().toISOString() };
    const answer = await pushDoc(t.actors.mgA, 'branches', next, before);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    for (const who of [t.actors.fdA, t.actors.mgB, t.actors.fdB, t.actors.hq]) {
      expect(await branch(who, 'br-a'), who.name).toMatchObject({ name: 'Branch A Makati', timezone: 'Asia/Tokyo', active_days: 3000, at_risk_days: 3650, country: 'PH' });
    }
    expect(await metricsOf('br-a')).toMatchObject({ churned: 0, active: 1, customers: was.customers });
    // br-b is untouched
    expect(await branch(t.actors.hq, 'br-b')).toMatchObject({ name: 'Branch B', timezone: 'America/New_York', active_days: null });
    // a retried push changes nothing twice
    expect((await pushDoc(t.actors.mgA, 'branches', next, before)).status).toBe(200);
    expect(await branch(t.actors.hq, 'br-a')).toMatchObject({ name: 'Branch A Makati' });
  });
});
