import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxCollection, RxStorage } from 'rxdb';
import { openReplica, type Replica } from './replica';
import { countLive, needsConversion, scanCollection } from './scan';
import { customerFixture } from './test-fixtures';

const storages: [string, () => RxStorage<unknown, unknown>][] = [
  ['Dexie (getAll pages)', () => getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>],
  ['memory (checkpoint pages)', () => getRxStorageMemory() as RxStorage<unknown, unknown>],
];

let db: Replica | null = null;
let n = 0;
afterEach(async () => {
  await db?.close();
  db = null;
});

describe.each(storages)('scanCollection on %s', (_label, storage) => {
  it('reads every live document once, in pages, skipping deleted ones', async () => {
    db = await openReplica({ name: `scan${++n}`, storage: storage() });
    await db.customers.bulkInsert(Array.from({ length: 23 }, (_, i) => customerFixture({ id: `cu-${String(i).padStart(2, '0')}`, phone: '', email: '' })));
    await db.customers.findOne('cu-05').exec().then((d) => d?.remove());
    await db.customers.findOne('cu-22').exec().then((d) => d?.remove());
    const pages: number[] = [];
    const ids: string[] = [];
    const total = await scanCollection(db.customers, (docs) => {
      pages.push(docs.length);
      for (const d of docs) {
        ids.push(d.id);
        expect(Object.keys(d).some((k) => k.startsWith('_'))).toBe(false);
      }
    }, { pageSize: 5 });
    let raw = 0;
    await scanCollection(db.customers, (docs) => (raw += docs.filter((d) => '_rev' in d).length), { pageSize: 7, raw: true });
    expect(raw).toBe(21);
    expect(total).toBe(21);
    expect(new Set(ids).size).toBe(21);
    expect(ids).not.toContain('cu-05');
    expect(ids).not.toContain('cu-22');
    expect(pages.every((p) => p <= 5)).toBe(true);
    expect(await countLive(db.customers as RxCollection<unknown>)).toBe(21);
  });
});

describe('scanCollection, pipelined (Dexie)', () => {
  it('reads the same live documents as the sequential pages, in pages, also across deletions', async () => {
    db = await openReplica({ name: `scan${++n}`, storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown> });
    await db.customers.bulkInsert(Array.from({ length: 23 }, (_, i) => customerFixture({ id: `cu-${String(i).padStart(2, '0')}`, phone: '', email: '', tags: [`t${i}`] })));
    await db.customers.findOne('cu-00').exec().then((d) => d?.remove());
    await db.customers.findOne('cu-13').exec().then((d) => d?.remove());
    const sequential: unknown[] = [];
    await scanCollection(db.customers, (docs) => sequential.push(...docs), { pageSize: 4 });
    const pages: number[] = [];
    const pipelined: unknown[] = [];
    const total = await scanCollection(db.customers, (docs) => (pages.push(docs.length), pipelined.push(...docs)), { pageSize: 4, pipelined: true });
    expect(total).toBe(21);
    expect(pipelined).toEqual(sequential);
    expect(pages.every((p) => p <= 4)).toBe(true);
    // as RxDB itself returns them
    const viaRxdb = (await db.customers.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => {
      const { _meta, _rev, _deleted, _attachments, ...doc } = d.toMutableJSON(true) as Record<string, unknown>;
      return doc;
    });
    expect(pipelined).toEqual(viaRxdb);
  });

  it('converts stored rows only where the schema lets them differ from documents', () => {
    const strict = { type: 'object', additionalProperties: false, properties: { a: { type: 'object', additionalProperties: false, properties: { b: { type: 'string' } } }, _meta: { type: 'object' } } };
    expect(needsConversion(['_deleted'], strict)).toBe(false);
    expect(needsConversion(['_deleted', 'flag'], strict)).toBe(true);
    expect(needsConversion([], { ...strict, properties: { a: { type: 'object', properties: {} } } })).toBe(true);
    expect(needsConversion([], { ...strict, properties: { a: { type: 'array', items: { type: 'object', properties: {} } } } })).toBe(true);
    expect(needsConversion([], { type: 'object', properties: {} })).toBe(true);
  });
});
