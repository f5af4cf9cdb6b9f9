import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage } from 'rxdb';
import { detectMapping, planImport, readClientFile, readPeople, type ClientFile } from '../../../../shared/csv/customer-import';
import type { CustomerDoc } from '../../../../shared/domain/schemas';
import { openReplica, type Replica } from '../../data/replica';
import { WITHOUT_SCHEDULE } from '../../data/test-fixtures';
import { bookingFixture, customerFixture } from '../../data/test-fixtures';
import { undoClientList, writeClientList } from './switch-in';

const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
let counter = 0;
const open: Replica[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

async function replica(): Promise<Replica> {
  // two replicas at once in one realm: without the schedule collections (RxDB's 13-collection limit)
  const db = await openReplica({ name: `switch-in-${++counter}`, storage, collections: WITHOUT_SCHEDULE });
  open.push(db);
  return db;
}

const NOW = Date.parse('2026-03-01T10:00:00Z');
const LIST = 'First Name,Last Name,Mobile,Email,Notes\nNew,Person,+447700900123,,\nStored,Again,,stored@example.com,Likes tea\n';

async function planned(db: Replica) {
  const f = readClientFile(LIST) as ClientFile;
  const { people, refused } = readPeople(f, detectMapping(f.headers), { country: 'GB', timezone: 'Europe/London' });
  const existing = (await db.customers.find().exec()).map((d) => d.toJSON() as CustomerDoc);
  let n = 0;
  return planImport(people, refused, existing, { secret: 'desk-secret-0123456789', branchId: 'br-1', nowMs: NOW, duplicates: 'merge', randomId: () => `cu-r${(n += 1)}` });
}

describe('a client list on the desk', () => {
  it('writes new and merged customers with progress, and the undo gives back what was there', async () => {
    const db = await replica();
    const before = customerFixture({ id: 'cu-stored', name: 'Stored', email: 'stored@example.com', phone: '', notes: '', home_branch_id: 'br-1' });
    await db.customers.insert(before);
    const plan = await planned(db);
    expect(plan.created).toHaveLength(1);
    expect(plan.merged).toHaveLength(1);
    const progress: number[] = [];
    const batch = await writeClientList(db, plan, (p) => progress.push(p.done));
    expect(progress).toEqual([0, 2]);
    expect((await db.customers.findOne('cu-stored').exec())?.notes).toBe('Likes tea');
    const created = plan.created[0]?.doc.id as string;
    expect(await db.customers.findOne(created).exec()).not.toBeNull();

    expect(await undoClientList(db, batch, NOW + 1000)).toEqual({ removed: 1, restored: 1 });
    expect(await db.customers.findOne(created).exec()).toBeNull();
    const restored = (await db.customers.findOne('cu-stored').exec())?.toJSON() as CustomerDoc;
    expect({ ...restored, updated_at: '' }).toEqual({ ...before, updated_at: '' });
  });

  it('the undo is refused whole when an imported customer changed or was booked since', async () => {
    const db = await replica();
    await db.customers.insert(customerFixture({ id: 'cu-stored', name: 'Stored', email: 'stored@example.com', phone: '', notes: '' }));
    const batch = await writeClientList(db, await planned(db), () => undefined);
    await (await db.customers.findOne('cu-stored').exec())?.incrementalPatch({ notes: 'changed at the counter' });
    await expect(undoClientList(db, batch, NOW)).rejects.toThrow('1 imported customer was changed since the import; nothing was undone');
    expect(await db.customers.count().exec()).toBe(2);

    const other = await replica();
    const plan = await planned(other);
    const second = await writeClientList(other, plan, () => undefined);
    await other.bookings.insert(bookingFixture({ id: 'bk-1', customer_id: plan.created[0]?.doc.id as string, branch_id: 'br-1' }));
    await expect(undoClientList(other, second, NOW)).rejects.toThrow('1 imported customers have bookings now; nothing was undone');
    expect(await other.customers.count().exec()).toBe(2);
  });
});
