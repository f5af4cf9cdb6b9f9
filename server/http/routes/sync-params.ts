/** The `:collection` parameter and the checkpoint query (`stamp`, `id`) of the sync routes, read once for all of them. */
import type { FastifyRequest } from 'fastify';
import { isSyncCollection, type Checkpoint, type SyncCollection } from '../../../shared/sync/protocol';
import { badRequest, notFound } from '../../store/errors';

export function collectionOf(request: FastifyRequest): SyncCollection {
  const name = (request.params as { collection?: string }).collection ?? '';
  if (!isSyncCollection(name)) throw notFound(`unknown collection "${name}"`);
  return name;
}

export function checkpointOf(query: Record<string, unknown>): Checkpoint | null {
  const { stamp, id } = query;
  if (stamp === undefined || stamp === '') {
    if (id !== undefined && id !== '') throw badRequest('"id" needs "stamp"', [{ field: 'stamp', message: 'is required with id' }]);
    return null;
  }
  if (typeof stamp !== 'string' || !/^\d{1,15}$/.test(stamp)) throw badRequest('"stamp" must be a whole number', [{ field: 'stamp', message: 'must be a whole number' }]);
  if (id !== undefined && (typeof id !== 'string' || id.length > 100)) throw badRequest('"id" must be a document id', [{ field: 'id', message: 'must be a document id' }]);
  return { stamp: Number(stamp), id: typeof id === 'string' ? id : '' };
}
