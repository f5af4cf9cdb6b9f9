import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => '9.9.9') },
}));
vi.mock('electron', () => electron);

describe('preload', () => {
  it('exposes exactly one object, window.branchdesk, that talks over ipcRenderer.invoke', async () => {
    await import('./index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, { app: { version(): Promise<string> } }];
    expect(name).toBe('branchdesk');
    expect(Object.keys(api).sort()).toEqual(['app', 'files', 'notify', 'secrets']);
    expect(await api.app.version()).toBe('9.9.9');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('app:version');
  });
});
