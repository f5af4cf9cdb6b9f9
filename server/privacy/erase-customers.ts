/**
 * Erasure done by the server itself (the retention rule, an HQ or manager request over HTTP):
 * the customer documents are anonymised with `eraseCustomer` and written with new stamps, so
 * every desk linked to them pulls the erased document (which then wins every conflict), and
 * their messages are blanked.
 */
import type { CustomerDoc } from '../../shared/domain/schemas';
import { eraseCustomer, isErased } from '../../shared/privacy/erase';
import { formatInstant } from '../../shared/time/instant';
import type { WireDoc } from '../../shared/sync/protocol';
import { loadMasters } from '../store/documents';
import { writeServerDocuments } from '../store/server-writes';
import { advanceClock, lockStamps } from '../store/stamps';
import type { Store } from '../store/store';
import { eraseCommunicationsOf } from './erase-effects';
import { recordConsentChanges, type ConsentActor } from '../store/consent';

export interface ErasureResult {
  /** Customers erased now (already erased or unknown ids are left out). */
  erased: WireDoc<CustomerDoc>[];
  communications: number;
}

/** `actor`: the device that asked (HTTP erase), or the server itself (retention): recorded with the consent it withdraws. */
export async function eraseCustomersOnServer(store: Store, customerIds: readonly string[], actor: ConsentActor): Promise<ErasureResult> {
  const nowMs = store.clock();
  const at = formatInstant(nowMs);
  return store.db.transaction(async (tx) => {
    await lockStamps(tx);
    const masters = await loadMasters<CustomerDoc>(tx, 'customers', customerIds);
    const erased: WireDoc<CustomerDoc>[] = [];
    for (const { doc } of masters.values()) if (!isErased(doc)) erased.push(eraseCustomer(doc, at));
    if (erased.length === 0) return { erased, communications: 0 };
    await writeServerDocuments(tx, 'customers', erased as unknown as WireDoc<Record<string, unknown>>[]);
    await recordConsentChanges(tx, actor, erased.map((after) => ({ before: masters.get(after.id)?.doc, after })), nowMs);
    const communications = await eraseCommunicationsOf(tx, erased.map((c) => c.id), nowMs);
    await advanceClock(tx);
    store.log.info({ customers: erased.map((c) => c.id), communications }, 'customers erased');
    return { erased, communications };
  });
}
