import type { LaunchOptions } from '../../../shared/ipc';

/** Web mode's launch options from the page's query string: `?demo=1` (or `?demo=true`) asks for demo data. */
export function launchOptionsFromSearch(search: string): LaunchOptions {
  const demo = new URLSearchParams(search).get('demo');
  return { demo: demo === '1' || demo === 'true' };
}
