/**
 * sync.push, live.latency and live.hq_bytes against a running server on PostgreSQL, with the desk's own client
 * code (`SyncApi`, `StreamReader` from renderer/src/sync) in this Node process. The pushed branch
 * is then what sync.initial_pull downloads into a fresh browser desk.
 */
import { DemoGenerator, demoOptions, toBookingDoc, toCustomerDoc, type GeneratedBooking } from '../../shared/demo';
import type { Branch } from '../../shared/domain/types';
import type { BookingDoc, CustomerDoc } from '../../shared/domain/schemas';
import type { StreamMessage, WireDoc } from '../../shared/sync/protocol';
import { formatDay } from '../../shared/time/calendar';
import { formatInstant } from '../../shared/time/instant';
import { zoneClock } from '../../shared/time/zone';
import { importDataset } from '../../server/services/import';
import { SyncApi, type AnyDoc } from '../../renderer/src/sync/api';
import { PUSH_BATCH_SIZE } from '../../renderer/src/sync/collection-replication';
import { StreamReader } from '../../renderer/src/sync/stream-reader';
import { progress } from '../lib/log';
import { measurement, type Measurement } from '../lib/result';
import type { BenchServer } from '../lib/server';
import { percentile } from '../lib/stats';

export interface SyncSizes {
  customers: number;
  bookings: number;
  liveSamples: number;
  /** live.hq_bytes: pushes of 250 new bookings while an HQ screen listens (the issue's 100). */
  hqPushes: number;
}

export interface SyncBranch {
  id: string;
  timezone: string;
  branch: Branch;
  customers: CustomerDoc[];
  bookings: BookingDoc[];
}

/** One branch's business, as of the real today in its zone (the server checks dates against its clock). */
export function syncBranch(sizes: Pick<SyncSizes, 'customers' | 'bookings'>): SyncBranch {
  const probe = new DemoGenerator(demoOptions('bench-quick', { branches: 1, customers: 1, targetBookings: 3 })).branches[0];
  if (probe === undefined) throw new Error('no branch');
  const clock = zoneClock(probe.timezone);
  const now = Date.now();
  const generator = new DemoGenerator(
    demoOptions('bench-quick', { branches: 1, customers: sizes.customers, targetBookings: sizes.bookings, today: formatDay(clock.localDay(now)), nowMinute: clock.localMinuteOfDay(now) }),
  );
  const branch = generator.branches[0];
  if (branch === undefined) throw new Error('no branch');
  const nowMs = generator.nowMs(0);
  const customers: CustomerDoc[] = [];
  const bookings: BookingDoc[] = [];
  for (const h of generator.customers()) {
    customers.push(toCustomerDoc(h.customer));
    for (const b of h.bookings as GeneratedBooking[]) bookings.push(toBookingDoc(b, nowMs));
  }
  const { id, name, timezone, active_days, at_risk_days } = branch;
  return { id, timezone, branch: { id, name, timezone, active_days, at_risk_days }, customers, bookings };
}

/** The branch on the server (the organisation's reference data), nothing else yet. */
export async function prepareSyncServer(server: BenchServer, branch: SyncBranch): Promise<void> {
  await importDataset(server.store, { branches: [branch.branch], customers: [], bookings: [] }, 0);
}

function wire(doc: BookingDoc | CustomerDoc): WireDoc<AnyDoc> {
  return { ...doc, _deleted: false } as unknown as WireDoc<AnyDoc>;
}

async function pushBatch(api: SyncApi, collection: 'customers' | 'bookings', docs: readonly (BookingDoc | CustomerDoc)[]): Promise<void> {
  const conflicts = await api.push(
    collection,
    docs.map((d) => ({ newDocumentState: wire(d) })),
  );
  if (conflicts.length > 0) throw new Error(`push of new ${collection} answered ${conflicts.length} conflicts`);
}

/** Multi-row INSERT of rows as stored (every column, `data` as JSON text), one statement. */
async function insertRows(server: BenchServer, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0] ?? {});
  const params: unknown[] = [];
  const tuples = rows.map((r) => `(${columns.map((c) => (params.push(c === 'data' ? JSON.stringify(r[c]) : r[c]), `$${params.length}`)).join(', ')})`);
  await server.store.db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
}

/**
 * Pushes the branch's bookings batch by batch (the desk's push batch size) and, right after each
 * batch, INSERTs the same rows as the server stored them into a copy of the bookings table with
 * one multi-row statement through the same driver: push and baseline alternate, so both see the
 * same machine load.
 */
export async function runPush(server: BenchServer, branch: SyncBranch): Promise<Measurement> {
  const desk = await server.enrol(branch.id, 'front_desk');
  const api = new SyncApi(server.url, desk.token);
  const t0 = performance.now();
  for (let i = 0; i < branch.customers.length; i += PUSH_BATCH_SIZE) await pushBatch(api, 'customers', branch.customers.slice(i, i + PUSH_BATCH_SIZE));
  const customerMs = performance.now() - t0;
  progress(`sync.push: ${branch.customers.length} customers first in ${(customerMs / 1000).toFixed(1)} s (${Math.round((branch.customers.length / customerMs) * 1000)} docs/s)`);
  await server.store.db.exec('CREATE TABLE bench_bookings (LIKE bookings INCLUDING ALL)');
  let pushMs = 0;
  let insertMs = 0;
  let inserted = 0;
  for (let i = 0; i < branch.bookings.length; i += PUSH_BATCH_SIZE) {
    const batch = branch.bookings.slice(i, i + PUSH_BATCH_SIZE);
    const p0 = performance.now();
    await pushBatch(api, 'bookings', batch);
    pushMs += performance.now() - p0;
    const rows = await server.store.db.query<Record<string, unknown>>('SELECT * FROM bookings WHERE id = ANY($1::text[]) ORDER BY stamp', [batch.map((b) => b.id)]);
    if (rows.length !== batch.length) throw new Error(`the server stored ${rows.length} of ${batch.length} pushed bookings`);
    const b0 = performance.now();
    await insertRows(server, 'bench_bookings', rows);
    insertMs += performance.now() - b0;
    inserted += rows.length;
  }
  await server.store.db.exec('DROP TABLE bench_bookings');
  progress(`sync.push: ${branch.bookings.length} bookings in ${(pushMs / 1000).toFixed(1)} s; baseline INSERTs (alternating with the pushes) ${(insertMs / 1000).toFixed(1)} s`);
  return measurement({
    name: 'sync.push',
    value: (branch.bookings.length / pushMs) * 1000,
    unit: 'docs/s',
    baseline: `multi-row INSERTs of the same ${inserted.toLocaleString('en-US')} rows as stored, ${PUSH_BATCH_SIZE} per statement (the desk's push batch), same pg driver, alternating with the pushes`,
    baselineValue: (inserted / insertMs) * 1000,
    ratioKind: 'throughput',
    target: '≥ 0.3× baseline throughput',
    limit: { ratioAtLeast: 0.3 },
  });
}

/**
 * A booking completed at one desk until a second desk's live stream delivers it: desk A pushes
 * the completion (SyncApi.push with the assumed master state); desk B reads the server's live
 * stream with the desk's StreamReader. Bookings are branch-scoped, so B is the branch's second
 * desk (a manager's). Baseline: the push's own round trip (the write acknowledged).
 */
export async function runLiveLatency(server: BenchServer, branch: SyncBranch, samples: number): Promise<Measurement> {
  const a = new SyncApi(server.url, (await server.enrol(branch.id, 'front_desk')).token);
  const b = new SyncApi(server.url, (await server.enrol(branch.id, 'manager')).token);
  const waiters = new Map<string, { status: string; resolve: () => void }>();
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const reader = new StreamReader({
    openStream: (signal) => b.openStream(signal),
    onMessage: (m: StreamMessage) => {
      if (m.type === 'resync') opened();
      if (m.type !== 'change' || m.collection !== 'bookings') return;
      for (const doc of m.documents) {
        const w = waiters.get(doc.id);
        if (w !== undefined && doc.status === w.status) {
          waiters.delete(doc.id);
          w.resolve();
        }
      }
    },
    onState: () => undefined,
    onFatal: (e) => process.stderr.write(`live stream stopped: ${e.message}\n`),
  });
  reader.start();
  await open;
  const arrived = (id: string, status: string): Promise<void> => new Promise((resolve) => waiters.set(id, { status, resolve }));
  const template = branch.bookings[0];
  if (template === undefined) throw new Error('no bookings');
  const latency: number[] = [];
  const roundTrip: number[] = [];
  try {
    for (let i = -3; i < samples; i += 1) {
      const now = Date.now();
      const checkedIn: BookingDoc = {
        ...template,
        id: `bk-live-${String(i + 3).padStart(5, '0')}`,
        status: 'checked_in',
        start_at: formatInstant(now - 15 * 60_000),
        created_at: formatInstant(now - 60 * 60_000),
        updated_at: formatInstant(now),
      };
      const seen = arrived(checkedIn.id, 'checked_in');
      await a.push('bookings', [{ newDocumentState: wire(checkedIn) }]);
      await seen;
      const completed: BookingDoc = { ...checkedIn, status: 'completed', updated_at: formatInstant(Date.now()) };
      const delivered = arrived(completed.id, 'completed');
      const t0 = performance.now();
      const conflicts = await a.push('bookings', [
        { assumedMasterState: wire(checkedIn), newDocumentState: wire(completed) },
      ]);
      const t1 = performance.now();
      if (conflicts.length > 0) throw new Error('completing the booking answered a conflict');
      await delivered;
      const t2 = performance.now();
      if (i >= 0) {
        latency.push(t2 - t0);
        roundTrip.push(t1 - t0);
      }
    }
  } finally {
    await reader.stop();
  }
  progress(`live.latency: p50 ${percentile(latency, 0.5).toFixed(1)} ms, p95 ${percentile(latency, 0.95).toFixed(1)} ms, max ${Math.max(...latency).toFixed(1)} ms; push round trip p95 ${percentile(roundTrip, 0.95).toFixed(1)} ms`);
  return measurement({
    name: 'live.latency',
    value: percentile(latency, 0.95),
    unit: 'ms p95',
    baseline: `the completing push's own HTTP round trip (write acknowledged), p95 of the same ${samples}`,
    baselineValue: percentile(roundTrip, 0.95),
    ratioKind: 'cost',
    target: 'p95 < 1000 ms',
    limit: { valueBelow: 1000 },
  });
}

/** Bytes of one live stream until `done` says the messages read so far are enough (UTF-8, as sent). */
async function countStream(res: Response, done: (m: StreamMessage) => boolean, signal: AbortSignal): Promise<{ bytes: number; messages: number }> {
  if (res.status !== 200 || res.body === null) throw new Error(`the live stream answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let messages = 0;
  let buffer = '';
  try {
    for (;;) {
      const { done: end, value } = await reader.read();
      if (end) throw new Error('the live stream ended before every change arrived');
      bytes += value.byteLength;
      buffer += decoder.decode(value, { stream: true });
      for (let cut = buffer.indexOf('\n\n'); cut !== -1; cut = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        if (data === '') continue;
        messages += 1;
        if (done(JSON.parse(data) as StreamMessage)) return { bytes, messages };
      }
    }
  } finally {
    if (!signal.aborted) await reader.cancel().catch(() => undefined);
  }
}

/**
 * Issue 10 (3): what one HQ screen's live stream carries while `pushes` pushes of `perPush` new
 * bookings arrive (the issue's 100 × 250). The baseline is the stream of documents for the same
 * pushes, read in the same run by the branch's second desk: exactly what every HQ screen received
 * before HQ streams carried notices (HQ read every branch's documents; here there is one branch).
 */
export async function runHqStream(server: BenchServer, branch: SyncBranch, pushes: number, perPush: number): Promise<Measurement> {
  const desk = new SyncApi(server.url, (await server.enrol(branch.id, 'front_desk')).token);
  const second = new SyncApi(server.url, (await server.enrol(branch.id, 'manager')).token);
  const hq = new SyncApi(server.url, (await server.enrol('', 'hq')).token);
  const template = branch.bookings;
  if (template.length === 0) throw new Error('no bookings');
  const controller = new AbortController();
  const ids = new Set<string>();
  const total = pushes * perPush;
  let notices = 0;
  const [hqRes, deskRes] = await Promise.all([hq.openStream(controller.signal), second.openStream(controller.signal)]);
  const hqCount = countStream(hqRes, (m) => m.type === 'notice' && m.collection === 'bookings' && (notices += 1) === pushes, controller.signal);
  const deskCount = countStream(
    deskRes,
    (m) => {
      if (m.type === 'change' && m.collection === 'bookings') for (const d of m.documents) if (d.id.startsWith('bk-hqn-')) ids.add(d.id);
      return ids.size === total;
    },
    controller.signal,
  );
  try {
    for (let p = 0; p < pushes; p += 1) {
      const batch = Array.from({ length: perPush }, (_, i) => {
        const n = p * perPush + i;
        const b = template[n % template.length] as BookingDoc;
        return { ...b, id: `bk-hqn-${String(n).padStart(6, '0')}` };
      });
      await pushBatch(desk, 'bookings', batch);
    }
    const [hqBytes, deskBytes] = await Promise.all([hqCount, deskCount]);
    progress(
      `live.hq_bytes: ${pushes} pushes × ${perPush} bookings: HQ stream ${hqBytes.bytes.toLocaleString('en-US')} bytes in ${hqBytes.messages} messages; documents stream ${deskBytes.bytes.toLocaleString('en-US')} bytes in ${deskBytes.messages} messages`,
    );
    return measurement({
      name: 'live.hq_bytes',
      value: hqBytes.bytes,
      unit: 'bytes per HQ screen',
      baseline: `the documents stream of the same ${pushes} pushes × ${perPush} bookings (what each HQ screen received before notices), same run`,
      baselineValue: deskBytes.bytes,
      ratioKind: 'cost',
      target: '≤ 0.01× baseline (notices, never documents)',
      limit: { ratioAtMost: 0.01 },
    });
  } finally {
    controller.abort();
  }
}
