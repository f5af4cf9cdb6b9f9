import { describe, expect, it } from 'vitest';

// router.ts subscribes to window's hashchange at import; give it a minimal window.
const listeners: string[] = [];
Object.assign(globalThis, { window: { location: { hash: '' }, addEventListener: (type: string) => listeners.push(type) } });
const { parseRoute, routeHref } = await import('./router');

describe('router', () => {
  it('parses hash routes', () => {
    expect(parseRoute('')).toEqual({ name: 'today' });
    expect(parseRoute('#/today')).toEqual({ name: 'today' });
    expect(parseRoute('#/customers')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers/cu-1%2Fx')).toEqual({ name: 'customer', id: 'cu-1/x' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/segments')).toEqual({ name: 'segments' });
    expect(parseRoute('#/campaigns')).toEqual({ name: 'campaigns' });
    expect(parseRoute('#/campaigns/new')).toEqual({ name: 'campaign', id: 'new' });
    expect(parseRoute('#/nope/1')).toEqual({ name: 'not-found', path: '/nope/1' });
    expect(listeners).toContain('hashchange');
  });

  it('round-trips hrefs', () => {
    for (const hash of ['#/today', '#/customers', '#/customers/cu-%C3%A9', '#/dashboard', '#/segments', '#/campaigns', '#/campaigns/cp-1', '#/hq', '#/settings']) {
      expect(routeHref(parseRoute(hash))).toBe(hash);
    }
  });
});
