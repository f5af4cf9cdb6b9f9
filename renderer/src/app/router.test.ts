import { describe, expect, it } from 'vitest';

// router.ts subscribes to window's hashchange at import; give it a minimal window.
const listeners = new Map<string, () => void>();
const location = { hash: '' };
Object.assign(globalThis, { window: { location, addEventListener: (type: string, listener: () => void) => listeners.set(type, listener) } });
const { navigate, routeHref, useRoute } = await import('./router');

/** The route the app shows once the address's hash becomes `hash` (the hashchange the browser fires). */
function routeAt(hash: string) {
  location.hash = hash;
  listeners.get('hashchange')?.();
  return useRoute.getState().route;
}

describe('router', () => {
  it('starts at the hash of the page it is loaded in', () => {
    expect(useRoute.getState().route).toEqual({ name: 'today' });
  });

  it('follows the hash as it changes', () => {
    expect(routeAt('')).toEqual({ name: 'today' });
    expect(routeAt('#/today')).toEqual({ name: 'today' });
    expect(routeAt('#/customers')).toEqual({ name: 'customers' });
    expect(routeAt('#/customers/cu-1%2Fx')).toEqual({ name: 'customer', id: 'cu-1/x' });
    expect(routeAt('#/settings')).toEqual({ name: 'settings' });
    expect(routeAt('#/segments')).toEqual({ name: 'segments' });
    expect(routeAt('#/campaigns')).toEqual({ name: 'campaigns' });
    expect(routeAt('#/campaigns/new')).toEqual({ name: 'campaign', id: 'new' });
    expect(routeAt('#/nope/1')).toEqual({ name: 'not-found', path: '/nope/1' });
  });

  it('navigate sets the hash of the route', () => {
    navigate({ name: 'customer', id: 'cu-1/x' });
    expect(location.hash).toBe('#/customers/cu-1%2Fx');
  });

  it('round-trips hrefs', () => {
    for (const hash of ['#/today', '#/customers', '#/customers/cu-%C3%A9', '#/dashboard', '#/segments', '#/campaigns', '#/campaigns/cp-1', '#/hq', '#/settings']) {
      expect(routeHref(routeAt(hash))).toBe(hash);
    }
  });
});
