import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { openReplica, type Replica } from './replica';
import { countLive, scanCollection } from './scan';
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

  it('gives documents as RxDB does where stored rows differ from them (a boolean index, keys RxDB stores escaped)', async () => {
    const other: RxDatabase = await createRxDatabase({ name: `scan-open${++n}`, storage: storage() });
    try {
      const { things } = await other.addCollections({
        things: {
          schema: {
            version: 0,
            primaryKey: 'id',
            type: 'object',
            properties: { id: { type: 'string', maxLength: 20 }, flag: { type: 'boolean' }, extra: { type: 'object' } },
            required: ['id', 'flag', 'extra'],
            indexes: ['flag'],
          },
        },
      });
      if (things === undefined) throw new Error('no collection');
      await things.bulkInsert(Array.from({ length: 9 }, (_, i) => ({ id: `t-${i}`, flag: i % 2 === 0, extra: { '|pipe': i, __under: [{ '|deep': true }], plain: 'x' } })));
      const viaRxdb = (await things.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => {
        const { _meta, _rev, _deleted, _attachments, ...doc } = d.toMutableJSON(true) as Record<string, unknown>;
        return doc;
      });
      for (const pipelined of [false, true]) {
        const scanned: unknown[] = [];
        await scanCollection(things as RxCollection<unknown>, (docs) => scanned.push(...docs), { pageSize: 4, pipelined });
        expect(scanned).toEqual(viaRxdb);
      }
      expect(viaRxdb[0]).toMatchObject({ id: 't-0', flag: true, extra: { '|pipe': 0, plain: 'x' } });
      expect(viaRxdb[1]).toMatchObject({ flag: false });
    } finally {
      await other.close();
    }
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

});
