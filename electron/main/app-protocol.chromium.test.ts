/**
 * The app:// handler's responses in a real Chromium: Playwright routes an https origin to the
 * handler (Electron itself cannot run here), so the page gets exactly the bytes and headers the
 * desktop window would. Checks that the CSP header lets the app's own module scripts run, blocks
 * inline scripts and eval, and that IndexedDB works on the secure origin.
 */
import { chromium, type Browser } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ protocol: { handle: vi.fn() } }));
vi.mock('electron', () => electron);
const { serveAppProtocol } = await import('./app-protocol');

const ORIGIN = 'https://branchdesk.test';
let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branchdesk-chromium-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<script type="module" crossorigin src="./assets/app.js"></script>
<script>window.inlineRan = true;</script></head><body></body></html>`,
  );
  await writeFile(
    join(dir, 'assets', 'app.js'),
    `let evalRan = false;
try { eval('1'); evalRan = true; } catch { evalRan = false; }
const idb = await new Promise((resolve) => {
  const open = indexedDB.open('branchdesk-check', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('s');
  open.onsuccess = () => { open.result.close(); resolve('ok'); };
  open.onerror = () => resolve(String(open.error));
});
window.report = { moduleRan: true, evalRan, inlineRan: window.inlineRan === true, idb, secure: window.isSecureContext };
document.title = 'ready';`,
  );
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('app:// responses in Chromium', () => {
  it('run the app’s module script under the CSP header, block inline script and eval, allow IndexedDB', async () => {
    serveAppProtocol(dir);
    const handler = electron.protocol.handle.mock.calls.at(-1)?.[1] as (request: Request) => Promise<Response>;
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, async (route) => {
      const response = await handler(new Request(route.request().url().replace(ORIGIN, 'app://branchdesk'), { method: route.request().method() }));
      await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const report = await page.evaluate(() => (window as unknown as { report: unknown }).report);
    expect(report).toEqual({ moduleRan: true, evalRan: false, inlineRan: false, idb: 'ok', secure: true });
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect(violations).toEqual(expect.arrayContaining(['script-src-elem inline', 'script-src eval']));
    await page.close();
  });
});
