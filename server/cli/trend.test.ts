import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDay, parseDay } from '../../shared/time/calendar';
import { cliInProcess as cli } from '../test-support/cli';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
/** Contract columns of the `trend` output, in order (docs/DESIGN.md §3). */
const TREND_COLUMNS = ['date', 'branch_id', 'customers', 'new', 'active', 'at_risk', 'churned', 'win_back', 'new_customers_30d', 'churn_rate', 'avg_clv', 'avg_visits'];
const METRIC_KEYS = TREND_COLUMNS.slice(2);

/** `metrics --as-of` for one day, as the trend rows of that day must read (numbers as JSON writes them). */
async function metricsRows(dir: string, date: string): Promise<string[]> {
  const { code, stdout, stderr } = await cli('metrics', '--data', dir, '--as-of', date);
  expect([code, stderr]).toEqual([0, '']);
  const report = JSON.parse(stdout) as { branches: Record<string, Record<string, number>>; all: Record<string, number> };
  const row = (id: string, m: Record<string, number>) => [date, id, ...METRIC_KEYS.map((k) => String(m[k]))].join(',');
  const ids = Object.keys(report.branches).sort();
  return [...ids.map((id) => row(id, report.branches[id] as Record<string, number>)), row('all', report.all)];
}

async function expectTrendEqualsMetrics(dir: string, from: string, to: string): Promise<number> {
  const { code, stdout, stderr } = await cli('trend', '--data', dir, '--from', from, '--to', to);
  expect([code, stderr]).toEqual([0, '']);
  const lines = stdout.split('\n');
  expect(lines[0]).toBe(TREND_COLUMNS.join(','));
  expect(lines.at(-1)).toBe('');
  const expected = [TREND_COLUMNS.join(',')];
  const first = parseDay(from) as number;
  const last = parseDay(to) as number;
  for (let d = first; d <= last; d += 1) expected.push(...(await metricsRows(dir, formatDay(d))));
  expect(lines.slice(0, -1)).toEqual(expected);
  return last - first + 1;
}

describe('trend equals metrics --as-of for every day of the range', () => {
  it('on the sample fixture (a quarter around its as-of date, and years before any data)', async () => {
    expect(await expectTrendEqualsMetrics(join(FIXTURES, 'sample'), '2025-12-01', '2026-03-15')).toBe(105);
    await expectTrendEqualsMetrics(join(FIXTURES, 'sample'), '2023-12-30', '2024-01-10');
  });

  it('on the rules fixture (every §2 boundary, zones from −05 to +13)', async () => {
    await expectTrendEqualsMetrics(join(FIXTURES, 'rules'), '2025-10-25', '2026-03-05');
  });

  it('on the history fixture (existence as of a past date)', async () => {
    await expectTrendEqualsMetrics(join(FIXTURES, 'history'), '2026-01-01', '2026-03-12');
  });

  it('a one-day range is metrics of that day', async () => {
    await expectTrendEqualsMetrics(join(FIXTURES, 'sample'), '2026-03-01', '2026-03-01');
  });
});

describe('the history fixture, worked out by hand', () => {
  const HISTORY = join(FIXTURES, 'history');

  it('trend 2026-02-28..2026-03-02 matches the expected CSV byte for byte', async () => {
    const { code, stdout, stderr } = await cli('trend', '--data', HISTORY, '--from', '2026-02-28', '--to', '2026-03-02');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe(await readFile(join(HISTORY, 'expected-trend-2026-02-28-2026-03-02.csv'), 'utf8'));
  });

  it('activity and metrics as of 2026-03-01 match byte for byte', async () => {
    for (const [command, file] of [
      ['activity', 'expected-activity-2026-03-01.csv'],
      ['metrics', 'expected-metrics-2026-03-01.json'],
    ] as const) {
      const { code, stdout, stderr } = await cli(command, '--data', HISTORY, '--as-of', '2026-03-01');
      expect([code, stderr]).toEqual([0, '']);
      expect(stdout).toBe(await readFile(join(HISTORY, file), 'utf8'));
    }
  });
});

describe('trend: bad input exits 2 with nothing on stdout', () => {
  let bad = '';

  beforeAll(async () => {
    bad = await mkdtemp(join(tmpdir(), 'branchdesk-trend-'));
    const sample = join(FIXTURES, 'sample');
    await copyFile(join(sample, 'branches.csv'), join(bad, 'branches.csv'));
    await copyFile(join(sample, 'customers.csv'), join(bad, 'customers.csv'));
    const lines = (await readFile(join(sample, 'bookings.csv'), 'utf8')).split('\n');
    lines[4] = (lines[4] ?? '').replace(/,[^,]*$/, ',-1.00');
    await writeFile(join(bad, 'bookings.csv'), lines.join('\n'));
  });

  afterAll(async () => {
    await rm(bad, { recursive: true, force: true });
  });

  const SAMPLE = join(FIXTURES, 'sample');
  const cases: [string, string[], RegExp][] = [
    ['--from after --to', ['--data', SAMPLE, '--from', '2026-03-02', '--to', '2026-03-01'], /--from 2026-03-02 is after --to 2026-03-01/],
    ['a bad --from', ['--data', SAMPLE, '--from', '2026-02-30', '--to', '2026-03-01'], /--from "2026-02-30" is not a date/],
    ['a bad --to', ['--data', SAMPLE, '--from', '2026-02-01', '--to', '1 March'], /--to "1 March" is not a date/],
    ['a missing --to', ['--data', SAMPLE, '--from', '2026-02-01'], /--to is required/],
    ['a missing --data', ['--from', '2026-02-01', '--to', '2026-03-01'], /--data is required/],
    ['an unknown option', ['--data', SAMPLE, '--from', '2026-02-01', '--to', '2026-03-01', '--as-of', '2026-03-01'], /as-of/],
    ['a century and more', ['--data', SAMPLE, '--from', '1900-01-01', '--to', '2026-03-01'], /longer than 36525 days/],
    ['a missing directory', ['--data', join(FIXTURES, 'nope'), '--from', '2026-02-01', '--to', '2026-03-01'], /branches\.csv: cannot read .*file not found/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const { code, stdout, stderr } = await cli('trend', ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    });
  }

  it('a bad row names file, line and problem', async () => {
    const { code, stdout, stderr } = await cli('trend', '--data', bad, '--from', '2026-02-01', '--to', '2026-03-01');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/bookings\.csv, line 5, column price: /);
  });
});
