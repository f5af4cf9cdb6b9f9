/**
 * Issue 8, "consent changes record who and when" (run by issue8-regressions.test.ts on its
 * server process, so the suite starts no extra server for it): every accepted consent change is
 * recorded with the device whose token pushed it — its label, role and branch from enrolment —
 * and nothing a desk sends can name somebody else; the history is read only within the
 * device's scope.
 */
import { beforeAll, expect, it } from 'vitest';
import type { ConsentHistory, WireDoc } from '../../shared/sync/protocol';
import { freshCustomer } from './attack-docs';
import type { Actor, Answer, Target } from './harness';

type Doc = WireDoc<Record<string, unknown>>;

/** The consent-who attacks against the target `target()` returns (opened by the caller). */
export function consentWhoAttacks(target: () => Target): void {
  let t: Target;
  beforeAll(() => {
    t = target();
  });
  const push = (who: Actor, next: Doc, assumed?: Doc): Promise<Answer> => who.post('/api/sync/customers/push', [{ assumedMasterState: assumed ?? null, newDocumentState: next }]);
  const history = async (who: Actor, id: string): Promise<ConsentHistory> => {
    const res = await who.get(`/api/customers/${id}/consent`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as ConsentHistory;
  };
  const optOut = (doc: Doc, at: string): Doc => ({ ...doc, consent: { ...(doc.consent as object), sms: { granted: false, at } } });

  it('devices get labels at enrolment: numbered per branch and role, or the label given with cli enroll --label', () => {
    expect(t.actors.fdA.session.device_label).toBe('Front desk 1');
    expect(t.actors.mgA.session.device_label).toBe('Manager 1');
    expect(t.actors.fdB.session.device_label).toBe('Reception B');
    expect(t.actors.mgB.session.device_label).toBe('Manager 1');
    expect(t.actors.hq.session.device_label).toBe('HQ 1');
  });

  it('an opt-out pushed by a front desk is recorded with that desk, its role, branch and the server time', async () => {
    const c = freshCustomer('br-a');
    expect((await push(t.actors.fdA, c)).status).toBe(200);
    const at = new Date(Date.now() - 1000).toISOString();
    expect((await push(t.actors.fdA, optOut(c, at), c)).status).toBe(200);

    const h = await history(t.actors.mgA, c.id as string);
    expect(h.latest.sms).toMatchObject({ channel: 'sms', granted: false, at, device_id: t.actors.fdA.session.device_id, device_label: 'Front desk 1', role: 'front_desk', branch_id: 'br-a' });
    expect(Number.isNaN(Date.parse(h.latest.sms?.recorded_at ?? ''))).toBe(false);
    // the customer's creation with SMS consent is the older change; never-recorded channels have none
    expect(h.changes.map((x) => [x.channel, x.granted])).toEqual([['sms', false], ['sms', true]]);
    expect(h.latest.email).toBeNull();
    expect(h.latest.push).toBeNull();
    // hq reads every customer's history too
    expect((await history(t.actors.hq, c.id as string)).latest.sms?.device_label).toBe('Front desk 1');
  });

  it('a push that leaves consent unchanged (a form save, a retry) records nothing', async () => {
    const c = freshCustomer('br-a');
    expect((await push(t.actors.fdA, c)).status).toBe(200);
    const edited = { ...c, notes: 'prefers mornings' };
    expect((await push(t.actors.mgA, edited, c)).status).toBe(200);
    expect((await push(t.actors.mgA, edited, c)).status).toBe(200); // retried: a no-op
    const h = await history(t.actors.fdA, c.id as string);
    expect(h.changes).toHaveLength(1);
    expect(h.latest.sms?.device_label).toBe('Front desk 1');
  });

  it('a desk cannot name who changed consent: the document has no such field (400), and the token decides', async () => {
    const c = freshCustomer('br-b');
    expect((await push(t.actors.fdB, c)).status).toBe(200);
    const forged = { ...c, consent: { ...(c.consent as object), sms: { granted: false, at: new Date().toISOString(), by: 'Manager 1' } } };
    const res = await push(t.actors.fdB, forged, c);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('consent');
    const h = await history(t.actors.mgB, c.id as string);
    expect(h.changes.map((x) => x.device_label)).toEqual(['Reception B']);
  });

  it('an erasure by a manager over HTTP records the withdrawn consent as that manager\'s', async () => {
    const c = freshCustomer('br-a');
    expect((await push(t.actors.fdA, c)).status).toBe(200);
    expect((await t.actors.mgA.post(`/api/customers/${c.id as string}/erase`, {})).status).toBe(404); // not a route: erase is under privacy
    expect((await t.actors.mgA.post(`/api/privacy/customers/${c.id as string}/erase`, {})).status).toBe(200);
    const h = await history(t.actors.mgA, c.id as string);
    for (const ch of ['sms', 'email', 'push'] as const) expect(h.latest[ch]).toMatchObject({ granted: false, device_label: 'Manager 1', role: 'manager', device_id: t.actors.mgA.session.device_id });
  });

  it('the history is read only in scope: another branch\'s desks get 404, as for an unknown customer', async () => {
    const c = freshCustomer('br-a');
    expect((await push(t.actors.fdA, c)).status).toBe(200);
    for (const who of [t.actors.fdB, t.actors.mgB]) expect((await who.get(`/api/customers/${c.id as string}/consent`)).status).toBe(404);
    expect((await t.actors.fdA.get('/api/customers/cu-nobody/consent')).status).toBe(404);
    const stranger = await fetch(`${t.url}/api/customers/${c.id as string}/consent`);
    expect(stranger.status).toBe(401);
  });
}
