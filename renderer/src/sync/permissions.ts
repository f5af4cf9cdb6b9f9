import { deskCan, deskRefusal, type DeskAction } from '../../../shared/authz/desk-actions';
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
