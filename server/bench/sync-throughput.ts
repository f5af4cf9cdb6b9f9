/**
 * Measures the sync server on real PostgreSQL (DATABASE_URL): push throughput for 100k bookings
 * in batches of 1000 through HTTP, against a baseline of plain multi-row INSERTs of the same rows
 * through the same driver, and an initial pull of 100k bookings + 20k customers through HTTP.
 * The server runs as its own process (as in production); this process is the desk.
 * Prints one JSON object. `npx tsx server/bench/sync-throughput.ts [--bookings N] [--customers N]`
 */
import { parseArgs } from 'node:util';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import { SCHEMA_HEADER, type PullResponse } from '../../shared/sync/protocol';
import { createEnrolmentCode } from '../store/auth';
import { importDataset } from '../services/import';
import { createPostgresDatabase } from '../test-support/databases';
import { bookingDoc, customerDoc } from '../test-support/docs';
import { Store } from '../store/store';
import { startServerProcess } from '../test-support/spawn';

const { values } = parseArgs({ options: { bookings: { type: 'string', default: '100000' }, customers: { type: 'string', default: '20000' }, batch: { type: 'string', default: '1000' } } });
const BOOKINGS = Number(values.bookings);
const CUSTOMERS = Number(values.customers);
const BATCH = Number(values.batch);

const database = await createPostgresDatabase();
const store = await Store.open({ databaseUrl: database.url });
try {
  await importDataset(store, { branches: [{ id: 'br-a', name: 'A', timezone: 'Asia/Manila', active_days: null, at_risk_days: null }], customers: [], bookings: [] }, 0);
  const server = await startServerProcess([], { DATABASE_URL: database.url });
  const url = server.url;
  const enrol = async () => {
    const { code } = await createEnrolmentCode(store, 'br-a', 'front_desk');
    const res = await fetch(`${url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    return ((await res.json()) as { token: string }).token;
  };
  const token = await enrol();
  const headers = { authorization: `Bearer ${token}`, [SCHEMA_HEADER]: String(SCHEMA_VERSION), 'content-type': 'application/json' };

  const customers = Array.from({ length: CUSTOMERS }, (_, i) => customerDoc({ id: `cu-${String(i).padStart(6, '0')}`, name: `Customer ${i}`, home_branch_id: 'br-a', registered_branch_id: 'br-a' }));
  const start = Date.parse('2025-03-01T01:00:00Z');
  const bookings = Array.from({ length: BOOKINGS }, (_, i) =>
    bookingDoc({
      id: `bk-${String(i).padStart(7, '0')}`,
      customer_id: `cu-${String(i % CUSTOMERS).padStart(6, '0')}`,
      branch_id: 'br-a',
      start_at: new Date(start + (i % 360) * 86_400_000 + (i % 9) * 3_600_000).toISOString(),
      status: i % 17 === 0 ? 'no_show' : i % 11 === 0 ? 'cancelled' : 'completed',
      price: 1500 + (i % 50) * 100,
    }),
  );

  async function push(collection: string, docs: unknown[]): Promise<number> {
    const t0 = performance.now();
    for (let i = 0; i < docs.length; i += BATCH) {
      const res = await fetch(`${url}/api/sync/${collection}/push`, { method: 'POST', headers, body: JSON.stringify(docs.slice(i, i + BATCH).map((d) => ({ newDocumentState: d }))) });
      if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`);
      const conflicts = (await res.json()) as unknown[];
      if (conflicts.length > 0) throw new Error('unexpected conflicts');
    }
    return performance.now() - t0;
  }

  const customerMs = await push('customers', customers);
  const bookingMs = await push('bookings', bookings);

  // Baseline: the same rows as plain multi-row INSERTs through the same driver and table shape.
  await store.db.exec('CREATE TABLE bench_bookings (LIKE bookings INCLUDING ALL)');
  const rows = await store.db.query<Record<string, unknown>>('SELECT * FROM bookings ORDER BY stamp');
  const columns = Object.keys(rows[0] as object);
  const t1 = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => `(${columns.map((c) => (params.push(c === 'data' ? JSON.stringify(r[c]) : r[c]), `$${params.length}`)).join(', ')})`);
    await store.db.query(`INSERT INTO bench_bookings (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
  const baselineMs = performance.now() - t1;

  // Initial pull of a fresh desk, as RxDB does it: checkpoint iteration per collection.
  const pullToken = await enrol();
  async function pullAll(collection: string): Promise<number> {
    let checkpoint: { stamp: number; id: string } | null = null;
    let n = 0;
    for (;;) {
      const q: string = checkpoint === null ? '' : `&stamp=${checkpoint.stamp}&id=${encodeURIComponent(checkpoint.id)}`;
      const res = await fetch(`${url}/api/sync/${collection}/pull?limit=2000${q}`, { headers: { authorization: `Bearer ${pullToken}`, [SCHEMA_HEADER]: String(SCHEMA_VERSION) } });
      const body = (await res.json()) as PullResponse<unknown>;
      n += body.documents.length;
      if (body.documents.length < 2000) return n;
      checkpoint = body.checkpoint;
    }
  }
  const t2 = performance.now();
  const [pulledBookings, pulledCustomers] = await Promise.all([pullAll('bookings'), pullAll('customers')]);
  const pullMs = performance.now() - t2;
  const t3 = performance.now();
  const sequential = (await pullAll('bookings')) + (await pullAll('customers'));
  const sequentialMs = performance.now() - t3;

  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
  console.log(
    JSON.stringify(
      {
        database: 'postgresql',
        batch: BATCH,
        push_customers_docs_per_s: rate(CUSTOMERS, customerMs),
        push_bookings_docs_per_s: rate(BOOKINGS, bookingMs),
        push_bookings_seconds: +(bookingMs / 1000).toFixed(2),
        baseline_multirow_insert_rows_per_s: rate(rows.length, baselineMs),
        push_vs_baseline: +(baselineMs / bookingMs).toFixed(3),
        initial_pull_documents: pulledBookings + pulledCustomers,
        initial_pull_parallel_docs_per_s: rate(pulledBookings + pulledCustomers, pullMs),
        initial_pull_sequential_docs_per_s: rate(sequential, sequentialMs),
      },
      null,
      2,
    ),
  );
  await server.stop();
} finally {
  await store.close();
  await database.drop();
}
