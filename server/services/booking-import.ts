/**
 * Switching in the visit history (issue 12, item 3): a bookings export planned by the shared
 * import (shared/csv/booking-import.ts) against the stored customers and bookings, and written
 * in ONE transaction as one import batch that `import-undo` takes back, as a client list's.
 * The bookings meet the write rules of a push (the plan checks them with `writeProblems`); as
 * a push's, each new booking links its customer to the branch ('booked') and refreshes the
 * pair's HQ projection in the same transaction. History queues no automated messages (a
 * milestone of 2025 is not news).
 */
import { randomUUID } from 'node:crypto';
import { historyCounts, historyLookups, planHistory, type ClientDirectory, type HistoryCounts, type HistoryRow, type StatusMapping } from '../../shared/csv/booking-import';
import type { RefusedLine } from '../../shared/csv/customer-import';
import type { BookingDoc, CustomerDoc, ServiceDoc, StaffDoc } from '../../shared/domain/schemas';
import type { WireDoc } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { branchByName, loadBranches, timezonesOf, type BranchInfo } from '../store/branches';
import { writeDocuments } from '../store/documents';
import { ApiError } from '../store/errors';
import { ensureLinks } from '../store/links';
import { notifyChange } from '../store/notify';
import { advanceClock, lockStamps, nextStamps } from '../store/stamps';
import type { Store } from '../store/store';
import { refreshPairs } from './projection';

type Doc = Record<string, unknown>;

export interface BookingImportInput {
  branchName: string;
  fileName: string;
  rows: readonly HistoryRow[];
  refused: readonly RefusedLine[];
  statuses: StatusMapping;
  clients: ClientDirectory | null;
  dryRun: boolean;
}

export interface BookingImportRun {
  batchId: string | null;
  counts: HistoryCounts;
}

/** Stored customers sharing a phone, an email, a derived id or a name with the rows of the file. */
async function customerCandidates(q: Queryable, lookups: ReturnType<typeof historyLookups>): Promise<CustomerDoc[]> {
  const rows = await q.query<{ data: CustomerDoc }>(
    `SELECT data FROM customers WHERE NOT deleted AND (phone = ANY($1::text[]) OR email = ANY($2::text[]) OR id = ANY($3::text[])
       OR lower(regexp_replace(btrim(data->>'name'), '\\s+', ' ', 'g')) = ANY($4::text[]))`,
    [lookups.phones, lookups.emails, lookups.ids, lookups.names],
  );
  return rows.map((r) => r.data);
}

async function branchDocs<T>(q: Queryable, table: 'services' | 'staff', branchId: string): Promise<T[]> {
  const rows = await q.query<{ data: T }>(`SELECT data FROM ${table} WHERE branch_id = $1 AND NOT deleted`, [branchId]);
  return rows.map((r) => r.data);
}

/** Plans and (unless a dry run) writes one visit-history batch. A dry run reads only. */
export async function importBookings(store: Store, input: BookingImportInput): Promise<BookingImportRun> {
  return store.db.transaction(async (tx) => {
    if (!input.dryRun) await lockStamps(tx);
    const branches = await loadBranches(tx);
    const found = branchByName(branches, input.branchName);
    if ('error' in found) throw new ApiError(400, found.error);
    const branch: BranchInfo = found;
    const nowMs = store.clock();
    const secret = store.org.customer_id_secret;
    const customers = await customerCandidates(tx, historyLookups(input.rows, input.clients, secret));
    const options = {
      branchId: branch.id,
      timezone: branch.timezone,
      secret,
      nowMs,
      services: await branchDocs<ServiceDoc>(tx, 'services', branch.id),
      staff: await branchDocs<StaffDoc>(tx, 'staff', branch.id),
      statuses: input.statuses,
      clients: input.clients,
    };
    // A first plan names the bookings and customers; what is stored of them decides the second.
    const draft = planHistory(input.rows, input.refused, customers, [], options);
    const stored = await tx.query<{ data: BookingDoc }>(
      'SELECT data FROM bookings WHERE NOT deleted AND (id = ANY($1::text[]) OR (branch_id = $2 AND customer_id = ANY($3::text[])))',
      [draft.created.map((c) => c.doc.id), branch.id, [...new Set(draft.created.map((c) => c.doc.customer_id))]],
    );
    const plan = planHistory(input.rows, input.refused, customers, stored.map((r) => r.data), options);
    const counts = historyCounts(plan);
    if (input.dryRun) return { batchId: null, counts };

    const stamps = await nextStamps(tx, plan.created.length);
    const writes = plan.created.map((c, i) => ({ doc: { ...c.doc, _deleted: false } as unknown as WireDoc<Doc>, stamp: stamps[i] as number }));
    await writeDocuments(tx, 'bookings', writes, { timezones: timezonesOf(branches), ownerBranch: '' });
    const pairs = [...new Map(plan.created.map((c) => [c.doc.customer_id, { branch_id: branch.id, customer_id: c.doc.customer_id }])).values()];
    const linked = await ensureLinks(tx, pairs.map((p) => ({ ...p, reason: 'booked' as const })));
    await refreshPairs(tx, pairs, branches, (b) => store.today(b));

    const batchId = `ib-${randomUUID()}`;
    await tx.query("INSERT INTO import_batches (id, branch_id, file_name, created_ms, summary, kind) VALUES ($1, $2, $3, $4, $5::jsonb, 'bookings')", [
      batchId,
      branch.id,
      input.fileName,
      nowMs,
      JSON.stringify({ new: counts.new, skipped: counts.skipped, refused: counts.refused.length }),
    ]);
    if (writes.length > 0) {
      await tx.query(
        `INSERT INTO import_batch_bookings (batch_id, booking_id, stamp)
         SELECT $1, r.booking_id, r.stamp FROM jsonb_to_recordset($2::jsonb) AS r(booking_id text, stamp bigint)`,
        [batchId, JSON.stringify(writes.map((w) => ({ booking_id: w.doc.id, stamp: w.stamp })))],
      );
      await notifyChange(tx, { collection: 'bookings', branches: [branch.id] });
      if (linked.length > 0) await notifyChange(tx, { collection: 'customers', branches: [branch.id] });
      await advanceClock(tx);
    }
    return { batchId, counts };
  });
}

/**
 * The booking part of an undo, inside its transaction: the bookings the batch created are
 * deleted (a tombstone the desks pull) and their pairs refreshed. Refused whole when one of them
 * changed since the import (checked in, completed, corrected, moved…).
 */
export async function undoBookingItems(tx: Queryable, store: Store, batchId: string, branchId: string): Promise<number> {
  const items = await tx.query<{ booking_id: string; stamp: unknown }>('SELECT booking_id, stamp FROM import_batch_bookings WHERE batch_id = $1 ORDER BY booking_id', [batchId]);
  if (items.length === 0) return 0;
  const ids = items.map((i) => i.booking_id);
  const current = await tx.query<{ id: string; stamp: unknown; deleted: boolean; data: BookingDoc }>('SELECT id, stamp, deleted, data FROM bookings WHERE id = ANY($1::text[])', [ids]);
  const byId = new Map(current.map((r) => [r.id, r]));
  const changed = items.filter((i) => Number(byId.get(i.booking_id)?.stamp) !== Number(i.stamp)).map((i) => i.booking_id);
  if (changed.length > 0) {
    throw new ApiError(409, `${changed.length} booking${changed.length === 1 ? '' : 's'} of the batch changed since the import (${changed.slice(0, 5).join(', ')}); nothing undone`);
  }
  const now = new Date(store.clock()).toISOString();
  const docs = items.map((i) => ({ ...(byId.get(i.booking_id)?.data as BookingDoc), updated_at: now, _deleted: true }) as unknown as WireDoc<Doc>);
  const stamps = await nextStamps(tx, docs.length);
  const branches = await loadBranches(tx);
  await writeDocuments(tx, 'bookings', docs.map((doc, k) => ({ doc, stamp: stamps[k] as number })), { timezones: timezonesOf(branches), ownerBranch: '' });
  const customers = [...new Set(docs.map((d) => d.customer_id as string))];
  await refreshPairs(tx, customers.map((id) => ({ branch_id: branchId, customer_id: id })), branches, (b) => store.today(b));
  await notifyChange(tx, { collection: 'bookings', branches: [branchId] });
  return items.length;
}
