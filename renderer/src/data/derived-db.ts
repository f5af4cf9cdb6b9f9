import { Dexie, type Table } from 'dexie';
import type { PairActivity } from '../../../shared/engine/activity';

/**
 * Derived data, never replicated: the activity of every (customer, branch) pair as computed by
 * the desk, in its own plain Dexie database. Indexed for the screens' questions: by status, by
 * last visit, by total spent, and a branch's customers of one status.
 */
export type ActivityRow = PairActivity;

export interface DerivedMeta {
  key: string;
  value: string | number;
}

export const DERIVED_DB_NAME = 'branchdesk-derived';

export class DerivedDb extends Dexie {
  activity!: Table<ActivityRow, [string, string]>;
  meta!: Table<DerivedMeta, string>;

  constructor(name: string = DERIVED_DB_NAME) {
    super(name);
    this.version(1).stores({
      activity: '[branch_id+customer_id], customer_id, status, last_visit_date, total_spent, [branch_id+status]',
      meta: 'key',
    });
  }

  /** Applies one change set atomically: changed rows written, vanished pairs deleted. */
  async applyChange(updated: readonly ActivityRow[], removed: readonly { branch_id: string; customer_id: string }[]): Promise<void> {
    if (updated.length === 0 && removed.length === 0) return;
    await this.transaction('rw', this.activity, async () => {
      if (removed.length > 0) await this.activity.bulkDelete(removed.map((r) => [r.branch_id, r.customer_id] as [string, string]));
      if (updated.length > 0) await this.activity.bulkPut(updated.slice());
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

  /** The rows as last persisted, keyed like the in-memory index. */
  async loadAll(): Promise<ActivityRow[]> {
    return this.activity.toArray();
  }
}

const ACTIVITY_FIELDS: readonly (keyof PairActivity)[] = [
  'status',
  'days_since_last_visit',
  'total_bookings',
  'total_spent',
  'first_visit_date',
  'last_visit_date',
  'no_shows',
  'spending_tier',
  'frequency_tier',
  'favorite_service',
  'preferred_staff',
];

/** Whether two activity rows of the same pair hold the same figures. */
export function sameActivity(a: PairActivity, b: PairActivity): boolean {
  for (const field of ACTIVITY_FIELDS) if (a[field] !== b[field]) return false;
  return true;
}
