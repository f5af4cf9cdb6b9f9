/** The benchmark page built with Vite (production settings, the app's CSP) and a Chromium to run it. */
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS } from '../../playwright.config';

const configFile = resolve(import.meta.dirname, '../browser/vite.config.ts');

export interface BenchBrowser {
  browser: Browser;
  /** Base URL of the built page. */
  url: string;
  version: string;
  close(): Promise<void>;
}

/** `port` 0 picks a free one; a fixed port keeps a persistent profile's IndexedDB (per origin). */
export async function startBenchBrowser(port = 0): Promise<BenchBrowser> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  await build({ configFile, logLevel: 'warn' });
  const server: PreviewServer = await preview({ configFile, preview: { port, strictPort: port !== 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    browser,
    url: `http://127.0.0.1:${address.port}/`,
    version: browser.version(),
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.httpServer.close(() => done()));
    },
  };
}

/** Fails fast with the page's own error instead of waiting for a timeout. */
export function watchPage(page: Page): void {
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  page.on('console', (m) => {
    if (m.type() === 'error') process.stderr.write(`page console: ${m.text().slice(0, 500)}\n`);
  });
}

export async function waitReady(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => document.documentElement.dataset.benchReady === 'true' || document.documentElement.dataset.benchError !== undefined,
    undefined,
    { timeout: timeoutMs, polling: 250 },
  );
  const error = await page.evaluate(() => document.documentElement.dataset.benchError);
  if (error !== undefined) throw new Error(`bench page failed: ${error}`);
}

/** JS heap in use after a full garbage collection (CDP), bytes. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}
