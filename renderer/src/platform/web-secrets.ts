import type { BranchdeskBridge, SecretKey } from '../../../shared/ipc';
import type { LastingSecrets } from './lasting-secrets';

/** The Web Storage features the session secret store uses (window.sessionStorage has them). */
export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'branchdesk.secret.';

/**
 * Web mode's secret store. A `session` secret (issue 3: a front desk's token is kept for the
 * browser session only) lives in memory and in `sessionStorage` (which survives a reload of the
 * tab, not its closing); when sessionStorage is unavailable or full, memory alone still serves the
 * session. A `lasting` secret (issue 12: HQ stays signed in across restarts until revoked) goes
 * to `lasting` (IndexedDB, sealed with a non-extractable key); if that store cannot be used, it
 * is kept for the session instead — never lost, only shorter-lived. Storing a secret under one
 * lifetime removes any copy under the other. Keys are validated by the caller (web-bridge.ts),
 * exactly as on the desktop.
 */
export function createWebSecrets(storage: SessionStorageLike | null, lasting: LastingSecrets | null): BranchdeskBridge['secrets'] {
  const memory = new Map<SecretKey, string>();
  const tryStorage = (action: (s: SessionStorageLike) => void): void => {
    if (storage === null) return;
    try {
      action(storage);
    } catch {
      // Storage disabled or over quota: the in-memory copy still holds the value for this page.
    }
  };
  const lastingOrNull = async <T>(action: (l: LastingSecrets) => Promise<T>): Promise<T | null> => {
    if (lasting === null) return null;
    try {
      return await action(lasting);
    } catch (error) {
      console.warn('Branchdesk: the lasting secret store is unavailable', error);
      return null;
    }
  };
  return {
    async get(key) {
      const inMemory = memory.get(key);
      if (inMemory !== undefined) return inMemory;
      let stored: string | null = null;
      tryStorage((s) => {
        stored = s.getItem(PREFIX + key);
      });
      stored ??= await lastingOrNull((l) => l.get(key));
      if (stored !== null) memory.set(key, stored);
      return stored;
    },
    async set(key, value, lifetime) {
      memory.set(key, value);
      const kept = lifetime === 'lasting' && (await lastingOrNull((l) => l.set(key, value).then(() => true))) === true;
      if (kept) tryStorage((s) => s.removeItem(PREFIX + key));
      else {
        tryStorage((s) => s.setItem(PREFIX + key, value));
        await lastingOrNull((l) => l.delete(key));
      }
    },
    async delete(key) {
      memory.delete(key);
      tryStorage((s) => s.removeItem(PREFIX + key));
      await lastingOrNull((l) => l.delete(key));
    },
  };
}
