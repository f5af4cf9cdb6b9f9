import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isPushCollection, MAX_PUSH_ROWS, type StreamTicketResponse, type SyncCollection } from '../../../shared/sync/protocol';
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
import { deviceFirst, requireDevice } from '../guards';
import { checkpointOf, CollectionParams, PullQuery } from './sync-params';
import { BODY_LIMITS } from '../input-limits';

/** A push body: rows of documents as objects (their fields are checked per collection by `pushRows`). */
const PushBody = Type.Array(
  Type.Object(
    {
      newDocumentState: Type.Object({}, { description: 'the document (an object)' }),
      assumedMasterState: Type.Optional(Type.Union([Type.Null(), Type.Object({})], { description: 'the master state the desk last saw (an object), or null' })),
    },
    { description: 'a row {assumedMasterState, newDocumentState}' },
  ),
  { maxItems: MAX_PUSH_ROWS, description: `a JSON array of at most ${MAX_PUSH_ROWS} {assumedMasterState, newDocumentState} rows` },
);

/** A walk-in lookup: exactly one of phone and email (checked by `lookupCustomer`). */
const LookupBody = Type.Object(
  {
    phone: Type.Optional(Type.String({ maxLength: 64, description: 'a phone number (text of at most 64 characters)' })),
    email: Type.Optional(Type.String({ maxLength: 320, description: 'an email address (text of at most 320 characters)' })),
  },
  { description: 'an object {"phone": …} or {"email": …}' },
);

/** The live stream's query: a one-time ticket (EventSource cannot send headers) and the schema version. */
const StreamQuery = Type.Object({
  ticket: Type.Optional(Type.String({ maxLength: 512, description: 'a stream ticket from POST /api/sync/stream-ticket' })),
  schema: Type.Optional(Type.String({ maxLength: 16, description: "the desk's schema version" })),
});

const DEFAULT_PULL_LIMIT = 100;

/** The stream's device, from its ticket or its token; runs before the query is validated (auth first), so it reads it raw. */
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
  const syncDevice = deviceFirst(store, { schemaVersion });

  app.get<{ Params: Static<typeof CollectionParams>; Querystring: Static<typeof PullQuery> }>(
    '/api/sync/:collection/pull',
    { preValidation: syncDevice, schema: { params: CollectionParams, querystring: PullQuery } },
    async (request) => {
      const device = await requireDevice(store, request);
      const { collection } = request.params;
      return pullBatch(store.db, collection, readBranch(device, collection), checkpointOf(request.query), request.query.limit ?? DEFAULT_PULL_LIMIT);
    },
  );

  app.post<{ Params: Static<typeof CollectionParams>; Body: Static<typeof PushBody> }>(
    '/api/sync/:collection/push',
    { bodyLimit: BODY_LIMITS.push, preValidation: syncDevice, schema: { params: CollectionParams, body: PushBody } },
    async (request) => {
      const device = await requireDevice(store, request);
      const { collection } = request.params;
      if (!isPushCollection(collection)) throw forbidden(`${collection} is reference data: pull only`);
      const result = await pushRows(store, device, collection, request.body).catch((error: unknown) => {
        throw storageRefusal(collection, error);
      });
      request.log.debug({ collection, rows: request.body.length, written: result.written, conflicts: result.conflicts.length }, 'push');
      return result.conflicts;
    },
  );

  app.post<{ Body: Static<typeof LookupBody> }>(
    '/api/sync/customers/lookup',
    { preValidation: deviceFirst(store, { schemaVersion, authorize: (device) => authorize(device, 'customers', 'lookup') }), schema: { body: LookupBody } },
    async (request) => lookupCustomer(store, await requireDevice(store, request), request.body),
  );

  app.post('/api/sync/stream-ticket', async (request) => {
    const device = await requireDevice(store, request);
    return { ticket: await issueTicket(store.db, store.org.server_secret, device.id, store.clock()), expires_in_seconds: TICKET_TTL_MS / 1000 } satisfies StreamTicketResponse;
  });

  app.get(
    '/api/sync/stream',
    { preValidation: deviceFirst(store, { schemaVersion, device: (request) => streamDevice(store, request) }), schema: { querystring: StreamQuery } },
    async (request, reply) => {
      const device = await requireDevice(store, request);
      reply.hijack();
      await hub.open(device, reply.raw);
    },
  );
}
