import type { WebContents } from 'electron';
import { isSameOrigin } from './app-origin';
import { externalUrlToOpen } from './external-links';

export type OpenExternal = (url: string) => void;

/**
 * Keeps a web contents on the app's own origin: navigations and redirects elsewhere are
 * cancelled, new windows are never created, and a link to an http(s) page (validated) opens in
 * the OS browser instead. <webview> tags are refused outright.
 */
export function guardNavigation(contents: WebContents, appOrigin: string, openExternal: OpenExternal): void {
  const sendOut = (url: string): void => {
    const external = externalUrlToOpen(url);
    if (external !== null) openExternal(external);
  };
  contents.on('will-navigate', (event) => {
    if (isSameOrigin(event.url, appOrigin)) return;
    event.preventDefault();
    sendOut(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isSameOrigin(event.url, appOrigin)) return; // main frame: will-navigate above
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isSameOrigin(event.url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url);
    return { action: 'deny' };
  });
}
