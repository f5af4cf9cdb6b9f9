import { wrappedValidateStorageFactory, type RxJsonSchema, type RxValidationError } from 'rxdb';
import { COLLECTION_SCHEMAS, type CollectionName } from '../../../shared/domain/schemas';
import { validateDocument } from '../../../shared/domain/validate';

/** Fields RxDB adds to every stored document; the shared schemas (strict objects) do not list them. */
const RXDB_META_FIELDS = new Set(['_deleted', '_rev', '_meta', '_attachments']);

function isCollectionName(name: unknown): name is CollectionName {
  return typeof name === 'string' && Object.hasOwn(COLLECTION_SCHEMAS, name);
}

/** The document without RxDB's bookkeeping fields. */
export function withoutMeta(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) if (!RXDB_META_FIELDS.has(key)) out[key] = doc[key];
  return out;
}

/**
 * RxDB's own storages (database metadata, local documents, replication checkpoints and assumed
 * master states): RxDB writes them, not our code.
 */
const RXDB_INTERNAL_SCHEMAS = new Set(['RxInternalDocument', 'RxLocalDocument', 'RxReplicationProtocolMetaData']);

/**
 * Validator for one RxDB schema: the shared, interpretive `validateDocument` (TypeBox + domain
 * checks), never a compiled validator, so it runs under `script-src 'self'` without eval.
 * The collection is found from the schema's `title` (set by `replicaSchema`).
 */
export function replicaValidator(schema: RxJsonSchema<unknown>): (doc: Record<string, unknown>) => RxValidationError[] {
  const collection = schema.title;
  if (typeof collection === 'string' && RXDB_INTERNAL_SCHEMAS.has(collection)) return () => [];
  if (!isCollectionName(collection)) {
    throw new Error(`No shared schema for RxDB collection "${String(collection)}"`);
  }
  return (doc) => validateDocument(collection, withoutMeta(doc));
}

/** Wraps an RxDB storage so every write is validated against the shared schemas first. */
export const wrappedSharedValidateStorage = wrappedValidateStorageFactory(
  (schema) => replicaValidator(schema as RxJsonSchema<unknown>),
  'branchdesk-typebox',
);
