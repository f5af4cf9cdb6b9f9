/**
 * The desk's side of switching in from another system: the shared plan
 * (shared/csv/customer-import.ts) written to the replica in chunks with progress, and the undo
 * of that batch (created customers removed, merged ones given back their document from before),
 * refused whole when one of them changed since. A visit history likewise: its bookings written
 * in chunks, and removed again by its undo unless one changed since.
 */
import type { ImportPlan } from '../../../../shared/csv/customer-import';
import type { HistoryPlan } from '../../../../shared/csv/booking-import';
import type { BookingDoc, CustomerDoc } from '../../../../shared/domain/schemas';
import { documentsEqual } from '../../../../shared/sync/equal';
import type { Replica } from '../../data/replica';
import { bulkWriteError } from '../../data/write-errors';
import type { ImportProgress } from './run-import';

export interface DeskBatch {
  /** What the import wrote, by id. */
  written: Map<string, CustomerDoc>;
  /** Stored documents before the import for the customers it merged into, by id. */
  before: Map<string, CustomerDoc>;
}

const CHUNK = 500;

export async function writeClientList(db: Replica, plan: ImportPlan, onProgress: (p: ImportProgress) => void): Promise<DeskBatch> {
  const merged = plan.merged.filter((m) => m.after !== m.before);
  const docs = [...plan.created.map((c) => c.doc), ...merged.map((m) => m.after)];
  const batch: DeskBatch = { written: new Map(), before: new Map(merged.map((m) => [m.before.id, m.before])) };
  onProgress({ done: 0, total: docs.length });
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs.slice(i, i + CHUNK);
    const result = await db.customers.bulkUpsert(chunk);
    for (const d of result.success) batch.written.set(d.id, d.toJSON() as CustomerDoc);
    if (result.error.length > 0) throw bulkWriteError('customers', result.error);
    onProgress({ done: Math.min(i + CHUNK, docs.length), total: docs.length });
  }
  return batch;
}

export async function undoClientList(db: Replica, batch: DeskBatch, nowMs: number): Promise<{ removed: number; restored: number }> {
  const ids = [...batch.written.keys()];
  const current = await db.customers.findByIds(ids).exec();
  const changed = ids.filter((id) => {
    const doc = current.get(id);
    return doc === undefined || !documentsEqual(doc.toJSON() as Record<string, unknown>, batch.written.get(id) as unknown as Record<string, unknown>);
  });
  if (changed.length > 0) throw new Error(`${changed.length} imported customer${changed.length === 1 ? ' was' : 's were'} changed since the import; nothing was undone`);
  const createdIds = ids.filter((id) => !batch.before.has(id));
  const booked = await db.bookings.find({ selector: { customer_id: { $in: createdIds } } }).exec();
  if (booked.length > 0) throw new Error(`${new Set(booked.map((b) => b.customer_id)).size} imported customers have bookings now; nothing was undone`);
  const restored = [...batch.before.values()].map((doc) => ({ ...doc, updated_at: new Date(nowMs).toISOString() }));
  if (restored.length > 0) {
    const result = await db.customers.bulkUpsert(restored);
    if (result.error.length > 0) throw bulkWriteError('customers', result.error);
  }
  await Promise.all(createdIds.map((id) => current.get(id)?.remove()));
  return { removed: createdIds.length, restored: restored.length };
}

/** What a visit-history import wrote, by id (its undo removes exactly these, unchanged). */
export interface DeskHistoryBatch {
  written: Map<string, BookingDoc>;
}

export async function writeHistory(db: Replica, plan: HistoryPlan, onProgress: (p: ImportProgress) => void): Promise<DeskHistoryBatch> {
  const docs = plan.created.map((c) => c.doc);
  const batch: DeskHistoryBatch = { written: new Map() };
  onProgress({ done: 0, total: docs.length });
  for (let i = 0; i < docs.length; i += CHUNK) {
    const result = await db.bookings.bulkUpsert(docs.slice(i, i + CHUNK));
    for (const d of result.success) batch.written.set(d.id, d.toJSON() as BookingDoc);
    if (result.error.length > 0) throw bulkWriteError('bookings', result.error);
    onProgress({ done: Math.min(i + CHUNK, docs.length), total: docs.length });
  }
  return batch;
}

export async function undoHistory(db: Replica, batch: DeskHistoryBatch): Promise<{ removed: number }> {
  const ids = [...batch.written.keys()];
  const current = await db.bookings.findByIds(ids).exec();
  const changed = ids.filter((id) => {
    const doc = current.get(id);
    return doc === undefined || !documentsEqual(doc.toJSON() as Record<string, unknown>, batch.written.get(id) as unknown as Record<string, unknown>);
  });
  if (changed.length > 0) throw new Error(`${changed.length} imported booking${changed.length === 1 ? ' was' : 's were'} changed since the import; nothing was undone`);
  await Promise.all(ids.map((id) => current.get(id)?.remove()));
  return { removed: ids.length };
}
