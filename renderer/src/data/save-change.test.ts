import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage } from 'rxdb';
import type { CustomerDoc } from '../../../shared/domain/schemas';
import { editedCustomer, saveCustomerChange } from './customers';
import { openReplica, type Replica } from './replica';
import { saveChange } from './save-change';
import { customerFixture } from './test-fixtures';

const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
let counter = 0;
const open: Replica[] = [];

async function replica(): Promise<Replica> {
  const db = await openReplica({ name: `save-change-${++counter}`, storage });
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

const GIVEN = '2026-01-10T09:00:00.000Z';
const WITHDRAWN = '2026-03-01T08:00:00.000Z';

async function stored(db: Replica, id: string): Promise<CustomerDoc> {
  const doc = await db.customers.findOne(id).exec();
  if (doc === null) throw new Error(`no ${id}`);
  const { _meta: _m, _rev: _r, _attachments: _a, _deleted: _d, ...data } = doc.toMutableJSON(true) as Record<string, unknown>;
  return data as unknown as CustomerDoc;
}

describe('saving a form over a customer that changed while it was open (replica)', () => {
  it('keeps the opt-out and the tag another desk made; creates no consent record; leaves an empty home branch empty', async () => {
    const db = await replica();
    const opening = customerFixture({
      id: 'cu-1',
      opted_in_marketing: true,
      preferred_contact: 'sms',
      consent: { sms: { granted: true, at: GIVEN }, email: { granted: false, at: '' }, push: { granted: false, at: '' } },
      tags: ['regular'],
      home_branch_id: '',
      updated_at: GIVEN,
    });
    await db.customers.insert(opening);
    // the form opens: its base is the document as it is now
    const base = await stored(db, 'cu-1');
    // another desk's change arrives meanwhile: opted out of marketing, a tag added
    await (await db.customers.findOne('cu-1').exec())?.incrementalPatch({
      opted_in_marketing: false,
      consent: { sms: { granted: false, at: WITHDRAWN }, email: { granted: false, at: '' }, push: { granted: false, at: '' } },
      tags: ['regular', 'vip'],
      updated_at: WITHDRAWN,
    });
    // the person saves the form with a change of their own (a note and a new tag)
    const mine = editedCustomer(base, { notes: 'prefers mornings', tags: ['regular', 'beard'] }, Date.parse('2026-03-01T10:00:00Z'));
    const result = await saveCustomerChange(db, base, mine);

    const now = await stored(db, 'cu-1');
    expect(now.opted_in_marketing).toBe(false);
    expect(now.consent).toEqual({ sms: { granted: false, at: WITHDRAWN }, email: { granted: false, at: '' }, push: { granted: false, at: '' } });
    expect([...now.tags].sort()).toEqual(['beard', 'regular', 'vip']);
    expect(now.notes).toBe('prefers mornings');
    expect(now.home_branch_id).toBe('');
    expect(now.updated_at).toBe('2026-03-01T10:00:00.000Z');
    expect(result.changed).toEqual(['tags', 'notes']);
    expect(result.overlaps.map((o) => o.field)).toEqual(['tags']);
  });

  it('writes nothing when nothing changed, and refuses a document removed meanwhile', async () => {
    const db = await replica();
    await db.customers.insert(customerFixture({ id: 'cu-2', updated_at: GIVEN }));
    const base = await stored(db, 'cu-2');
    const rev = (await db.customers.findOne('cu-2').exec())?.revision;
    const same = await saveCustomerChange(db, base, { ...base, updated_at: '2026-03-01T10:00:00.000Z' });
    expect(same.changed).toEqual([]);
    expect((await db.customers.findOne('cu-2').exec())?.revision).toBe(rev);

    await (await db.customers.findOne('cu-2').exec())?.remove();
    await expect(saveCustomerChange(db, base, { ...base, name: 'Someone Else' })).rejects.toMatchObject({
      name: 'DocumentGone',
      collection: 'customers',
      documentId: 'cu-2',
      message: 'This customer was removed on another desk while you were editing: nothing was saved',
    });
  });

  it('inserts a document saved for the first time when asked to', async () => {
    const db = await replica();
    const base = customerFixture({ id: 'cu-3' });
    const result = await saveChange(db, 'customers', base, { ...base, notes: 'first' }, { missing: 'insert' });
    expect(result.changed).toEqual(['notes']);
    expect((await stored(db, 'cu-3')).notes).toBe('first');
  });
});
