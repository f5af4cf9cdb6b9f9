import type { BookingDoc, CustomerDoc } from '../../../../shared/domain/schemas';
import type { Replica } from '../../data/replica';
import { bulkWriteError } from '../../data/write-errors';
import type { ImportPlan } from './import-model';

export interface ImportProgress {
  done: number;
  total: number;
}

const CHUNK = 500;

/**
 * Stores an import plan's documents in chunks (customers first: bookings refer to them), reporting
 * progress after each. Every document was validated by `planImport`; a chunk the replica still
 * refuses stops the import with the document named (earlier chunks stay stored).
 */
export async function runImport(db: Replica, plan: Pick<ImportPlan, 'customers' | 'bookings'>, onProgress: (p: ImportProgress) => void): Promise<void> {
  const total = plan.customers.length + plan.bookings.length;
  let done = 0;
  onProgress({ done, total });
  const write = async <T extends CustomerDoc | BookingDoc>(docs: readonly T[], collection: 'customers' | 'bookings'): Promise<void> => {
    for (let i = 0; i < docs.length; i += CHUNK) {
      const chunk = docs.slice(i, i + CHUNK);
      const result = collection === 'customers' ? await db.customers.bulkUpsert(chunk as CustomerDoc[]) : await db.bookings.bulkUpsert(chunk as BookingDoc[]);
      if (result.error.length > 0) throw bulkWriteError(collection, result.error);
      done += chunk.length;
      onProgress({ done, total });
    }
  };
  await write(plan.customers, 'customers');
  await write(plan.bookings, 'bookings');
}
