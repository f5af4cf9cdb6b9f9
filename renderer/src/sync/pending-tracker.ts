import { documentsEqual } from '../../../shared/sync/equal';
import type { PendingDb, PendingRow } from './pending-db';

type Fields = Record<string, unknown>;

/** Reads documents' current local states, deleted ones included (missing: never existed). */
export type CurrentDocs = (collection: string, ids: string[]) => Promise<Fields[]>;

const key = (collection: string, id: string): string => `${collection}\u0000${id}`;

/**
 * Which local changes the server has not acknowledged yet. A change is noted when the desk writes
 * a document (not when a pull writes it) and cleared when the replication reports that exact
 * state as sent, or when a collection is confirmed in sync with no newer write. The set lives in
 * memory and in `PendingDb`, so the count shown survives a restart.
 */
export class PendingTracker {
  private readonly rows = new Map<string, PendingRow>();
  private seq = 0;
  private writes: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(count: number) => void>();

  constructor(
    private readonly db: PendingDb,
    private readonly current: CurrentDocs,
  ) {}

  /** Reads the stored set (call once before use). */
  async load(): Promise<void> {
    const stored = await this.db.pending.toArray();
    for (const row of stored) {
      this.rows.set(key(row.collection, row.id), row);
      this.seq = Math.max(this.seq, row.seq);
    }
    this.emit();
  }

  get count(): number {
    return this.rows.size;
  }

  countOf(collection: string): number {
    let n = 0;
    for (const row of this.rows.values()) if (row.collection === collection) n += 1;
    return n;
  }

  has(collection: string, id: string): boolean {
    return this.rows.has(key(collection, id));
  }

  subscribe(listener: (count: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The write number of the latest change so far (for `syncedUpTo`). */
  mark(): number {
    return this.seq;
  }

  /** The desk wrote these documents. */
  noteLocalWrites(collection: string, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const rows = ids.map((id) => ({ collection, id, seq: ++this.seq }));
    for (const row of rows) this.rows.set(key(collection, row.id), row);
    this.emit();
    this.persist(() => this.db.pending.bulkPut(rows).then(() => undefined));
  }

  /**
   * The replication sent these documents (accepted by the server). A change is settled when the
   * desk's current state is exactly what was sent; a newer local write keeps it pending.
   */
  async settle(collection: string, docs: readonly Fields[]): Promise<void> {
    const sent = docs.filter((d): d is Fields & { id: string } => typeof d.id === 'string' && this.has(collection, d.id));
    if (sent.length === 0) return;
    const before = new Map(sent.map((d) => [d.id, this.rows.get(key(collection, d.id))?.seq]));
    const now = new Map((await this.current(collection, sent.map((d) => d.id))).map((d) => [d.id as string, d]));
    const done: PendingRow[] = [];
    for (const doc of sent) {
      const row = this.rows.get(key(collection, doc.id));
      const current = now.get(doc.id);
      if (row !== undefined && row.seq === before.get(doc.id) && current !== undefined && documentsEqual(current, doc)) done.push(row);
    }
    this.remove(done);
  }

  /** The collection is in sync with the server: every change written up to `mark` is settled (except `held`: parked refused documents). */
  syncedUpTo(collection: string, mark: number, held: ReadonlySet<string> = new Set()): void {
    const done = [...this.rows.values()].filter((r) => r.collection === collection && r.seq <= mark && !held.has(r.id));
    this.remove(done);
  }

  /** Forgets everything (the desk was unpaired or its replica erased). */
  async clear(): Promise<void> {
    this.rows.clear();
    this.emit();
    this.persist(() => this.db.pending.clear());
    await this.flush();
  }

  /** Resolves when the stored set has caught up. */
  flush(): Promise<void> {
    return this.writes;
  }

  private remove(rows: PendingRow[]): void {
    if (rows.length === 0) return;
    for (const row of rows) this.rows.delete(key(row.collection, row.id));
    this.emit();
    const keys = rows.map((r): [string, string] => [r.collection, r.id]);
    this.persist(async () => {
      // a newer write of the same document may have been stored meanwhile: keep it
      const stored = await this.db.pending.bulkGet(keys);
      const stale = keys.filter((_, i) => {
        const s = stored[i];
        return s !== undefined && !this.rows.has(key(s.collection, s.id));
      });
      await this.db.pending.bulkDelete(stale);
    });
  }

  private persist(write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((error: unknown) => console.error('Storing the pending-changes list failed', error));
  }

  private emit(): void {
    for (const l of this.listeners) l(this.rows.size);
  }
}
