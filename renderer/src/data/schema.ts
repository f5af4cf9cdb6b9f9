import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { jsonSchemaOf, type CollectionName } from '../../../shared/domain/schemas';
import { upgradeV0toV1, upgradeV1toV2, upgradeV2toV3, upgradeV3toV4 } from '../../../shared/domain/upgrade';

/**
 * RxDB schemas built from the shared TypeBox schemas (one source for the replica, the server and
 * the importers), primary key `id`. Indexes are chosen for the screens: a branch's bookings by
 * time (Today), a customer's bookings (detail), customer look-ups by phone / email (duplicate
 * check, walk-in), communications per customer and per campaign.
 *
 * RxDB needs `maxLength` on the primary key and every indexed string, and a plain `type` on every
 * indexed field (it pads index strings by type). Enum fields are `anyOf` unions in the shared
 * schema, so the RxDB copy gets `type: 'string'` + `maxLength` added where an enum is indexed.
 * This copy only drives RxDB's indexes: validation runs `validateDocument` on the shared schema.
 *
 * Versions are per collection (RxDB migrates a collection only when its version grows): the
 * shared SCHEMA_VERSION 1 changed customers, communications and campaigns, so only those are at
 * version 1 and migrate their stored documents with `upgradeV0toV1` (the same function the
 * server's data migration mirrors). SCHEMA_VERSION 2 changed bookings only (their corrections,
 * `upgradeV1toV2`): bookings went from version 0 to 1, rewritten once on upgrade. SCHEMA_VERSION 3
 * changed bookings only again (their recurring `series`, `upgradeV2toV3`): bookings version 2.
 * SCHEMA_VERSION 4 changed the criteria of segments and campaigns (prediction and cadence
 * filters, `upgradeV3toV4`): segments version 1, campaigns version 2.
 * SCHEMA_VERSION 4 also changed bookings (their `payment` and their amendments' payment,
 * `upgradeV3toV4`): bookings version 3.
 */
export const REPLICA_INDEXES: Record<CollectionName, (string | string[])[]> = {
  branches: [],
  customers: ['phone', 'email', 'home_branch_id'],
  bookings: [
    ['branch_id', 'start_at'],
    ['customer_id', 'start_at'],
  ],
  communications: [['customer_id', 'at'], ['campaign_id', 'at']],
  campaigns: ['status'],
  segments: [],
  branch_settings: [],
  services: [],
  staff: [],
  members: [],
  audit_events: [],
};

/** RxDB schema version of each collection. */
const REPLICA_VERSIONS: Record<CollectionName, number> = {
  branches: 0,
  customers: 1,
  bookings: 3,
  communications: 1,
  campaigns: 2,
  segments: 1,
  branch_settings: 0,
  services: 0,
  staff: 0,
  members: 0,
  audit_events: 0,
};

/** Indexed enum fields, given a string type and a length for RxDB's index strings. */
const INDEXED_ENUMS: Partial<Record<CollectionName, Record<string, number>>> = {
  campaigns: { status: 16 },
};

export function replicaSchema(name: CollectionName): RxJsonSchema<Record<string, unknown>> {
  const schema = jsonSchemaOf(name) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  for (const [field, maxLength] of Object.entries(INDEXED_ENUMS[name] ?? {})) {
    const property = schema.properties[field];
    if (property === undefined) throw new Error(`${name}.${field} is not in the shared schema`);
    schema.properties[field] = { ...property, type: 'string', maxLength };
  }
  return {
    ...schema,
    title: name,
    version: REPLICA_VERSIONS[name],
    primaryKey: 'id',
    type: 'object',
    indexes: REPLICA_INDEXES[name],
  } as RxJsonSchema<Record<string, unknown>>;
}

type Upgrade = (doc: Record<string, unknown>) => Record<string, unknown>;

/** The shared upgrade of each RxDB version step, per collection, keyed by the target version. */
const REPLICA_STEPS: Record<CollectionName, Record<number, Upgrade>> = {
  branches: {},
  customers: { 1: (doc) => upgradeV0toV1('customers', doc) },
  // unchanged by SCHEMA_VERSION 1, so its first step is the version-2 change
  bookings: { 1: (doc) => upgradeV1toV2('bookings', doc), 2: (doc) => upgradeV2toV3('bookings', doc), 3: (doc) => upgradeV3toV4('bookings', doc) },
  communications: { 1: (doc) => upgradeV0toV1('communications', doc) },
  campaigns: { 1: (doc) => upgradeV0toV1('campaigns', doc), 2: (doc) => upgradeV3toV4('campaigns', doc) },
  // unchanged until SCHEMA_VERSION 4
  segments: { 1: (doc) => upgradeV3toV4('segments', doc) },
  branch_settings: {},
  services: {},
  staff: {},
  members: {},
  audit_events: {},
};

/** RxDB migration strategies of a collection: one per version step, keyed by the target version. */
export function migrationStrategies(name: CollectionName): MigrationStrategies {
  const strategies: MigrationStrategies = {};
  for (let version = 1; version <= REPLICA_VERSIONS[name]; version += 1) {
    const step = REPLICA_STEPS[name][version];
    if (step === undefined) throw new Error(`${name}: no migration to replica version ${version}`);
    strategies[version] = step;
  }
  return strategies;
}
