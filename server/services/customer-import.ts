/**
 * Switching in from another system (issue 12): a client list planned by the shared import
 * (shared/csv/customer-import.ts) against the stored customers and written in ONE transaction
 * as one import batch that can be undone. New customers get the target branch as their home
 * branch (as a registration there); every imported or merged customer is linked to the target
 * branch, so it reaches that branch's desks even when its home is elsewhere or unset.
 */
import { randomUUID } from 'node:crypto';
import {
  derivedIds,
  emailMatchKey,
  planCounts,
  planImport,
  type DuplicatePolicy,
  type ImportCounts,
  type ImportedPerson,
  type RefusedLine,
} from '../../shared/csv/customer-import';
import type { CustomerDoc } from '../../shared/domain/schemas';
import type { WireDoc } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { branchByName, loadBranches } from '../store/branches';
import { loadMasters, writeDocuments } from '../store/documents';
import { ApiError } from '../store/errors';
import { ensureLinks, linkedBranches, restampLinks } from '../store/links';
import { notifyChange } from '../store/notify';
import { refreshPairs, type PairRef } from './projection';
import { advanceClock, lockStamps, nextStamps } from '../store/stamps';
import type { Store } from '../store/store';
import { undoBookingItems } from './booking-import';

type Doc = Record<string, unknown>;

export interface ImportRun {
  batchId: string | null;
  counts: ImportCounts;
}

/** Stored customers sharing a phone, an email or a derived id with the people of the file. */
async function candidates(q: Queryable, secret: string, people: readonly ImportedPerson[]): Promise<CustomerDoc[]> {
  const phones = [...new Set(people.map((p) => p.phone).filter((p) => p !== ''))];
  const emails = [...new Set(people.map((p) => emailMatchKey(p.email)).filter((e) => e !== ''))];
  const ids = [...new Set(people.flatMap((p) => derivedIds(secret, p)))];
  const rows = await q.query<{ data: CustomerDoc }>(
    'SELECT data FROM customers WHERE NOT deleted AND (phone = ANY($1::text[]) OR email = ANY($2::text[]) OR id = ANY($3::text[]))',
    [phones, emails, ids],
  );
  return rows.map((r) => r.data);
}

export interface ImportCustomersInput {
  branchName: string;
  fileName: string;
  people: readonly ImportedPerson[];
  refused: readonly RefusedLine[];
  dryRun: boolean;
  duplicates: DuplicatePolicy;
}

/** Plans and (unless a dry run) writes one import batch. A dry run reads only. */
export async function importCustomers(store: Store, input: ImportCustomersInput): Promise<ImportRun> {
  return store.db.transaction(async (tx) => {
    if (!input.dryRun) await lockStamps(tx);
    const branches = await loadBranches(tx);
    const branch = branchByName(branches, input.branchName);
    if ('error' in branch) throw new ApiError(400, branch.error);
    const nowMs = store.clock();
    const plan = planImport(input.people, input.refused, await candidates(tx, store.org.customer_id_secret, input.people), {
      secret: store.org.customer_id_secret,
      branchId: branch.id,
      nowMs,
      duplicates: input.duplicates,
      randomId: () => `cu-${randomUUID()}`,
    });
    const counts = planCounts(plan);
    if (input.dryRun) return { batchId: null, counts };

    const changedMerges = plan.merged.filter((m) => m.after !== m.before);
    const docs: WireDoc<Doc>[] = [
      ...plan.created.map((c) => ({ ...c.doc, _deleted: false }) as unknown as WireDoc<Doc>),
      ...changedMerges.map((m) => ({ ...m.after, _deleted: false }) as unknown as WireDoc<Doc>),
    ];
    const stamps = await nextStamps(tx, docs.length);
    const writes = docs.map((doc, i) => ({ doc, stamp: stamps[i] as number }));
    await writeDocuments(tx, 'customers', writes, { timezones: new Map(), ownerBranch: '' });
    await restampLinks(tx, writes.map((w) => ({ id: w.doc.id as string, stamp: w.stamp })));
    const touchedIds = [...plan.created.map((c) => c.doc.id), ...plan.merged.map((m) => m.before.id)];
    const created = await ensureLinks(tx, touchedIds.map((id) => ({ branch_id: branch.id, customer_id: id, reason: 'import' as const })));
    const pairs: PairRef[] = plan.created.map((c) => ({ branch_id: branch.id, customer_id: c.doc.id }));
    await refreshPairs(tx, pairs, branches, (b) => store.today(b));

    const batchId = `ib-${randomUUID()}`;
    await tx.query('INSERT INTO import_batches (id, branch_id, file_name, created_ms, summary) VALUES ($1, $2, $3, $4, $5::jsonb)', [
      batchId,
      branch.id,
      input.fileName,
      nowMs,
      JSON.stringify({ new: counts.new, merged: counts.merged, skipped: counts.skipped, refused: counts.refused.length }),
    ]);
    const before = new Map(changedMerges.map((m) => [m.before.id, m.before]));
    const items = writes.map((w) => {
      const id = w.doc.id as string;
      const old = before.get(id);
      return { customer_id: id, before: old === undefined ? null : { ...old, _deleted: false }, stamp: w.stamp };
    });
    if (items.length > 0) {
      await tx.query(
        `INSERT INTO import_batch_customers (batch_id, customer_id, before, stamp)
         SELECT $1, r.customer_id, r.before, r.stamp FROM jsonb_to_recordset($2::jsonb) AS r(customer_id text, before jsonb, stamp bigint)`,
        [batchId, JSON.stringify(items)],
      );
    }
    if (writes.length > 0 || created.length > 0) {
      await notifyChange(tx, { collection: 'customers', branches: await linkedBranches(tx, touchedIds) });
      await advanceClock(tx);
    }
    return { batchId, counts };
  });
}

export interface BatchInfo {
  id: string;
  /** What the batch imported: a client list (`customers`) or a visit history (`bookings`). */
  kind: string;
  branch_id: string;
  file_name: string;
  created_ms: number;
  summary: { new: number; merged?: number; skipped: number; refused: number };
  undone_ms: number | null;
}

/** Import batches, newest first. */
export async function listBatches(q: Queryable): Promise<BatchInfo[]> {
  const rows = await q.query<{ id: string; kind: string; branch_id: string; file_name: string; created_ms: unknown; summary: BatchInfo['summary']; undone_ms: unknown }>(
    'SELECT id, kind, branch_id, file_name, created_ms, summary, undone_ms FROM import_batches ORDER BY created_ms DESC, id DESC',
  );
  return rows.map((r) => ({ ...r, created_ms: Number(r.created_ms), undone_ms: r.undone_ms === null ? null : Number(r.undone_ms) }));
}

/** What an undo took back: a client list's customers, or a visit history's bookings. */
export type UndoResult = { removed: number; restored: number } | { bookings_removed: number };

/**
 * Undoes one batch in one transaction (a visit history's: undoBookingItems): customers it created are deleted (a tombstone desks pull),
 * customers it merged into get their document from before. Refused whole, changing nothing, when
 * the batch is unknown or undone already, when a customer was changed since, or when a customer
 * it created has bookings now.
 */
export async function undoBatch(store: Store, batchId: string): Promise<UndoResult> {
  return store.db.transaction(async (tx) => {
    await lockStamps(tx);
    const batch = await tx.query<{ branch_id: string; undone_ms: unknown; kind: string }>('SELECT branch_id, undone_ms, kind FROM import_batches WHERE id = $1 FOR UPDATE', [batchId]);
    const head = batch[0];
    if (head === undefined) throw new ApiError(404, `no import batch "${batchId}" (cli import-batches lists them)`);
    if (head.undone_ms !== null) throw new ApiError(409, `import batch "${batchId}" was undone already`);
    if (head.kind === 'bookings') {
      const bookings = await undoBookingItems(tx, store, batchId, head.branch_id);
      await tx.query('UPDATE import_batches SET undone_ms = $2 WHERE id = $1', [batchId, store.clock()]);
      if (bookings > 0) await advanceClock(tx);
      return { bookings_removed: bookings };
    }
    const items = await tx.query<{ customer_id: string; before: WireDoc<Doc> | null; stamp: unknown }>(
      'SELECT customer_id, before, stamp FROM import_batch_customers WHERE batch_id = $1 ORDER BY customer_id',
      [batchId],
    );
    const ids = items.map((i) => i.customer_id);
    const current = await tx.query<{ id: string; stamp: unknown }>('SELECT id, stamp FROM customers WHERE id = ANY($1::text[])', [ids]);
    const stampOf = new Map(current.map((r) => [r.id, Number(r.stamp)]));
    const changed = items.filter((i) => stampOf.get(i.customer_id) !== Number(i.stamp)).map((i) => i.customer_id);
    if (changed.length > 0) {
      throw new ApiError(409, `${changed.length} customer${changed.length === 1 ? '' : 's'} of the batch changed since the import (${changed.slice(0, 5).join(', ')}); nothing undone`);
    }
    const createdIds = items.filter((i) => i.before === null).map((i) => i.customer_id);
    const booked = await tx.query<{ customer_id: string }>('SELECT DISTINCT customer_id FROM bookings WHERE NOT deleted AND customer_id = ANY($1::text[])', [createdIds]);
    if (booked.length > 0) {
      throw new ApiError(409, `${booked.length} customer${booked.length === 1 ? '' : 's'} created by the batch have bookings now (${booked.slice(0, 5).map((b) => b.customer_id).join(', ')}); nothing undone`);
    }
    const masters = await loadMasters<Doc>(tx, 'customers', createdIds);
    const docs: WireDoc<Doc>[] = items.map((i) => {
      if (i.before !== null) return i.before;
      const master = masters.get(i.customer_id)?.doc as WireDoc<Doc>;
      return { ...master, updated_at: new Date(store.clock()).toISOString(), _deleted: true };
    });
    const stamps = await nextStamps(tx, docs.length);
    const writes = docs.map((doc, k) => ({ doc, stamp: stamps[k] as number }));
    await writeDocuments(tx, 'customers', writes, { timezones: new Map(), ownerBranch: '' });
    await restampLinks(tx, writes.map((w) => ({ id: w.doc.id as string, stamp: w.stamp })));
    const branches = await loadBranches(tx);
    await refreshPairs(tx, createdIds.map((id) => ({ branch_id: head.branch_id, customer_id: id })), branches, (b) => store.today(b));
    await tx.query('UPDATE import_batches SET undone_ms = $2 WHERE id = $1', [batchId, store.clock()]);
    if (writes.length > 0) {
      await notifyChange(tx, { collection: 'customers', branches: await linkedBranches(tx, ids) });
      await advanceClock(tx);
    }
    return { removed: createdIds.length, restored: items.length - createdIds.length };
  });
}
