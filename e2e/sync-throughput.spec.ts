import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { SyncDesk } from './pages/sync-desk';
import { createStorage, startSyncServer, type Storage, type SyncServer } from './support/server';
import { shot } from './support/shot';

/**
 * Measurement (not a test of speed: nothing is asserted about time). A fresh browser desk pairs
 * with a server on PostgreSQL holding one branch with 100,000 bookings and performs its first
 * sync through the real app (replication, replica writes, derived activity). Writes
 * bench/results/desk-first-sync.json and a screenshot of the first-sync progress.
 *
 *   BRANCHDESK_SYNC_BENCH=1 DATABASE_URL=postgres://… npx playwright test e2e/sync-throughput.spec.ts
 */
const BOOKINGS = Number(process.env.BRANCHDESK_SYNC_BENCH_BOOKINGS ?? 100_000);
const CUSTOMERS = Number(process.env.BRANCHDESK_SYNC_BENCH_CUSTOMERS ?? 20_000);

test('first sync of a 100,000-booking branch into a fresh browser replica (measurement)', async ({ browser, baseURL }) => {
  test.skip(process.env.BRANCHDESK_SYNC_BENCH !== '1' || process.env.DATABASE_URL === undefined, 'measurement: set BRANCHDESK_SYNC_BENCH=1 and DATABASE_URL');
  test.setTimeout(30 * 60_000);
  const storage: Storage = await createStorage('postgres');
  const csv = mkdtempSync(join(tmpdir(), 'branchdesk-bench-csv-'));
  let server: SyncServer | null = null;
  let desk: SyncDesk | null = null;
  try {
    await storage.cli(['generate', '--out', csv, '--branches', '1', '--customers', String(CUSTOMERS), '--bookings', String(BOOKINGS), '--today', '2026-03-02']);
    const branchId = (readFileSync(join(csv, 'branches.csv'), 'utf8').split('\n')[1] ?? '').split(',')[0] as string;
    await storage.cli(['import', '--data', csv]);
    server = await startSyncServer(storage);
    const code = await storage.enrol(branchId, 'front_desk');
    desk = await SyncDesk.open(browser, 'bench', { baseURL: baseURL as string });
    await desk.fillPairing((server as SyncServer).url, code);
    // once paired, the app opens on Settings, whose sync section shows the first-sync progress in full
    await desk.page.evaluate(() => {
      window.location.hash = '#/settings';
    });
    const started = Date.now();
    await desk.pairingForm.getByRole('button', { name: 'Connect' }).click();
    const bar = desk.page.getByRole('progressbar', { name: 'First sync', exact: true });
    await expect(bar).toHaveAttribute('aria-valuemax', /^\d+$/, { timeout: 60_000 });
    const shownTotal = Number(await bar.getAttribute('aria-valuemax'));
    const log = setInterval(() => {
      void bar.getAttribute('aria-valuenow', { timeout: 1000 }).then(
        (v) => console.log(`${((Date.now() - started) / 1000).toFixed(1)} s: ${v ?? '?'} of ${shownTotal}`),
        () => undefined,
      );
    }, 5000);
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 10 * 60_000, intervals: [250] }).toBeGreaterThan(shownTotal / 10);
    clearInterval(log);
    await desk.page.screenshot({ path: shot('26-first-sync') });
    await desk.expectSynced(20 * 60_000);
    const syncedMs = Date.now() - started;
    // the desk computed activity for the pulled pairs: its dashboard counts the branch's customers
    await desk.go('Dashboard');
    await expect(new DashboardPage(desk.page).metric('customers')).toHaveText(CUSTOMERS.toLocaleString('en'));
    const result = {
      name: 'desk.first_sync',
      total_documents: shownTotal,
      seconds: syncedMs / 1000,
      documents_per_second: Math.round(shownTotal / (syncedMs / 1000)),
      load_average: loadavg(),
      database: 'postgresql',
      note: 'Chromium, production web build, real UI: from pressing Connect until the indicator shows "Synced at" (replica written, derived activity computed).',
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/desk-first-sync.json', `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result));
    expect(await desk.unexpectedProblems()).toEqual([]);
  } finally {
    await desk?.close();
    await server?.stop();
    await storage.dispose();
    rmSync(csv, { recursive: true, force: true });
  }
});
