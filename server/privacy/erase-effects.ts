/**
 * What an erasure means on the server beyond the customer document: the customer's messages
 * lose their text (a message is personal by nature) and those not sent yet are cancelled, as
 * stamped document updates that reach every desk. The typed lookup columns of the customers
 * table (phone, email) are rewritten from the erased document by the same write, and nothing
 * else on the server keeps personal data: the outbox reads addresses from the customer
 * document at send time and logs ids only.
 */
import type { CommunicationDoc, CustomerDoc } from '../../shared/domain/schemas';
import { eraseCommunication, isErased } from '../../shared/privacy/erase';
import { formatInstant } from '../../shared/time/instant';
import type { WireDoc } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { writeServerDocuments } from '../store/server-writes';

/** Blanks the communications of these customers (call under the stamp lock). Returns how many changed. */
export async function eraseCommunicationsOf(tx: Queryable, customerIds: readonly string[], nowMs: number): Promise<number> {
  if (customerIds.length === 0) return 0;
  const at = formatInstant(nowMs);
  const rows = await tx.query<{ data: CommunicationDoc; deleted: boolean }>('SELECT data, deleted FROM communications WHERE customer_id = ANY($1::text[])', [customerIds]);
  const changed: WireDoc<CommunicationDoc>[] = [];
  for (const r of rows) {
    const next = eraseCommunication(r.data, at);
    if (next !== null) changed.push({ ...next, _deleted: r.deleted });
  }
  await writeServerDocuments(tx, 'communications', changed as WireDoc<Record<string, unknown>>[]);
  return changed.length;
}

/** After a push of customers: the effects of the erasures it carried (newly erased documents only). */
export async function eraseEffects(tx: Queryable, accepted: readonly { doc: WireDoc<Record<string, unknown>>; before?: WireDoc<Record<string, unknown>> }[], nowMs: number): Promise<number> {
  const erased = accepted
    .filter((a) => isErased(a.doc as unknown as CustomerDoc) && !isErased(a.before as unknown as CustomerDoc | undefined))
    .map((a) => a.doc.id as string);
  return eraseCommunicationsOf(tx, erased, nowMs);
}
