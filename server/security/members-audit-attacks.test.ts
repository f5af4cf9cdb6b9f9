/**
 * Team members and the audit trail attacked against a real server process (issue 11, item 8):
 * only a manager of the branch writes a member (a front desk cannot add one, nor change a role or
 * a passcode hash, whatever passcode it typed); HQ never pulls passcode hashes; an audit event is
 * created by a desk of its own branch and can then be neither changed nor deleted by anyone; a
 * weak or malformed stored passcode is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDoc, MemberDoc } from '../../shared/domain/schemas';
import type { PullResponse, WireDoc } from '../../shared/sync/protocol';
import { freshDoc } from './attack-docs';
import { openTarget, TARGET_NAMES, type Actor, type Target } from './harness';

const SLOW = 120_000;
type Member = WireDoc<MemberDoc>;
type Audit = WireDoc<AuditEventDoc>;

describe.each(TARGET_NAMES)('team members and audit trail against a real server on %s', { timeout: SLOW }, (name) => {
  let t: Target;
  beforeAll(async () => {
    t = await openTarget(name);
  }, SLOW);
  afterAll(async () => {
    await t?.close();
  }, SLOW);

  async function pulled<T extends { id: string }>(who: Actor, collection: string): Promise<{ status: number; docs: T[] }> {
    const res = await who.get(`/api/sync/${collection}/pull?limit=2000`);
    return { status: res.status, docs: res.status === 200 ? (res.body as PullResponse<T>).documents : [] };
  }
  const push = (who: Actor, collection: string, next: unknown, assumed: unknown = null) => who.post(`/api/sync/${collection}/push`, [{ assumedMasterState: assumed, newDocumentState: next }]);

  it("only the branch's manager writes members; its front desk reads them but cannot promote itself or reset a passcode; HQ never pulls hashes", async () => {
    const member = freshDoc('members', 'br-a', '') as unknown as Member;
    for (const who of [t.actors.fdA, t.actors.mgB, t.actors.hq]) {
      const answer = await push(who, 'members', member);
      expect(answer.status, `${who.name}: ${JSON.stringify(answer.body)}`).toBe(403);
    }
    expect((await push(t.actors.mgA, 'members', member)).status).toBe(200);
    expect((await pulled<Member>(t.actors.fdA, 'members')).docs.find((m) => m.id === member.id)).toMatchObject({ role: 'front_desk' });
    expect((await pulled<Member>(t.actors.mgB, 'members')).docs.some((m) => m.id === member.id)).toBe(false);
    expect((await pulled<Member>(t.actors.hq, 'members')).status).toBe(403);

    const otherHash = { ...member.passcode, hash: 'HxwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgEAHx4=' };
    for (const next of [{ ...member, role: 'manager' }, { ...member, passcode: otherHash }, { ...member, _deleted: true }]) {
      const answer = await push(t.actors.fdA, 'members', next, member);
      expect(answer.status, JSON.stringify(answer.body)).toBe(403);
    }
    expect((await pulled<Member>(t.actors.mgA, 'members')).docs.find((m) => m.id === member.id)).toMatchObject({ role: 'front_desk', passcode: member.passcode });
    const promoted = { ...member, role: 'manager', updated_at: new Date().toISOString() };
    expect((await push(t.actors.mgA, 'members', promoted, member)).status).toBe(200);
    expect((await pulled<Member>(t.actors.fdA, 'members')).docs.find((m) => m.id === member.id)).toMatchObject({ role: 'manager' });
  });

  it('a weak or malformed stored passcode is refused naming the field, nothing stored', async () => {
    const member = freshDoc('members', 'br-a', '') as unknown as Member;
    const weak = await push(t.actors.mgA, 'members', { ...member, passcode: { ...member.passcode, iterations: 1000 } });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(weak.body)).toContain('passcode.iterations');
    const plain = await push(t.actors.mgA, 'members', { ...member, passcode: { ...member.passcode, hash: '482913' } });
    expect(plain.status).toBe(400);
    expect(JSON.stringify(plain.body)).toContain('passcode.hash');
    expect((await pulled<Member>(t.actors.mgA, 'members')).docs.some((m) => m.id === member.id)).toBe(false);
  });

  it("audit events: created by a desk of their own branch, then changed or deleted by no one", async () => {
    const event = freshDoc('audit_events', 'br-a', '') as unknown as Audit;
    expect((await push(t.actors.fdA, 'audit_events', { ...event, branch_id: 'br-b' })).status).toBe(403);
    expect((await push(t.actors.hq, 'audit_events', event)).status).toBe(403);
    const created = await push(t.actors.fdA, 'audit_events', event);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect((await pulled<Audit>(t.actors.mgA, 'audit_events')).docs.find((e) => e.id === event.id)).toMatchObject({ member_name: 'Ana', action: 'check_in' });
    expect((await pulled<Audit>(t.actors.mgB, 'audit_events')).docs.some((e) => e.id === event.id)).toBe(false);

    for (const who of [t.actors.fdA, t.actors.mgA]) {
      for (const next of [{ ...event, member_name: 'Someone else' }, { ...event, _deleted: true }]) {
        const answer = await push(who, 'audit_events', next, event);
        expect(answer.status, `${who.name}: ${JSON.stringify(answer.body)}`).toBe(403);
      }
      // pushing it "new" again to overwrite it is an update too
      expect((await push(who, 'audit_events', { ...event, summary: 'rewritten' })).status).not.toBe(200);
    }
    expect((await pulled<Audit>(t.actors.hq, 'audit_events')).docs.find((e) => e.id === event.id)).toMatchObject({ member_name: 'Ana', summary: event.summary, _deleted: false });
  });
});
