import type { BranchdeskBridge } from '../../../shared/ipc';
import { createLastingSecrets, type LastingSecrets } from './lasting-secrets';
import { createWebBridge } from './web-bridge';
import { browserDownloadEnvironment } from './web-download';

declare global {
  interface Window {
    /** Exposed by the Electron preload (electron/preload); absent in a plain browser. */
    readonly branchdesk?: BranchdeskBridge;
  }
}

function sessionStorageOrNull(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null; // storage blocked (e.g. privacy settings): secrets stay in memory only
  }
}

function lastingSecretsOrNull(win: Window): LastingSecrets | null {
  try {
    if (typeof win.indexedDB === 'undefined' || typeof win.crypto?.subtle === 'undefined') return null;
    return createLastingSecrets({ indexedDB: win.indexedDB, IDBKeyRange, crypto: win.crypto });
  } catch {
    return null; // storage blocked: HQ's sign-in lasts for the session only
  }
}

/**
 * Desktop features for the app: the preload bridge on the desktop, browser fallbacks in web mode
 * (downloads, Web Notifications, session and lasting secrets, `?demo=1`). Same interface, same argument
 * validation, same errors.
 */
export const platform: BranchdeskBridge =
  window.branchdesk ??
  createWebBridge({
    version: __APP_VERSION__,
    search: window.location.search,
    download: browserDownloadEnvironment(document, window),
    sessionStorage: sessionStorageOrNull(window),
    lastingSecrets: lastingSecretsOrNull(window),
    Notification: 'Notification' in window ? window.Notification : undefined,
  });
