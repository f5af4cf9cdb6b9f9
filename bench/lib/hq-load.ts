/**
 * Loads a generated organisation (shared/demo, streamed) into the server's tables with
 * PostgreSQL COPY: the same rows the server's import path writes (documents in `data`, typed
 * columns from the server's own `TABLES` mapping, customer links for home branches and
 * bookings), then the HQ projection computed by the server's own roller (`rollStale`). At 10M
 * bookings the import path (one transaction, the whole data set in memory) is not practical.
 */
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import { DemoGenerator, toBookingDoc, toBranchDoc, toCustomerDoc, type DemoOptions } from '../../shared/demo';
import { importDataset } from '../../server/services/import';
import { rollStale } from '../../server/services/roller';
import { TABLES, type RowContext } from '../../server/store/tables';
import type { BenchServer } from './server';
import { progress } from './log';
import { copyLine } from './copy-text';

class CopyStream {
  private buffer: string[] = [];
  private size = 0;
  rows = 0;
  private constructor(
    private readonly client: pg.Client,
    private readonly stream: Writable,
  ) {}

  static async open(url: string, table: string, columns: readonly string[]): Promise<CopyStream> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    return new CopyStream(client, stream);
  }

  async write(values: readonly unknown[]): Promise<void> {
    const line = copyLine(values);
    this.buffer.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    await this.client.end();
  }
}

export interface LoadedOrg {
  branches: number;
  customers: number;
  bookings: number;
  seconds: number;
  projectionSeconds: number;
}

export async function loadOrganisation(server: BenchServer, options: DemoOptions): Promise<LoadedOrg> {
  const t0 = performance.now();
  const generator = new DemoGenerator(options);
  const branchDocs = generator.branches.map(toBranchDoc);
  // Branches through the real import path (documents, stamps, empty projection).
  await importDataset(
    server.store,
    { branches: branchDocs.map(({ id, name, timezone, active_days, at_risk_days }) => ({ id, name, timezone, active_days, at_risk_days })), customers: [], bookings: [] },
    0,
  );
  const ctx: RowContext = { timezones: new Map(branchDocs.map((b) => [b.id, b.timezone])), ownerBranch: '' };
  const nowMs = generator.branches.map((_, i) => generator.nowMs(i));
  const branchIndex = new Map(generator.branches.map((b, i) => [b.id, i]));
  const stampRows = await server.store.db.query<{ s: string }>("SELECT nextval('doc_stamp') AS s");
  let stamp = Number(stampRows[0]?.s ?? 0);

  const customerSpec = TABLES.customers;
  const bookingSpec = TABLES.bookings;
  const customerColumns = ['id', 'stamp', 'deleted', 'data', ...customerSpec.columns.map((c) => c.name)];
  const bookingColumns = ['id', 'stamp', 'deleted', 'data', ...bookingSpec.columns.map((c) => c.name)];
  const customers = await CopyStream.open(server.db.url, 'customers', customerColumns);
  const links = await CopyStream.open(server.db.url, 'customer_links', ['branch_id', 'customer_id', 'stamp', 'reason']);
  const bookings = await CopyStream.open(server.db.url, 'bookings', bookingColumns);
  let lastReport = performance.now();
  for (const history of generator.customers()) {
    const doc = toCustomerDoc(history.customer);
    stamp += 1;
    const customerStamp = stamp;
    const typed = customerSpec.values(doc as unknown as Record<string, unknown>, ctx);
    await customers.write([doc.id, customerStamp, false, JSON.stringify(doc), ...customerSpec.columns.map((c) => typed[c.name])]);
    const linked = new Set<string>();
    if (doc.home_branch_id !== '') {
      linked.add(doc.home_branch_id);
      await links.write([doc.home_branch_id, doc.id, customerStamp, 'home']);
    }
    for (const b of history.bookings) {
      const booking = toBookingDoc(b, nowMs[branchIndex.get(b.branch_id) ?? 0] ?? b.ms);
      stamp += 1;
      const values = bookingSpec.values(booking as unknown as Record<string, unknown>, ctx);
      await bookings.write([booking.id, stamp, false, JSON.stringify(booking), ...bookingSpec.columns.map((c) => values[c.name])]);
      if (!linked.has(booking.branch_id)) {
        linked.add(booking.branch_id);
        stamp += 1;
        await links.write([booking.branch_id, doc.id, stamp, 'booked']);
      }
    }
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      progress(`hq load: ${customers.rows} customers, ${bookings.rows} bookings…`);
    }
  }
  await Promise.all([customers.end(), links.end(), bookings.end()]);
  await server.store.db.query("SELECT setval('doc_stamp', $1)", [stamp]);
  await server.store.db.query('UPDATE sync_clock SET stamp = $1 WHERE id = 1', [stamp]);
  await server.store.db.exec('ANALYZE');
  const loaded = performance.now();
  progress(`hq load: ${customers.rows} customers, ${bookings.rows} bookings, ${links.rows} links copied in ${((loaded - t0) / 1000).toFixed(1)} s; computing the HQ projection…`);
  // The projection as the server computes it for a branch without one (rolling to its local today).
  await server.store.db.exec('DELETE FROM customer_branch_activity; DELETE FROM branch_projection;');
  await rollStale(server.store);
  const done = performance.now();
  return {
    branches: branchDocs.length,
    customers: customers.rows,
    bookings: bookings.rows,
    seconds: (done - t0) / 1000,
    projectionSeconds: (done - loaded) / 1000,
  };
}
