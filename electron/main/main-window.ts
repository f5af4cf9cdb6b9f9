import { BrowserWindow, screen } from 'electron';
import type { RendererSource } from './app-origin';
import { mainWindowOptions } from './window-options';
import { loadWindowState, trackWindowState } from './window-state';
import { guardUnload } from './unload-guard';

export interface MainWindowOptions {
  source: RendererSource;
  preloadPath: string;
  /** Where the window's size and place are remembered. */
  stateFile: string;
}

/** Creates the main window (secure options, restored bounds), shows it when painted, loads the renderer. */
export function openMainWindow({ source, preloadPath, stateFile }: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow(mainWindowOptions(preloadPath, state.bounds));
  if (state.maximized) window.maximize();
  trackWindowState(window, stateFile);
  guardUnload(window);
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Branchdesk: the window's renderer process ended (${details.reason}, exit code ${details.exitCode})`);
  });
  window.loadURL(source.entryUrl).catch((error: unknown) => {
    console.error(`Branchdesk: could not load ${source.entryUrl}:`, error);
  });
  return window;
}
