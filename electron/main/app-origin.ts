/** The custom protocol the renderer is served from (registered as standard + secure). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'branchdesk';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** `scheme://host[:port]` of an absolute URL, or null when it has none (file:, data:, about:, garbage). */
function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** True when `url` belongs to `origin` (the app's own pages). */
export function isSameOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin.toLowerCase();
}

/** Where the window loads the renderer from, and the one origin trusted for navigation and IPC. */
export interface RendererSource {
  entryUrl: string;
  origin: string;
}

/**
 * `app://branchdesk/index.html`, or in development (`electron-vite dev` sets
 * ELECTRON_RENDERER_URL) the Vite dev server. A packaged app ignores the variable, so nobody can
 * point an installed Branchdesk at another site through the environment.
 */
export function rendererSource(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): RendererSource {
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && devUrl !== undefined && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(devUrl)) {
    const origin = originOf(devUrl);
    if (origin !== null) return { entryUrl: devUrl, origin };
  }
  return { entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN };
}
