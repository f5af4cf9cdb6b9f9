import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ dialog: { showMessageBoxSync: vi.fn() } }));
vi.mock('electron', () => electron);

const { guardUnload } = await import('./unload-guard');

function fakeWindow() {
  const handlers = new Map<string, (event: { preventDefault: () => void }) => void>();
  const window = { webContents: { on: vi.fn((name: string, h: (event: { preventDefault: () => void }) => void) => handlers.set(name, h)) } };
  return { window, fire: () => {
    const event = { preventDefault: vi.fn() };
    handlers.get('will-prevent-unload')?.(event);
    return event;
  } };
}

describe('guardUnload', () => {
  it('asks when the renderer objects to unloading: Leave unloads, Stay keeps the page', () => {
    const { window, fire } = fakeWindow();
    guardUnload(window as never);
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    expect(fire().preventDefault).toHaveBeenCalled();
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    expect(fire().preventDefault).not.toHaveBeenCalled();
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledWith(window, expect.objectContaining({ buttons: ['Stay', 'Leave'], cancelId: 0 }));
  });
});
