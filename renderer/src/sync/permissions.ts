import { deskCan, deskRefusal, type DeskAction } from '../../../shared/authz/desk-actions';
import { gateOf, type Gate, type GatedAction } from '../../../shared/team/gate';
import { useCurrentBranch } from '../data/hooks';
import { askManager, teamSetUp, useMembers, useTeamStore } from '../data/team';
import { toast } from '../ui/toasts';
import { activeRole, useSyncStore } from './sync-store';

export interface DeskPermission {
  allowed: boolean;
  /** Why not, for the person ('' when allowed). */
  reason: string;
}

/**
 * May this desk offer `action`? From the active pairing's role and the server's own table
 * (shared/authz/desk-actions.ts); an unpaired desk is its own manager. The server stays the
 * authority: this only keeps a front desk from being offered what the server would refuse.
 */
export function useDeskPermission(action: DeskAction): DeskPermission {
  const role = useSyncStore(activeRole);
  return { allowed: deskCan(role, action), reason: deskRefusal(role, action) };
}

export interface MemberGate {
  gate: Gate;
  /**
   * Resolves true when the action may go ahead now: at once when the gate is open or a manager
   * already approved it, after a manager's passcode when it asks for one; false when refused or
   * cancelled (the refusal is said in a toast).
   */
  ensure: () => Promise<boolean>;
}

/**
 * The member layer over `useDeskPermission` (shared/team/gate.ts): once the branch has team
 * members, a manager-only action of a front-desk member first asks for a manager's passcode.
 */
export function useMemberGate(action: GatedAction): MemberGate {
  const role = useSyncStore(activeRole);
  const branch = useCurrentBranch();
  const members = useMembers(branch?.id ?? '');
  const member = useTeamStore((s) => s.member);
  const approved = useTeamStore((s) => s.approvals[action] !== undefined);
  const gate = approved ? ({ kind: 'open' } as const) : gateOf(role, teamSetUp(members), member?.role ?? null, action);
  const ensure = async (): Promise<boolean> => {
    if (gate.kind === 'open') return true;
    if (gate.kind === 'refused') {
      toast.error(gate.reason);
      return false;
    }
    return (await askManager(action, gate.reason)) !== null;
  };
  return { gate, ensure };
}
