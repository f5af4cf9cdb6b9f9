import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isSyncCollection, type Checkpoint, type SyncCollection } from '../../../shared/sync/protocol';
import { badRequest, notFound } from '../../store/errors';
import type { Store } from '../../store/store';
import { readBranch } from '../../authz/policy';
import { countAfter } from '../../sync/count';
import { checkSchemaVersion, requireDevice } from '../guards';

/** `GET /api/sync/:collection/count` answers this. */
export interface CountResponse {
  count: number;
}

function collectionOf(request: FastifyRequest): SyncCollection {
  const name = (request.params as { collection?: string }).collection ?? '';
  if (!isSyncCollection(name)) throw notFound(`unknown collection "${name}"`);
  return name;
}

function checkpointOf(query: Record<string, unknown>): Checkpoint | null {
  const { stamp, id } = query;
  if (stamp === undefined || stamp === '') {
    if (id !== undefined && id !== '') throw badRequest('"id" needs "stamp"', [{ field: 'stamp', message: 'is required with id' }]);
    return null;
  }
  if (typeof stamp !== 'string' || !/^\d{1,15}$/.test(stamp)) throw badRequest('"stamp" must be a whole number', [{ field: 'stamp', message: 'must be a whole number' }]);
  if (id !== undefined && (typeof id !== 'string' || id.length > 100)) throw badRequest('"id" must be a document id', [{ field: 'id', message: 'must be a document id' }]);
  return { stamp: Number(stamp), id: typeof id === 'string' ? id : '' };
}

/**
 * `GET /api/sync/:collection/count?stamp=&id=`: the number of documents (tombstones included) a
 * pull from that checkpoint would return in the device's scope — the total of the desk's
 * first-sync progress bar. Same authentication and schema check as pull.
 */
export function syncCountRoutes(app: FastifyInstance, store: Store, schemaVersion: number): void {
  app.get('/api/sync/:collection/count', async (request) => {
    const device = await requireDevice(store, request);
    checkSchemaVersion(request, schemaVersion);
    const collection = collectionOf(request);
    const count = await countAfter(store.db, collection, readBranch(device, collection), checkpointOf(request.query as Record<string, unknown>));
    return { count } satisfies CountResponse;
  });
}
