import type { IpcMainInvokeEvent } from 'electron';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SecretStore } from './secret-store';

const electron = vi.hoisted(() => {
  class FakeNotification {
    static isSupported = () => true;
    static shown: unknown[] = [];
    constructor(private readonly options: unknown) {}
    show(): void {
      FakeNotification.shown.push(this.options);
    }
  }
  return {
    app: { getPath: vi.fn(() => '/docs') },
    dialog: { showSaveDialog: vi.fn() },
    BrowserWindow: { fromWebContents: vi.fn() },
    Notification: FakeNotification,
  };
});
vi.mock('electron', () => electron);

const { createIpcApi } = await import('./ipc-api');

function memorySecrets(): SecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branchdesk-api-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const event = { sender: { id: 7 } } as unknown as IpcMainInvokeEvent;

describe('createIpcApi', () => {
  it('answers version and launch options', async () => {
    const api = createIpcApi({ version: '1.4.0', launchOptions: { demo: true }, secrets: memorySecrets() });
    expect(await api['app:version'](event)).toBe('1.4.0');
    expect(await api['app:launch-options'](event)).toEqual({ demo: true });
  });
  it('delegates secrets to the store', async () => {
    const secrets = memorySecrets();
    const api = createIpcApi({ version: '1', launchOptions: { demo: false }, secrets });
    // the OS keychain keeps every secret across restarts: a session secret is stored the same way
    expect(await api['secrets:set'](event, 'device-token', 'tok', 'session')).toBeUndefined();
    expect(secrets.values.get('device-token')).toBe('tok');
    expect(await api['secrets:get'](event, 'device-token')).toBe('tok');
    await api['secrets:delete'](event, 'device-token');
    expect(secrets.values.size).toBe(0);
  });
  it('saves through a dialog owned by the calling window', async () => {
    const owner = { id: 'window' };
    electron.BrowserWindow.fromWebContents.mockReturnValue(owner);
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(dir, 'list.csv') });
    const api = createIpcApi({ version: '1', launchOptions: { demo: false }, secrets: memorySecrets() });
    expect(await api['files:save-csv'](event, { suggestedName: 'list.csv', content: 'a,b\n' })).toEqual({ saved: true, path: join(dir, 'list.csv') });
    expect(electron.BrowserWindow.fromWebContents).toHaveBeenCalledWith(event.sender);
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(owner, expect.anything());
    expect(await readFile(join(dir, 'list.csv'), 'utf8')).toBe('a,b\n');
  });
  it('shows notifications', async () => {
    const api = createIpcApi({ version: '1', launchOptions: { demo: false }, secrets: memorySecrets() });
    expect(await api.notify(event, { title: 'Hi', body: 'there' })).toBe(true);
    expect(electron.Notification.shown).toEqual([{ title: 'Hi', body: 'there' }]);
  });
});
