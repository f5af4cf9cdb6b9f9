import { Dexie, type Table } from 'dexie';
import type { RefusedDoc } from './refused-store';

/** One local change the server has not acknowledged yet. */
export interface PendingRow {
  collection: string;
  id: string;
  /** Order of the local write on this desk (larger = later). */
  seq: number;
}

export const PENDING_DB_NAME = 'branchdesk-sync';

/**
 * Plain Dexie database of the desk's unacknowledged local changes and refused documents (never replicated). Kept apart
 * from the replica so the count survives restarts and costs one small write per local change.
 */
export class PendingDb extends Dexie {
  pending!: Table<PendingRow, [string, string]>;
  /** Documents the server refused, parked until fixed or discarded (renderer/src/sync/refused-store.ts). */
  refused!: Table<RefusedDoc, [string, string]>;

  constructor(name: string = PENDING_DB_NAME, options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
    super(name, options);
    this.version(1).stores({ pending: '[collection+id], collection, seq' });
    this.version(2).stores({ pending: '[collection+id], collection, seq', refused: '[collection+id]' });
  }
}
