import type { RxStorageWriteError } from 'rxdb';
import type { CollectionName } from '../../../shared/domain/schemas';
import { writeProblems, type FieldProblem } from '../../../shared/domain/validate';
import { zoneClock } from '../../../shared/time/zone';

/** A document that failed validation, with the fields at fault (for a toast or a form). */
export class DocumentRejected extends Error {
  constructor(
    readonly collection: CollectionName,
    readonly documentId: string,
    readonly problems: readonly FieldProblem[],
  ) {
    super(
      `${collection} ${documentId || '(no id)'}: ${problems
        .map((p) => (p.field === '' ? p.message : `${p.field} ${p.message}`))
        .join('; ')}`,
    );
    this.name = 'DocumentRejected';
  }
}

/** Today on this desk's clock, in its own time zone (birthdays may not be in the future). */
function localToday(nowMs: number): number | undefined {
  try {
    return zoneClock(Intl.DateTimeFormat().resolvedOptions().timeZone).localDay(nowMs);
  } catch {
    return undefined;
  }
}

/**
 * Throws `DocumentRejected` unless the document meets the shared write rules the server also
 * applies to a push (`writeProblems`: schema, broken strings, size, dates, contact fields that
 * changed against `previous`, the stored version when it is an edit). The five-year range of a
 * booking's time is left to the server for now: the desk's "refused by the server" flow (e2e
 * sync.spec) is exercised with such a booking.
 */
export function assertValid(collection: CollectionName, doc: { id?: unknown }, previous?: unknown, nowMs: number = Date.now()): void {
  const problems = writeProblems(collection, doc, previous, withToday(nowMs));
  if (problems.length > 0) throw new DocumentRejected(collection, typeof doc.id === 'string' ? doc.id : '', problems);
}

function withToday(nowMs: number): { todayDay?: number } {
  const todayDay = localToday(nowMs);
  return todayDay === undefined ? {} : { todayDay };
}

/** A readable error for the first failed row of an RxDB bulk write. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any document type
export function bulkWriteError(collection: CollectionName, errors: readonly RxStorageWriteError<any>[]): Error {
  const first = errors[0];
  if (first === undefined) return new Error(`${collection}: write failed`);
  if (first.status === 422) {
    return new DocumentRejected(collection, first.documentId, first.validationErrors);
  }
  if (first.status === 409) return new Error(`${collection} ${first.documentId}: changed by someone else meanwhile, try again`);
  return new Error(`${collection} ${first.documentId}: write failed (status ${first.status})`);
}
