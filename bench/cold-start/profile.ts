/**
 * Where a cold start's time goes: `npx tsx bench/cold-start/profile.ts [--customers N]
 * [--bookings N] [--dir D] [--runs N] [--cpu out.cpuprofile] [--screen today|customers]
 * [--dayOffset N]`. Loads a replica once into a browser profile folder (kept in `--dir`, reused
 * by the next call with the same sizes), then starts the desk in fresh Chromiums on it and
 * prints the page's performance marks, when Today's summary and the Customers count showed,
 * and optionally writes a Chromium CPU profile of one start (`--cpu`); `--bench` runs the bench's
 * ui.cold_start scenarios (with their floors) on that replica instead. Build the page unminified
 * for readable profiles: `BENCH_MINIFY=0`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { StartProbe } from '../browser/cold-start';
import { startBenchBrowser, waitReady, watchPage } from '../lib/browser';
import { launchProfile, runColdStart } from '../suites/cold-start';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '30000' },
    bookings: { type: 'string', default: '90000' },
    dir: { type: 'string' },
    runs: { type: 'string', default: '3' },
    cpu: { type: 'string' },
    screen: { type: 'string', default: 'today' },
    dayOffset: { type: 'string', default: '0' },
    port: { type: 'string', default: '4451' },
    bench: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const dir = values.dir ?? `/tmp/bd-cold-start-${values.customers}-${values.bookings}`;
  const b = await startBenchBrowser(Number(values.port));
  try {
    // A persistent profile keeps IndexedDB per origin: the page must be served on the same port.
    if (!existsSync(`${dir}/.loaded`)) {
      const context = await launchProfile(dir);
      const page = await context.newPage();
      watchPage(page);
      await page.goto(`${b.url}?mode=app&load=1&customers=${values.customers}&bookings=${values.bookings}`);
      await waitReady(page, 60 * 60_000);
      process.stdout.write(`loaded ${await page.evaluate(() => document.documentElement.dataset.benchInfo)}\n`);
      await context.close();
      writeFileSync(`${dir}/.loaded`, b.url);
    }
    if (values.bench) {
      // The bench's own ui.cold_start scenarios (with their floors) on this replica.
      const cold = await runColdStart(b.url, dir, Number(values.runs));
      for (const m of cold.measurements) process.stdout.write(`${m.name}: ${Math.round(m.value)} ${m.unit} (floor ${Math.round(m.baseline_value)})\n`);
      return;
    }
    for (let i = 0; i < Number(values.runs); i += 1) {
      const context = await launchProfile(dir);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        watchPage(page);
        const cdp = values.cpu !== undefined && i === 0 ? await context.newCDPSession(page) : null;
        if (cdp !== null) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        await page.goto(`${b.url}?mode=app&probe=1&dayOffset=${values.dayOffset}#/${values.screen}`);
        await waitReady(page, 30 * 60_000);
        await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true', undefined, { timeout: 600_000 });
        if (cdp !== null && values.cpu !== undefined) {
          const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
          writeFileSync(values.cpu, JSON.stringify(profile));
        }
        const r = await page.evaluate(() => {
          const probe = window.benchProbe as StartProbe;
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          return {
            today: Math.round(probe.todayMs ?? -1),
            counts: probe.counts.map((c) => `${Math.round(c.ms)}:${c.text}`),
            marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
            measures: Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.duration)])),
            domInteractive: Math.round(nav?.domInteractive ?? -1),
            scripts: performance
              .getEntriesByType('resource')
              .filter((e) => e.name.endsWith('.js'))
              .map((e) => `${e.name.split('/').pop() ?? ''} ${Math.round((e as PerformanceResourceTiming).responseEnd)}`),
          };
        });
        process.stdout.write(`${JSON.stringify(r)}\n`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await b.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
