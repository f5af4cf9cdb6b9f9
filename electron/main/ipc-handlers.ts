import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ALL_IPC_CHANNELS, IPC_ARGUMENT_PARSERS, IPC_METHOD_NAMES, type IpcArgs, type IpcChannel, type IpcResult } from '../../shared/ipc';

/** The main-process implementation of every channel, called with validated arguments only. */
export type IpcImplementations = {
  readonly [C in IpcChannel]: (event: IpcMainInvokeEvent, ...args: IpcArgs<C>) => IpcResult<C> | Promise<IpcResult<C>>;
};

/** A call from a frame that is not the app (a stray iframe, a navigated-away page). */
class UntrustedSenderError extends Error {
  constructor(method: string) {
    super(`${method}: refused, the call did not come from the Branchdesk window`);
    this.name = 'UntrustedSenderError';
  }
}

function register<C extends IpcChannel>(channel: C, implementation: IpcImplementations[C], isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  const parse = IPC_ARGUMENT_PARSERS[channel] as (args: readonly unknown[]) => IpcArgs<C>;
  ipcMain.handle(channel, (event, ...raw: unknown[]) => {
    if (!isTrusted(event)) throw new UntrustedSenderError(IPC_METHOD_NAMES[channel]);
    return implementation(event, ...parse(raw));
  });
}

/**
 * One `ipcMain.handle` per channel. Each checks the sender, then parses the raw (`unknown`)
 * arguments with the shared validators, which throw an error naming the method and argument;
 * only then does the implementation run.
 */
export function registerIpcHandlers(implementations: IpcImplementations, isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of ALL_IPC_CHANNELS) register(channel, implementations[channel], isTrusted);
}
