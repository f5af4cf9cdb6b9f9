/**
 * Switching in from another system: the two invented exports of fixtures/switch-in imported
 * through the real `import-customers` command into the sample business, in process (the path a
 * running server takes for a forwarded command) on PGlite and PostgreSQL, and once through npm.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveCustomerId } from '../../shared/domain/contact';
import type { CustomerDoc } from '../../shared/domain/schemas';
import { pgliteDir } from '../db/data-dir';
import { importDataset } from '../services/import';
import { Store } from '../store/store';
import { pullBatch } from '../sync/pull';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { cliInProcess, PROJECT_ROOT, type CliResult } from '../test-support/cli';
import { runWithServerStore } from './store-target';
import { loadDataset } from './load-dataset';

const SAMPLE = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));
const FRESHA = fileURLToPath(new URL('../../fixtures/switch-in/fresha-like-clients.csv', import.meta.url));
const SQUARE = fileURLToPath(new URL('../../fixtures/switch-in/square-like-customers.csv', import.meta.url));

const FRESHA_COUNTS = {
  new: 6,
  merged: 2,
  skipped: 1,
  refused: [
    { line: 5, problem: 'the name is empty' },
    { line: 6, problem: 'email "priya.shah@example" is not an email address' },
    { line: 7, problem: 'date of birth "31/02/1985" is not a real date' },
  ],
};
const SQUARE_COUNTS = {
  new: 4,
  merged: 2,
  skipped: 1,
  refused: [
    { line: 5, problem: 'date of birth "13/25/1990" is not a real date' },
    { line: 6, problem: 'the name is empty' },
    { line: 8, problem: 'email "sam.patel@example" is not an email address' },
  ],
};

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'branchdesk-switchin-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function allCustomers(store: Store): Promise<Map<string, { deleted: boolean; data: CustomerDoc }>> {
  const rows = await store.db.query<{ id: string; deleted: boolean; data: CustomerDoc }>('SELECT id, deleted, data FROM customers ORDER BY id');
  return new Map(rows.map((r) => [r.id, { deleted: r.deleted, data: r.data }]));
}

async function pulledIds(store: Store, branch: string): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>();
  let checkpoint = null;
  for (;;) {
    const page = await pullBatch(store.db, 'customers', branch, checkpoint, 500);
    for (const d of page.documents) out.set(d.id, d._deleted);
    if (page.documents.length === 0) break;
    checkpoint = page.checkpoint;
  }
  return out;
}

for (const target of TARGETS) {
  describe(`import-customers on ${target.name}`, () => {
    let db: TestDatabase;
    const cli = (...argv: string[]): Promise<CliResult> => runWithServerStore(db.store, () => cliInProcess(...argv));

    beforeAll(async () => {
      db = await target.open({ clock: new ManualClock(Date.parse('2026-03-01T10:00:00Z')).read });
      await importDataset(db.store, await loadDataset(SAMPLE), 0);
    }, 120_000);
    afterAll(async () => {
      await db.close();
    });

    it('a dry run counts both samples and writes nothing', async () => {
      const before = await allCustomers(db.store);
      const fresha = await cli('import-customers', '--file', FRESHA, '--branch-name', 'London Shoreditch', '--dry-run');
      expect([fresha.code, fresha.stderr]).toEqual([0, '']);
      expect(JSON.parse(fresha.stdout)).toEqual(FRESHA_COUNTS);
      const square = await cli('import-customers', '--file', SQUARE, '--branch-name', 'new york soho', '--dry-run');
      expect([square.code, square.stderr]).toEqual([0, '']);
      expect(JSON.parse(square.stdout)).toEqual(SQUARE_COUNTS);
      expect(await allCustomers(db.store)).toEqual(before);
      expect(JSON.parse((await cli('import-batches')).stdout)).toEqual([]);
    });

    it('imports a sample as one batch: registrations at the branch, merges by phone and email, all visible there; undo restores', async () => {
      const before = await allCustomers(db.store);
      const run = await cli('import-customers', '--file', FRESHA, '--branch-name', 'London Shoreditch');
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(run.stdout.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(run.stdout)).toEqual(FRESHA_COUNTS);

      const after = await allCustomers(db.store);
      const added = [...after.values()].filter((c) => !before.has(c.data.id)).map((c) => c.data);
      expect(added.map((c) => c.name).sort()).toEqual(['Aisha Bello', 'Ben Carter', 'Grace Okafor', 'Imogen Clarke', 'Liam Walsh', 'Rhys Owen']);
      const imogen = added.find((c) => c.name === 'Imogen Clarke') as CustomerDoc;
      // A 0-prefixed local mobile read in the branch's country (London: GB), dates day first.
      expect(imogen.phone).toBe('+447700900123');
      expect(imogen.birthday).toBe('1990-05-14');
      expect(imogen.created_at).toBe('2021-02-03T00:00:00.000Z');
      expect(imogen.home_branch_id).toBe('br-london');
      expect(imogen.id).toBe(deriveCustomerId(db.store.org.customer_id_secret, '+447700900123', ''));
      expect(imogen.consent.sms.granted).toBe(true);
      const grace = added.find((c) => c.name === 'Grace Okafor') as CustomerDoc;
      expect(grace.notes).toBe('Regular: cut & colour\nevery six weeks');
      expect(grace.id).toBe(deriveCustomerId(db.store.org.customer_id_secret, '', 'grace.okafor@example.org'));
      expect(grace.birthday).toBe('1992-03-07');

      // Merged: Zoë by an email in other case (her empty notes filled), Olga by +63 0736… = +630736….
      const zoe = after.get('cu-000003')?.data as CustomerDoc;
      expect(zoe.notes).toBe('Moved over from the Manila branch');
      expect({ ...zoe, notes: '', updated_at: '' }).toEqual({ ...before.get('cu-000003')?.data, notes: '', updated_at: '' });
      expect(after.get('cu-000001')).toEqual(before.get('cu-000001'));

      // Olga has no home branch and no bookings in London, yet London's desks pull her now.
      const london = await pulledIds(db.store, 'br-london');
      for (const c of [...added, zoe]) expect(london.get(c.id)).toBe(false);
      expect(london.get('cu-000001')).toBe(false);

      const batches = JSON.parse((await cli('import-batches')).stdout) as { id: string; new: number; undone: boolean }[];
      expect(batches).toHaveLength(1);
      expect(batches[0]).toMatchObject({ new: 6, merged: 2, skipped: 1, refused: 3, undone: false, branch_id: 'br-london', file: 'fresha-like-clients.csv' });

      const undo = await cli('import-undo', '--batch', batches[0]?.id as string);
      expect([undo.code, undo.stderr]).toEqual([0, '']);
      expect(JSON.parse(undo.stdout)).toEqual({ batch: batches[0]?.id, removed: 6, restored: 1 });
      const restored = await allCustomers(db.store);
      for (const [id, c] of before) expect(restored.get(id)).toEqual(c);
      for (const c of added) expect(restored.get(c.id)?.deleted).toBe(true);
      // The desks at London learn of the removal by the same pull.
      const again = await pulledIds(db.store, 'br-london');
      for (const c of added) expect(again.get(c.id)).toBe(true);

      const twice = await cli('import-undo', '--batch', batches[0]?.id as string);
      expect(twice.code).toBe(2);
      expect(twice.stderr).toMatch(/was undone already/);
      expect((await cli('import-undo', '--last')).stderr).toMatch(/no import batch left to undo/);
    });

    it('an undo is refused whole when a customer changed since the import', async () => {
      const run = await cli('import-customers', '--file', SQUARE, '--branch-name', 'New York SoHo');
      expect(JSON.parse(run.stdout)).toEqual(SQUARE_COUNTS);
      const maria = [...(await allCustomers(db.store)).values()].find((c) => c.data.name === 'Maria Lopez' && !c.deleted);
      expect(maria).toBeDefined();
      await db.store.db.query("UPDATE customers SET stamp = stamp + 1000000 WHERE id = $1", [maria?.data.id]);
      const before = await allCustomers(db.store);
      const undo = await cli('import-undo', '--last');
      expect(undo.code).toBe(2);
      expect(undo.stderr).toMatch(/1 customer of the batch changed since the import .*nothing undone/);
      expect(await allCustomers(db.store)).toEqual(before);
    });

    it('keeps matched rows separate when asked, and --map overrides the detected columns', async () => {
      const file = join(scratch, `${target.name}-map.csv`);
      await writeFile(file, 'Nom,Portable,Courriel,Client\nJuan N.,+638368595748,,Juan Nguyen\nAna Diaz,,ana.diaz@example.com,Ana\n');
      const detected = await cli('import-customers', '--file', file, '--branch-name', 'Manila Makati', '--dry-run');
      // "Client" is detected as the full name; the French headers are not known.
      expect(JSON.parse(detected.stdout)).toEqual({ new: 2, merged: 0, skipped: 0, refused: [] });
      const mapped = await cli('import-customers', '--file', file, '--branch-name', 'Manila Makati', '--dry-run', '--map', 'Nom=full_name,Portable=mobile,Courriel=email,Client=skip');
      expect(JSON.parse(mapped.stdout)).toEqual({ new: 1, merged: 1, skipped: 0, refused: [] });
      const separate = await cli('import-customers', '--file', file, '--branch-name', 'Manila Makati', '--dry-run', '--map', 'Nom=full_name,Portable=mobile,Courriel=email,Client=skip', '--duplicates', 'separate');
      expect(JSON.parse(separate.stdout)).toEqual({ new: 2, merged: 0, skipped: 0, refused: [] });
      const bad = await cli('import-customers', '--file', file, '--branch-name', 'Manila Makati', '--map', 'Nom=surname');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--map field "surname" for column "Nom" is not one of/);
    });

    it('exit 2 when the file cannot be read, names no person, or the branch is unknown', async () => {
      const missing = await cli('import-customers', '--file', join(scratch, 'nope.csv'), '--branch-name', 'London Shoreditch');
      expect([missing.code, missing.stdout]).toEqual([2, '']);
      expect(missing.stderr).toMatch(/cannot read .*nope\.csv: file not found/);
      const noName = join(scratch, `${target.name}-noname.csv`);
      await writeFile(noName, 'Mobile,Email\n07700 900123,a@example.com\n');
      const r = await cli('import-customers', '--file', noName, '--branch-name', 'London Shoreditch');
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(/no name column found in the header \(Mobile, Email\)/);
      const latin1 = join(scratch, `${target.name}-latin1.csv`);
      await writeFile(latin1, Buffer.from('Name\nZo\xeb\n', 'latin1'));
      expect((await cli('import-customers', '--file', latin1, '--branch-name', 'London Shoreditch')).stderr).toMatch(/not valid UTF-8/);
      const branch = await cli('import-customers', '--file', FRESHA, '--branch-name', 'Paris', '--dry-run');
      expect(branch.code).toBe(2);
      expect(branch.stderr).toMatch(/no branch is named "Paris" \(branches: .*"London Shoreditch"/);
    });
  });
}

function npmCliWithoutDatabaseUrl(...args: string[]): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    execFile('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: PROJECT_ROOT, env }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') reject(error);
      else resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
    });
  });
}

describe('import-customers through npm on a data directory', () => {
  it('prints one JSON object, a dry run writes nothing, then the import and its undo', async () => {
    const dataDir = join(scratch, 'npm-data');
    await mkdir(pgliteDir(dataDir), { recursive: true, mode: 0o700 });
    const store = await Store.open({ pgliteDir: pgliteDir(dataDir) });
    try {
      await importDataset(store, await loadDataset(SAMPLE), 0);
    } finally {
      await store.close();
    }
    const dry = await npmCliWithoutDatabaseUrl('import-customers', '--file', SQUARE, '--branch-name', 'New York SoHo', '--dry-run', '--data-dir', dataDir);
    expect([dry.code, dry.stderr]).toEqual([0, '']);
    expect(JSON.parse(dry.stdout)).toEqual(SQUARE_COUNTS);
    const real = await npmCliWithoutDatabaseUrl('import-customers', '--file', SQUARE, '--branch-name', 'New York SoHo', '--data-dir', dataDir);
    expect(JSON.parse(real.stdout)).toEqual(SQUARE_COUNTS);
    const undo = await npmCliWithoutDatabaseUrl('import-undo', '--last', '--data-dir', dataDir);
    expect([undo.code, undo.stderr]).toEqual([0, '']);
    expect(JSON.parse(undo.stdout)).toMatchObject({ removed: 4, restored: 0 });
  }, 180_000);
});
