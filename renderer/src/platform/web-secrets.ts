import type { BranchdeskBridge, SecretKey } from '../../../shared/ipc';

/** The Web Storage features the session secret store uses (window.sessionStorage has them). */
export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'branchdesk.secret.';

/**
 * Web mode's secret store (issue 3: a browser keeps the device token for the session only):
 * values live in memory and in `sessionStorage` (which survives a reload of the tab, not its
 * closing). When sessionStorage is unavailable or full, memory alone still serves the session.
 * Keys are validated by the caller (web-bridge.ts), exactly as on the desktop.
 */
export function createSessionSecrets(storage: SessionStorageLike | null): BranchdeskBridge['secrets'] {
  const memory = new Map<SecretKey, string>();
  const tryStorage = (action: (s: SessionStorageLike) => void): void => {
    if (storage === null) return;
    try {
      action(storage);
    } catch {
      // Storage disabled or over quota: the in-memory copy still holds the value for this page.
    }
  };
  return {
    get(key) {
      const inMemory = memory.get(key);
      if (inMemory !== undefined) return Promise.resolve(inMemory);
      let stored: string | null = null;
      tryStorage((s) => {
        stored = s.getItem(PREFIX + key);
      });
      if (stored !== null) memory.set(key, stored);
      return Promise.resolve(stored);
    },
    set(key, value) {
      memory.set(key, value);
      tryStorage((s) => s.setItem(PREFIX + key, value));
      return Promise.resolve();
    },
    delete(key) {
      memory.delete(key);
      tryStorage((s) => s.removeItem(PREFIX + key));
      return Promise.resolve();
    },
  };
}
