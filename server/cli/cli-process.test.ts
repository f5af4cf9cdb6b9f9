import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmCli, PROJECT_ROOT as ROOT } from '../test-support/cli';

/**
 * The real command path: `npm run --silent cli -- …` in a child process, as a user or an outside
 * test runs it (package.json script, tsx, main.ts, exit code, stdout/stderr of the process).
 */
const SAMPLE = join(ROOT, 'fixtures/sample');

let bad = '';

beforeAll(async () => {
  // The sample with one bad booking: the 10th data line of bookings.csv gets a negative price.
  bad = await mkdtemp(join(tmpdir(), 'branchdesk-cli-process-'));
  await copyFile(join(SAMPLE, 'branches.csv'), join(bad, 'branches.csv'));
  await copyFile(join(SAMPLE, 'customers.csv'), join(bad, 'customers.csv'));
  const lines = (await readFile(join(SAMPLE, 'bookings.csv'), 'utf8')).split('\n');
  lines[10] = (lines[10] ?? '').replace(/,[^,]*$/, ',-12.00');
  await writeFile(join(bad, 'bookings.csv'), lines.join('\n'));
});

afterAll(async () => {
  await rm(bad, { recursive: true, force: true });
});

/** A cap for a whole child process on a busy machine (npm + tsx start-up), not a timing assertion. */
const SPAWN_CAP_MS = 120_000;

describe('npm run --silent cli', () => {
  it('activity on the sample matches the expected CSV byte for byte', { timeout: SPAWN_CAP_MS }, async () => {
    const { code, stdout } = await npmCli('activity', '--data', SAMPLE, '--as-of', '2026-03-01');
    expect(code).toBe(0);
    expect(stdout).toBe(await readFile(join(SAMPLE, 'expected-activity-2026-03-01.csv'), 'utf8'));
  });

  it('metrics on the sample matches the expected JSON byte for byte', { timeout: SPAWN_CAP_MS }, async () => {
    const { code, stdout } = await npmCli('metrics', '--data', SAMPLE, '--as-of', '2026-03-01');
    expect(code).toBe(0);
    expect(stdout).toBe(await readFile(join(SAMPLE, 'expected-metrics-2026-03-01.json'), 'utf8'));
  });

  it('bad input: exit 2, file, line and problem on stderr, nothing on stdout', { timeout: SPAWN_CAP_MS }, async () => {
    const { code, stdout, stderr } = await npmCli('activity', '--data', bad, '--as-of', '2026-03-01');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/bookings\.csv, line 11, column price: price "-12\.00" is negative/);
  });

  it('a bad --as-of: exit 2 with usage, nothing on stdout', { timeout: SPAWN_CAP_MS }, async () => {
    const { code, stdout, stderr } = await npmCli('metrics', '--data', SAMPLE, '--as-of', '2026-02-29');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--as-of "2026-02-29" is not a date/);
    expect(stderr).toMatch(/usage: npm run --silent cli -- metrics --data DIR --as-of YYYY-MM-DD/);
  });

  it('an unknown command: exit 2 with usage, nothing on stdout', { timeout: SPAWN_CAP_MS }, async () => {
    const { code, stdout, stderr } = await npmCli('activities', '--data', SAMPLE, '--as-of', '2026-03-01');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/unknown command "activities"/);
    expect(stderr).toMatch(/usage: npm run --silent cli -- /);
  });
});
