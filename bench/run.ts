/**
 * `npm run bench` (full) and `npm run bench -- --quick`: every measurement of issue 4 with its
 * baseline from the same run, printed as a table and written to bench/results/latest.json
 * (`{name, value, unit, baseline, baseline_value, ratio, target, ok}`); the machine and the run's
 * details go to bench/results/latest-run.json. PostgreSQL from DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test): each run creates its own databases and drops them.
 *
 *   npm run bench [-- --quick] [-- --only engine,sync,browser,hq,cli] [-- --smoke] [-- --hq-size 200,100000,1000000]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchBrowser, type BenchBrowser } from './lib/browser';
import { progress, elapsedSeconds, step } from './lib/log';
import { baseMachineInfo, describeMachine, loadAverage, type MachineInfo } from './lib/machine';
import { dropAll, postgresVersion, serverUrl } from './lib/postgres';
import { formatTable, MEASUREMENT_NAMES, resultProblems, type Measurement } from './lib/result';
import { openBenchServer, type BenchServer } from './lib/server';
import { FULL, QUICK, SMOKE, type Sizes } from './lib/sizes';
import { runIngest, runInitialPull, runUi } from './suites/browser';
import { runCli } from './suites/cli';
import { runColdStart } from './suites/cold-start';
import { runEngine } from './suites/engine';
import { runHq } from './suites/hq';
import { prepareSyncServer, runHqStream, runLiveLatency, runPush, syncBranch } from './suites/sync';

const SUITES = ['engine', 'sync', 'browser', 'hq', 'cli'] as const;
type Suite = (typeof SUITES)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: resolve(import.meta.dirname, 'results') },
    /** The organisation behind hq.metrics and hq.trend, as `branches,customers,bookings` (overrides the mode's). */
    'hq-size': { type: 'string' },
  },
});

const mode = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
const baseSizes: Sizes = values.smoke ? SMOKE : values.quick ? QUICK : FULL;
function hqSize(text: string | undefined): Partial<Sizes['hq']> {
  if (text === undefined) return {};
  const parts = text.split(',').map(Number);
  const [branches, customers, bookings] = parts;
  if (parts.length !== 3 || !parts.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`--hq-size "${text}": expected branches,customers,bookings (whole numbers)`);
  return { branches, customers, bookings };
}
const sizes: Sizes = { ...baseSizes, hq: { ...baseSizes.hq, ...hqSize(values['hq-size']) } };
const only = new Set<Suite>(
  (values.only ?? SUITES.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is Suite => (SUITES as readonly string[]).includes(s)),
);

async function main(): Promise<void> {
  const machine = baseMachineInfo();
  progress(`bench (${mode}) on ${machine.cpu}, ${machine.cores} cores, load average ${machine.load_start}; PostgreSQL at ${new URL(serverUrl()).host}`);
  const results: Measurement[] = [];
  const details: Record<string, unknown> = {};
  let chromium = 'not run';
  const postgres = only.has('sync') || only.has('hq') ? await postgresVersion() : 'not run';

  if (only.has('engine')) results.push(...(await step('engine', async () => runEngine(sizes.engine))));
  if (only.has('cli')) results.push(...(await step('cli', () => runCli(sizes.cli))));

  let sync: BenchServer | null = null;
  let browser: BenchBrowser | null = null;
  try {
    let pullFrom: { url: string; branchId: string; timeZone: string } | null = null;
    if (only.has('sync')) {
      sync = await openBenchServer('sync');
      const server = sync;
      const branch = syncBranch(sizes.sync);
      await prepareSyncServer(server, branch);
      await server.start();
      results.push(await step('sync.push', () => runPush(server, branch)));
      results.push(await step('live.latency', () => runLiveLatency(server, branch, sizes.sync.liveSamples)));
      results.push(await step('live.hq_bytes', () => runHqStream(server, branch, sizes.sync.hqPushes, 250)));
      pullFrom = { url: server.url, branchId: branch.id, timeZone: branch.timezone };
    }
    if (only.has('browser')) {
      browser = await step('building the benchmark page', () => startBenchBrowser());
      const b = browser;
      chromium = b.version;
      results.push(await step('replica.ingest', () => runIngest(b, sizes.ingest)));
      if (pullFrom !== null && sync !== null) {
        const desk = await sync.enrol(pullFrom.branchId, 'front_desk');
        const from = pullFrom;
        results.push(await step('sync.initial_pull', () => runInitialPull(b, { serverUrl: from.url, token: desk.token, branchId: from.branchId, timeZone: from.timeZone })));
      }
      const profileDir = mkdtempSync(resolve(tmpdir(), 'bd-bench-profile-'));
      try {
        const ui = await step('ui.memory + ui.search', () => runUi(b, sizes.ui, profileDir));
        results.push(ui.memory, ui.search);
        details.ui = ui.info;
        const cold = await step('ui.cold_start', () => runColdStart(b.url, profileDir, sizes.ui.coldStartRuns));
        results.push(...cold.measurements);
        details.coldStart = cold.info;
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser?.close();
    await sync?.close();
  }
  if (only.has('hq')) {
    const hq = await step('hq.metrics + hq.trend', () => runHq(sizes.hq));
    results.push(...hq.measurements);
    details.hq = hq.info;
  }

  results.sort((a, b) => MEASUREMENT_NAMES.indexOf(a.name) - MEASUREMENT_NAMES.indexOf(b.name));
  const problems = resultProblems(results);
  if (problems.length > 0) throw new Error(`results are malformed: ${problems.join('; ')}`);
  const info: MachineInfo = { ...machine, chromium, postgres, load_end: loadAverage() };
  mkdirSync(values.out, { recursive: true });
  writeFileSync(resolve(values.out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    resolve(values.out, 'latest-run.json'),
    `${JSON.stringify({ mode, finished: new Date().toISOString(), seconds: Math.round(elapsedSeconds()), machine: info, sizes, details, results }, null, 2)}\n`,
  );
  process.stdout.write(`\nBranchdesk benchmarks (${mode} run, ${Math.round(elapsedSeconds())} s)\n${describeMachine(info)}\n\n${formatTable(results)}\n\n`);
  const missed = results.filter((r) => !r.ok).map((r) => r.name);
  process.stdout.write(missed.length === 0 ? 'Every target met.\n' : `Targets missed: ${missed.join(', ')}\n`);
}

const cleanUp = (): void => {
  void dropAll().finally(() => process.exit(130));
};
process.once('SIGINT', cleanUp);
process.once('SIGTERM', cleanUp);

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => dropAll());
