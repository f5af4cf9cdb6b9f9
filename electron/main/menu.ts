import { Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';

export interface MenuActions {
  /** "Find customer…": focus the renderer's customer search. */
  findCustomer(): void;
}

/**
 * The application menu: standard Edit/View/Window roles (their accelerators: copy, paste, undo,
 * zoom, full screen, ...), and File ▸ Find customer… shown as Ctrl/Cmd+K. That accelerator is
 * displayed but not registered on Linux/Windows, so the key press reaches the renderer's own
 * Ctrl+K handler; choosing the item with the mouse sends the same key press.
 */
function applicationMenuTemplate(platform: NodeJS.Platform, isPackaged: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        { id: 'find-customer', label: 'Find customer…', accelerator: 'CmdOrCtrl+K', registerAccelerator: false, click: () => actions.findCustomer() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: 'About Branchdesk' }] },
  );
  return template;
}

/** Sends Ctrl+K (Cmd+K on macOS) to the page, as if typed. */
export function sendFindCustomerShortcut(contents: WebContents, platform: NodeJS.Platform): void {
  const modifiers: ('meta' | 'control')[] = [platform === 'darwin' ? 'meta' : 'control'];
  contents.sendInputEvent({ type: 'keyDown', keyCode: 'K', modifiers });
  contents.sendInputEvent({ type: 'keyUp', keyCode: 'K', modifiers });
}

export function installApplicationMenu(platform: NodeJS.Platform, isPackaged: boolean, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(platform, isPackaged, actions)));
}
