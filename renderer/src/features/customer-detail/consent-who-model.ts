import type { CustomerDoc } from '../../../../shared/domain/schemas';
import type { ConsentChange, ConsentChannel, Role } from '../../../../shared/sync/protocol';
import type { PairingRecord } from '../../sync/pairing-record';

/** Who changed a customer's marketing consent, in words (pure; the hook is in consent-who.ts). */
export const ROLE_WORDS: Record<Role | 'server', string> = { front_desk: 'Front desk', manager: 'Manager', hq: 'HQ', server: 'the server' };

/** How this desk names itself: the server's label for it, else its role, else (not paired) "This desk". */
export function ownDeskLabel(pairing: PairingRecord | null): string {
  if (pairing === null || !pairing.active) return 'This desk';
  return pairing.deviceLabel !== undefined && pairing.deviceLabel !== '' ? pairing.deviceLabel : ROLE_WORDS[pairing.role];
}

/**
 * The name to show next to a channel's consent state: the device the server recorded for the
 * document's current consent (same `at`), else this desk when it made that change itself, else
 * '' (not known here: e.g. imported, or made before the server recorded devices).
 */
export function consentWho(channel: ConsentChannel, doc: CustomerDoc, latest: ConsentChange | null, localAt: string | undefined, ownLabel: string): string {
  const at = doc.consent[channel].at;
  if (at === '') return '';
  if (latest !== null && latest.at === at) return latest.device_label !== '' ? latest.device_label : ROLE_WORDS[latest.role];
  if (localAt === at) return ownLabel;
  return '';
}
