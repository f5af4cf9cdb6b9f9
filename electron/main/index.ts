/**
 * Branchdesk's main process: wires the small modules next to this file. Security defaults:
 * sandboxed renderers, the renderer served from `app://branchdesk/` with a CSP header, navigation
 * and new windows denied, permissions denied, validated IPC from the app's own frame only, and a
 * single instance.
 */
import { app, session, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { rendererSource } from './app-origin';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { createIpcApi } from './ipc-api';
import { registerIpcHandlers } from './ipc-handlers';
import { isTrustedSender } from './ipc-sender';
import { launchOptionsFromArgv } from './launch-options';
import { openMainWindow } from './main-window';
import { installApplicationMenu, sendFindCustomerShortcut } from './menu';
import { guardNavigation } from './navigation-guard';
import { denyAllPermissions } from './permissions';
import { createSecretStore } from './secret-store';
import { claimSingleInstance } from './single-instance';

let mainWindow: BrowserWindow | null = null;
const outDir = join(import.meta.dirname, '..');
const source = rendererSource(process.env, app.isPackaged);

app.enableSandbox();
registerAppScheme();

if (!claimSingleInstance(() => mainWindow)) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId('app.branchdesk.desk');

  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents, source.origin, (url) => void shell.openExternal(url));
  });

  const openWindow = (): void => {
    mainWindow = openMainWindow({
      source,
      preloadPath: join(outDir, 'preload', 'index.cjs'),
      stateFile: join(app.getPath('userData'), 'window-state.json'),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    serveAppProtocol(join(outDir, 'renderer'));
    registerIpcHandlers(
      createIpcApi({
        version: app.getVersion(),
        launchOptions: launchOptionsFromArgv(process.argv),
        secrets: createSecretStore(join(app.getPath('userData'), 'secrets.json')),
      }),
      (event) => isTrustedSender(event, source.origin),
    );
    installApplicationMenu(process.platform, app.isPackaged, {
      findCustomer: () => {
        if (mainWindow !== null) sendFindCustomerShortcut(mainWindow.webContents, process.platform);
      },
    });
    openWindow();
    app.on('activate', () => {
      if (mainWindow === null) openWindow();
    });
  }).catch((error: unknown) => {
    console.error('Branchdesk could not start:', error);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
