/** Path parameters and query strings of the sync routes, declared once for all of them. */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_PULL_LIMIT, SYNC_COLLECTIONS, type Checkpoint } from '../../../shared/sync/protocol';
import { badRequest } from '../../store/errors';

/** `:collection` — one of the replicated collections (anything else is 404). */
export const CollectionParams = Type.Object({
  collection: Type.Union(
    SYNC_COLLECTIONS.map((name) => Type.Literal(name)),
    { description: 'collection' },
  ),
});

const MAX_STAMP = 999_999_999_999_999;

/** `?stamp=&id=` — a pull position (no stamp: from the start). */
export const CheckpointQuery = Type.Object({
  stamp: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_STAMP, description: 'a whole number' })),
  id: Type.Optional(Type.String({ maxLength: 100, description: 'a document id (at most 100 characters)' })),
});

/** `?stamp=&id=&limit=` — a pull position and the most documents wanted (100 by default). */
export const PullQuery = Type.Object({
  ...CheckpointQuery.properties,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 99_999, description: `a whole number from 1 (at most ${MAX_PULL_LIMIT} are sent)` })),
});

/** The checkpoint a query names, or null; an id without a stamp is refused. */
export function checkpointOf(query: Static<typeof CheckpointQuery>): Checkpoint | null {
  if (query.stamp === undefined) {
    if (query.id !== undefined) throw badRequest('"id" needs "stamp"', [{ field: 'stamp', message: 'is required with id' }]);
    return null;
  }
  return { stamp: query.stamp, id: query.id ?? '' };
}
