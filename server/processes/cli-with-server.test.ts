/**
 * The contract commands as real processes on one PGlite directory: without a server they open
 * the directory themselves; with a server running they forward to it (PGlite is single-process).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SLOW = 120_000;
import { acquireDataDir, pgliteDir } from '../db/data-dir';
import { Store } from '../store/store';
import { runCli, runNpm, startServerProcess, type ServerProcess } from '../test-support/spawn';

describe('CLI commands and the server on one PGlite directory', { timeout: SLOW }, () => {
  let dir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bd-cli-'));
  });
  afterAll(async () => {
    if (server !== undefined && server.child.exitCode === null) await server.stop();
    await rm(dir, { recursive: true, force: true });
  }, SLOW);

  it('imports, verifies, and reports a tampered activity row (exit 1) without a server', async () => {
    const imported = await runCli(['import', '--data', 'fixtures/sample', '--data-dir', dir, '--history-days', '0']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^imported 4 branches, 132 customers, 2526 bookings/);
    const ok = await runCli(['verify', '--data-dir', dir]);
    expect(ok).toMatchObject({ code: 0, stdout: 'ok: 190 activity rows agree with a recomputation\n' });

    const lock = await acquireDataDir(dir, 'cli');
    const store = await Store.open({ pgliteDir: pgliteDir(dir) });
    await store.db.query("UPDATE customer_branch_activity SET total_spent = 1 WHERE branch_id = 'br-london' AND customer_id = 'cu-000007'");
    await store.close();
    await lock.release();

    const bad = await runCli(['verify', '--data-dir', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^cu-000007,br-london: total_spent stored 1 expected 13520$/m);
    expect(bad.stderr).toMatch(/verify: 1 difference between/);
  });

  it('rejects bad CSV with file and line (exit 2) and imports nothing', async () => {
    const csv = await mkdtemp(join(tmpdir(), 'bd-csv-'));
    try {
      await cp('fixtures/sample', csv, { recursive: true });
      await writeFile(join(csv, 'branches.csv'), 'id,name,timezone,active_days,at_risk_days\nbr-x,X,Mars/Olympus,,\n');
      const res = await runCli(['import', '--data', csv, '--data-dir', dir]);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('branches.csv, line 2, column timezone: unknown time zone "Mars/Olympus"');
      expect(res.stdout).toBe('');
    } finally {
      await rm(csv, { recursive: true, force: true });
    }
  });

  it('forwards enroll, verify and import to a server running on the directory', async () => {
    server = await startServerProcess(['--data-dir', dir], {}, true);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const second = await startServerProcess(['--data-dir', dir]).catch((error: Error) => error);
    expect(second).toBeInstanceOf(Error);
    expect((second as Error).message).toContain('already running');

    const enrolled = await runNpm(['run', '--silent', 'cli', '--', 'enroll', '--data-dir', dir, '--branch', 'br-nyc', '--role', 'hq']);
    expect(enrolled.code).toBe(0);
    const code = enrolled.stdout.trimEnd().split('\n').pop() as string;
    const res = await fetch(`${server.url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };

    const stillBad = await runCli(['verify', '--data-dir', dir]);
    expect(stillBad.code).toBe(1);
    expect(stillBad.stdout).toContain('cu-000007,br-london: total_spent stored 1');

    const reimport = await runCli(['import', '--data', 'fixtures/sample', '--data-dir', dir, '--history-days', '0']);
    expect(reimport).toMatchObject({ code: 0 });
    expect(reimport.stdout).toContain('(0 documents new or changed)');
    expect(await runCli(['verify', '--data-dir', dir])).toMatchObject({ code: 0 });

    const metrics = await fetch(`${server.url}/api/metrics?as_of=2026-03-01`, { headers: { authorization: `Bearer ${token}` } });
    expect(await metrics.text()).toBe(await readFile('fixtures/sample/expected-metrics-2026-03-01.json', 'utf8'));
  });

  it('stops gracefully on SIGTERM sent to npm and frees the directory', async () => {
    const running = server as ServerProcess;
    expect(await running.stop()).toBe(0);
    expect(running.logs()).toContain('"msg":"stopped"');
    expect(existsSync(join(dir, 'branchdesk.lock'))).toBe(false);
    expect(await runCli(['verify', '--data-dir', dir])).toMatchObject({ code: 0 });
    const devices = await runCli(['devices', '--data-dir', dir]);
    const [header, line] = devices.stdout.trimEnd().split('\n');
    expect(header).toBe('id,role,branch_id,enrolled_at,revoked_at');
    const id = (line as string).split(',')[0] as string;
    expect(line).toMatch(/^dev_[0-9a-f]{16},hq,br-nyc,\d{4}-\d\d-\d\dT[\d:.]+Z,$/);
    expect(await runCli(['revoke', '--data-dir', dir, '--device', id])).toMatchObject({ code: 0, stdout: `revoked ${id}\n` });
    expect(await runCli(['revoke', '--data-dir', dir, '--device', id])).toMatchObject({ code: 2 });
  });
});
