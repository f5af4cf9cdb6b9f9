import type { BookingDoc, BranchDoc, CollectionName, CustomerDoc } from '../../../shared/domain/schemas';
import type { Replica } from './replica';
import { bulkWriteError } from './write-errors';

export interface DatasetDocs {
  branches: readonly BranchDoc[];
  customers: readonly CustomerDoc[];
  bookings: readonly BookingDoc[];
}

export interface BulkProgress {
  collection: CollectionName;
  done: number;
  total: number;
}

export const BULK_CHUNK = 2000;

/**
 * Writes many documents through `bulkUpsert` in chunks — the path a sync pull takes — so the
 * change streams (and with them the activity and search index) see them like any other change.
 * Branches first, then customers, then bookings. Every row is validated by the storage; the
 * first rejected row stops the load with a message naming the document and field.
 */
export async function bulkLoad(db: Replica, docs: DatasetDocs, onProgress: (p: BulkProgress) => void = () => undefined): Promise<void> {
  const steps: [CollectionName, readonly object[]][] = [
    ['branches', docs.branches],
    ['customers', docs.customers],
    ['bookings', docs.bookings],
  ];
  for (const [name, rows] of steps) {
    const collection = db.collections[name as 'branches'];
    onProgress({ collection: name, done: 0, total: rows.length });
    for (let i = 0; i < rows.length; i += BULK_CHUNK) {
      const chunk = rows.slice(i, i + BULK_CHUNK) as BranchDoc[];
      const result = await collection.bulkUpsert(chunk);
      if (result.error.length > 0) throw bulkWriteError(name, result.error);
      onProgress({ collection: name, done: Math.min(rows.length, i + BULK_CHUNK), total: rows.length });
    }
  }
}
