import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { PairVisits } from '../../../shared/engine/pair-visits';
import { customerFixture } from '../../../shared/domain/test-fixtures';
import { bucketOf, customerBucketOf, DerivedDb } from './derived-db';

/** The documented number of bucket records per branch (derived-db.ts). */
const BUCKETS = 64;

let n = 0;
const visits = (customer: string, over: Partial<PairVisits> = {}): PairVisits => ({
  customer_id: customer,
  branch_id: 'br-1',
  total_bookings: 3,
  total_spent: 75_000,
  no_shows: 1,
  first_day: 20_000,
  last_day: 20_100,
  previous_day: null,
  latest_day: 20_101,
  earliest_day: 19_990,
  favorite_service: 'Cut',
  preferred_staff: 'Ana',
  ...over,
});
const byPair = (a: PairVisits, b: PairVisits): number => (`${a.branch_id} ${a.customer_id}` < `${b.branch_id} ${b.customer_id}` ? -1 : 1);

describe('DerivedDb visit buckets', () => {
  it('stores and reads back a bucket exactly, nulls included, and refuses a malformed one', async () => {
    const db = new DerivedDb(`derived-${++n}`);
    // Two customers of the same bucket, so they share one record.
    const other = Array.from({ length: 500 }, (_, i) => `cu-x${i}`).find((id) => bucketOf(id) === bucketOf('cu-1')) ?? '';
    const rows = [visits('cu-1'), visits(other, { first_day: null, last_day: null, latest_day: null, earliest_day: null, total_bookings: 0, total_spent: 0, favorite_service: '' })];
    await db.applyChange(rows, []);
    expect(await db.visitBuckets.count()).toBe(1);
    expect((await db.loadAll()).sort(byPair)).toEqual([...rows].sort(byPair));
    const [stored] = await db.visitBuckets.toArray();
    if (stored === undefined) throw new Error('no bucket stored');
    await db.visitBuckets.put({ ...stored, customer_ids: ['cu-1'] });
    await expect(db.loadAll()).rejects.toThrow(new RegExp(`br-1/${bucketOf('cu-1')} is malformed`));
    db.close();
  });

  it('spreads customer ids over the buckets', () => {
    const used = new Set(Array.from({ length: 2000 }, (_, i) => bucketOf(`cu-${i}`)));
    expect(used.size).toBe(BUCKETS);
    expect(bucketOf('cu-1')).toBe(bucketOf('cu-1'));
  });

  it('applies changes pair by pair: writes, overwrites and removals, across branches, in few records', async () => {
    const db = new DerivedDb(`derived-${++n}`);
    const rows = Array.from({ length: 300 }, (_, i) => visits(`cu-${i}`, { total_spent: i }));
    await db.applyChange([...rows, visits('cu-1', { branch_id: 'br-2' })], []);
    expect(await db.visitBuckets.count()).toBeLessThanOrEqual(2 * BUCKETS);
    await db.applyChange([visits('cu-7', { total_spent: 999 })], [{ branch_id: 'br-1', customer_id: 'cu-8' }, { branch_id: 'br-2', customer_id: 'cu-1' }]);
    const expected = rows.filter((r) => r.customer_id !== 'cu-8').map((r) => (r.customer_id === 'cu-7' ? { ...r, total_spent: 999 } : r));
    expect((await db.loadAll()).sort(byPair)).toEqual(expected.sort(byPair));
    expect(await db.get('br-1', 'cu-7')).toMatchObject({ total_spent: 999 });
    expect(await db.get('br-1', 'cu-8')).toBeUndefined();
    expect(await db.getMany([{ branch_id: 'br-2', customer_id: 'cu-1' }, { branch_id: 'br-1', customer_id: 'cu-3' }])).toEqual([undefined, rows[3]]);
    // A removed pair's bucket goes when it empties.
    await db.applyChange([], [{ branch_id: 'br-2', customer_id: 'cu-1' }]);
    expect(await db.visitBuckets.where('[branch_id+bucket]').between(['br-2', Dexie.minKey], ['br-2', Dexie.maxKey]).count()).toBe(0);
    db.close();
  });

  it('moves the rows of a version 2 database (one record per pair) into buckets', async () => {
    const name = `derived-${++n}`;
    const old = new Dexie(name);
    old.version(2).stores({ visits: '[branch_id+customer_id]', meta: 'key' });
    const rows = [visits('cu-1'), visits('cu-2', { branch_id: 'br-2', previous_day: 20_050 })];
    await old.table('visits').bulkPut(rows);
    await old.table('meta').put({ key: 'counts', value: '1,2,3' });
    old.close();
    const db = new DerivedDb(name);
    expect((await db.loadAll()).sort(byPair)).toEqual(rows);
    expect(await db.loadCounts()).toEqual([1, 2, 3]);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['customerBuckets', 'meta', 'visitBuckets']);
    db.close();
  });
});

describe('DerivedDb customer copy', () => {
  it('stores every customer with its mark, rewrites single buckets, and refuses a copy it cannot trust', async () => {
    const db = new DerivedDb(`derived-${++n}`);
    expect(await db.loadCustomerCopy()).toBeNull();
    // One document with its fields in another order: stored whole, read back the same.
    const docs = Array.from({ length: 200 }, (_, i) => customerFixture({ id: `cu-${i}`, name: `Name ${i}` }));
    const { id: _id, ...rest } = docs[5] as (typeof docs)[number];
    docs[5] = { ...rest, id: 'cu-5' };
    const grouped = new Map<number, typeof docs>();
    for (const d of docs) grouped.set(customerBucketOf(d.id), [...(grouped.get(customerBucketOf(d.id)) ?? []), d]);
    await db.saveCustomerCopy(grouped, { lwt: 10, id: 'cu-9', count: 200 }, true);
    const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : 1);
    const loaded = (await db.loadCustomerCopy())?.docs ?? [];
    expect([...loaded].sort(byId)).toEqual([...docs].sort(byId));
    for (const id of ['cu-4', 'cu-5']) expect(Object.keys(loaded.find((d) => d.id === id) ?? {})).toEqual(Object.keys(docs.find((d) => d.id === id) ?? {}));
    expect(Object.keys(docs[5] ?? {})[0]).not.toBe('id');
    // One bucket rewritten without cu-1, the others kept.
    const b1 = customerBucketOf('cu-1');
    await db.saveCustomerCopy(new Map([[b1, (grouped.get(b1) ?? []).filter((d) => d.id !== 'cu-1')]]), { lwt: 11, id: 'cu-1', count: 199 }, false);
    const after = await db.loadCustomerCopy();
    expect(after?.mark).toEqual({ lwt: 11, id: 'cu-1', count: 199 });
    expect(after?.docs.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).filter((id) => id !== 'cu-1').sort());

    const other = (b1 + 1) % 64;
    const whole = (docs: readonly object[]): string => JSON.stringify({ keys: [], rows: [], docs });
    await db.customerBuckets.put({ bucket: other, json: whole([customerFixture({ id: 'cu-1' })]) });
    await expect(db.loadCustomerCopy()).rejects.toThrow(`stored customer bucket ${other} is malformed: customer cu-1 belongs to another bucket`);
    await db.customerBuckets.put({ bucket: b1, json: whole([...(grouped.get(b1) ?? []), customerFixture({ id: 'cu-1' })]) });
    await db.customerBuckets.put({ bucket: other, json: whole(grouped.get(other) ?? []) });
    await db.meta.put({ key: 'customers', value: JSON.stringify({ lwt: 11, id: 'cu-1', count: 201 }) });
    await expect(db.loadCustomerCopy()).rejects.toThrow('a customer is stored twice');
    await db.customerBuckets.put({ bucket: b1, json: JSON.stringify({ keys: ['id', 'name'], rows: [['cu-1']], docs: [] }) });
    await expect(db.loadCustomerCopy()).rejects.toThrow(`stored customer bucket ${b1} is malformed: a row of 1 values for 2 fields`);
    await db.meta.put({ key: 'customers', value: '{"lwt":"soon"}' });
    await expect(db.loadCustomerCopy()).rejects.toThrow('stored customer mark is malformed');
    db.close();
  });
});
