import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isPushCollection, type StreamTicketResponse, type SyncCollection } from '../../../shared/sync/protocol';
import { deviceById } from '../../store/auth';
import { ApiError, badRequest, forbidden } from '../../store/errors';
import type { Store } from '../../store/store';
import type { Device } from '../../store/device';
import { authorize, readBranch } from '../../authz/policy';
import { lookupCustomer } from '../../sync/lookup';
import { pullBatch } from '../../sync/pull';
import { pushRows } from '../../sync/push';
import type { StreamHub } from '../stream-hub';
import { checkTicket, issueTicket, redeemTicket, TICKET_TTL_MS } from '../stream-ticket';
import { checkSchemaVersion, requireDevice } from '../guards';
import { checkpointOf, collectionOf } from './sync-params';
import { BODY_LIMITS } from '../input-limits';


function limitOf(query: Record<string, unknown>): number {
  const limit = query.limit;
  if (limit === undefined || limit === '') return 100;
  if (typeof limit !== 'string' || !/^\d{1,5}$/.test(limit) || Number(limit) < 1) {
    throw badRequest('"limit" must be a whole number from 1', [{ field: 'limit', message: 'must be a whole number from 1' }]);
  }
  return Number(limit);
}

async function streamDevice(store: Store, request: FastifyRequest): Promise<Device> {
  const ticket = (request.query as Record<string, unknown>).ticket;
  if (typeof ticket !== 'string' || ticket === '') return requireDevice(store, request);
  const now = store.clock();
  const checked = checkTicket(store.org.server_secret, ticket, now);
  if (checked !== null && !(await redeemTicket(store.db, checked, now))) throw new ApiError(401, 'this stream ticket was already used; ask for a new one');
  const device = checked === null ? null : await deviceById(store, checked.deviceId);
  if (device === null) throw new ApiError(401, 'stream ticket invalid or expired; ask for a new one');
  return device;
}

/**
 * A value the database itself refuses (SQLSTATE class 22, data exception: an encoding, a number
 * out of range…) is the document's fault, not the server's: 400, never a 500 the desk would retry
 * for ever. The shared write rules should have refused it first; this is the safety net.
 */
function storageRefusal(collection: SyncCollection, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof ApiError || typeof code !== 'string' || !code.startsWith('22')) return error;
  const message = error instanceof Error ? error.message : String(error);
  return badRequest(`invalid push: the database refused a ${collection} document: ${message}`, [{ collection, message }]);
}

export function syncRoutes(app: FastifyInstance, store: Store, hub: StreamHub, schemaVersion: number): void {
  app.get('/api/sync/:collection/pull', async (request) => {
    const device = await requireDevice(store, request);
    checkSchemaVersion(request, schemaVersion);
    const collection = collectionOf(request);
    const query = request.query as Record<string, unknown>;
    return pullBatch(store.db, collection, readBranch(device, collection), checkpointOf(query), limitOf(query));
  });

  app.post('/api/sync/:collection/push', { bodyLimit: BODY_LIMITS.push }, async (request) => {
    const device = await requireDevice(store, request);
    checkSchemaVersion(request, schemaVersion);
    const collection = collectionOf(request);
    if (!isPushCollection(collection)) throw forbidden(`${collection} is reference data: pull only`);
    const result = await pushRows(store, device, collection, request.body).catch((error: unknown) => {
      throw storageRefusal(collection, error);
    });
    request.log.debug({ collection, rows: Array.isArray(request.body) ? request.body.length : 0, written: result.written, conflicts: result.conflicts.length }, 'push');
    return result.conflicts;
  });

  app.post('/api/sync/customers/lookup', async (request) => {
    const device = await requireDevice(store, request);
    authorize(device, 'customers', 'lookup');
    checkSchemaVersion(request, schemaVersion);
    return lookupCustomer(store, device, request.body);
  });

  app.post('/api/sync/stream-ticket', async (request) => {
    const device = await requireDevice(store, request);
    return { ticket: await issueTicket(store.db, store.org.server_secret, device.id, store.clock()), expires_in_seconds: TICKET_TTL_MS / 1000 } satisfies StreamTicketResponse;
  });

  app.get('/api/sync/stream', async (request, reply) => {
    const device = await streamDevice(store, request);
    checkSchemaVersion(request, schemaVersion);
    reply.hijack();
    await hub.open(device, reply.raw);
  });
}
