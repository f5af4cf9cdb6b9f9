/**
 * Customer list search/filter benchmark in Chromium: builds the benchmark page (the real app on
 * a large demo business), loads it through the bulk path, then types queries one key at a time
 * and toggles filters on the Customers screen, reading the screen's own User Timing measures
 * (`customers:filter`: search + filters over the sorted rows; `customers:keystroke`: input event
 * to the re-rendered list committed). Writes bench/results/customer-filter.json.
 *
 *   npm run bench:customers [-- --customers 50000 --bookings 250000]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS } from '../../playwright.config';

const { values } = parseArgs({ options: { customers: { type: 'string', default: '50000' }, bookings: { type: 'string' }, port: { type: 'string', default: '4398' } } });
const customers = Number(values.customers);
const bookings = Number(values.bookings ?? String(customers * 5));
const configFile = resolve(import.meta.dirname, 'vite.config.ts');

const QUERIES = ['maria', 'santos', 'jo', 'ana cruz', '0917 5', '+1 212', 'gmail.com', 'k', 'xyz'];
const FILTER_STEPS: { label: string; role: 'checkbox' | 'textbox'; name: RegExp | string; value?: string }[] = [
  { label: 'status at risk', role: 'checkbox', name: /^At risk\b/ },
  { label: 'status churned', role: 'checkbox', name: /^Churned\b/ },
  { label: 'tier VIP', role: 'checkbox', name: /^VIP\b/ },
  { label: 'tier High spender', role: 'checkbox', name: /^High spender\b/ },
  { label: 'frequency Regular', role: 'checkbox', name: /^Regular\b/ },
  { label: 'minimum visits', role: 'textbox', name: 'Minimum visits', value: '3' },
  { label: 'minimum spent', role: 'textbox', name: 'Minimum spent', value: '250' },
  { label: 'days from', role: 'textbox', name: 'Days since last visit, from', value: '13' },
];

interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { n: s.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1] ?? 0), mean: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
}

async function countLine(page: Page): Promise<string> {
  return ((await page.getByTestId('customer-count').textContent()) ?? '').trim();
}

/** Presses one key in the search box and waits for the list it produced to be committed. */
async function keystroke(page: Page, key: string): Promise<void> {
  const before = (await measures(page, 'customers:keystroke')).length;
  await page.keyboard.press(key);
  await page.waitForFunction((n) => performance.getEntriesByName('customers:keystroke').length > n, before);
}

async function scenario(page: Page): Promise<{ rows: string; keystroke: Stats; filterOnKeystroke: Stats; filterToggles: Stats; perQuery: Record<string, Stats> }> {
  await page.evaluate(() => performance.clearMeasures());
  const search = page.getByRole('searchbox', { name: 'Search customers' });
  await search.click();
  const rows = await countLine(page);
  const perQuery: Record<string, Stats> = {};
  // Warm-up: one query typed and cleared (JIT, first layout) — not counted
  for (const ch of 'mar') await keystroke(page, ch);
  await search.fill('');
  await page.evaluate(() => performance.clearMeasures());
  let seen = 0;
  for (const q of QUERIES) {
    for (const ch of q) await keystroke(page, ch === ' ' ? 'Space' : ch);
    await page.keyboard.press('Control+A');
    await keystroke(page, 'Backspace');
    const all = await measures(page, 'customers:keystroke');
    perQuery[q] = stats(all.slice(seen));
    seen = all.length;
  }
  const keystrokes = await measures(page, 'customers:keystroke');
  const filterOnKeystroke = await measures(page, 'customers:filter');

  await page.evaluate(() => performance.clearMeasures());
  const filters = page.getByRole('complementary', { name: 'Filters' });
  for (const step of FILTER_STEPS) {
    const before = (await measures(page, 'customers:filter')).length;
    const control = filters.getByRole(step.role, { name: step.name });
    if (step.role === 'checkbox') await control.check();
    else await control.fill(step.value ?? '');
    await page.waitForFunction((n) => performance.getEntriesByName('customers:filter').length > n, before);
  }
  // Search on top of every filter
  await search.focus();
  for (const ch of 'ma') await keystroke(page, ch);
  const toggles = await measures(page, 'customers:filter');
  await page.getByRole('button', { name: /^Clear filters/ }).first().click();
  await search.fill('');
  return { rows, keystroke: stats(keystrokes), filterOnKeystroke: stats(filterOnKeystroke), filterToggles: stats(toggles), perQuery };
}

async function main(): Promise<void> {
  const port = Number(values.port);
  process.stderr.write('building the benchmark page…\n');
  await build({ configFile, logLevel: 'warn' });
  const server = await preview({ configFile, preview: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Asia/Manila' });
    const failed = new Promise<never>((_, reject) => page.on('pageerror', (e) => reject(new Error(`page error: ${e.message}`))));
    process.stderr.write(`generating and loading ${customers} customers, ~${bookings} bookings…\n`);
    await page.goto(`http://127.0.0.1:${port}/?customers=${customers}&bookings=${bookings}`);
    await Promise.race([page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true', undefined, { timeout: 30 * 60_000, polling: 1000 }), failed]);
    const load = JSON.parse((await page.evaluate(() => document.documentElement.dataset.benchLoad)) ?? '{}') as Record<string, number>;
    process.stderr.write(`loaded: ${JSON.stringify(load)}\n`);

    await page.goto(`http://127.0.0.1:${port}/?customers=${customers}#/customers`);
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor({ timeout: 10 * 60_000 });
    const branch = await scenario(page);
    process.stderr.write(`this branch (${branch.rows}): keystroke p50 ${branch.keystroke.p50} ms, p95 ${branch.keystroke.p95} ms\n`);
    await page.getByRole('switch', { name: 'All branches' }).check();
    await page.getByTestId('customer-count').filter({ hasText: new RegExp(`^${customers.toLocaleString('en')} customers$`) }).waitFor();
    const all = await scenario(page);
    process.stderr.write(`all branches (${all.rows}): keystroke p50 ${all.keystroke.p50} ms, p95 ${all.keystroke.p95} ms\n`);

    const report = {
      benchmark: 'customer-filter',
      chromium: browser.version(),
      cpus: cpus().length,
      dataset: { customers, bookingsTarget: bookings, ...load },
      note: 'customers:filter = search + filters over the sorted rows; customers:keystroke = input event → list committed (filter + React render + DOM), paint excluded; ms',
      scopes: { thisBranch: branch, allBranches: all },
    };
    const out = resolve(import.meta.dirname, '../results/customer-filter.json');
    mkdirSync(resolve(import.meta.dirname, '../results'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
