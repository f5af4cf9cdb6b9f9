import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store';
import { readBranch } from '../../authz/policy';
import { countAfter } from '../../sync/count';
import { deviceFirst, requireDevice } from '../guards';
import { CheckpointQuery, checkpointOf, CollectionParams } from './sync-params';

/** `GET /api/sync/:collection/count` answers this. */
export interface CountResponse {
  count: number;
}

/**
 * `GET /api/sync/:collection/count?stamp=&id=`: the number of documents (tombstones included) a
 * pull from that checkpoint would return in the device's scope — the total of the desk's
 * first-sync progress bar. Same authentication and schema check as pull.
 */
export function syncCountRoutes(app: FastifyInstance, store: Store, schemaVersion: number): void {
  app.get<{ Params: Static<typeof CollectionParams>; Querystring: Static<typeof CheckpointQuery> }>(
    '/api/sync/:collection/count',
    { preValidation: deviceFirst(store, { schemaVersion }), schema: { params: CollectionParams, querystring: CheckpointQuery } },
    async (request) => {
      const device = await requireDevice(store, request);
      const { collection } = request.params;
      const count = await countAfter(store.db, collection, readBranch(device, collection), checkpointOf(request.query));
      return { count } satisfies CountResponse;
    },
  );
}
