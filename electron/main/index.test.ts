import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_IPC_CHANNELS } from '../../shared/ipc';

/** The whole Electron surface the entry wires, faked; each scenario re-imports the entry. */
const electron = vi.hoisted(() => {
  const order: string[] = [];
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  let resolveReady: () => void = () => undefined;
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly webContents = { on: vi.fn(), sendInputEvent: vi.fn() };
    readonly loadURL = vi.fn(async () => undefined);
    readonly on = vi.fn();
    readonly once = vi.fn();
    readonly maximize = vi.fn();
    readonly isDestroyed = vi.fn(() => false);
    readonly isMinimized = vi.fn(() => false);
    readonly isVisible = vi.fn(() => true);
    readonly restore = vi.fn();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      order.push('window');
      windows.push(this);
    }
  }
  const app = {
    isPackaged: true,
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => appListeners.set(name, listener)),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (resolveReady = resolve))),
    getVersion: () => '0.1.0',
    getPath: (name: string) => `/tmp/branchdesk-index-test-${name}`,
    setAppUserModelId: vi.fn(),
  };
  return {
    order,
    appListeners,
    windows,
    ready: () => resolveReady(),
    module: {
      app,
      BrowserWindow: FakeWindow,
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemes')),
        handle: vi.fn(() => order.push('protocol.handle')),
      },
      session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() } },
      ipcMain: { handle: vi.fn() },
      Menu: { buildFromTemplate: vi.fn(() => ({})), setApplicationMenu: vi.fn() },
      screen: { getAllDisplays: () => [] },
      shell: { openExternal: vi.fn(async () => undefined) },
      safeStorage: {},
      dialog: {},
      Notification: {},
    },
  };
});
vi.mock('electron', () => electron.module);

function reset(lock: boolean): void {
  vi.resetModules();
  vi.clearAllMocks();
  electron.order.length = 0;
  electron.windows.length = 0;
  electron.appListeners.clear();
  electron.module.app.requestSingleInstanceLock.mockReturnValue(lock);
}

/** Lets the `whenReady().then(...)` continuation run. */
async function becomeReady(): Promise<void> {
  electron.ready();
  await electron.module.app.whenReady.mock.results[0]?.value;
  await Promise.resolve();
}

describe('main entry', () => {
  beforeEach(() => reset(true));

  it('enables the sandbox and registers the app scheme before the app is ready', async () => {
    await import('./index');
    expect(electron.order).toEqual(['enableSandbox', 'registerSchemes']);
    expect(electron.module.protocol.handle).not.toHaveBeenCalled();
  });

  it('when ready: denies permissions, serves app://, registers every IPC channel, sets the menu, opens a secure window', async () => {
    await import('./index');
    await becomeReady();
    const { session, protocol, ipcMain, Menu } = electron.module;
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(ipcMain.handle.mock.calls.map(([channel]) => channel as string).sort()).toEqual([...ALL_IPC_CHANNELS].sort());
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(electron.order.indexOf('protocol.handle')).toBeLessThan(electron.order.indexOf('window'));
    const [window] = electron.windows;
    expect(window?.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(window?.loadURL).toHaveBeenCalledWith('app://branchdesk/index.html');
  });

  it('guards every web contents created', async () => {
    await import('./index');
    const created = electron.appListeners.get('web-contents-created');
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    created?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
  });

  it('one window of the desk: a second launch focuses it, and the dock opens one only when none is open', async () => {
    await import('./index');
    await becomeReady();
    expect(electron.windows).toHaveLength(1);
    const [first] = electron.windows;
    electron.appListeners.get('second-instance')?.();
    expect(first?.focus).toHaveBeenCalledOnce();
    electron.appListeners.get('activate')?.();
    expect(electron.windows).toHaveLength(1);
    // Once the window is closed (macOS keeps the app running), the dock opens a new one
    const closed = first?.on.mock.calls.find(([name]) => name === 'closed')?.[1] as (() => void) | undefined;
    closed?.();
    electron.appListeners.get('activate')?.();
    expect(electron.windows).toHaveLength(2);
  });

  it('quits at once when another instance already runs', async () => {
    reset(false);
    await import('./index');
    expect(electron.module.app.quit).toHaveBeenCalledOnce();
    expect(electron.module.app.whenReady).not.toHaveBeenCalled();
  });
});
