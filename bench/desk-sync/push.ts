/**
 * Measurement: desk push throughput in Chromium (real IndexedDB) against a server process on a
 * fresh PostgreSQL database seeded with the sample data. Builds the page in ./browser with Vite,
 * runs measurePush there, prints and writes bench/results/desk-push.json. Nothing is asserted.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/desk-sync/push.ts [--bookings 10000]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { createStorage, startSyncServer } from '../../e2e/support/server';
import type { PushResult } from './measure-push';

const { values } = parseArgs({ options: { bookings: { type: 'string', default: '10000' } } });
const bookings = Number(values.bookings);
if (!Number.isInteger(bookings) || bookings < 1) throw new Error('--bookings must be a whole number');
if (process.env.DATABASE_URL === undefined) throw new Error('set DATABASE_URL (PostgreSQL)');

const configFile = resolve(import.meta.dirname, 'browser/vite.config.ts');
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
await build({ configFile, logLevel: 'warn' });
const pageServer = await preview({ configFile, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const address = pageServer.httpServer.address();
if (address === null || typeof address === 'string') throw new Error('preview server has no port');

const storage = await createStorage('postgres');
await storage.cli(['import', '--data', 'fixtures/sample']);
const server = await startSyncServer(storage);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const code = await storage.enrol('br-manila', 'front_desk');
  const enrolled = (await (await fetch(`${server.url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })).json()) as { token: string };
  const page = await browser.newPage();
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  await page.goto(`http://127.0.0.1:${address.port}/`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const r: PushResult = await page.evaluate((o) => window.deskPush.measurePush(o), { serverUrl: server.url, token: enrolled.token, branchId: 'br-manila', bookings });
  const result = {
    name: 'desk.push',
    bookings: r.bookings,
    seconds: r.pushMs / 1000,
    documents_per_second: Math.round(r.bookings / (r.pushMs / 1000)),
    local_write_seconds: r.writeMs / 1000,
    push_requests: r.pushRequests,
    push_request_seconds_sum: r.pushRequestMs / 1000,
    load_average: loadavg(),
    browser: browser.version(),
    database: 'postgresql',
    note: 'Chromium, the desk sync client on real IndexedDB: N bookings written offline, time from going online until every one is acknowledged (pending 0).',
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/desk-push.json', `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await browser.close();
  await server.stop();
  await storage.dispose();
  await new Promise<void>((done) => pageServer.httpServer.close(() => done()));
}
