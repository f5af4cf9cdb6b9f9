/**
 * Switching in the visit history: the invented appointment exports of fixtures/switch-in
 * imported through the real `import-bookings` command into the sample business after their
 * client lists, in process (the path a running server takes for a forwarded command) on PGlite
 * and PostgreSQL, and once through npm on a data directory.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingDoc } from '../../shared/domain/schemas';
import { pgliteDir } from '../db/data-dir';
import { importDataset } from '../services/import';
import { metricsReport } from '../services/metrics';
import { Store } from '../store/store';
import { pullBatch } from '../sync/pull';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { cliInProcess, PROJECT_ROOT, type CliResult } from '../test-support/cli';
import { runWithServerStore } from './store-target';
import { loadDataset } from './load-dataset';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const SAMPLE = fixture('sample');
const FRESHA_CLIENTS = fixture('switch-in/fresha-like-clients.csv');
const FRESHA = fixture('switch-in/fresha-like-appointments.csv');
const SQUARE_CLIENTS = fixture('switch-in/square-like-customers.csv');
const SQUARE = fixture('switch-in/square-like-appointments.csv');

const FRESHA_COUNTS = {
  new: 11,
  skipped: 1,
  refused: [
    { line: 9, problem: 'client ID "F-1004": that client\'s line in the client list was refused' },
    { line: 11, problem: 'client ID "F-1099" is not in the client list' },
    { line: 12, problem: 'date "31/02/2026" is not a real date' },
    { line: 14, problem: 'status "Rescheduled" is not mapped to a Branchdesk status' },
  ],
};
const SQUARE_COUNTS = {
  new: 9,
  skipped: 1,
  refused: [
    { line: 10, problem: 'no customer matches "Wei Chen" (+19175550110, chen.wei@example.com): import the client list first' },
    { line: 11, problem: 'date "02/30/2026" is not a real date' },
    { line: 13, problem: 'status "Waitlisted" is not mapped to a Branchdesk status' },
  ],
};

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'branchdesk-history-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function bookingsOf(store: Store, branch: string): Promise<Map<string, { deleted: boolean; data: BookingDoc }>> {
  const rows = await store.db.query<{ id: string; deleted: boolean; data: BookingDoc }>('SELECT id, deleted, data FROM bookings WHERE branch_id = $1 ORDER BY id', [branch]);
  return new Map(rows.map((r) => [r.id, { deleted: r.deleted, data: r.data }]));
}

for (const target of TARGETS) {
  describe(`import-bookings on ${target.name}`, () => {
    let db: TestDatabase;
    const cli = (...argv: string[]): Promise<CliResult> => runWithServerStore(db.store, () => cliInProcess(...argv));


    const activityOf = async (branch: string, customer: string): Promise<Record<string, unknown> | undefined> => {
      const rows = await db.store.db.query<Record<string, unknown>>('SELECT status, total_bookings, total_spent FROM customer_branch_activity WHERE branch_id = $1 AND customer_id = $2', [branch, customer]);
      return rows[0] === undefined ? undefined : { ...rows[0], total_bookings: Number(rows[0].total_bookings), total_spent: Number(rows[0].total_spent) };
    };
    const customerNamed = async (name: string): Promise<string> => {
      const rows = await db.store.db.query<{ id: string }>("SELECT id FROM customers WHERE NOT deleted AND data->>'name' = $1", [name]);
      expect(rows).toHaveLength(1);
      return rows[0]?.id as string;
    };
    const pulledBookings = async (branch: string): Promise<Map<string, boolean>> => {
      const out = new Map<string, boolean>();
      let checkpoint = null;
      for (;;) {
        const page = await pullBatch(db.store.db, 'bookings', branch, checkpoint, 1000);
        for (const d of page.documents) out.set(d.id, d._deleted);
        if (page.documents.length === 0) break;
        checkpoint = page.checkpoint;
      }
      return out;
    };

    beforeAll(async () => {
      db = await target.open({ clock: new ManualClock(Date.parse('2026-03-01T10:00:00Z')).read });
      await importDataset(db.store, await loadDataset(SAMPLE), 0);
      for (const [file, branch] of [[FRESHA_CLIENTS, 'London Shoreditch'], [SQUARE_CLIENTS, 'New York SoHo']] as const) {
        expect((await cli('import-customers', '--file', file, '--branch-name', branch)).code).toBe(0);
      }
    }, 120_000);
    afterAll(async () => {
      await db.close();
    });

    it('a dry run counts both samples and writes nothing', async () => {
      const london = await bookingsOf(db.store, 'br-london');
      const nyc = await bookingsOf(db.store, 'br-nyc');
      const fresha = await cli('import-bookings', '--file', FRESHA, '--clients', FRESHA_CLIENTS, '--branch-name', 'London Shoreditch', '--dry-run');
      expect([fresha.code, fresha.stderr]).toEqual([0, '']);
      expect(JSON.parse(fresha.stdout)).toEqual(FRESHA_COUNTS);
      const square = await cli('import-bookings', '--file', SQUARE, '--branch-name', 'new york soho', '--dry-run');
      expect([square.code, square.stderr]).toEqual([0, '']);
      expect(JSON.parse(square.stdout)).toEqual(SQUARE_COUNTS);
      expect(await bookingsOf(db.store, 'br-london')).toEqual(london);
      expect(await bookingsOf(db.store, 'br-nyc')).toEqual(nyc);
      const batches = JSON.parse((await cli('import-batches')).stdout) as { kind: string }[];
      expect(batches.map((b) => b.kind)).toEqual(['customers', 'customers']);
    });

    it('imports the history as one batch: visits count in the activity and the metrics, a re-import adds nothing, undo takes it back', async () => {
      const before = await bookingsOf(db.store, 'br-london');
      const metricsBefore = (await metricsReport(db.store, undefined, 'br-london')).branches['br-london'];
      const zoeBefore = await activityOf('br-london', 'cu-000003');
      expect(zoeBefore).toMatchObject({ status: 'new', total_bookings: 0 });

      const run = await cli('import-bookings', '--file', FRESHA, '--clients', FRESHA_CLIENTS, '--branch-name', 'London Shoreditch', '--status-map', 'Rescheduled=cancelled');
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(run.stdout.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(run.stdout)).toEqual({ new: 12, skipped: 1, refused: FRESHA_COUNTS.refused.filter((r) => r.line !== 14) });

      const after = await bookingsOf(db.store, 'br-london');
      const added = [...after.values()].filter((b) => !before.has(b.data.id)).map((b) => b.data);
      expect(added).toHaveLength(12);
      const imogen = await customerNamed('Imogen Clarke');
      // F-1007, the counter's duplicate profile, is the same Imogen (same mobile).
      const hers = added.filter((b) => b.customer_id === imogen).sort((a, b) => a.start_at.localeCompare(b.start_at));
      expect(hers.map((b) => [b.start_at, b.service, b.staff, b.duration_min, b.price, b.status])).toEqual([
        // Local London time: 10:00 BST on 12 September is 09:00 UTC.
        ['2025-09-12T09:00:00.000Z', 'Haircut', 'Ben', 45, 3500, 'completed'],
        ['2025-10-17T09:30:00.000Z', 'Haircut', 'Ben', 45, 3500, 'completed'],
        ['2025-11-28T11:00:00.000Z', 'Cut & colour', 'Ana', 75, 8500, 'completed'],
      ]);
      const statuses = Object.fromEntries(added.map((b) => [`${b.start_at}`, b.status]));
      expect(statuses['2026-01-09T09:15:00.000Z']).toBe('no_show');
      expect(statuses['2026-02-06T14:00:00.000Z']).toBe('cancelled');
      expect(statuses['2026-03-05T10:00:00.000Z']).toBe('scheduled');
      expect(statuses['2026-02-25T17:00:00.000Z']).toBe('cancelled');
      expect(added.find((b) => b.start_at === '2026-02-27T11:30:00.000Z')).toMatchObject({ price: 9550, duration_min: 90 });

      // Zoë had no visit at London; her imported visit of 20 February makes her active there.
      expect(await activityOf('br-london', 'cu-000003')).toMatchObject({ status: 'active', total_bookings: 1, total_spent: 4000 });
      const metricsAfter = (await metricsReport(db.store, undefined, 'br-london')).branches['br-london'];
      expect(metricsBefore).toBeDefined();
      expect({ customers: metricsAfter?.customers, new: metricsAfter?.new, active: metricsAfter?.active, at_risk: metricsAfter?.at_risk, churned: metricsAfter?.churned }).toEqual({
        // Olga had no home branch and no visit at London: her imported visit makes her one of its customers.
        customers: (metricsBefore?.customers ?? 0) + 1,
        new: (metricsBefore?.new ?? 0) - 5,
        active: (metricsBefore?.active ?? 0) + 3,
        at_risk: (metricsBefore?.at_risk ?? 0) + 2,
        churned: (metricsBefore?.churned ?? 0) + 1,
      });
      expect((await cli('verify')).code).toBe(0);
      // London's desks pull the imported bookings.
      const pulled = await pulledBookings('br-london');
      for (const b of added) expect(pulled.get(b.id)).toBe(false);

      const again = await cli('import-bookings', '--file', FRESHA, '--clients', FRESHA_CLIENTS, '--branch-name', 'London Shoreditch', '--status-map', 'Rescheduled=cancelled');
      expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, skipped: 13 });
      expect(await bookingsOf(db.store, 'br-london')).toEqual(after);

      // (The test clock stands still: every batch has the same time, so they are told apart by what they did.)
      const batches = (JSON.parse((await cli('import-batches')).stdout) as { id: string; kind: string; new: number }[]).filter((b) => b.kind === 'bookings');
      expect(batches.sort((a, b) => a.new - b.new)).toEqual([
        expect.objectContaining({ new: 0, skipped: 13, refused: 3, file: 'fresha-like-appointments.csv', branch_id: 'br-london', undone: false }),
        expect.objectContaining({ new: 12, skipped: 1, refused: 3, file: 'fresha-like-appointments.csv', branch_id: 'br-london', undone: false }),
      ]);
      const undo = await cli('import-undo', '--batch', batches[1]?.id as string);
      expect([undo.code, undo.stderr]).toEqual([0, '']);
      expect(JSON.parse(undo.stdout)).toEqual({ batch: batches[1]?.id, bookings_removed: 12 });
      const undone = await bookingsOf(db.store, 'br-london');
      for (const b of added) expect(undone.get(b.id)?.deleted).toBe(true);
      expect(await activityOf('br-london', 'cu-000003')).toEqual(zoeBefore);
      expect((await metricsReport(db.store, undefined, 'br-london')).branches['br-london']).toEqual(metricsBefore);
      const tombstones = await pulledBookings('br-london');
      for (const b of added) expect(tombstones.get(b.id)).toBe(true);
      expect((await cli('verify')).code).toBe(0);
      expect((await cli('import-undo', '--batch', batches[1]?.id as string)).stderr).toMatch(/was undone already/);

      // After the undo the same file imports again.
      const back = await cli('import-bookings', '--file', FRESHA, '--clients', FRESHA_CLIENTS, '--branch-name', 'London Shoreditch', '--status-map', 'Rescheduled=cancelled');
      expect(JSON.parse(back.stdout)).toMatchObject({ new: 12, skipped: 1 });
    });

    it('matches by phone, email and name without a client list; an undo is refused whole when a booking changed since', async () => {
      const run = await cli('import-bookings', '--file', SQUARE, '--branch-name', 'New York SoHo');
      expect(JSON.parse(run.stdout)).toEqual(SQUARE_COUNTS);
      const nyc = [...(await bookingsOf(db.store, 'br-nyc')).values()].map((b) => b.data);
      const kim = await customerNamed('Kim Park');
      expect(nyc.filter((b) => b.customer_id === kim).map((b) => [b.start_at, b.notes, b.price])).toEqual([['2026-02-07T14:00:00.000Z', 'Pays cash', 2500]]);
      expect(nyc.filter((b) => b.customer_id === 'cu-000002' && b.start_at === '2026-02-25T18:00:00.000Z').map((b) => b.status)).toEqual(['cancelled']);
      const dana = await customerNamed('Dana Brooks');
      expect(nyc.filter((b) => b.customer_id === dana)).toHaveLength(2);

      const visit = nyc.find((b) => b.customer_id === kim) as BookingDoc;
      await db.store.db.query('UPDATE bookings SET stamp = stamp + 1000000 WHERE id = $1', [visit.id]);
      const before = await bookingsOf(db.store, 'br-nyc');
      const batch = (JSON.parse((await cli('import-batches')).stdout) as { id: string; kind: string; file: string }[]).find((b) => b.file === 'square-like-appointments.csv');
      const undo = await cli('import-undo', '--batch', batch?.id as string);
      expect(undo.code).toBe(2);
      expect(undo.stderr).toMatch(/1 booking of the batch changed since the import .*nothing undone/);
      expect(await bookingsOf(db.store, 'br-nyc')).toEqual(before);
    });

    it('--map and --status-map override what was detected; exit 2 for a file without a date or a customer, a bad status or a client list without ids', async () => {
      const file = join(scratch, `${target.name}-old.csv`);
      await writeFile(file, 'Quand,Heure,Qui,Etat,Prix\n2026-02-10,14:00,Grace Okafor,Honoré,"12,50"\n2026-02-11,9h,Grace Okafor,Honoré,12.50\n2026-02-12,10:00,Zoë Müller,Honoré,12.50\n2026-02-13,10:00,grace  okafor,Honoré,12.50\n');
      const noDate = await cli('import-bookings', '--file', file, '--branch-name', 'London Shoreditch');
      expect([noDate.code, noDate.stdout]).toEqual([2, '']);
      expect(noDate.stderr).toMatch(/No column is used as the date.*header: Quand, Heure, Qui, Etat, Prix/);
      const mapped = await cli('import-bookings', '--file', file, '--branch-name', 'London Shoreditch', '--dry-run', '--locale', 'fr', '--map', 'Quand=date,Heure=time,Qui=customer_name,Etat=status,Prix=price', '--status-map', 'honoré=completed');
      expect([mapped.code, mapped.stderr]).toEqual([0, '']);
      // "12,50" in French and dot decimals alike; names compare without case and extra spaces; the sample has two Zoë Müllers.
      expect(JSON.parse(mapped.stdout)).toEqual({
        new: 2,
        skipped: 0,
        refused: [
          { line: 3, problem: 'time "9h" is not a time of day' },
          { line: 4, problem: '2 customers are named "Zoë Müller"; map a phone or email column to tell them apart' },
        ],
      });
      const badStatus = await cli('import-bookings', '--file', file, '--branch-name', 'London Shoreditch', '--map', 'Quand=date', '--status-map', 'Honoré=done');
      expect(badStatus.code).toBe(2);
      expect(badStatus.stderr).toMatch(/--status-map status "done" for "Honoré" is not one of scheduled, checked_in, completed, cancelled, no_show/);
      const emptyIds = await cli('import-bookings', '--file', FRESHA, '--clients', SQUARE_CLIENTS, '--branch-name', 'London Shoreditch', '--dry-run');
      expect([emptyIds.code, emptyIds.stdout]).toEqual([2, '']);
      expect(emptyIds.stderr).toMatch(/the client list's client ID column "Reference ID" is empty on every line/);
      const list = join(scratch, `${target.name}-list.csv`);
      await writeFile(list, 'Name,Email\nGrace Okafor,grace.okafor@example.org\n');
      const noClientIds = await cli('import-bookings', '--file', FRESHA, '--clients', list, '--branch-name', 'London Shoreditch', '--dry-run');
      expect(noClientIds.code).toBe(2);
      expect(noClientIds.stderr).toMatch(/the client list has no client ID column \(its header: Name, Email\)/);
      const missing = await cli('import-bookings', '--file', join(scratch, 'nope.csv'), '--branch-name', 'London Shoreditch');
      expect(missing.stderr).toMatch(/import-bookings: cannot read .*nope\.csv: file not found/);
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

describe('import-bookings through npm on a data directory', () => {
  it('prints one JSON object, a dry run writes nothing, then the import and its undo', async () => {
    const dataDir = join(scratch, 'npm-data');
    await mkdir(pgliteDir(dataDir), { recursive: true, mode: 0o700 });
    const store = await Store.open({ pgliteDir: pgliteDir(dataDir) });
    try {
      await importDataset(store, await loadDataset(SAMPLE), 0);
    } finally {
      await store.close();
    }
    // The sample's "today" has passed: the bookings of March 2026 are history too (Waitlisted is still unmapped).
    expect((await npmCliWithoutDatabaseUrl('import-customers', '--file', SQUARE_CLIENTS, '--branch-name', 'New York SoHo', '--data-dir', dataDir)).code).toBe(0);
    const dry = await npmCliWithoutDatabaseUrl('import-bookings', '--file', SQUARE, '--branch-name', 'New York SoHo', '--dry-run', '--data-dir', dataDir);
    expect([dry.code, dry.stderr]).toEqual([0, '']);
    expect(JSON.parse(dry.stdout)).toEqual(SQUARE_COUNTS);
    const real = await npmCliWithoutDatabaseUrl('import-bookings', '--file', SQUARE, '--branch-name', 'New York SoHo', '--data-dir', dataDir);
    expect(JSON.parse(real.stdout)).toEqual(SQUARE_COUNTS);
    const undo = await npmCliWithoutDatabaseUrl('import-undo', '--last', '--data-dir', dataDir);
    expect([undo.code, undo.stderr]).toEqual([0, '']);
    expect(JSON.parse(undo.stdout)).toMatchObject({ bookings_removed: 9 });
  }, 180_000);
});
