import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { requestSingleInstanceLock: vi.fn<() => boolean>(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

const { claimSingleInstance } = await import('./single-instance');

function fakeWindow(state: { minimized: boolean; visible: boolean }) {
  return {
    isDestroyed: () => false,
    isMinimized: () => state.minimized,
    isVisible: () => state.visible,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  };
}

beforeEach(() => {
  electron.app.requestSingleInstanceLock.mockReset();
  electron.app.on.mockReset();
});

function secondInstanceHandler(): () => void {
  const call = electron.app.on.mock.calls.find(([name]) => name === 'second-instance');
  if (call === undefined) throw new Error('no second-instance handler');
  return call[1] as () => void;
}

describe('claimSingleInstance', () => {
  it('returns false (the caller quits) when another instance holds the lock', () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(false);
    expect(claimSingleInstance(() => null)).toBe(false);
    expect(electron.app.on).not.toHaveBeenCalled();
  });
  it('focuses the first window, restoring it, when a second instance starts', () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(true);
    const window = fakeWindow({ minimized: true, visible: false });
    expect(claimSingleInstance(() => window as unknown as BrowserWindow)).toBe(true);
    secondInstanceHandler()();
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
  it('only focuses a window that is already shown', () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(true);
    const window = fakeWindow({ minimized: false, visible: true });
    claimSingleInstance(() => window as unknown as BrowserWindow);
    secondInstanceHandler()();
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
  it('does nothing when there is no window yet', () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(true);
    claimSingleInstance(() => null);
    expect(() => secondInstanceHandler()()).not.toThrow();
  });
});
