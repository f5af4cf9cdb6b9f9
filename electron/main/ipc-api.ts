import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { LaunchOptions } from '../../shared/ipc';
import type { IpcImplementations } from './ipc-handlers';
import { showNotification } from './notify';
import { saveTextFile } from './save-file';
import type { SecretStore } from './secret-store';

export interface IpcApiDependencies {
  version: string;
  launchOptions: LaunchOptions;
  secrets: SecretStore;
}

function ownerWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

/** What each bridge method does in the main process (arguments arrive validated). */
export function createIpcApi({ version, launchOptions, secrets }: IpcApiDependencies): IpcImplementations {
  return {
    'app:version': () => version,
    'app:launch-options': () => ({ ...launchOptions }),
    'files:save-csv': (event, request) => saveTextFile(ownerWindow(event), request, 'csv'),
    'files:save-json': (event, request) => saveTextFile(ownerWindow(event), request, 'json'),
    notify: (_event, request) => showNotification(request),
    'secrets:get': (_event, key) => secrets.get(key),
    // the OS keychain keeps every secret across restarts: the lifetime matters only in a browser
    'secrets:set': async (_event, key, value, _lifetime) => {
      await secrets.set(key, value);
      return undefined;
    },
    'secrets:delete': async (_event, key) => {
      await secrets.delete(key);
      return undefined;
    },
  };
}
