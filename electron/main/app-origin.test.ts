import { describe, expect, it } from 'vitest';
import { isSameOrigin, originOf, rendererSource } from './app-origin';

/** Where the packaged renderer is served from (the app: protocol, electron/main/app-protocol.ts). */
const APP_ORIGIN = 'app://branchdesk';
const APP_ENTRY_URL = 'app://branchdesk/index.html';

describe('originOf', () => {
  it('gives scheme://host[:port] for hierarchical URLs, lower-cased', () => {
    expect(originOf('app://branchdesk/index.html')).toBe('app://branchdesk');
    expect(originOf('APP://BranchDesk/x')).toBe('app://branchdesk');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
  });
  it('is null for URLs without a host, with credentials, or unparseable', () => {
    for (const url of ['file:///etc/passwd', 'data:text/html,hi', 'about:blank', 'javascript:alert(1)', 'not a url', 'app://user:pw@branchdesk/']) {
      expect(originOf(url)).toBeNull();
    }
  });
});

describe('isSameOrigin', () => {
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
