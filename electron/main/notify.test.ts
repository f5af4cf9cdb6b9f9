import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const shown: { title: string; body: string }[] = [];
  class FakeNotification {
    static supported = true;
    static isSupported(): boolean {
      return FakeNotification.supported;
    }
    constructor(private readonly options: { title: string; body: string }) {}
    show(): void {
      shown.push(this.options);
    }
  }
  return { Notification: FakeNotification, shown };
});
vi.mock('electron', () => ({ Notification: electron.Notification }));

const { showNotification } = await import('./notify');

beforeEach(() => {
  electron.shown.length = 0;
});

describe('showNotification', () => {
  it('shows an OS notification', () => {
    electron.Notification.supported = true;
    expect(showNotification({ title: 'Sync finished', body: '42 changes' })).toBe(true);
    expect(electron.shown).toEqual([{ title: 'Sync finished', body: '42 changes' }]);
  });
  it('returns false when the OS has no notifications', () => {
    electron.Notification.supported = false;
    expect(showNotification({ title: 't', body: '' })).toBe(false);
    expect(electron.shown).toEqual([]);
  });
});
