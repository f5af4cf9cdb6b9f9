/**
 * Team members and the audit trail attacked against a real server process (issue 11, item 8):
 * only a manager of the branch writes a member (a front desk cannot add one, nor change a role or
 * a passcode hash, whatever passcode it typed); HQ never pulls passcode hashes; an audit event is
 * created by a desk of its own branch and can then be neither changed nor deleted by anyone; a
 * weak or malformed stored passcode is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDoc, MemberDoc } from '../../shared/domain/schemas';
import type { WireDoc } from '../../shared/sync/protocol';
import { freshDoc } from './attack-docs';
import { openTarget, pullDocs, pushDoc, TARGET_NAMES, type Target } from './harness';

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


  it("only the branch's manager writes members; its front desk reads them but cannot promote itself or reset a passcode; HQ never pulls hashes", async () => {
    const member = freshDoc('members', 'br-a', '') as unknown as Member;
    for (const who of [t.actors.fdA, t.actors.mgB, t.actors.hq]) {
      const answer = await pushDoc(who, 'members', member);
      expect(answer.status, `${who.name}: ${JSON.stringify(answer.body)}`).toBe(403);
    }
    expect((await pushDoc(t.actors.mgA, 'members', member)).status).toBe(200);
    expect((await pullDocs<Member>(t.actors.fdA, 'members')).docs.find((m) => m.id === member.id)).toMatchObject({ role: 'front_desk' });
    expect((await pullDocs<Member>(t.actors.mgB, 'members')).docs.some((m) => m.id === member.id)).toBe(false);
    expect((await pullDocs<Member>(t.actors.hq, 'members')).status).toBe(403);

    const otherHash = { ...member.passcode, hash: 'HxwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgEAHx4=' };
    for (const next of [{ ...member, role: 'manager' }, { ...member, passcode: otherHash }, { ...member, _deleted: true }]) {
      const answer = await pushDoc(t.actors.fdA, 'members', next, member);
      expect(answer.status, JSON.stringify(answer.body)).toBe(403);
    }
    expect((await pullDocs<Member>(t.actors.mgA, 'members')).docs.find((m) => m.id === member.id)).toMatchObject({ role: 'front_desk', passcode: member.passcode });
    const promoted = { ...member, role: 'manager', updated_at: new Date().toISOString() };
    expect((await pushDoc(t.actors.mgA, 'members', promoted, member)).status).toBe(200);
    expect((await pullDocs<Member>(t.actors.fdA, 'members')).docs.find((m) => m.id === member.id)).toMatchObject({ role: 'manager' });
  });

  it('a weak or malformed stored passcode is refused naming the field, nothing stored', async () => {
    const member = freshDoc('members', 'br-a', '') as unknown as Member;
    const weak = await pushDoc(t.actors.mgA, 'members', { ...member, passcode: { ...member.passcode, iterations: 1000 } });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(weak.body)).toContain('passcode.iterations');
    const plain = await pushDoc(t.actors.mgA, 'members', { ...member, passcode: { ...member.passcode, hash: '482913' } });
    expect(plain.status).toBe(400);
    expect(JSON.stringify(plain.body)).toContain('passcode.hash');
    expect((await pullDocs<Member>(t.actors.mgA, 'members')).docs.some((m) => m.id === member.id)).toBe(false);
  });

  it("audit events: created by a desk of their own branch, then changed or deleted by no one", async () => {
    const event = freshDoc('audit_events', 'br-a', '') as unknown as Audit;
    expect((await pushDoc(t.actors.fdA, 'audit_events', { ...event, branch_id: 'br-b' })).status).toBe(403);
    expect((await pushDoc(t.actors.hq, 'audit_events', event)).status).toBe(403);
    const created = await pushDoc(t.actors.fdA, 'audit_events', event);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect((await pullDocs<Audit>(t.actors.mgA, 'audit_events')).docs.find((e) => e.id === event.id)).toMatchObject({ member_name: 'Ana', action: 'check_in' });
    expect((await pullDocs<Audit>(t.actors.mgB, 'audit_events')).docs.some((e) => e.id === event.id)).toBe(false);

    for (const who of [t.actors.fdA, t.actors.mgA]) {
      for (const next of [{ ...event, member_name: 'Someone else' }, { ...event, _deleted: true }]) {
        const answer = await pushDoc(who, 'audit_events', next, event);
        expect(answer.status, `${who.name}: ${JSON.stringify(answer.body)}`).toBe(403);
      }
      // pushing it "new" again to overwrite it is an update too
      expect((await pushDoc(who, 'audit_events', { ...event, summary: 'rewritten' })).status).not.toBe(200);
    }
    expect((await pullDocs<Audit>(t.actors.hq, 'audit_events')).docs.find((e) => e.id === event.id)).toMatchObject({ member_name: 'Ana', summary: event.summary, _deleted: false });
  });
});
