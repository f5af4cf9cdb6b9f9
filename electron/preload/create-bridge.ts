import type { BranchdeskBridge, IpcArgs, IpcChannel, IpcResult } from '../../shared/ipc';
import { IPC_CHANNELS } from '../../shared/ipc';

/** `ipcRenderer.invoke`, as the preload sees it. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * Electron wraps errors thrown by a main-process handler as
 * "Error invoking remote method 'files:save-csv': BridgeArgumentError: files.saveCsv: …";
 * the renderer gets just the useful part ("files.saveCsv: …").
 */
function cleanIpcError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(/^Error invoking remote method '[^']*': /, '').replace(/^[A-Za-z]*Error: /, ''));
}

/** The bridge object exposed to the renderer: one method per channel, nothing else. */
export function createBridge(invoke: Invoke): BranchdeskBridge {
  const call = async <C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> => {
    try {
      return (await invoke(channel, ...args)) as IpcResult<C>;
    } catch (error) {
      throw cleanIpcError(error);
    }
  };
  return {
    app: {
      version: () => call(IPC_CHANNELS.appVersion),
      launchOptions: () => call(IPC_CHANNELS.appLaunchOptions),
    },
    files: {
      saveCsv: (request) => call(IPC_CHANNELS.filesSaveCsv, request),
      saveJson: (request) => call(IPC_CHANNELS.filesSaveJson, request),
    },
    notify: (request) => call(IPC_CHANNELS.notify, request),
    secrets: {
      get: (key) => call(IPC_CHANNELS.secretsGet, key),
      set: async (key, value, lifetime) => {
        await call(IPC_CHANNELS.secretsSet, key, value, lifetime);
      },
      delete: async (key) => {
        await call(IPC_CHANNELS.secretsDelete, key);
      },
    },
  };
}
