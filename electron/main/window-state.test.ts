import type { BrowserWindow } from 'electron';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWindowState, trackWindowState } from './window-state';

const screens = [
  { x: 0, y: 0, width: 1920, height: 1040 },
  { x: 1920, y: 0, width: 1280, height: 760 },
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branchdesk-window-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The state loaded from a file holding `raw`. */
async function loaded(raw: unknown) {
  const file = join(dir, 'window-state.json');
  await writeFile(file, JSON.stringify(raw));
  return loadWindowState(file, screens);
}

/** A window the state tracker can follow; `close()` fires its close event. */
function fakeWindow(bounds: { x: number; y: number; width: number; height: number }, maximized: boolean) {
  let onClose: (() => void) | undefined;
  const window = {
    on: (name: string, listener: () => void) => {
      if (name === 'close') onClose = listener;
    },
    getNormalBounds: () => bounds,
    isMaximized: () => maximized,
  };
  return { window: window as unknown as BrowserWindow, close: () => onClose?.() };
}

describe('loading the window state', () => {
  it('restores bounds whose title bar is on a display', async () => {
    expect(await loaded({ x: 100, y: 50, width: 1200, height: 800, maximized: false })).toEqual({
      bounds: { x: 100, y: 50, width: 1200, height: 800 },
      maximized: false,
    });
  });
  it('shrinks bounds to the display they are on', async () => {
    expect((await loaded({ x: 1950, y: 0, width: 1800, height: 1000 })).bounds).toEqual({ x: 1950, y: 0, width: 1280, height: 760 });
  });
  it('forgets bounds on a display that is gone, keeping the maximised flag', async () => {
    expect(await loaded({ x: 4000, y: 0, width: 1200, height: 800, maximized: true })).toEqual({ maximized: true });
  });
  it.each([null, 'x', { x: 1, y: 2 }, { x: 0.5, y: 0, width: 1200, height: 800 }, { x: 0, y: 0, width: 300, height: 200 }, { x: '0', y: 0, width: 1200, height: 800 }])(
    'ignores malformed state %j',
    async (raw) => {
      expect((await loaded(raw)).bounds).toBeUndefined();
    },
  );
  it('treats a missing or corrupt file as no state', async () => {
    expect(loadWindowState(join(dir, 'none.json'), screens)).toEqual({ maximized: false });
    await writeFile(join(dir, 'bad.json'), '{"x": 1,');
    expect(loadWindowState(join(dir, 'bad.json'), screens)).toEqual({ maximized: false });
  });
});

describe('saving the window state', () => {
  it('saves the normal bounds when the window closes', async () => {
    const file = join(dir, 'window-state.json');
    const { window, close } = fakeWindow({ x: 5, y: 6, width: 1400, height: 900 }, false);
    trackWindowState(window, file);
    close();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ x: 5, y: 6, width: 1400, height: 900, maximized: false });
  });
  it('round-trips through closing and loading', () => {
    const file = join(dir, 'window-state.json');
    const { window, close } = fakeWindow({ x: 10, y: 20, width: 1300, height: 760 }, true);
    trackWindowState(window, file);
    close();
    expect(loadWindowState(file, screens)).toEqual({ bounds: { x: 10, y: 20, width: 1300, height: 760 }, maximized: true });
  });
});
