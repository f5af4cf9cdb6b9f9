import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    readonly once = vi.fn();
    readonly on = vi.fn();
    readonly show = vi.fn();
    readonly maximize = vi.fn();
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly webContents = { on: vi.fn() };
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this);
    }
  }
  return {
    BrowserWindow: FakeBrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };
});
vi.mock('electron', () => electron);

const { openMainWindow } = await import('./main-window');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branchdesk-main-window-'));
  electron.BrowserWindow.created.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const source = { entryUrl: 'app://branchdesk/index.html', origin: 'app://branchdesk' };

describe('openMainWindow', () => {
  it('creates a secure window, loads the renderer and shows it once painted', () => {
    openMainWindow({ source, preloadPath: '/out/preload/index.cjs', stateFile: join(dir, 'state.json') });
    const [window] = electron.BrowserWindow.created;
    if (window === undefined) throw new Error('no window');
    expect(window.options).toMatchObject({
      show: false,
      minWidth: 1100,
      minHeight: 700,
      webPreferences: { preload: '/out/preload/index.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://branchdesk/index.html');
    expect(window.maximize).not.toHaveBeenCalled();
    const readyToShow = window.once.mock.calls.find(([name]) => name === 'ready-to-show');
    expect(window.show).not.toHaveBeenCalled();
    (readyToShow?.[1] as () => void)();
    expect(window.show).toHaveBeenCalled();
    expect(window.on).toHaveBeenCalledWith('close', expect.any(Function));
  });
  it('restores the saved size, place and maximised state', async () => {
    const stateFile = join(dir, 'state.json');
    await writeFile(stateFile, JSON.stringify({ x: 40, y: 30, width: 1250, height: 780, maximized: true }));
    openMainWindow({ source, preloadPath: '/p.cjs', stateFile });
    const [window] = electron.BrowserWindow.created;
    expect(window?.options).toMatchObject({ x: 40, y: 30, width: 1250, height: 780 });
    expect(window?.maximize).toHaveBeenCalled();
  });
});
