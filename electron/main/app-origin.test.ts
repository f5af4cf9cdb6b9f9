import { describe, expect, it } from 'vitest';
import { isSameOrigin, rendererSource } from './app-origin';

/** Where the packaged renderer is served from (the app: protocol, electron/main/app-protocol.ts). */
const APP_ORIGIN = 'app://branchdesk';
const APP_ENTRY_URL = 'app://branchdesk/index.html';

describe('isSameOrigin', () => {
  it('compares scheme://host[:port] of hierarchical URLs, lower-cased', () => {
    expect(isSameOrigin('app://branchdesk/index.html', 'app://branchdesk')).toBe(true);
    expect(isSameOrigin('APP://BranchDesk/x', 'app://branchdesk')).toBe(true);
    expect(isSameOrigin('http://localhost:5173/src/main.tsx', 'HTTP://localhost:5173')).toBe(true);
  });
  it('never matches URLs without a host, with credentials, or unparseable', () => {
    // Each against the origin a naive reading (protocol + "//" + host) would give it.
    for (const [url, naive] of [['file:///etc/passwd', 'file://'], ['data:text/html,hi', 'data://'], ['about:blank', 'about://'], ['javascript:alert(1)', 'javascript://'], ['app://user:pw@branchdesk/', 'app://branchdesk']] as const) {
      expect(isSameOrigin(url, naive)).toBe(false);
    }
    expect(isSameOrigin('not a url', 'not a url')).toBe(false);
  });
  it('matches only the exact origin', () => {
    expect(isSameOrigin('app://branchdesk/customers?x=1#a', APP_ORIGIN)).toBe(true);
    expect(isSameOrigin('app://branchdesk.evil/x', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('app://evil/x', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('https://branchdesk/x', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('rendererSource', () => {
  it('serves app://branchdesk/index.html by default', () => {
    expect(rendererSource({}, false)).toEqual({ entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN });
  });
  it('uses the electron-vite dev server URL in development', () => {
    expect(rendererSource({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toEqual({ entryUrl: 'http://localhost:5173', origin: 'http://localhost:5173' });
    expect(rendererSource({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5180/' }, false).origin).toBe('http://127.0.0.1:5180');
  });
  it('ignores the variable in a packaged app and for non-local hosts', () => {
    expect(rendererSource({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true).origin).toBe(APP_ORIGIN);
    expect(rendererSource({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false).origin).toBe(APP_ORIGIN);
    expect(rendererSource({ ELECTRON_RENDERER_URL: 'http://localhost.evil.example/' }, false).origin).toBe(APP_ORIGIN);
  });
});
