import type { Corrector } from '../../../../shared/schedule/corrections';
import type { PairingRecord } from '../../sync/pairing-record';
import { useSyncStore } from '../../sync/sync-store';

/**
 * Who corrects on this desk: the active pairing's device and role (the server checks the role:
 * only a manager's desk may correct), or the desk itself when it is not paired (its data is its
 * own; `desk`). Team passcodes (issue 11, item 8) will name the person; until then the desk does.
 */
export function correctorOf(pairing: PairingRecord | null): Corrector {
  if (pairing === null || !pairing.active) return { device: '', role: 'desk' };
  return { device: pairing.deviceId, role: pairing.role };
}

/** Whether this desk may correct finished visits: a manager's paired desk, or a desk not paired. */
export function mayCorrect(corrector: Corrector): boolean {
  return corrector.role === 'manager' || corrector.role === 'desk';
}

export function useCorrector(): { corrector: Corrector; allowed: boolean } {
  const pairing = useSyncStore((s) => s.pairing);
  const corrector = correctorOf(pairing);
  return { corrector, allowed: mayCorrect(corrector) };
}
