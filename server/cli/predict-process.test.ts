import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmCli, PROJECT_ROOT as ROOT } from '../test-support/cli';
import Papa from 'papaparse';

/**
 * `model` and `predict` through the real command (`npm run --silent cli -- …` in a child
 * process) on the CDNOW sample in the import format (fixtures/cdnow, see its README), whose
 * published figures are known, and on the sample fixture, whose visit model cannot be fitted.
 */
const CDNOW = join(ROOT, 'fixtures/cdnow');
const SAMPLE = join(ROOT, 'fixtures/sample');

/** A cap for a whole child process on a busy machine (npm + tsx start-up), not a timing assertion. */
const SPAWN_CAP_MS = 120_000;
const within1pc = (actual: number, published: number) => expect(Math.abs(actual / published - 1)).toBeLessThan(0.01);

let bad = '';
beforeAll(async () => {
  // CDNOW with one bad booking: data line 7 of bookings.csv gets a date that does not exist.
  bad = await mkdtemp(join(tmpdir(), 'branchdesk-predict-'));
  await copyFile(join(CDNOW, 'branches.csv'), join(bad, 'branches.csv'));
  await copyFile(join(CDNOW, 'customers.csv'), join(bad, 'customers.csv'));
  const lines = (await readFile(join(CDNOW, 'bookings.csv'), 'utf8')).split('\n');
  lines[7] = (lines[7] ?? '').replace(/1997-\d\d-\d\dT/, '1997-02-30T');
  await writeFile(join(bad, 'bookings.csv'), lines.join('\n'));
});
afterAll(async () => {
  await rm(bad, { recursive: true, force: true });
});

describe('npm run --silent cli -- model / predict', () => {
  it.concurrent('model on CDNOW as of 1997-09-30: the published parameters within 1%, α in days', { timeout: SPAWN_CAP_MS }, async () => {
    const { code, stdout, stderr } = await npmCli('model', '--data', CDNOW, '--as-of', '1997-09-30');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { as_of: string; bgnbd: Record<string, number>; gamma_gamma: Record<string, number>; pairs: number };
    expect(Object.keys(json).sort()).toEqual(['as_of', 'bgnbd', 'gamma_gamma', 'pairs']);
    expect(json.as_of).toBe('1997-09-30');
    expect(json.pairs).toBe(2357);
    expect(Object.keys(json.bgnbd).sort()).toEqual(['a', 'alpha', 'b', 'r']);
    expect(Object.keys(json.gamma_gamma).sort()).toEqual(['gamma', 'p', 'q']);
    within1pc(json.bgnbd.r as number, 0.243);
    within1pc(json.bgnbd.alpha as number, 30.9);
    within1pc(json.bgnbd.a as number, 0.793);
    within1pc(json.bgnbd.b as number, 2.426);
    within1pc(json.gamma_gamma.p as number, 6.25);
    within1pc(json.gamma_gamma.q as number, 3.74);
    within1pc(json.gamma_gamma.gamma as number, 15.44);
  });

  it.concurrent('predict on CDNOW: one row per customer, sorted, customer 1 as published', { timeout: SPAWN_CAP_MS }, async () => {
    const { code, stdout, stderr } = await npmCli('predict', '--data', CDNOW, '--as-of', '1997-09-30', '--horizon-days', '273');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = Papa.parse<string[]>(stdout, { skipEmptyLines: true }).data;
    const header = rows[0] as string[];
    expect(header).toEqual(['customer_id', 'branch_id', 'p_alive', 'expected_visits', 'expected_spend', 'predicted_value', 'typical_gap_days', 'due_date', 'cadence_status']);
    const body = rows.slice(1);
    expect(body).toHaveLength(2357);
    const ids = body.map((r) => `${r[1]}\u0000${r[0]}`);
    expect(ids).toEqual([...ids].sort());
    for (const r of body) {
      expect(r[2]).toMatch(/^[01]\.\d{4,}$/);
      expect(r[3]).toMatch(/^\d+\.\d{4,}$/);
      expect(r[4]).toMatch(/^\d+\.\d{2}$/);
      expect(r[5]).toMatch(/^\d+\.\d{2}$/);
    }
    const one = body.find((r) => r[0] === 'cd-00004') as string[];
    // Customer 1's visit days 1997-01-01, 01-18, 08-02: gaps 17 and 196, median 106.5 → 107 days.
    expect(one.slice(6)).toEqual(['107', '1997-11-17', 'on_track']);
    // One visit day: no cadence.
    expect((body.find((r) => r[0] === 'cd-00018') as string[]).slice(6)).toEqual(['', '', '']);
    within1pc(Number(one[2]), 0.7266);
    within1pc(Number(one[3]), 1.226);
    // predicted_value = expected_visits × expected_spend (to the cent, from unrounded figures).
    expect(Math.abs(Number(one[5]) - Number(one[3]) * Number(one[4]))).toBeLessThan(0.02);
  });

  it.concurrent('a fit that runs to a boundary: exit 1, the reason on stderr, nothing on stdout', { timeout: SPAWN_CAP_MS }, async () => {
    const { code, stdout, stderr } = await npmCli('predict', '--data', SAMPLE, '--as-of', '2026-03-01', '--horizon-days', '90');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/cannot fit the retention model as of 2026-03-01: visit model: the fit ran to a boundary/);
  });

  it.concurrent('bad input: exit 2 naming file, line and problem; a bad horizon: exit 2 with usage', { timeout: SPAWN_CAP_MS }, async () => {
    const [data, horizon] = await Promise.all([
      npmCli('model', '--data', bad, '--as-of', '1997-09-30'),
      npmCli('predict', '--data', CDNOW, '--as-of', '1997-09-30', '--horizon-days', '0'),
    ]);
    expect(data.code).toBe(2);
    expect(data.stdout).toBe('');
    expect(data.stderr).toMatch(/bookings\.csv, line 8, column start_at: start_at "1997-02-30T12:00:00Z" is not an ISO 8601 instant/);
    expect(horizon.code).toBe(2);
    expect(horizon.stdout).toBe('');
    expect(horizon.stderr).toMatch(/--horizon-days "0" is not a whole number of days/);
    expect(horizon.stderr).toMatch(/usage: npm run --silent cli -- predict --data DIR --as-of YYYY-MM-DD --horizon-days H/);
  });

  it.concurrent('backtest on CDNOW: holdout visits counted as in the data, deciles adding up, AUCs', { timeout: SPAWN_CAP_MS }, async () => {
    const [{ code, stdout, stderr }, reversed] = await Promise.all([
      npmCli('backtest', '--data', CDNOW, '--calibration-end', '1997-09-30', '--holdout-end', '1998-06-30'),
      npmCli('backtest', '--data', CDNOW, '--calibration-end', '1997-09-30', '--holdout-end', '1997-09-30'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      horizon_days: number;
      pairs: number;
      came_back: number;
      total: { predicted: number; actual: number };
      deciles: { decile: number; pairs: number; predicted: number; actual: number }[];
      auc: Record<string, number>;
    };
    // Independently: distinct (customer, date) in (1997-09-30, 1998-06-30] from the CSV itself.
    const rows = Papa.parse<string[]>(await readFile(join(CDNOW, 'bookings.csv'), 'utf8'), { skipEmptyLines: true }).data.slice(1);
    const holdout = new Set(
      rows
        .map((r) => ({ customer: r[1] as string, date: (r[5] as string).slice(0, 10) }))
        .filter((r) => r.date > '1997-09-30' && r.date <= '1998-06-30')
        .map((r) => `${r.customer} ${r.date}`),
    );
    expect(report.horizon_days).toBe(273);
    expect(report.pairs).toBe(2357);
    expect(report.total.actual).toBe(holdout.size);
    expect(report.came_back).toBe(new Set([...holdout].map((k) => k.split(' ')[0])).size);
    expect(report.deciles.map((d) => d.decile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(report.deciles.reduce((s, d) => s + d.pairs, 0)).toBe(2357);
    expect(report.deciles.reduce((s, d) => s + d.actual, 0)).toBe(report.total.actual);
    expect(Math.abs(report.deciles.reduce((s, d) => s + d.predicted, 0) - report.total.predicted)).toBeLessThan(0.01);
    // Deciles are ordered by predicted visits, highest first.
    for (let i = 1; i < 10; i += 1) expect(report.deciles[i]?.predicted).toBeLessThanOrEqual(report.deciles[i - 1]?.predicted as number);
    for (const key of ['p_alive', 'expected_visits', 'rule_status']) {
      expect(report.auc[key]).toBeGreaterThanOrEqual(0);
      expect(report.auc[key]).toBeLessThanOrEqual(1);
    }
    expect(reversed.code).toBe(2);
    expect(reversed.stdout).toBe('');
    expect(reversed.stderr).toMatch(/--holdout-end 1997-09-30 must be after --calibration-end 1997-09-30/);
  });
});
