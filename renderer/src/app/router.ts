import { create } from 'zustand';

/**
 * Hash routes: `#/today`, `#/customers`, `#/customers/:id`, `#/dashboard`, `#/segments`,
 * `#/campaigns`, `#/campaigns/:id` (`new`: the campaign being written), `#/hq`, `#/settings`.
 */
export type Route =
  | { name: 'today' }
  | { name: 'customers' }
  | { name: 'customer'; id: string }
  | { name: 'dashboard' }
  | { name: 'segments' }
  | { name: 'campaigns' }
  | { name: 'campaign'; id: string }
  | { name: 'hq' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/today';
  const parts = path.split('/').filter((p) => p !== '');
  const [first, second] = parts;
  if (parts.length === 0 || (first === 'today' && parts.length === 1)) return { name: 'today' };
  if (first === 'customers' && parts.length === 1) return { name: 'customers' };
  if (first === 'customers' && parts.length === 2 && second !== undefined) return { name: 'customer', id: decodeURIComponent(second) };
  if (first === 'dashboard' && parts.length === 1) return { name: 'dashboard' };
  if (first === 'segments' && parts.length === 1) return { name: 'segments' };
  if (first === 'campaigns' && parts.length === 1) return { name: 'campaigns' };
  if (first === 'campaigns' && parts.length === 2 && second !== undefined) return { name: 'campaign', id: decodeURIComponent(second) };
  if (first === 'hq' && parts.length === 1) return { name: 'hq' };
  if (first === 'settings' && parts.length === 1) return { name: 'settings' };
  return { name: 'not-found', path };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'customer':
      return `#/customers/${encodeURIComponent(route.id)}`;
    case 'campaign':
      return `#/campaigns/${encodeURIComponent(route.id)}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

export const useRoute = create<{ route: Route }>(() => ({ route: parseRoute(window.location.hash) }));

window.addEventListener('hashchange', () => useRoute.setState({ route: parseRoute(window.location.hash) }));

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash === href) return;
  window.location.hash = href;
}
