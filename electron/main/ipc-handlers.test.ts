import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_IPC_CHANNELS } from '../../shared/ipc';
import type { IpcImplementations } from './ipc-handlers';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
const electron = vi.hoisted(() => ({ ipcMain: { handle: vi.fn() } }));
vi.mock('electron', () => electron);

const { registerIpcHandlers } = await import('./ipc-handlers');

function implementations(): IpcImplementations & Record<string, ReturnType<typeof vi.fn>> {
  return {
    'app:version': vi.fn(() => '0.1.0'),
    'app:launch-options': vi.fn(() => ({ demo: false })),
    'files:save-csv': vi.fn(() => ({ saved: true, path: '/x.csv' })),
    'files:save-json': vi.fn(() => ({ saved: false })),
    notify: vi.fn(() => true),
    'secrets:get': vi.fn(() => null),
    'secrets:set': vi.fn(() => undefined),
    'secrets:delete': vi.fn(() => undefined),
  };
}

const trusted = { senderFrame: { url: 'app://branchdesk/index.html', parent: null } } as unknown as IpcMainInvokeEvent;
const untrusted = { senderFrame: { url: 'https://evil.example/', parent: null } } as unknown as IpcMainInvokeEvent;

let impl: ReturnType<typeof implementations>;
function handler(channel: string): Handler {
  const call = electron.ipcMain.handle.mock.calls.find(([name]) => name === channel);
  if (call === undefined) throw new Error(`no handler for ${channel}`);
  return call[1] as Handler;
}

beforeEach(() => {
  electron.ipcMain.handle.mockReset();
  impl = implementations();
  registerIpcHandlers(impl, (event) => event === trusted);
});

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per channel', () => {
    expect(electron.ipcMain.handle.mock.calls.map(([name]) => name as string).sort()).toEqual([...ALL_IPC_CHANNELS].sort());
  });
  it('passes validated arguments to the implementation', async () => {
    expect(await handler('files:save-csv')(trusted, { suggestedName: 'a.csv', content: 'x' })).toEqual({ saved: true, path: '/x.csv' });
    expect(impl['files:save-csv']).toHaveBeenCalledWith(trusted, { suggestedName: 'a.csv', content: 'x' });
    await handler('secrets:set')(trusted, 'device-token', 'tok', 'lasting');
    expect(impl['secrets:set']).toHaveBeenCalledWith(trusted, 'device-token', 'tok', 'lasting');
    expect(await handler('app:version')(trusted)).toBe('0.1.0');
  });
  it('refuses calls from anything but the app window, before parsing or running anything', () => {
    for (const channel of ALL_IPC_CHANNELS) {
      // The error's name reaches the renderer (cleanIpcError, electron/preload/create-bridge.ts).
      expect(() => handler(channel)(untrusted)).toThrow(expect.objectContaining({ name: 'UntrustedSenderError', message: expect.stringMatching(/^[a-zA-Z.]+: refused, the call did not come from the Branchdesk window$/) as unknown }));
    }
    expect(() => handler('secrets:get')(untrusted, 'device-token')).toThrow('secrets.get: refused, the call did not come from the Branchdesk window');
    for (const fn of Object.values(impl)) expect(fn).not.toHaveBeenCalled();
  });
  it.each([
    ['files:save-csv', [{ suggestedName: '../../.bashrc', content: '' }], /^files\.saveCsv: suggestedName/],
    ['files:save-csv', ['a.csv'], /^files\.saveCsv: the request must be an object/],
    ['files:save-csv', ['a.csv', 'content'], /^files\.saveCsv: expected 1 argument, got 2/],
    ['files:save-json', [{ suggestedName: 'a.json', content: 'not json' }], /^files\.saveJson: content is not valid JSON/],
    ['notify', [{ title: 'x', body: 7 }], /^notify: body must be a string/],
    ['secrets:get', ['ssh-key'], /^secrets\.get: key must be one of/],
    ['secrets:set', ['device-token', { value: 'x' }, 'session'], /^secrets\.set: value must be a string/],
    ['secrets:set', ['device-token', 'tok', 'always'], /^secrets\.set: lifetime must be one of/],
    ['secrets:delete', [], /^secrets\.delete: expected 1 argument, got 0/],
    ['app:version', ['extra'], /^app\.version: expected 0 arguments/],
  ])('rejects malformed arguments to %s with a clear error', (channel, args, message) => {
    expect(() => handler(channel)(trusted, ...args)).toThrow(message);
    for (const fn of Object.values(impl)) expect(fn).not.toHaveBeenCalled();
  });
});
