import { dialog, type BrowserWindow } from 'electron';

/**
 * The renderer warns before a reload or close would lose a form being filled in (it cancels
 * `beforeunload`). Electron shows no dialog of its own for that — the window just would not
 * close — so ask here: "Leave" lets the reload or close go on, "Stay" keeps the draft.
 */
export function guardUnload(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Stay', 'Leave'],
      defaultId: 0,
      cancelId: 0,
      title: 'Leave without saving?',
      message: 'What you typed in the open form has not been saved.',
      detail: 'Leave discards it; Stay keeps the form open.',
    });
    if (choice === 1) event.preventDefault(); // ignore the renderer's objection: unload
  });
}
