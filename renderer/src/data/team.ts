/**
 * Team members at the desk (docs/DESIGN.md §14): who is signed in, the passcode check with the
 * desk's lock-out, manager approvals of manager-only actions, and the audit trail's writes. The
 * members and audit events are synced collections; the sign-in and the lock-out stay on the
 * device. The server's role checks stay the authority: see shared/team/gate.ts.
 */
import { create } from 'zustand';
import type { AuditAction, AuditEventDoc, MemberDoc } from '../../../shared/domain/schemas';
import { formatInstant } from '../../../shared/time/instant';
import { afterWrongPasscode, lockedFor, lockoutText, NO_LOCKOUT, parseLockout } from '../../../shared/team/lockout';
import { verifyPasscode } from '../../../shared/team/passcode';
import type { GatedAction } from '../../../shared/team/gate';
import { compareCodePoints } from '../../../shared/util/compare';
import { useBranchDocs } from './menu';
import type { Replica } from './replica';

interface TeamState {
  /** The member signed in at this desk (null: nobody; the desk shows the sign-in when a team exists). */
  member: MemberDoc | null;
  /** Managers who approved a manager-only action for the signed-in front-desk member, until it is done. */
  approvals: Partial<Record<GatedAction, MemberDoc>>;
  /** A pending request for a manager's passcode (the dialog in the shell answers it). */
  request: { action: GatedAction; reason: string; answer: (approver: MemberDoc | null) => void } | null;
}

export const useTeamStore = create<TeamState>(() => ({ member: null, approvals: {}, request: null }));

/** The branch's members, active first, by name; null while loading. */
export function useMembers(branchId: string): MemberDoc[] | null {
  const docs = useBranchDocs<MemberDoc>('members', branchId);
  return docs === null ? null : [...docs].sort((a, b) => Number(b.active) - Number(a.active) || compareCodePoints(a.name.toLocaleLowerCase('en'), b.name.toLocaleLowerCase('en')));
}

/** A team is set up once the branch has an active member: only then does the desk sign people in. */
export function teamSetUp(members: readonly MemberDoc[] | null): boolean {
  return members !== null && members.some((m) => m.active);
}

const LOCKOUT_KEY = 'branchdesk.passcode-lockout';

function readLockout() {
  try {
    return parseLockout(JSON.parse(localStorage.getItem(LOCKOUT_KEY) ?? 'null'));
  } catch {
    return NO_LOCKOUT;
  }
}

/**
 * Checks `passcode` for `member` under the desk's lock-out: null when right, else what to tell
 * the person (wrong passcode, or how long the desk refuses passcodes).
 */
export async function checkPasscode(member: MemberDoc, passcode: string, now: number): Promise<string | null> {
  const state = readLockout();
  const wait = lockedFor(state, now);
  if (wait > 0) return lockoutText(wait);
  if (member.active && (await verifyPasscode(passcode, member.passcode))) {
    localStorage.removeItem(LOCKOUT_KEY);
    return null;
  }
  const next = afterWrongPasscode(state, now);
  localStorage.setItem(LOCKOUT_KEY, JSON.stringify(next));
  const locked = lockedFor(next, now);
  return locked > 0 ? lockoutText(locked) : 'That passcode is not right.';
}

export function signIn(member: MemberDoc): void {
  useTeamStore.setState({ member, approvals: {}, request: null });
}

/** Locks the desk: back to the sign-in screen, every approval forgotten. */
export function lockDesk(): void {
  const { request } = useTeamStore.getState();
  request?.answer(null);
  useTeamStore.setState({ member: null, approvals: {}, request: null });
}

/** Asks for a manager's passcode for `action` (the shell's dialog); resolves with the approver or null. */
export function askManager(action: GatedAction, reason: string): Promise<MemberDoc | null> {
  return new Promise((resolve) => {
    useTeamStore.getState().request?.answer(null);
    useTeamStore.setState({
      request: {
        action,
        reason,
        answer: (approver) => {
          useTeamStore.setState((s) => ({ request: null, approvals: approver === null ? s.approvals : { ...s.approvals, [action]: approver } }));
          resolve(approver);
        },
      },
    });
  });
}

/** Forgets the approval of `action` (it was used, or its screen was left). */
export function endApproval(action: GatedAction): void {
  useTeamStore.setState((s) => {
    const { [action]: _used, ...rest } = s.approvals;
    return { approvals: rest };
  });
}

const APPROVED_BY: Partial<Record<AuditAction, GatedAction>> = { correct: 'correct_visit', erase: 'erase_customer' };

/**
 * Records what the signed-in member did to a booking or customer (append-only, synced). Nothing
 * when nobody is signed in (no team set up: the desk works as before passcodes).
 */
export async function recordAudit(db: Replica, branchId: string, action: AuditAction, subject: AuditEventDoc['subject'], subjectId: string, summary: string, now: number): Promise<void> {
  const { member, approvals } = useTeamStore.getState();
  if (member === null) return;
  const gated = APPROVED_BY[action];
  const approver = gated === undefined ? undefined : approvals[gated];
  const event: AuditEventDoc = {
    id: `au-${crypto.randomUUID()}`,
    branch_id: branchId,
    at: formatInstant(now),
    action,
    subject,
    subject_id: subjectId,
    summary: summary.slice(0, 500),
    member_id: member.id,
    member_name: member.name,
    approved_by: approver?.id ?? '',
    approved_by_name: approver?.name ?? '',
  };
  await db.audit_events.insert(event);
  if (gated !== undefined) endApproval(gated);
}

/** The branch's audit trail, newest first; null while loading. */
export function useAuditTrail(branchId: string): AuditEventDoc[] | null {
  const docs = useBranchDocs<AuditEventDoc>('audit_events', branchId);
  return docs === null ? null : [...docs].sort((a, b) => compareCodePoints(b.at, a.at) || compareCodePoints(b.id, a.id));
}

export function newMemberId(): string {
  return `mb-${crypto.randomUUID()}`;
}
