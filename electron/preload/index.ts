/**
 * The preload of the (sandboxed, context-isolated) renderer: exposes exactly one object,
 * `window.branchdesk`, typed by `BranchdeskBridge` (shared/ipc.ts). It never exposes
 * `ipcRenderer` itself; the main process validates every argument.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/ipc';
import { createBridge } from './create-bridge';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)));
