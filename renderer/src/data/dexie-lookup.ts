import type { Table } from 'dexie';
import type { RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';

/**
 * Faster "which of these documents exist?" for RxDB's Dexie storage.
 *
 * Before every write RxDB reads the current state of each written document (`bulkGet`: one
 * IndexedDB request per id), and a replicated pull does that four times per document (the
 * collection and the replication's meta storage, each before deciding and again inside the
 * write). In Chromium every request is a round trip to the browser process, so a pull of new
 * documents spent as much time asking for rows that do not exist as writing them.
 *
 * This asks IndexedDB once for the primary keys stored between the smallest and the largest
 * requested id (`getAllKeys` on that range, capped) and then reads only the documents that
 * exist. When the range holds many other documents (the cap is reached), it falls back to the
 * plain `bulkGet`. Results are identical to `bulkGet` (same order, `undefined` for absent ids).
 */

/** Below this many ids the plain bulkGet is as cheap. */
const MIN_PROBE = 16;
/** The key probe may return at most this many keys per requested id before falling back. */
const PROBE_FACTOR = 4;

type BulkGet = (keys: unknown[]) => Promise<unknown[]>;

/** Wraps `table.bulkGet` in place (once per table) with the range probe. */
function speedUpBulkGet(table: Table): void {
  const marked = table as Table & { __probeBulkGet?: true };
  if (marked.__probeBulkGet === true) return;
  marked.__probeBulkGet = true;
  const plain = table.bulkGet.bind(table) as BulkGet;
  (table as unknown as { bulkGet: BulkGet }).bulkGet = async (keys: unknown[]) => {
    if (keys.length < MIN_PROBE || !keys.every((k): k is string => typeof k === 'string')) return plain(keys);
    let lo = keys[0] as string;
    let hi = lo;
    for (const k of keys as string[]) {
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    const cap = keys.length * PROBE_FACTOR;
    const present = (await table.where(':id').between(lo, hi, true, true).limit(cap + 1).primaryKeys()) as unknown[];
    if (present.length > cap) return plain(keys);
    if (present.length === 0) return keys.map(() => undefined);
    const stored = new Set(present);
    const wanted = (keys as string[]).filter((k) => stored.has(k));
    const rows = await plain(wanted);
    const byKey = new Map<string, unknown>();
    wanted.forEach((k, i) => byKey.set(k, rows[i]));
    return (keys as string[]).map((k) => byKey.get(k));
  };
}

interface DexieInternals {
  dexieTable?: Table;
}

/**
 * An RxDB storage whose instances, when they are Dexie instances, read existing documents with
 * the range probe. Any other storage passes through unchanged.
 */
export function withFastLookups<I, O>(storage: RxStorage<I, O>): RxStorage<I, O> {
  return {
    ...storage,
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, O>): Promise<RxStorageInstance<RxDocType, I, O>> {
      const instance = await storage.createStorageInstance<RxDocType>(params);
      const internals = (instance as { internals?: unknown }).internals;
      if (internals !== null && typeof internals === 'object' && typeof (internals as Promise<unknown>).then === 'function') {
        const state = (await internals) as DexieInternals | null;
        if (state?.dexieTable !== undefined) speedUpBulkGet(state.dexieTable);
      }
      return instance;
    },
  };
}
