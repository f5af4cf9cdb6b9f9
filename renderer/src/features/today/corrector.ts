import type { Corrector } from '../../../../shared/schedule/corrections';
import type { PairingRecord } from '../../sync/pairing-record';
import { useDeskPermission, type DeskPermission } from '../../sync/permissions';
import { useSyncStore } from '../../sync/sync-store';

/**
 * Who corrects on this desk: the active pairing's device and role (the server checks the role:
 * only a manager's desk may correct), or the desk itself when it is not paired (its data is its
 * own; recorded as `desk`). Team passcodes (issue 11, item 8) will name the person; until then
 * the desk does.
 */
export function correctorOf(pairing: PairingRecord | null): Corrector {
  if (pairing === null || !pairing.active) return { device: '', role: 'desk' };
  return { device: pairing.deviceId, role: pairing.role };
}

/** The corrector of this desk and whether it may correct (shared/authz/desk-actions.ts `correct_visit`). */
export function useCorrector(): { corrector: Corrector } & DeskPermission {
  const pairing = useSyncStore((s) => s.pairing);
  return { corrector: correctorOf(pairing), ...useDeskPermission('correct_visit') };
}
