import { Dexie, type Table } from 'dexie';
import type { CustomerDoc } from '../../../shared/domain/schemas';
import type { PairVisits } from '../../../shared/engine/pair-visits';

/**
 * Derived data, never replicated, in its own plain Dexie database: the visit facts of every
 * (customer, branch) pair (`PairVisits`: visit days, totals, favourites), which do not depend on
 * the date, so a new local day rewrites nothing. At start-up the desk computes every status
 * from these in memory before it has read its bookings (`ActivityIndex.seedVisits`).
 *
 * Version 1 stored each pair's activity as of the day (`days_since_last_visit`…), rewritten in
 * every row each morning and read by nothing; version 2 deletes that table. Version 2 kept one
 * record per pair; version 3 keeps the pairs of a branch in `BUCKETS` records by customer id
 * (`VisitBucket`: columns, the numbers in one Float64Array), so the start-up reads a few hundred
 * records instead of one per pair — measured, reading one record per pair took as long as
 * reading every customer document. Versions 3–4 move the rows into buckets and drop the table.
 *
 * Version 5 adds a copy of every customer document of the replica (`CustomerBucket`: the
 * documents of one bucket of ids as one JSON text, field names once) with the replica's customer mark
 * (`CustomerMark`) it was written at, so the start-up reads every customer in a few dozen records
 * instead of one IndexedDB record per customer: measured in fresh Chromiums, 50,000 customers
 * read and parsed in 0.6–0.8 s against 1.6–5.7 s for the records (structured-clone decoding of
 * each one); arrays of objects in the same few records took 0.9–1.6 s. The replica stays the
 * truth: the copy is used only while its mark is the replica's.
 */
export type VisitsRow = PairVisits;

export interface DerivedMeta {
  key: string;
  value: string | number;
}

/** The visit facts of the pairs of one branch whose customer ids fall in one bucket, as columns. */
export interface VisitBucket {
  branch_id: string;
  bucket: number;
  customer_ids: string[];
  favorite_service: string[];
  preferred_staff: string[];
  /** `NUMBER_FIELDS.length` numbers per pair, in `customer_ids` order; NaN stands for null. */
  numbers: Float64Array;
}

/**
 * The customer documents whose ids fall in one bucket, as one JSON text (`CustomerColumns`):
 * the field names once, each document's values in that order (its own keys in the same order
 * as the others'), any other document whole.
 */
export interface CustomerBucket {
  bucket: number;
  json: string;
}

interface CustomerColumns {
  keys: string[];
  rows: unknown[][];
  docs: CustomerDoc[];
}

function encodeCustomers(docs: readonly CustomerDoc[]): string {
  const keys = docs.length === 0 ? [] : Object.keys(docs[0] as CustomerDoc);
  const out: CustomerColumns = { keys, rows: [], docs: [] };
  for (const doc of docs) {
    const own = Object.keys(doc);
    if (own.length === keys.length && own.every((k, i) => k === keys[i])) out.rows.push(own.map((k) => (doc as unknown as Record<string, unknown>)[k]));
    else out.docs.push(doc);
  }
  return JSON.stringify(out);
}

/**
 * Where the customers collection stood when the copy was written: its newest write (RxDB's
 * `_meta.lwt` and id, the last key of the `[_meta.lwt+id]` index; every insert, change and
 * deletion writes a new one) and its live document count.
 */
export interface CustomerMark {
  lwt: number;
  id: string;
  count: number;
}

export function sameMark(a: CustomerMark, b: CustomerMark): boolean {
  return a.lwt === b.lwt && a.id === b.id && a.count === b.count;
}

export const DERIVED_DB_NAME = 'branchdesk-derived';

/** Customer buckets (the whole replica's customers). */
export const CUSTOMER_BUCKETS = 64;

/** Buckets per branch. */
const BUCKETS = 64;

const NUMBER_FIELDS = ['total_bookings', 'total_spent', 'no_shows', 'first_day', 'last_day', 'previous_day', 'latest_day', 'earliest_day'] as const;
const WIDTH = NUMBER_FIELDS.length;

/** The bucket of a customer id (FNV-1a over its UTF-16 code units). */
export function bucketOf(customerId: string): number {
  return idHash(customerId) % BUCKETS;
}

/** The customer bucket of a customer id. */
export function customerBucketOf(customerId: string): number {
  return idHash(customerId) % CUSTOMER_BUCKETS;
}

function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Why a stored customer copy cannot be used. */
export class MalformedCustomerStore extends Error {}

function parseCustomerBucket(b: CustomerBucket, into: CustomerDoc[]): void {
  const fail = (why: string): never => {
    throw new MalformedCustomerStore(`stored customer bucket ${String(b.bucket)} is malformed: ${why}`);
  };
  if (!Number.isSafeInteger(b.bucket) || b.bucket < 0 || b.bucket >= CUSTOMER_BUCKETS || typeof b.json !== 'string') fail('not a bucket record');
  let parsed: Partial<CustomerColumns> = {};
  try {
    parsed = JSON.parse(b.json) as Partial<CustomerColumns>;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { keys, rows, docs } = parsed;
  if (!Array.isArray(keys) || !Array.isArray(rows) || !Array.isArray(docs) || !keys.every((k) => typeof k === 'string')) fail('not keys, rows and documents');
  const width = (keys as string[]).length;
  const all: unknown[] = [];
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row) || row.length !== width) fail(`a row of ${Array.isArray(row) ? String(row.length) : 'no'} values for ${String(width)} fields`);
    const doc: Record<string, unknown> = {};
    for (let j = 0; j < width; j += 1) doc[(keys as string[])[j] as string] = (row as unknown[])[j];
    all.push(doc);
  }
  for (const doc of docs as unknown[]) all.push(doc);
  for (const doc of all) {
    if (typeof doc !== 'object' || doc === null || typeof (doc as { id?: unknown }).id !== 'string') fail('an entry without an id');
    if (customerBucketOf((doc as CustomerDoc).id) !== b.bucket) fail(`customer ${(doc as CustomerDoc).id} belongs to another bucket`);
    into.push(doc as CustomerDoc);
  }
}

function parseMark(value: unknown): CustomerMark | null {
  if (typeof value !== 'string') return null;
  try {
    const m = JSON.parse(value) as Partial<CustomerMark>;
    return typeof m.lwt === 'number' && typeof m.id === 'string' && Number.isSafeInteger(m.count) ? { lwt: m.lwt, id: m.id, count: m.count as number } : null;
  } catch {
    return null;
  }
}

function encodeBucket(branchId: string, bucket: number, rows: readonly PairVisits[]): VisitBucket {
  const numbers = new Float64Array(rows.length * WIDTH);
  rows.forEach((row, i) => {
    NUMBER_FIELDS.forEach((field, j) => {
      const value = row[field];
      numbers[i * WIDTH + j] = value === null ? Number.NaN : value;
    });
  });
  return {
    branch_id: branchId,
    bucket,
    customer_ids: rows.map((r) => r.customer_id),
    favorite_service: rows.map((r) => r.favorite_service),
    preferred_staff: rows.map((r) => r.preferred_staff),
    numbers,
  };
}

function rowAt(b: VisitBucket, i: number): PairVisits {
  const n = b.numbers;
  const o = i * WIDTH;
  const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);
  return {
    customer_id: b.customer_ids[i] as string,
    branch_id: b.branch_id,
    total_bookings: n[o] as number,
    total_spent: n[o + 1] as number,
    no_shows: n[o + 2] as number,
    first_day: nullable(n[o + 3] as number),
    last_day: nullable(n[o + 4] as number),
    previous_day: nullable(n[o + 5] as number),
    latest_day: nullable(n[o + 6] as number),
    earliest_day: nullable(n[o + 7] as number),
    favorite_service: b.favorite_service[i] as string,
    preferred_staff: b.preferred_staff[i] as string,
  };
}

function decodeBucket(b: VisitBucket): PairVisits[] {
  if (b.numbers.length !== b.customer_ids.length * WIDTH || b.favorite_service.length !== b.customer_ids.length || b.preferred_staff.length !== b.customer_ids.length) {
    throw new Error(`derived visits bucket ${b.branch_id}/${b.bucket} is malformed (${b.customer_ids.length} ids, ${b.numbers.length} numbers)`);
  }
  const out: PairVisits[] = [];
  for (let i = 0; i < b.customer_ids.length; i += 1) out.push(rowAt(b, i));
  return out;
}

type BucketKey = [string, number];

export class DerivedDb extends Dexie {
  visitBuckets!: Table<VisitBucket, BucketKey>;
  customerBuckets!: Table<CustomerBucket, number>;
  meta!: Table<DerivedMeta, string>;

  constructor(name: string = DERIVED_DB_NAME) {
    super(name);
    this.version(1).stores({
      activity: '[branch_id+customer_id], customer_id, status, last_visit_date, total_spent, [branch_id+status]',
      meta: 'key',
    });
    this.version(2).stores({ activity: null, visits: '[branch_id+customer_id]', meta: 'key' });
    this.version(3)
      .stores({ visits: '[branch_id+customer_id]', visitBuckets: '[branch_id+bucket]', meta: 'key' })
      .upgrade(async (tx) => {
        const rows = (await tx.table('visits').toArray()) as PairVisits[];
        await tx.table('visitBuckets').bulkPut(bucketsOf(rows));
      });
    this.version(4).stores({ visits: null, visitBuckets: '[branch_id+bucket]', meta: 'key' });
    this.version(5).stores({ visitBuckets: '[branch_id+bucket]', customerBuckets: 'bucket', meta: 'key' });
  }

  /**
   * The stored copy of every customer with the mark it was written at; `null` when none is
   * stored. Throws `MalformedCustomerStore` when a record does not parse, holds a customer of
   * another bucket or twice, or the documents are not as many as the mark says. `pause`, when
   * given, is awaited after every few records parsed (the page stays responsive meanwhile).
   */
  async loadCustomerCopy(pause?: () => Promise<void>): Promise<{ mark: CustomerMark; docs: CustomerDoc[] } | null> {
    const [markRow, buckets] = await this.transaction('r', this.meta, this.customerBuckets, () => Promise.all([this.meta.get(CUSTOMER_MARK), this.customerBuckets.toArray()]));
    if (markRow === undefined) return null;
    const mark = parseMark(markRow.value);
    if (mark === null) throw new MalformedCustomerStore(`stored customer mark is malformed: ${String(markRow.value)}`);
    const docs: CustomerDoc[] = [];
    for (let i = 0; i < buckets.length; i += 1) {
      parseCustomerBucket(buckets[i] as CustomerBucket, docs);
      if (pause !== undefined && i % PARSED_BETWEEN_PAUSES === PARSED_BETWEEN_PAUSES - 1) await pause();
    }
    if (docs.length !== mark.count) throw new MalformedCustomerStore(`the stored customers are ${String(docs.length)}, their mark says ${String(mark.count)}`);
    if (new Set(docs.map((d) => d.id)).size !== docs.length) throw new MalformedCustomerStore('a customer is stored twice');
    return { mark, docs };
  }

  /**
   * Writes the given customer buckets (an empty one is deleted) and the mark, atomically; with
   * `replace`, every other bucket is deleted first (a copy rebuilt from the replica).
   */
  async saveCustomerCopy(buckets: ReadonlyMap<number, readonly CustomerDoc[]>, mark: CustomerMark, replace: boolean): Promise<void> {
    const puts: CustomerBucket[] = [];
    const deletes: number[] = [];
    for (const [bucket, docs] of buckets) {
      if (docs.length === 0) deletes.push(bucket);
      else puts.push({ bucket, json: encodeCustomers(docs) });
    }
    await this.transaction('rw', this.meta, this.customerBuckets, async () => {
      if (replace) await this.customerBuckets.clear();
      if (deletes.length > 0) await this.customerBuckets.bulkDelete(deletes);
      if (puts.length > 0) await this.customerBuckets.bulkPut(puts);
      await this.meta.put({ key: CUSTOMER_MARK, value: JSON.stringify(mark) });
    });
  }

  /** Applies one change set atomically: changed rows written, vanished pairs deleted. */
  async applyChange(updated: readonly VisitsRow[], removed: readonly { branch_id: string; customer_id: string }[]): Promise<void> {
    if (updated.length === 0 && removed.length === 0) return;
    const touched = new Map<string, { key: BucketKey; put: Map<string, PairVisits>; drop: Set<string> }>();
    const entry = (branchId: string, customerId: string) => {
      const key: BucketKey = [branchId, bucketOf(customerId)];
      const id = `${key[0]}\u0000${key[1]}`;
      let e = touched.get(id);
      if (e === undefined) touched.set(id, (e = { key, put: new Map(), drop: new Set() }));
      return e;
    };
    for (const r of removed) {
      const e = entry(r.branch_id, r.customer_id);
      e.put.delete(r.customer_id);
      e.drop.add(r.customer_id);
    }
    for (const u of updated) {
      const e = entry(u.branch_id, u.customer_id);
      e.drop.delete(u.customer_id);
      e.put.set(u.customer_id, u);
    }
    const changes = [...touched.values()];
    await this.transaction('rw', this.visitBuckets, async () => {
      const stored = await this.visitBuckets.bulkGet(changes.map((c) => c.key));
      const puts: VisitBucket[] = [];
      const deletes: BucketKey[] = [];
      changes.forEach((c, i) => {
        const rows = new Map<string, PairVisits>();
        const before = stored[i];
        if (before !== undefined) for (const row of decodeBucket(before)) rows.set(row.customer_id, row);
        for (const id of c.drop) rows.delete(id);
        for (const [id, row] of c.put) rows.set(id, row);
        if (rows.size === 0) deletes.push(c.key);
        else puts.push(encodeBucket(c.key[0], c.key[1], [...rows.values()]));
      });
      if (deletes.length > 0) await this.visitBuckets.bulkDelete(deletes);
      if (puts.length > 0) await this.visitBuckets.bulkPut(puts);
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

  /** The visit facts as last persisted (in no particular order). */
  async loadAll(): Promise<VisitsRow[]> {
    const out: VisitsRow[] = [];
    for (const b of await this.visitBuckets.toArray()) for (const row of decodeBucket(b)) out.push(row);
    return out;
  }

  /** The stored visit facts of some pairs (`undefined` where none is stored), in the order asked. */
  async getMany(pairs: readonly { branch_id: string; customer_id: string }[]): Promise<(VisitsRow | undefined)[]> {
    const keys = new Map<string, BucketKey>();
    for (const p of pairs) {
      const key: BucketKey = [p.branch_id, bucketOf(p.customer_id)];
      keys.set(`${key[0]}\u0000${key[1]}`, key);
    }
    const found = new Map<string, VisitsRow>();
    for (const b of await this.visitBuckets.bulkGet([...keys.values()])) {
      if (b === undefined) continue;
      for (const row of decodeBucket(b)) found.set(`${row.branch_id}\u0000${row.customer_id}`, row);
    }
    return pairs.map((p) => found.get(`${p.branch_id}\u0000${p.customer_id}`));
  }

  async get(branchId: string, customerId: string): Promise<VisitsRow | undefined> {
    return (await this.getMany([{ branch_id: branchId, customer_id: customerId }]))[0];
  }
}

const CUSTOMER_MARK = 'customers';

/** Customer records parsed between two pauses of `loadCustomerCopy` (~6,000 customers of 50,000). */
const PARSED_BETWEEN_PAUSES = 8;

/** Rows grouped into their buckets. */
function bucketsOf(rows: readonly PairVisits[]): VisitBucket[] {
  const groups = new Map<string, { branch: string; bucket: number; rows: PairVisits[] }>();
  for (const row of rows) {
    const bucket = bucketOf(row.customer_id);
    const id = `${row.branch_id}\u0000${bucket}`;
    let g = groups.get(id);
    if (g === undefined) groups.set(id, (g = { branch: row.branch_id, bucket, rows: [] }));
    g.rows.push(row);
  }
  return [...groups.values()].map((g) => encodeBucket(g.branch, g.bucket, g.rows));
}
