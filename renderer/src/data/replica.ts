import { addRxPlugin, createRxDatabase, removeRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type {
  BookingDoc,
  BranchDoc,
  BranchSettingsDoc,
  CampaignDoc,
  CollectionName,
  CommunicationDoc,
  CustomerDoc,
  SegmentDoc,
  ServiceDoc,
  StaffDoc,
  MemberDoc,
  AuditEventDoc,
} from '../../../shared/domain/schemas';
import { conflictHandler } from '../../../shared/sync/merge';
import { isSyncCollection } from '../../../shared/sync/protocol';
import { withFastLookups } from './dexie-lookup';
import { migrationStrategies, replicaSchema } from './schema';
import { restoreServerBases, withServerBase } from './server-base';
import { wrappedSharedValidateStorage } from './validation';

export interface ReplicaCollections {
  branches: RxCollection<BranchDoc>;
  customers: RxCollection<CustomerDoc>;
  bookings: RxCollection<BookingDoc>;
  communications: RxCollection<CommunicationDoc>;
  campaigns: RxCollection<CampaignDoc>;
  segments: RxCollection<SegmentDoc>;
  branch_settings: RxCollection<BranchSettingsDoc>;
  services: RxCollection<ServiceDoc>;
  staff: RxCollection<StaffDoc>;
  members: RxCollection<MemberDoc>;
  audit_events: RxCollection<AuditEventDoc>;
}

/** The branch desk's local replica: RxDB on Dexie (IndexedDB), validated with the shared schemas. */
export type Replica = RxDatabase<ReplicaCollections>;

export const REPLICA_NAME = 'branchdesk';
const REPLICA_COLLECTIONS: readonly CollectionName[] = [
  'branches',
  'customers',
  'bookings',
  'communications',
  'campaigns',
  'segments',
  'branch_settings',
  'services',
  'staff',
  'members',
  'audit_events',
];

addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

export interface ReplicaOptions {
  /** Database name (one IndexedDB database per collection is derived from it). */
  name?: string;
  /** Underlying storage; Dexie (IndexedDB) unless a test passes another RxDB storage. */
  storage?: RxStorage<unknown, unknown>;
  /**
   * Collections to open (default: all). RxDB's open-source build allows 13 open collections per
   * JavaScript realm (more throw COL23): a test holding two replicas open in one realm opens only
   * the ones it needs (`WITHOUT_SCHEDULE` in test-fixtures.ts). The app opens one replica per window: all of them.
   */
  collections?: readonly CollectionName[];
}

function validatedStorage(storage: RxStorage<unknown, unknown> | undefined): RxStorage<unknown, unknown> {
  return wrappedSharedValidateStorage({ storage: withServerBase(withFastLookups(storage ?? (getRxStorageDexie() as RxStorage<unknown, unknown>))) });
}

/**
 * Opens (creating on first run) the local replica with its eleven collections. A replica written
 * by an older schema is migrated first (RxDB migration strategies, `schema.ts`); this resolves
 * once every collection is current.
 */
export async function openReplica(options: ReplicaOptions = {}): Promise<Replica> {
  const db = await createRxDatabase<ReplicaCollections>({
    name: options.name ?? REPLICA_NAME,
    storage: validatedStorage(options.storage),
    localDocuments: true,
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
  });
  const collections = Object.fromEntries(
    (options.collections ?? REPLICA_COLLECTIONS).map((name) => [
      name,
      {
        schema: replicaSchema(name),
        migrationStrategies: migrationStrategies(name),
        localDocuments: false,
        ...(isSyncCollection(name) ? { conflictHandler: conflictHandler(name) } : {}),
      },
    ]),
  );
  await db.addCollections(collections);
  // the merge bases of first-pulled documents are kept from the first write on, paired or not
  await restoreServerBases(db);
  return db;
}

/** Deletes every document of the replica (all collections and local documents) for good. */
export async function removeReplica(options: ReplicaOptions = {}): Promise<void> {
  await removeRxDatabase(options.name ?? REPLICA_NAME, validatedStorage(options.storage));
}
