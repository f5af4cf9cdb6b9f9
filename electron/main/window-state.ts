import type { BrowserWindow, Rectangle } from 'electron';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { MIN_HEIGHT, MIN_WIDTH } from './window-options';

/** Size and place of the main window, remembered between runs. */
export interface WindowState {
  bounds?: Rectangle;
  maximized: boolean;
}

const TITLE_BAR = 32;

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function contains(area: Rectangle, x: number, y: number): boolean {
  return x >= area.x && x < area.x + area.width && y >= area.y && y < area.y + area.height;
}

/**
 * The saved state when it still makes sense on the current displays: whole-pixel bounds at
 * least the minimum size, whose title bar lies on a display (a monitor unplugged since leaves the
 * window at the default place), shrunk to fit that display's work area.
 */
function parseWindowState(raw: unknown, workAreas: readonly Rectangle[]): WindowState {
  if (typeof raw !== 'object' || raw === null) return { maximized: false };
  const { x, y, width, height, maximized } = raw as Record<string, unknown>;
  const state: WindowState = { maximized: maximized === true };
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height) || width < MIN_WIDTH || height < MIN_HEIGHT) return state;
  const area = workAreas.find((a) => contains(a, x + Math.floor(width / 2), y + Math.floor(TITLE_BAR / 2)));
  if (area === undefined) return state;
  state.bounds = { x, y, width: Math.min(width, Math.max(area.width, MIN_WIDTH)), height: Math.min(height, Math.max(area.height, MIN_HEIGHT)) };
  return state;
}

/** Reads the state file; missing or unreadable means "no saved state". */
export function loadWindowState(file: string, workAreas: readonly Rectangle[]): WindowState {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')), workAreas);
  } catch {
    return { maximized: false };
  }
}

/** Writes the state file (temp file + rename, so a crash never leaves half a file). */
function saveWindowState(file: string, state: { bounds: Rectangle; maximized: boolean }): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify({ ...state.bounds, maximized: state.maximized }), 'utf8');
  renameSync(temp, file);
}

/** Saves the window's normal (unmaximised) bounds and maximised flag when it closes. */
export function trackWindowState(window: BrowserWindow, file: string): void {
  window.on('close', () => {
    try {
      saveWindowState(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      console.warn(`Branchdesk: could not save the window state to ${file}:`, error);
    }
  });
}
