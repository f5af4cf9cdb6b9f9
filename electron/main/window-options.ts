import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

export const MIN_WIDTH = 1100;
export const MIN_HEIGHT = 700;
export const DEFAULT_WIDTH = 1360;
export const DEFAULT_HEIGHT = 860;

/** The renderer runs like a web page: sandboxed, isolated, no Node, same-origin policy on. */
function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

/** Options of the main window; `bounds` restores the last size and place when known. */
export function mainWindowOptions(preloadPath: string, bounds: Partial<Rectangle> = {}): BrowserWindowConstructorOptions {
  return {
    title: 'Branchdesk',
    width: DEFAULT_WIDTH,
    height: DEFAULT_HEIGHT,
    ...bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
