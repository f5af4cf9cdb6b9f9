import type { BranchdeskBridge } from '../../../shared/ipc';
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

/**
 * Desktop features for the app: the preload bridge on the desktop, browser fallbacks in web mode
 * (downloads, Web Notifications, session-only secrets, `?demo=1`). Same interface, same argument
 * validation, same errors.
 */
export const platform: BranchdeskBridge =
  window.branchdesk ??
  createWebBridge({
    version: __APP_VERSION__,
    search: window.location.search,
    download: browserDownloadEnvironment(document, window),
    sessionStorage: sessionStorageOrNull(window),
    Notification: 'Notification' in window ? window.Notification : undefined,
  });
