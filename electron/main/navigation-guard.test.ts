import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardNavigation } from './navigation-guard';

type Listener = (event: { url?: string; isMainFrame?: boolean; preventDefault(): void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const fire = (name: string, details: { url?: string; isMainFrame?: boolean } = {}) => {
    const preventDefault = vi.fn();
    const listener = listeners.get(name);
    if (listener === undefined) throw new Error(`no ${name} listener`);
    listener({ ...details, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  const open = (url: string) => {
    if (openHandler === undefined) throw new Error('no window open handler');
    return openHandler({ url }).action;
  };
  return { contents: contents as unknown as WebContents, fire, open };
}

function setup() {
  const openExternal = vi.fn<(url: string) => void>();
  const fake = fakeContents();
  guardNavigation(fake.contents, 'app://branchdesk', openExternal);
  return { ...fake, openExternal };
}

describe('guardNavigation', () => {
  it('lets the app navigate within its own origin', () => {
    const { fire, openExternal } = setup();
    expect(fire('will-navigate', { url: 'app://branchdesk/index.html#/customers' })).toBe(false);
    expect(fire('will-redirect', { url: 'app://branchdesk/index.html' })).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });
  it('cancels navigation to a web page and opens it in the OS browser instead', () => {
    const { fire, openExternal } = setup();
    expect(fire('will-navigate', { url: 'https://example.com/help' })).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/help');
  });
  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://evil/', 'https://user:pw@example.com/'])(
    'cancels navigation to %s and opens nothing',
    (url) => {
      const { fire, openExternal } = setup();
      expect(fire('will-navigate', { url })).toBe(true);
      expect(openExternal).not.toHaveBeenCalled();
    },
  );
  it('cancels sub-frame navigation and redirects away from the app', () => {
    const { fire, openExternal } = setup();
    expect(fire('will-frame-navigate', { url: 'https://example.com/', isMainFrame: false })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'app://branchdesk/x', isMainFrame: false })).toBe(false);
    expect(fire('will-redirect', { url: 'https://example.com/' })).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });
  it('refuses <webview>', () => {
    expect(setup().fire('will-attach-webview')).toBe(true);
  });
  it('never opens a new window; web links go to the OS browser', () => {
    const { open, openExternal } = setup();
    expect(open('https://example.com/a?b=1')).toBe('deny');
    expect(open('app://branchdesk/index.html')).toBe('deny');
    expect(open('file:///C:/Windows/system32/calc.exe')).toBe('deny');
    expect(openExternal.mock.calls).toEqual([['https://example.com/a?b=1']]);
  });
});
