import type { RxCollection } from 'rxdb';
import { stripInternal } from '../../../shared/sync/equal';
import type { Replica } from '../data/replica';
import type { AnyDoc } from './api';
import type { RefusedStore } from './refused-store';

/**
 * The person discards a refused document: a document only this desk ever had is removed; one the
 * server has goes back to the server's version the change started from (a newer server version
 * then arrives as a conflict, or with the next pull). It leaves the "Not synced" list at once and
 * is released once the push handler sent (or dropped) the result.
 */
export async function discardRefusedDoc(db: Replica, store: RefusedStore, collection: string, id: string): Promise<void> {
  const parked = store.get(collection, id);
  if (parked === undefined) return;
  const col = (db as unknown as Record<string, RxCollection<AnyDoc> | undefined>)[collection];
  if (col === undefined) {
    store.release(collection, id);
    return;
  }
  const doc = await col.findOne(id).exec();
  store.discard(collection, id);
  if (doc === null) return;
  if (parked.base === null) {
    await doc.remove();
    return;
  }
  const server = { ...stripInternal(parked.base) };
  delete server._deleted;
  await doc.incrementalModify(() => server as unknown as AnyDoc);
}
