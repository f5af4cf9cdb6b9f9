import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDataset } from '../../../shared/csv/import';
import { CliError } from '../errors';
import { generateCommand, generateOptions } from './generate';
import { formatDay } from '../../../shared/time/calendar';
import { todayIn } from '../../../shared/time/zone';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'branchdesk-generate-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function sink() {
  const lines: string[] = [];
  return { lines, write: (s: string) => lines.push(s) > 0 };
}

async function files(dir: string) {
  const read = (name: string) => readFile(join(dir, name), 'utf8');
  return { branches: await read('branches.csv'), customers: await read('customers.csv'), bookings: await read('bookings.csv') };
}

async function failure(promise: Promise<unknown>): Promise<CliError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected the command to fail');
}

describe('generate command', () => {
  it('writes the three import files, says one line on stderr and nothing on stdout', async () => {
    const out = join(root, 'sample');
    const stderr = sink();
    const stdout = await generateCommand(['--out', out, '--preset', 'sample-like', '--seed', '5', '--today', '2026-03-01'], stderr);
    expect(stdout).toBe('');
    expect(stderr.lines).toHaveLength(1);
    expect(stderr.lines[0]).toMatch(/^generated 4 branches, 130 customers, [\d,]+ bookings \(seed 5, as of 2026-03-01; [\d.]+ MB\) into .+\n$/);
    expect((await readdir(out)).sort()).toEqual(['bookings.csv', 'branches.csv', 'customers.csv']);
    const outcome = parseDataset(await files(out));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 3)));
    expect(outcome.dataset.customers).toHaveLength(130);
    const count = Number(/customers, ([\d,]+) bookings/.exec(stderr.lines[0] ?? '')?.[1]?.replace(/,/g, ''));
    expect(outcome.dataset.bookings).toHaveLength(count);
  });

  it('is deterministic and honours --branches/--customers/--bookings over the preset', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    const args = ['--preset', 'bench-quick', '--branches', '7', '--customers', '300', '--bookings', '3000', '--seed', '9'];
    await generateCommand(['--out', a, ...args], sink());
    await generateCommand(['--out', b, ...args], sink());
    const fa = await files(a);
    expect(await files(b)).toEqual(fa);
    expect(fa.branches.trim().split('\n')).toHaveLength(8);
    expect(fa.customers.trim().split('\n')).toHaveLength(301);
    const bookings = fa.bookings.trim().split('\n').length - 1;
    expect(Math.abs(bookings - 3000)).toBeLessThan(300);
    // Running again over existing files replaces them whole.
    await generateCommand(['--out', a, ...args.slice(0, -1), '10'], sink());
    expect((await files(a)).customers).not.toEqual(fa.customers);
    expect((await readdir(a)).sort()).toEqual(['bookings.csv', 'branches.csv', 'customers.csv']);
  });

  it('rejects bad options with exit code 2 and a message naming the option, writing nothing', async () => {
    const out = join(root, 'never');
    const cases: [string[], RegExp][] = [
      [[], /--out is required/],
      [['--out', out, '--preset', 'huge'], /--preset "huge" is not one of demo, sample-like, bench-quick, bench-full/],
      [['--out', out, '--customers', '0'], /--customers "0" must be a whole number from 1/],
      [['--out', out, '--branches', 'many'], /--branches "many" must be a whole number/],
      [['--out', out, '--today', '2026-13-01'], /--today "2026-13-01" is not a date/],
      [['--out', out, '--seed=-1'], /--seed "-1" must be a whole number from 0/],
      [['--out', out, '--customers', '100', '--bookings', '50'], /bookings must be from 300 to/],
      [['--out', out, '--history-days', '5'], /--history-days "5" must be a whole number from 180/],
      [['--out', out, '--colour', 'red'], /Unknown option '--colour'/],
    ];
    for (const [argv, message] of cases) {
      const error = await failure(generateCommand(argv, sink()));
      expect(error.exitCode, argv.join(' ')).toBe(2);
      expect(error.message).toMatch(message);
    }
    await expect(readdir(out)).rejects.toThrow();
    expect(generateOptions(['--out', out]).options.customers).toBe(1500);
  });

  it('the demo preset ends today unless --today is given; the other presets keep their fixed date', () => {
    const noon = Date.UTC(2027, 4, 20, 12);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const local = formatDay(todayIn(zone, noon));
    expect(generateOptions(['--out', 'x'], noon).options.today).toBe(local);
    expect(generateOptions(['--out', 'x', '--preset', 'demo'], noon).options.today).toBe(local);
    expect(generateOptions(['--out', 'x', '--preset', 'demo', '--today', '2026-03-01'], noon).options.today).toBe('2026-03-01');
    expect(generateOptions(['--out', 'x', '--preset', 'sample-like'], noon).options.today).toBe('2026-03-01');
    expect(generateOptions(['--out', 'x', '--preset', 'bench-quick'], noon).options.today).toBe('2026-03-01');
  });

  it('leaves the directory as it was when it cannot finish', async () => {
    const out = join(root, 'blocked');
    await mkdir(join(out, 'bookings.csv'), { recursive: true });
    await writeFile(join(out, 'customers.csv'), 'old contents\n');
    const error = await failure(generateCommand(['--out', out, '--preset', 'sample-like'], sink()));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/bookings\.csv exists and is not a file/);
    expect((await readdir(out)).sort()).toEqual(['bookings.csv', 'customers.csv']);
    expect(await readFile(join(out, 'customers.csv'), 'utf8')).toBe('old contents\n');

    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    const notDir = await failure(generateCommand(['--out', join(file, 'sub'), '--preset', 'sample-like'], sink()));
    expect(notDir.exitCode).toBe(2);
    expect(notDir.message).toMatch(/cannot create --out directory/);
  });
});
