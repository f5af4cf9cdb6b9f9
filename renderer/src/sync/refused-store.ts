import type { Table } from 'dexie';

type Fields = Record<string, unknown>;

/**
 * A document the server refused (4xx naming it, or refused alone after its batch was split): it
 * is parked on this desk — never retried as it is — until the person fixes it (a new local
 * write is pushed again) or discards it.
 */
export interface RefusedDoc {
  collection: string;
  id: string;
  /** The server's version the desk's change started from (null: the document is new, only on this desk). */
  base: Fields | null;
  /** The state the server refused. */
  refused: Fields;
  /** The field the server named ('' when it named none). */
  field: string;
  /** The server's reason. */
  message: string;
  /** When it was refused (ms). */
  at: number;
  /** The person discarded it (the local document was reverted or removed); released once that is sent. */
  discarded?: boolean;
}

const key = (collection: string, id: string): string => `${collection}\u0000${id}`;

/**
 * The desk's parked (refused) documents, in memory and in the sync bookkeeping database, so the
 * "Not synced" list and the push handler's decisions survive a restart.
 */
export class RefusedStore {
  private readonly docs = new Map<string, RefusedDoc>();
  private writes: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(docs: RefusedDoc[]) => void>();

  constructor(private readonly table: Table<RefusedDoc, [string, string]> | null) {}

  async load(): Promise<void> {
    if (this.table === null) return;
    for (const doc of await this.table.toArray()) this.docs.set(key(doc.collection, doc.id), doc);
    this.emit();
  }

  get(collection: string, id: string): RefusedDoc | undefined {
    return this.docs.get(key(collection, id));
  }

  has(collection: string, id: string): boolean {
    return this.docs.has(key(collection, id));
  }

  list(): RefusedDoc[] {
    return [...this.docs.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  }

  idsOf(collection: string): Set<string> {
    const out = new Set<string>();
    for (const d of this.docs.values()) if (d.collection === collection) out.add(d.id);
    return out;
  }

  subscribe(listener: (docs: RefusedDoc[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks a parked document as discarded by the person (hidden from the list; the push handler finishes it). */
  discard(collection: string, id: string): void {
    const before = this.get(collection, id);
    if (before === undefined) return;
    const row = { ...before, discarded: true };
    this.docs.set(key(collection, id), row);
    this.emit();
    this.persist((t) => t.put(row).then(() => undefined));
  }

  /** Parks a refused document; one refused again keeps the server's version it first started from. */
  park(doc: RefusedDoc): void {
    const before = this.get(doc.collection, doc.id);
    const row = before === undefined ? doc : { ...doc, base: before.base };
    this.docs.set(key(doc.collection, doc.id), row);
    this.emit();
    this.persist((t) => t.put(row).then(() => undefined));
  }

  /** The document went through, was discarded, or the server's newer version replaced it. */
  release(collection: string, id: string): void {
    if (!this.docs.delete(key(collection, id))) return;
    this.emit();
    this.persist((t) => t.delete([collection, id]));
  }

  async clear(): Promise<void> {
    this.docs.clear();
    this.emit();
    this.persist((t) => t.clear());
    await this.flush();
  }

  flush(): Promise<void> {
    return this.writes;
  }

  private persist(write: (table: Table<RefusedDoc, [string, string]>) => Promise<void>): void {
    const table = this.table;
    if (table === null) return;
    this.writes = this.writes.then(() => write(table)).catch((error: unknown) => console.error('Storing the refused-documents list failed', error));
  }

  private emit(): void {
    const docs = this.list();
    for (const l of this.listeners) l(docs);
  }
}
