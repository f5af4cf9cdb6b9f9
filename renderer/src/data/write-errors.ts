import type { RxStorageWriteError } from 'rxdb';
import type { CollectionName } from '../../../shared/domain/schemas';
import { writeProblems, type FieldProblem, type WriteContext } from '../../../shared/domain/validate';
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
 * applies to a push (`writeProblems`: schema, broken strings, size, the main time of a booking or
 * message within 5 years of now, contact fields and birthday that changed against `previous` —
 * the stored version when it is an edit, so an old booking can still be completed). The desk
 * refuses such a document when it is written, naming the field, instead of the server later.
 */
export function assertValid(collection: CollectionName, doc: { id?: unknown }, previous?: unknown, nowMs: number = Date.now()): void {
  const problems = writeProblems(collection, doc, previous, writeContext(nowMs));
  if (problems.length > 0) throw new DocumentRejected(collection, typeof doc.id === 'string' ? doc.id : '', problems);
}

/** What the shared write rules are checked against on this desk: its clock and its local today. */
export function writeContext(nowMs: number): WriteContext {
  const todayDay = localToday(nowMs);
  return todayDay === undefined ? { nowMs } : { nowMs, todayDay };
}

/** The problems of a refused write for a form's fields (`fields` maps a document field to a form field). */
export function formProblems<F extends string>(error: unknown, fields: Readonly<Partial<Record<string, F>>>): Partial<Record<F, string>> | null {
  if (!(error instanceof DocumentRejected)) return null;
  const out: Partial<Record<F, string>> = {};
  for (const p of error.problems) {
    const field = fields[p.field];
    if (field !== undefined && out[field] === undefined) out[field] = p.message.charAt(0).toUpperCase() + p.message.slice(1);
  }
  return Object.keys(out).length > 0 ? out : null;
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
