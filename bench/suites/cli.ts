/**
 * The command line (issue 10, item 4), as a user runs it: `node scripts/cli.mjs …` (what
 * `npm run --silent cli -- …` runs, without npm's own start-up), each run its own process.
 * - cli.startup: `--help`, median of runs, next to `node -e 0`;
 * - cli.activity / cli.metrics: a data set of 1,000,000 bookings / 100,000 customers (quick:
 *   a quarter of it), median wall time of runs, next to the bare read-and-split of the same files
 *   (bench/cli/read-and-split.mjs) in the same run, alternating;
 * - cli.memory: the larger peak resident memory of activity and metrics (the process's maxRSS).
 * The output is checked to be the same in every run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { progress } from '../lib/log';
import { measurement, type Measurement } from '../lib/result';
import { median } from '../lib/stats';

export interface CliSizes {
  customers: number;
  bookings: number;
  runs: number;
}

const REPO = resolve(import.meta.dirname, '..', '..');
/** Writes the process's peak resident set (KB) to fd 3 when it exits. */
const PEAK = `data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(3, String(process.resourceUsage().maxRSS)));")}`;

interface Run {
  ms: number;
  peakMb: number;
  stdout: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', PEAK, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const peak: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (b: Buffer) => peak.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) reject(new Error(`node ${args.join(' ')} exited ${code}: ${Buffer.concat(err).toString()}`));
      else resolvePromise({ ms, peakMb: Number(Buffer.concat(peak).toString()) / 1024, stdout: Buffer.concat(out).toString() });
    });
  });
}

export async function runCli(sizes: CliSizes): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bd-bench-cli-'));
  try {
    await run(['scripts/cli.mjs', 'generate', '--out', dir, '--customers', String(sizes.customers), '--bookings', String(sizes.bookings)]);
    // the first call builds the bundle when the sources changed: not timed
    await run(['scripts/cli.mjs', '--help']);
    const help: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      bare.push((await run(['-e', '0'])).ms);
      help.push((await run(['scripts/cli.mjs', '--help'])).ms);
    }
    progress(`cli.startup: --help ${median(help).toFixed(0)} ms, node -e 0 ${median(bare).toFixed(0)} ms (medians of 10)`);
    const results: Measurement[] = [
      measurement({
        name: 'cli.startup',
        value: median(help),
        unit: 'ms',
        baseline: '`node -e 0`, median of 10 alternating with the CLI',
        baselineValue: median(bare),
        ratioKind: 'cost',
        target: '< 200 ms',
        limit: { valueBelow: 200 },
      }),
    ];
    let peak = 0;
    let floorPeak = 0;
    for (const command of ['activity', 'metrics'] as const) {
      const times: number[] = [];
      const floors: number[] = [];
      let output: string | null = null;
      for (let i = 0; i < sizes.runs; i += 1) {
        const floor = await run(['bench/cli/read-and-split.mjs', dir]);
        floors.push(floor.ms);
        floorPeak = Math.max(floorPeak, floor.peakMb);
        const r = await run(['scripts/cli.mjs', command, '--data', dir, '--as-of', '2026-03-01']);
        if (output !== null && r.stdout !== output) throw new Error(`cli ${command}: the output changed between runs`);
        output = r.stdout;
        times.push(r.ms);
        peak = Math.max(peak, r.peakMb);
      }
      progress(`cli.${command}: ${median(times).toFixed(0)} ms, read-and-split ${median(floors).toFixed(0)} ms (medians of ${sizes.runs}); peak ${peak.toFixed(0)} MB`);
      results.push(
        measurement({
          name: `cli.${command}`,
          value: median(times),
          unit: 'ms',
          baseline: `reading the same CSVs (${sizes.bookings.toLocaleString('en-US')} bookings, ${sizes.customers.toLocaleString('en-US')} customers), decoding and splitting every line into fields (bench/cli/read-and-split.mjs), median of ${sizes.runs} alternating`,
          baselineValue: median(floors),
          ratioKind: 'cost',
          target: '≤ 2.5× baseline',
          limit: { ratioAtMost: 2.5 },
        }),
      );
    }
    results.push(
      measurement({
        name: 'cli.memory',
        value: peak,
        unit: 'MB peak',
        baseline: 'peak resident memory of the read-and-split floor',
        baselineValue: floorPeak,
        ratioKind: 'cost',
        target: '< 700 MB (activity and metrics, the larger)',
        limit: { valueBelow: 700 },
      }),
    );
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
