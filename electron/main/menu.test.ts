import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
}));
vi.mock('electron', () => electron);

const { installApplicationMenu, sendFindCustomerShortcut } = await import('./menu');

/** The template installApplicationMenu builds the application menu from. */
function installedTemplate(platform: NodeJS.Platform, isPackaged: boolean, actions: { findCustomer(): void }): MenuItemConstructorOptions[] {
  installApplicationMenu(platform, isPackaged, actions);
  return electron.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItemConstructorOptions[];
}

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : [])]);
}

const roles = (items: readonly MenuItemConstructorOptions[]) => flatten(items).map((i) => i.role).filter((r) => r !== undefined);

describe('the application menu', () => {
  it('has the standard Edit, View and Window menus', () => {
    const template = installedTemplate('linux', true, { findCustomer: vi.fn() });
    expect(roles(template)).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'reload', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit']));
  });
  it('shows Find customer as Ctrl/Cmd+K without swallowing the key press, and runs the action on click', () => {
    const findCustomer = vi.fn();
    const item = flatten(installedTemplate('win32', true, { findCustomer })).find((i) => i.id === 'find-customer');
    expect(item).toMatchObject({ accelerator: 'CmdOrCtrl+K', registerAccelerator: false });
    (item?.click as () => void)();
    expect(findCustomer).toHaveBeenCalledOnce();
  });
  it('offers developer tools only in development', () => {
    expect(roles(installedTemplate('linux', false, { findCustomer: vi.fn() }))).toContain('toggleDevTools');
    expect(roles(installedTemplate('linux', true, { findCustomer: vi.fn() }))).not.toContain('toggleDevTools');
  });
  it('starts with the app menu on macOS', () => {
    const template = installedTemplate('darwin', true, { findCustomer: vi.fn() });
    expect(template[0]?.role).toBe('appMenu');
    expect(roles(template)).toContain('close');
    expect(roles(template)).not.toContain('quit');
  });
});

describe('sendFindCustomerShortcut', () => {
  it.each([
    ['linux', 'control'],
    ['win32', 'control'],
    ['darwin', 'meta'],
  ] as const)('sends K with the %s modifier', (platform, modifier) => {
    const contents = { sendInputEvent: vi.fn() };
    sendFindCustomerShortcut(contents as unknown as WebContents, platform);
    expect(contents.sendInputEvent.mock.calls).toEqual([
      [{ type: 'keyDown', keyCode: 'K', modifiers: [modifier] }],
      [{ type: 'keyUp', keyCode: 'K', modifiers: [modifier] }],
    ]);
  });
});

describe('installApplicationMenu', () => {
  it('builds the template and sets it as the application menu', () => {
    electron.Menu.buildFromTemplate.mockClear();
    electron.Menu.setApplicationMenu.mockClear();
    installApplicationMenu('linux', true, { findCustomer: vi.fn() });
    expect(electron.Menu.buildFromTemplate).toHaveBeenCalledOnce();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(electron.Menu.buildFromTemplate.mock.results[0]?.value);
  });
});
