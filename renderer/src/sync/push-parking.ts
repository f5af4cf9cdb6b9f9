import { documentsEqual } from '../../../shared/sync/equal';
import type { PushRow, WireDoc } from '../../../shared/sync/protocol';
import type { AnyDoc } from './api';
import { SyncHttpError } from './errors';
import type { RefusedStore } from './refused-store';

type Fields = Record<string, unknown>;
type Row = PushRow<AnyDoc>;

/** Answers that refuse what was sent (invalid, out of scope, too large): retrying the same rows cannot help. */
const REFUSALS = new Set([400, 403, 413, 422]);

/** 409: a document names one the server does not have yet (e.g. a booking before its new customer): retried later. */
function isWaiting(error: unknown): error is SyncHttpError {
  return error instanceof SyncHttpError && error.status === 409;
}

export function isRefusal(error: unknown): error is SyncHttpError {
  return error instanceof SyncHttpError && REFUSALS.has(error.status);
}

function idOf(row: Row): string {
  return row.newDocumentState.id;
}

/**
 * One push of a collection that never lets a refused document block the others:
 * - a refusal naming documents of the batch parks them (with the server's field and reason) and
 *   sends the rest again; a refusal naming none splits the batch in halves until each refused
 *   document stands alone, so every good document still goes through;
 * - a parked document is sent again only once the desk changed it (the fix), from the server's
 *   version it started from; a discarded one (a local-only document deleted) is not sent at all;
 * - a parked document that went through is released.
 * To RxDB the parked rows count as handled, so it does not retry them forever; the desk keeps
 * them (pending, and in the "Not synced" list) until the person fixes or discards them.
 * A 409 (a document waits for one it names to reach the server) sends the rest of the batch, then
 * throws so that RxDB retries the batch later. Other errors (network, 5xx, 401, 426, 429) are
 * thrown as they are: RxDB retries the batch.
 */
export async function pushWithParking(options: {
  collection: string;
  rows: Row[];
  push: (rows: Row[]) => Promise<WireDoc<AnyDoc>[]>;
  refused: RefusedStore;
  now: () => number;
}): Promise<WireDoc<AnyDoc>[]> {
  const { collection, refused } = options;
  const send: Row[] = [];
  const again = new Set<string>();
  for (const row of options.rows) {
    const parked = refused.get(collection, idOf(row));
    if (parked === undefined) {
      send.push(row);
      continue;
    }
    if (parked.base === null && row.newDocumentState._deleted) {
      refused.release(collection, parked.id); // discarded before the server ever had it
      continue;
    }
    if (documentsEqual(row.newDocumentState as unknown as Fields, parked.refused)) continue; // not fixed yet
    again.add(parked.id);
    send.push({ assumedMasterState: (parked.base as WireDoc<AnyDoc> | null) ?? null, newDocumentState: row.newDocumentState });
  }
  const parkedNow = new Set<string>();
  const park = (row: Row, field: string, message: string): void => {
    parkedNow.add(idOf(row));
    refused.park({
      collection,
      id: idOf(row),
      base: (row.assumedMasterState as unknown as Fields | null | undefined) ?? null,
      refused: row.newDocumentState as unknown as Fields,
      field,
      message,
      at: options.now(),
    });
  };

  const attempt = async (rows: Row[]): Promise<WireDoc<AnyDoc>[]> => {
    if (rows.length === 0) return [];
    try {
      return await options.push(rows);
    } catch (error) {
      if (isWaiting(error)) {
        // the rest of the batch goes now; the whole batch is retried later (what went is a no-op then)
        const waiting = new Set(error.details.map((d) => d.document).filter((d): d is string => d !== undefined));
        const rest = rows.filter((r) => !waiting.has(idOf(r)));
        if (rest.length > 0 && rest.length < rows.length) await attempt(rest);
        throw error;
      }
      if (!isRefusal(error)) throw error;
      const ids = new Set(rows.map(idOf));
      const named = error.details.filter((d) => d.document !== undefined && ids.has(d.document));
      if (named.length > 0) {
        const names = new Set(named.map((d) => d.document));
        for (const row of rows) {
          const detail = named.find((d) => d.document === idOf(row));
          if (detail !== undefined) park(row, detail.field ?? '', detail.message);
        }
        return attempt(rows.filter((r) => !names.has(idOf(r))));
      }
      if (rows.length === 1) {
        const [row] = rows as [Row];
        park(row, error.details[0]?.field ?? '', error.details[0]?.message ?? error.message);
        return [];
      }
      const half = Math.ceil(rows.length / 2);
      return [...(await attempt(rows.slice(0, half))), ...(await attempt(rows.slice(half)))];
    }
  };

  const conflicts = await attempt(send);
  for (const id of again) if (!parkedNow.has(id)) refused.release(collection, id);
  return conflicts;
}
