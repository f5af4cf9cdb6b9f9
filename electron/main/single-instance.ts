import { app, type BrowserWindow } from 'electron';

/** Brings a window to the front, restoring it when minimised. */
function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

/**
 * One Branchdesk per user session (two would fight over the same IndexedDB replica). Returns
 * false when another instance already runs: the caller quits, and that instance is focused by
 * its `second-instance` handler installed here.
 */
export function claimSingleInstance(currentWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = currentWindow();
    if (window !== null && !window.isDestroyed()) bringToFront(window);
  });
  return true;
}
