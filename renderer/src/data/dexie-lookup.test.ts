import 'fake-indexeddb/auto';
import type { Table } from 'dexie';
import { fillWithDefaultSettings, randomToken, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { withFastLookups } from './dexie-lookup';

/** Below this many keys renderer/src/data/dexie-lookup.ts keeps Dexie's plain bulkGet. */
const MIN_PROBE = 16;
import { openReplica, type Replica } from './replica';
import { bookingFixture, branchFixture } from './test-fixtures';

const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
const id = (n: number): string => `k-${String(n).padStart(5, '0')}`;

let counter = 0;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

const SCHEMA = fillWithDefaultSettings<{ id: string; n: number }>({ version: 0, primaryKey: 'id', type: 'object', properties: { id: { type: 'string', maxLength: 20 }, n: { type: 'number' } }, required: ['id'] });

/** The Dexie table under an RxDB storage instance of `over` (what RxDB reads documents from), holding `stored`. */
async function tableOf(over: RxStorage<unknown, unknown>, stored: number[]): Promise<Table> {
  const instance = await over.createStorageInstance({
    databaseInstanceToken: randomToken(10),
    databaseName: `lookup-${++counter}`,
    collectionName: 'docs',
    schema: SCHEMA,
    options: {},
    multiInstance: false,
    devMode: false,
  });
  cleanup.push(() => instance.remove());
  const table = ((await (instance as unknown as { internals: Promise<{ dexieTable: Table }> }).internals).dexieTable);
  await table.bulkPut(stored.map((n) => ({ id: id(n), n })));
  return table;
}

/** The same rows under the plain Dexie storage and under `withFastLookups` of it. */
async function tables(stored: number[]): Promise<{ plain: Table; fast: Table }> {
  return { plain: await tableOf(storage, stored), fast: await tableOf(withFastLookups(storage), stored) };
}

describe('withFastLookups', () => {
  const cases: [string, number[], string[]][] = [
    ['none of the ids exist (a first pull)', [1, 2, 3], Array.from({ length: 40 }, (_, i) => id(100 + i))],
    ['some exist, in any order, with repeats', [5, 7, 9, 11, 200], [...Array.from({ length: 30 }, (_, i) => id(30 - i)), id(7), id(200)]],
    ['the range holds many other rows (falls back)', Array.from({ length: 2000 }, (_, i) => i), Array.from({ length: 20 }, (_, i) => id(i * 90))],
    ['below the probe size', [1, 2], [id(1), id(3)]],
  ];
  it.each(cases)('answers like bulkGet when %s', async (_label, stored, wanted) => {
    const { plain, fast } = await tables(stored);
    const expected = await plain.bulkGet(wanted);
    expect(await fast.bulkGet(wanted)).toEqual(expected);
    // inside a read-write transaction too (RxDB reads before it writes)
    const inTx = await fast.db.transaction('rw', fast, () => fast.bulkGet(wanted));
    expect(inTx).toEqual(expected);
  });

  it('probes once instead of one request per id when the range is sparse', async () => {
    const { fast } = await tables([10, 5000]);
    const table = fast;
    const wanted = Array.from({ length: MIN_PROBE * 2 }, (_, i) => id(i * 10));
    let gets = 0;
    const store = IDBObjectStore.prototype;
    const get = store.get;
    store.get = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
      gets += 1;
      return get.apply(this, args);
    };
    try {
      const rows = await table.bulkGet(wanted);
      expect(rows.filter((r) => r !== undefined)).toHaveLength(1);
    } finally {
      store.get = get;
    }
    expect(gets).toBeLessThanOrEqual(1);
  });
});

describe('the replica with fast lookups', () => {
  it('still refuses to insert a document twice (RxDB conflict 409) and updates existing ones', async () => {
    const db: Replica = await openReplica({ name: `lookup-replica-${++counter}`, storage });
    cleanup.push(async () => {
      await db.remove();
    });
    await db.branches.insert(branchFixture());
    const docs = Array.from({ length: 40 }, (_, i) => bookingFixture({ id: `bk-${String(i).padStart(3, '0')}` }));
    const first = await db.bookings.bulkInsert(docs);
    expect(first.error).toHaveLength(0);
    const again = await db.bookings.bulkInsert([...docs.slice(10, 30), bookingFixture({ id: 'bk-999' })]);
    expect(again.error.map((e) => e.status)).toEqual(Array.from({ length: 20 }, () => 409));
    expect(again.success.map((d) => d.id)).toEqual(['bk-999']);
    await db.bookings.bulkUpsert(docs.map((d) => ({ ...d, price: 999 })));
    const stored = await db.bookings.find().exec();
    expect(stored).toHaveLength(41);
    expect(stored.filter((d) => d.price === 999)).toHaveLength(40);
  });
});
