import { IPC_ARGUMENT_PARSERS, type BranchdeskBridge, type IpcChannel, type IpcArgs } from '../../../shared/ipc';
import { launchOptionsFromSearch } from './launch-options';
import { downloadTextFile, type DownloadEnvironment } from './web-download';
import type { LastingSecrets } from './lasting-secrets';
import { createWebSecrets, type SessionStorageLike } from './web-secrets';
import { showWebNotification, type NotificationApi } from './web-notify';

/** Everything the browser fallbacks need, injected so they can be tested with small fakes. */
export interface WebBridgeEnvironment {
  version: string;
  /** `location.search` of the page. */
  search: string;
  download: DownloadEnvironment;
  sessionStorage: SessionStorageLike | null;
  /** HQ's sign-in across browser restarts (null: the browser offers no IndexedDB or WebCrypto). */
  lastingSecrets: LastingSecrets | null;
  Notification: NotificationApi | undefined;
}

/** Validates raw arguments exactly as the desktop's main process does (same messages). */
function parse<C extends IpcChannel>(channel: C, args: unknown[]): IpcArgs<C> {
  return IPC_ARGUMENT_PARSERS[channel](args) as IpcArgs<C>;
}

/**
 * The BranchdeskBridge of web mode: downloads instead of a save dialog, Web Notifications,
 * session and lasting secrets, `?demo=1` for demo data. Methods reject like the desktop's on bad input.
 */
export function createWebBridge(env: WebBridgeEnvironment): BranchdeskBridge {
  const secrets = createWebSecrets(env.sessionStorage, env.lastingSecrets);
  const launchOptions = launchOptionsFromSearch(env.search);
  return {
    app: {
      version: async () => env.version,
      launchOptions: async () => ({ ...launchOptions }),
    },
    files: {
      saveCsv: async (request) => {
        const [valid] = parse('files:save-csv', [request]);
        downloadTextFile(env.download, valid.suggestedName, valid.content, 'text/csv');
        return { saved: true };
      },
      saveJson: async (request) => {
        const [valid] = parse('files:save-json', [request]);
        downloadTextFile(env.download, valid.suggestedName, valid.content, 'application/json');
        return { saved: true };
      },
    },
    notify: async (request) => {
      const [valid] = parse('notify', [request]);
      return showWebNotification(env.Notification, valid);
    },
    secrets: {
      get: async (key) => secrets.get(...parse('secrets:get', [key])),
      set: async (key, value, lifetime) => secrets.set(...parse('secrets:set', [key, value, lifetime])),
      delete: async (key) => secrets.delete(...parse('secrets:delete', [key])),
    },
  };
}
