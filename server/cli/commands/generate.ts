import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import {
  CSV_FILES,
  DEMO_LIMITS,
  DemoGenerator,
  demoOptions,
  demoOptionsProblems,
  isPresetName,
  PRESET_NAMES,
  type CsvFileName,
  type DemoOptions,
} from '../../../shared/demo';
import { dayOption, parseOptions, requireOption } from '../args';
import { CliError, EXIT_BAD_INPUT, usageError } from '../errors';
import { formatDay } from '../../../shared/time/calendar';
import { todayIn } from '../../../shared/time/zone';

interface Writable {
  write(chunk: string): boolean;
}

function wholeOption(text: string | undefined, name: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = /^-?\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw usageError(`generate: --${name} "${text}" must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Today's date where the command runs (the machine's own zone). */
function localToday(nowMs: number): string {
  return formatDay(todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', nowMs));
}

/**
 * The generator options the command line asks for (preset, then the flags given). The `demo`
 * preset is a living business around today unless `--today` says otherwise; the other presets
 * (fixture-sized and benchmark sets) keep their fixed date so runs agree from day to day.
 */
export function generateOptions(argv: string[], nowMs: number = Date.now()): { out: string; options: DemoOptions } {
  const opts = parseOptions(
    argv,
    {
      out: { type: 'string' },
      preset: { type: 'string' },
      seed: { type: 'string' },
      branches: { type: 'string' },
      customers: { type: 'string' },
      bookings: { type: 'string' },
      today: { type: 'string' },
      'history-days': { type: 'string' },
    },
    'generate',
  );
  const out = requireOption(opts.out, 'out', 'generate');
  const preset = opts.preset ?? 'demo';
  if (!isPresetName(preset)) throw usageError(`generate: --preset "${preset}" is not one of ${PRESET_NAMES.join(', ')}`);
  const overrides: Partial<DemoOptions> = {};
  const seed = wholeOption(opts.seed, 'seed', 0, Number.MAX_SAFE_INTEGER);
  if (seed !== undefined) overrides.seed = seed;
  const branches = wholeOption(opts.branches, 'branches', 1, DEMO_LIMITS.branches);
  if (branches !== undefined) overrides.branches = branches;
  const customers = wholeOption(opts.customers, 'customers', 1, DEMO_LIMITS.customers);
  if (customers !== undefined) overrides.customers = customers;
  const bookings = wholeOption(opts.bookings, 'bookings', 0, DEMO_LIMITS.targetBookings);
  if (bookings !== undefined) overrides.targetBookings = bookings;
  const history = wholeOption(opts['history-days'], 'history-days', DEMO_LIMITS.minHistoryDays, DEMO_LIMITS.maxHistoryDays);
  if (history !== undefined) overrides.historyDays = history;
  if (opts.today !== undefined) {
    dayOption(opts.today, 'today', 'generate');
    overrides.today = opts.today;
  } else if (preset === 'demo') {
    overrides.today = localToday(nowMs);
  }
  const options = demoOptions(preset, overrides);
  const problems = demoOptionsProblems(options);
  if (problems.length > 0) throw usageError(`generate: ${problems.join('; ')}`);
  return { out, options };
}

async function prepareDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new CliError(`generate: cannot create --out directory ${dir}: ${(error as Error).message}`, EXIT_BAD_INPUT);
  }
  for (const file of CSV_FILES) {
    const target = join(dir, file);
    const info = await stat(target).catch(() => null);
    if (info !== null && !info.isFile()) throw new CliError(`generate: ${target} exists and is not a file`, EXIT_BAD_INPUT);
  }
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `generate`: writes the three CSV files into --out, streaming with backpressure. Each file is
 * written to a temporary name in the same directory and renamed only when all three are
 * complete, so a failed or interrupted run leaves the directory as it was. Prints a one-line
 * summary to stderr and nothing to stdout.
 */
export async function generateCommand(argv: string[], stderr: Writable = process.stderr): Promise<string> {
  const { out, options } = generateOptions(argv);
  const dir = resolve(out);
  await prepareDirectory(dir);
  const started = performance.now();
  const generator = new DemoGenerator(options);
  const suffix = `.tmp-${process.pid}-${Date.now().toString(36)}`;
  const temps = Object.fromEntries(CSV_FILES.map((f) => [f, join(dir, `.${f}${suffix}`)])) as Record<CsvFileName, string>;
  const streams = new Map<CsvFileName, WriteStream>();
  const cleanup = () => {
    for (const s of streams.values()) s.destroy();
    return Promise.all(Object.values(temps).map((t) => rm(t, { force: true })));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const counts: Record<CsvFileName, number> = { 'branches.csv': 0, 'customers.csv': 0, 'bookings.csv': 0 };
  let bytes = 0;
  // A write error may come while no one is waiting on the stream: keep it and fail at the next step.
  let failure: Error | null = null;
  const settle = (stream: WriteStream, event: string) => (failure !== null ? Promise.reject(failure) : once(stream, event));
  try {
    for (const file of CSV_FILES) {
      const stream = createWriteStream(temps[file], { flags: 'wx' });
      stream.on('error', (error) => {
        failure ??= error;
      });
      streams.set(file, stream);
      await settle(stream, 'open');
    }
    for (const chunk of generator.csvChunks()) {
      const stream = streams.get(chunk.file) as WriteStream;
      bytes += chunk.bytes.length;
      counts[chunk.file] += chunk.rows;
      if (!stream.write(chunk.bytes)) await settle(stream, 'drain');
      if (failure !== null) throw failure;
    }
    for (const stream of streams.values()) {
      stream.end();
      await settle(stream, 'finish');
    }
    for (const file of CSV_FILES) await rename(temps[file], join(dir, file));
  } catch (error) {
    await cleanup();
    if (error instanceof CliError) throw error;
    throw new CliError(`generate: cannot write into ${dir}: ${(error as Error).message}`, EXIT_BAD_INPUT);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  const seconds = (performance.now() - started) / 1000;
  stderr.write(
    `generated ${thousands(counts['branches.csv'])} branches, ${thousands(counts['customers.csv'])} customers, ` +
      `${thousands(counts['bookings.csv'])} bookings (seed ${options.seed}, as of ${options.today}; ` +
      `${(bytes / 1e6).toFixed(1)} MB) into ${dir} in ${seconds.toFixed(1)} s\n`,
  );
  return '';
}
