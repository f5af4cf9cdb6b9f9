/**
 * A replica written by the previous schema (version 0, before issue 5) opens with the current
 * one: RxDB runs the migration strategies of `schema.ts` and every document is still there,
 * upgraded exactly as `upgradeV0toV1`, `upgradeV1toV2`, `upgradeV2toV3` then `upgradeV3toV4` (and the server's migrations)
 * upgrade it. A schema-3 replica's saved segments and campaigns get the criteria of schema 4, its bookings `payment: null`.
 */
import 'fake-indexeddb/auto';
import { createRxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { criteria } from '../../../shared/domain/criteria';
import { upgradeV0toV1, upgradeV1toV2, upgradeV2toV3, upgradeV3toV4 } from '../../../shared/domain/upgrade';
import { validateDocument } from '../../../shared/domain/validate';
import { COLLECTION_SCHEMAS, jsonSchemaOf } from '../../../shared/domain/schemas';
import { replicaSchema } from './schema';
import { openReplica, type Replica } from './replica';
import v0Schemas from './fixtures/replica-v0-schemas.json';

const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;

const consent = { granted: true, at: '2026-01-01T00:00:00Z' };
const V0 = {
  branches: [{ id: 'br-1', name: 'Makati', timezone: 'Asia/Manila', active_days: null, at_risk_days: null, country: 'PH', updated_at: '' }],
  customers: [
    {
      id: 'cu-1', name: 'Maria Santos', phone: '+639171234567', email: 'maria@example.com', birthday: '1990-05-01', opted_in_marketing: true,
      preferred_contact: 'sms', consent: { sms: consent, email: consent, push: { granted: false, at: '' } }, tags: ['regular'], notes: 'likes tea',
      preferences: 'quiet chair', home_branch_id: 'br-1', registered_branch_id: 'br-1', referred_by: '', follow_up_date: '2026-03-10',
      created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z', erased_at: '',
    },
  ],
  bookings: [
    {
      id: 'bk-1', customer_id: 'cu-1', branch_id: 'br-1', service: 'Haircut', staff: 'Ana', start_at: '2026-02-20T10:00:00+08:00', duration_min: 30,
      status: 'completed', price: 2500, notes: '', created_at: '', updated_at: '',
    },
  ],
  communications: [
    {
      id: 'co-1', customer_id: 'cu-1', branch_id: 'br-1', channel: 'sms', purpose: 'follow-up', status: 'logged', message: 'Called, will come back',
      at: '2026-02-21T09:00:00Z', campaign_id: '', error: '', updated_at: '',
    },
  ],
  campaigns: [
    {
      id: 'ca-1', branch_id: 'br-1', name: 'We miss you', criteria: { status: ['at_risk'], unknown_key: 1 }, channel: 'sms', message: 'Hi {name}!',
      status: 'draft', audience_size: 0, created_at: '', updated_at: '',
    },
  ],
} as const;

let counter = 0;
const opened: Replica[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

async function writeV0Replica(name: string): Promise<void> {
  const db = await createRxDatabase({ name, storage, multiInstance: false, localDocuments: true });
  const schemas = v0Schemas as unknown as Record<keyof typeof V0, RxJsonSchema<Record<string, unknown>>>;
  await db.addCollections(Object.fromEntries(Object.keys(V0).map((c) => [c, { schema: schemas[c as keyof typeof V0] }])));
  for (const [collection, docs] of Object.entries(V0)) {
    await db.collections[collection]?.bulkInsert(docs.map((d) => structuredClone(d) as Record<string, unknown>));
  }
  await db.close();
}

describe('replica schema migration', () => {
  it('opens a version-0 replica as the current schema with every document kept and upgraded', async () => {
    const name = `migrate-${++counter}`;
    await writeV0Replica(name);
    const db = await openReplica({ name, storage });
    opened.push(db);
    // Every collection of the documents' schemas is in the replica.
    expect(Object.keys(db.collections).sort()).toEqual(Object.keys(COLLECTION_SCHEMAS).sort());
    for (const [collection, docs] of Object.entries(V0)) {
      const stored = (await db.collections[collection as keyof typeof V0].find().exec()).map((d) => d.toJSON(false) as Record<string, unknown>);
      const name = collection as keyof typeof V0;
      const expected = docs.map((d) => upgradeV3toV4(name, upgradeV2toV3(name, upgradeV1toV2(name, upgradeV0toV1(name, structuredClone(d) as Record<string, unknown>)))));
      expect(stored).toEqual(expected);
      for (const doc of stored) expect(validateDocument(collection as keyof typeof V0, doc)).toEqual([]);
    }
    const customer = (await db.customers.findOne('cu-1').exec())?.toJSON(false);
    expect(customer).toMatchObject({ name: 'Maria Santos', notes: 'likes tea', preferences: 'quiet chair', preferred_staff: '', allergies: '' });
    const campaign = (await db.campaigns.findOne('ca-1').exec())?.toJSON(false);
    expect(campaign).toMatchObject({ variants: [{ key: 'A', message: 'Hi {name}!' }], criteria: criteria({ statuses: ['at_risk'] }), holdout_pct: 0, kind: 'manual' });
    expect(campaign).not.toHaveProperty('message');
    const message = (await db.communications.findOne('co-1').exec())?.toJSON(false);
    expect(message).toMatchObject({ message: 'Called, will come back', variant: '', trigger_key: '', direction: 'outbound', attempts: 0, next_attempt_at: '' });
    expect(await db.segments.count().exec()).toBe(0);
    expect(await db.branch_settings.count().exec()).toBe(0);
    // Bookings changed in schemas 2, 3 and 4 (their corrections, their series, their payment): three
    // RxDB steps, an empty list of corrections, no series and no payment each.
    expect(db.bookings.schema.version).toBe(3);
    expect((await db.bookings.findOne('bk-1').exec())?.toJSON(false)).toMatchObject({ status: 'completed', price: 2500, amendments: [], series: null, payment: null });
  });

  it('opens the migrated replica again without migrating twice, and takes new documents', async () => {
    const name = `migrate-${++counter}`;
    await writeV0Replica(name);
    const first = await openReplica({ name, storage });
    await first.close();
    const again = await openReplica({ name, storage });
    opened.push(again);
    expect(await again.customers.count().exec()).toBe(1);
    expect(await again.customers.migrationNeeded()).toBe(false);
    await again.segments.insert({ id: 'sg-1', branch_id: 'br-1', name: 'At risk', criteria: criteria({ statuses: ['at_risk'] }), created_at: '', updated_at: '' });
    await expect(again.segments.insert({ id: 'sg-2', branch_id: 'br-1', name: '', criteria: criteria(), created_at: '', updated_at: '' })).rejects.toThrow();
    expect(await again.segments.count().exec()).toBe(1);
  });

  it('opens a schema-3 replica: saved segments and campaigns get the prediction and cadence filters, unset', async () => {
    const name = `migrate-${++counter}`;
    const NEW = ['chance_from_pct', 'chance_below_pct', 'min_predicted_value', 'min_value_at_risk', 'overdue_for_them'];
    // The schema-3 RxDB schemas: the current ones without the new criteria fields, one version back.
    const v3 = (collection: 'segments' | 'campaigns', version: number) => {
      const schema = replicaSchema(collection) as unknown as { version: number; properties: { criteria: { properties: Record<string, unknown>; required?: string[] } } };
      const copy = structuredClone(schema);
      copy.version = version;
      copy.properties.criteria.properties = Object.fromEntries(Object.entries(copy.properties.criteria.properties).filter(([f]) => !NEW.includes(f)));
      copy.properties.criteria.required = (copy.properties.criteria.required ?? []).filter((f) => !NEW.includes(f));
      return copy as unknown as RxJsonSchema<Record<string, unknown>>;
    };
    expect(Object.keys((jsonSchemaOf('segments') as { properties: { criteria: { properties: object } } }).properties.criteria.properties)).toEqual(expect.arrayContaining(NEW));
    const old = Object.fromEntries(Object.entries(criteria({ statuses: ['at_risk'], min_spent: 10_000 })).filter(([f]) => !NEW.includes(f)));
    const segment = { id: 'sg-1', branch_id: 'br-1', name: 'Lapsing', criteria: old, created_at: '', updated_at: '' };
    const campaign = {
      id: 'ca-1', branch_id: 'br-1', name: 'We miss you', kind: 'manual', segment_id: 'sg-1', criteria: old, channel: 'sms', variants: [{ key: 'A', message: 'Hi' }],
      holdout_pct: 0, offer: '', status: 'draft', audience_size: 0, sent_at: '', created_at: '', updated_at: '',
    };
    const db3 = await createRxDatabase({ name, storage, multiInstance: false, localDocuments: true });
    await db3.addCollections({
      segments: { schema: v3('segments', 0) },
      campaigns: { schema: v3('campaigns', 1), migrationStrategies: { 1: (d: Record<string, unknown>) => d } },
    });
    await db3.segments?.insert(structuredClone(segment));
    await db3.campaigns?.insert(structuredClone(campaign));
    await db3.close();
    const db = await openReplica({ name, storage });
    opened.push(db);
    expect(db.segments.schema.version).toBe(1);
    expect(db.campaigns.schema.version).toBe(2);
    const want = criteria({ statuses: ['at_risk'], min_spent: 10_000 });
    expect((await db.segments.findOne('sg-1').exec())?.toJSON(false)).toEqual({ ...segment, criteria: want });
    expect((await db.campaigns.findOne('ca-1').exec())?.toJSON(false)).toEqual({ ...campaign, criteria: want });
    expect(upgradeV3toV4('segments', segment)).toEqual({ ...segment, criteria: want });
  });
});
