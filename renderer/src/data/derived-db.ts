import { Dexie, type Table } from 'dexie';
import type { PairVisits } from '../../../shared/engine/pair-visits';

/**
 * Derived data, never replicated, in its own plain Dexie database: the visit facts of every
 * (customer, branch) pair (`PairVisits`: visit days, totals, favourites), which do not depend on
 * the date, so a new local day rewrites nothing. At start-up the desk computes every status
 * from these in memory before it has read its bookings (`ActivityIndex.seedVisits`).
 *
 * Version 1 stored each pair's activity as of the day (`days_since_last_visit`…), rewritten in
 * every row each morning and read by nothing; version 2 deletes that table.
 */
export type VisitsRow = PairVisits;

export interface DerivedMeta {
  key: string;
  value: string | number;
}

export const DERIVED_DB_NAME = 'branchdesk-derived';

export class DerivedDb extends Dexie {
  visits!: Table<VisitsRow, [string, string]>;
  meta!: Table<DerivedMeta, string>;

  constructor(name: string = DERIVED_DB_NAME) {
    super(name);
    this.version(1).stores({
      activity: '[branch_id+customer_id], customer_id, status, last_visit_date, total_spent, [branch_id+status]',
      meta: 'key',
    });
    this.version(2).stores({ activity: null, visits: '[branch_id+customer_id]', meta: 'key' });
  }

  /** Applies one change set atomically: changed rows written, vanished pairs deleted. */
  async applyChange(updated: readonly VisitsRow[], removed: readonly { branch_id: string; customer_id: string }[]): Promise<void> {
    if (updated.length === 0 && removed.length === 0) return;
    await this.transaction('rw', this.visits, async () => {
      if (removed.length > 0) await this.visits.bulkDelete(removed.map((r) => [r.branch_id, r.customer_id] as [string, string]));
      if (updated.length > 0) await this.visits.bulkPut(updated.slice());
    });
  }

  /** Document counts (branches, customers, bookings) seen by the last start-up, if any. */
  async loadCounts(): Promise<[number, number, number] | null> {
    const row = await this.meta.get('counts');
    if (row === undefined || typeof row.value !== 'string') return null;
    const parts = row.value.split(',').map(Number);
    return parts.length === 3 && parts.every((n) => Number.isSafeInteger(n) && n >= 0) ? (parts as [number, number, number]) : null;
  }

  async saveCounts(counts: [number, number, number]): Promise<void> {
    await this.meta.put({ key: 'counts', value: counts.join(',') });
  }

  /** The visit facts as last persisted. */
  async loadAll(): Promise<VisitsRow[]> {
    return this.visits.toArray();
  }
}
