/**
 * What the server does with one pushed row, given the current master state (pure; the server
 * runs it inside the push transaction, the property tests run it in a simulation).
 *
 * - No master: the document is new, store it.
 * - The desk's new state already equals the master: nothing to do (a retried push is a no-op).
 * - The desk's assumed master differs from the real master (or is absent although the document
 *   exists): a conflict; nothing is stored and the master is returned for the desk to merge.
 * - Otherwise the desk's change is applied through the same merge the desk uses, so the
 *   invariants hold even for a careless client (a status never moves backwards). When the stored
 *   result differs from what the desk sent, it is also returned as a conflict so the desk adopts it.
 */
import { documentsEqual } from './equal';
import { mergeDocument } from './merge';
import type { PushRow, SyncCollection, WireDoc } from './protocol';

export interface PushDecision<T> {
  /** The state to store (a new stamp), when anything changes. */
  write?: WireDoc<T>;
  /** The master state to return to the desk as a conflict. */
  conflict?: WireDoc<T>;
}

type Fields = Record<string, unknown>;

export function decidePush<T>(collection: SyncCollection, master: WireDoc<T> | undefined, row: PushRow<T>): PushDecision<T> {
  const next = row.newDocumentState;
  if (master === undefined) return { write: next };
  if (documentsEqual(next as Fields, master as Fields)) return {};
  const assumed = row.assumedMasterState ?? undefined;
  if (assumed === undefined || !documentsEqual(assumed as Fields, master as Fields)) return { conflict: master };
  const resolved = mergeDocument(collection, { assumedMasterState: assumed, realMasterState: master, newDocumentState: next });
  const changed = !documentsEqual(resolved as Fields, master as Fields);
  const adopted = documentsEqual(resolved as Fields, next as Fields);
  return {
    ...(changed ? { write: resolved } : {}),
    ...(adopted ? {} : { conflict: changed ? resolved : master }),
  };
}
