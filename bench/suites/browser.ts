/**
 * The Chromium measurements: replica.ingest, sync.initial_pull (with a server), ui.memory and
 * ui.search, on the benchmark page (bench/browser) built from the renderer's real modules.
 */
import type { Page } from '@playwright/test';
import type { IngestResult } from '../browser/ingest';
import type { PullOptions, PullResult } from '../browser/pull';
import { heapAfterGc, waitReady, watchPage, type BenchBrowser } from '../lib/browser';
import { progress } from '../lib/log';
import { measurement, type Measurement } from '../lib/result';
import { percentile, summary } from '../lib/stats';
import { launchProfile } from './cold-start';

async function labPage(b: BenchBrowser): Promise<Page> {
  const context = await b.browser.newContext();
  const page = await context.newPage();
  watchPage(page);
  await page.goto(b.url);
  await waitReady(page, 60_000);
  return page;
}

export async function runIngest(b: BenchBrowser, sizes: { customers: number; bookings: number }): Promise<Measurement> {
  const page = await labPage(b);
  try {
    const r: IngestResult = await page.evaluate((o) => window.bench.ingest(o), sizes);
    const rawMs = Math.min(...r.rawMs);
    progress(
      `replica.ingest: ${r.bookings} bookings (${r.customers} customers, ${r.pairs} pairs): replication ${r.replicationMs.toFixed(0)} ms, with derived rows saved ${r.totalMs.toFixed(0)} ms; raw bulkPut ${r.rawMs.map((x) => x.toFixed(0)).join(' / ')} ms`,
    );
    return measurement({
      name: 'replica.ingest',
      value: (r.bookings / r.totalMs) * 1000,
      unit: 'docs/s',
      baseline: `raw Dexie bulkPut of the same ${r.bookings.toLocaleString('en-US')} booking objects into a table keyed by id, same page (faster of 2)`,
      baselineValue: (r.bookings / rawMs) * 1000,
      ratioKind: 'throughput',
      target: '≥ 0.5× baseline throughput',
      limit: { ratioAtLeast: 0.5 },
    });
  } finally {
    await page.context().close();
  }
}

export async function runInitialPull(b: BenchBrowser, options: PullOptions): Promise<Measurement> {
  const page = await labPage(b);
  try {
    const r: PullResult = await page.evaluate((o) => window.bench.initialPull(o), options);
    const total = Object.values(r.documents).reduce((a, n) => a + n, 0);
    progress(`sync.initial_pull: ${JSON.stringify(r.documents)} (${r.pairs} pairs) in ${r.syncMs.toFixed(0)} ms; raw fetch of the same pages ${r.fetchMs.toFixed(0)} ms`);
    return measurement({
      name: 'sync.initial_pull',
      value: (total / r.syncMs) * 1000,
      unit: 'docs/s',
      baseline: `the same ${total.toLocaleString('en-US')} documents' pull pages fetched and parsed by the desk's SyncApi, stored nowhere (faster of 2)`,
      baselineValue: (total / r.fetchMs) * 1000,
      ratioKind: 'throughput',
      target: '≥ 20,000 docs/s',
      limit: { valueAtLeast: 20_000 },
    });
  } finally {
    await page.context().close();
  }
}

export const QUERIES = ['maria', 'santos', 'jo', 'ana cruz', '0917 5', 'gmail.com', 'k', 'xyz'];
const STATUS_FILTERS = [/^At risk\b/, /^Churned\b/, /^Active\b/, /^New\b/];

/** Keystroke → list committed (the screen's own `customers:keystroke` measure), one per key. */
async function typeQuery(page: Page, query: string): Promise<void> {
  for (const ch of query) {
    const before = await page.evaluate(() => performance.getEntriesByName('customers:keystroke').length);
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    await page.waitForFunction((n) => performance.getEntriesByName('customers:keystroke').length > n, before);
  }
}

/** A status filter click → the customer list committed (see `armClickTimer` in the page). */
async function toggleStatus(page: Page, name: RegExp): Promise<number> {
  await page.evaluate(() => window.bench.armClickTimer());
  await page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox', { name }).click();
  return page.evaluate(() => window.bench.clickTime());
}

export async function searchScenario(page: Page): Promise<{ keystrokes: number[]; toggles: number[] }> {
  const search = page.getByRole('searchbox', { name: 'Search customers' });
  await search.click();
  // warm-up (JIT, first layout), not counted
  await typeQuery(page, 'mar');
  await search.fill('');
  await page.evaluate(() => performance.clearMeasures('customers:keystroke'));
  for (const q of QUERIES) {
    await typeQuery(page, q);
    await search.fill('');
  }
  const keystrokes = await page.evaluate(() => performance.getEntriesByName('customers:keystroke').map((e) => e.duration));
  const toggles: number[] = [];
  for (const name of STATUS_FILTERS) toggles.push(await toggleStatus(page, name));
  // the same filters off again, then a search on top of a status filter
  for (const name of STATUS_FILTERS) toggles.push(await toggleStatus(page, name));
  toggles.push(await toggleStatus(page, STATUS_FILTERS[0] as RegExp));
  await search.click();
  await page.evaluate(() => performance.clearMeasures('customers:keystroke'));
  await typeQuery(page, 'ma');
  keystrokes.push(...(await page.evaluate(() => performance.getEntriesByName('customers:keystroke').map((e) => e.duration))));
  return { keystrokes, toggles };
}

export interface UiSizes {
  customers: number;
  bookings: number;
  /** ui.cold_start: runs of (same day, new day, Customers), each start in a fresh browser. */
  coldStartRuns: number;
}

/**
 * ui.memory and ui.search. The replica is loaded in a browser profile folder (`profileDir`,
 * a persistent context: its own Chromium process), where ui.cold_start then starts the desk again.
 */
export async function runUi(b: BenchBrowser, sizes: UiSizes, profileDir: string): Promise<{ memory: Measurement; search: Measurement; info: Record<string, unknown> }> {
  // Baseline page first: the documents alone, held as plain objects.
  const base = await labPage(b);
  let baselineBytes: number;
  try {
    await base.evaluate((s) => window.bench.holdDataset(s.customers, s.bookings), sizes);
    baselineBytes = await heapAfterGc(base);
  } finally {
    await base.context().close();
  }

  const context = await launchProfile(profileDir);
  try {
    const loader = await context.newPage();
    watchPage(loader);
    await loader.goto(`${b.url}?mode=app&load=1&customers=${sizes.customers}&bookings=${sizes.bookings}`);
    await waitReady(loader, 60 * 60_000);
    const loaded = JSON.parse((await loader.evaluate(() => document.documentElement.dataset.benchInfo)) ?? '{}') as Record<string, number>;
    progress(`ui: loaded ${JSON.stringify(loaded)}`);
    // The page's own url: a persistent context keeps the origin (and its IndexedDB) per port.
    await loader.close();

    // The desk as it starts: a new page reads the replica from IndexedDB (real start-up).
    const page = await context.newPage();
    watchPage(page);
    await page.goto(`${b.url}?mode=app#/customers`);
    await waitReady(page, 30 * 60_000);
    const started = JSON.parse((await page.evaluate(() => document.documentElement.dataset.benchInfo)) ?? '{}') as Record<string, number>;
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor({ timeout: 120_000 });
    const heapBytes = await heapAfterGc(page);
    progress(`ui.memory: start-up ${started.startMs} ms, ${started.deskCustomers} customers, ${started.pairs} pairs; heap ${(heapBytes / 2 ** 20).toFixed(1)} MB (documents alone ${(baselineBytes / 2 ** 20).toFixed(1)} MB)`);

    await page.getByRole('switch', { name: 'All branches' }).check();
    await page.getByTestId('customer-count').filter({ hasText: new RegExp(`^${(started.deskCustomers ?? 0).toLocaleString('en')} customers$`) }).waitFor();
    const { keystrokes, toggles } = await searchScenario(page);
    const floor = await page.evaluate((q) => window.bench.bareScan(q), QUERIES);
    const all = [...keystrokes, ...toggles];
    progress(`ui.search: keystrokes ${JSON.stringify(summary(keystrokes))}, status toggles ${JSON.stringify(summary(toggles))}; bare scan ${JSON.stringify(summary(floor))}`);
    const mb = (x: number): number => x / 2 ** 20;
    return {
      memory: measurement({
        name: 'ui.memory',
        value: mb(heapBytes),
        unit: 'MB',
        baseline: `the same ${sizes.customers.toLocaleString('en-US')} customer and ${(loaded.bookings ?? sizes.bookings).toLocaleString('en-US')} booking documents held as plain objects in an idle page (heap after GC)`,
        baselineValue: mb(baselineBytes),
        ratioKind: 'cost',
        target: '< 300 MB',
        limit: { valueBelow: 300 },
      }),
      search: measurement({
        name: 'ui.search',
        value: percentile(all, 0.95),
        unit: 'ms p95',
        baseline: `bare includes() scan of the ${(started.deskCustomers ?? 0).toLocaleString('en-US')} lower-cased names per typed prefix, same page`,
        baselineValue: percentile(floor, 0.95),
        ratioKind: 'cost',
        target: 'p95 < 50 ms',
        limit: { valueBelow: 50 },
      }),
      info: { loaded, started },
    };
  } finally {
    await context.close();
  }
}
