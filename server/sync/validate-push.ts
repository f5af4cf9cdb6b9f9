/**
 * Validation of a push body before anything touches the database (its shape is checked at the
 * HTTP edge, `PushBody` in server/http/routes/sync.ts): the shared write
 * rules (`writeProblems` of shared/domain/validate: schema, strings, size, dates, contact
 * fields) — the same rules a desk applies when it writes. Every problem names the document and
 * the field; one bad row rejects the whole batch. Scope and stored-state checks are push.ts's.
 */
import { GENERATED_CHECKS } from '../../shared/domain/generated-checks';
import type { CollectionDoc } from '../../shared/domain/schemas';
import { writeProblems, type FieldProblem } from '../../shared/domain/validate';
import { MS_PER_DAY } from '../../shared/time/calendar';
import { stripInternal } from '../../shared/sync/equal';
import { type ErrorDetail, type PushCollection, type WireDoc } from '../../shared/sync/protocol';
import { badRequest } from '../store/errors';

export interface ParsedRow<T = Record<string, unknown>> {
  id: string;
  assumed?: WireDoc<T>;
  next: WireDoc<T>;
}

const MAX_PROBLEMS = 50;

/** The collection's compiled schema check, as a type guard. */
function fits<C extends PushCollection>(collection: C, data: Record<string, unknown>): data is Record<string, unknown> & CollectionDoc<C> {
  return GENERATED_CHECKS[collection](data);
}

/**
 * A pushed, stored or merged document as its collection's type (what the per-collection steps of
 * a push read), checked against the collection's schema with the compiled checks rather than cast.
 * Every such document has passed the write rules already, so a failure is a server bug: it says
 * which document.
 */
export function documentOf<C extends PushCollection>(collection: C, doc: WireDoc<Record<string, unknown>>): WireDoc<CollectionDoc<C>> {
  const { _deleted, ...data } = doc;
  if (!fits(collection, data)) throw new Error(`${collection} ${String(doc.id)}: the document does not fit the ${collection} schema`);
  return { ...data, _deleted };
}

/** The shared write rules (`writeProblems`: schema, strings, size, dates, contact fields) for one pushed document. */
function docProblems(collection: PushCollection, doc: Record<string, unknown>, assumed: Record<string, unknown> | undefined, nowMs: number): FieldProblem[] {
  const { _deleted, ...data } = doc;
  const problems: FieldProblem[] = [];
  if (typeof _deleted !== 'boolean') problems.push({ field: '_deleted', message: 'must be true or false' });
  // The latest local date anywhere on earth (UTC+14) is at most one day past UTC's: a birthday up to
  // that day is not in the future for some branch, and anything later is.
  const todayDay = Math.floor(nowMs / MS_PER_DAY) + 1;
  return [...problems, ...writeProblems(collection, data, assumed, { nowMs, todayDay })];
}

/** A push row as the HTTP edge has checked it (server/http/routes/sync.ts `PushBody`): objects, at most MAX_PUSH_ROWS. */
export interface PushBodyRow {
  newDocumentState: object;
  assumedMasterState?: object | null;
}

/** Validates a push body's documents with the write rules of their collection; throws ApiError (400) naming every problem. */
export function parsePushBody(collection: PushCollection, body: readonly PushBodyRow[], nowMs: number): ParsedRow[] {
  const details: ErrorDetail[] = [];
  const add = (d: ErrorDetail) => {
    if (details.length < MAX_PROBLEMS) details.push(d);
  };
  const rows: ParsedRow[] = [];
  const seen = new Set<string>();
  body.forEach((raw, index) => {
    const next = stripInternal(raw.newDocumentState as Record<string, unknown>);
    const id = typeof next.id === 'string' ? next.id : `row ${index}`;
    let assumed: Record<string, unknown> | undefined;
    const master = raw.assumedMasterState as Record<string, unknown> | null | undefined;
    if (master !== undefined && master !== null) {
      if (master.id !== next.id || typeof master._deleted !== 'boolean') {
        add({ document: id, collection, field: 'assumedMasterState', message: 'must be the master state of the same document (with _deleted)' });
      } else {
        assumed = stripInternal(master);
      }
    }
    for (const p of docProblems(collection, next, assumed, nowMs)) add({ document: id, collection, field: p.field, message: p.message });
    if (seen.has(id)) add({ document: id, collection, field: 'id', message: 'appears more than once in the batch' });
    seen.add(id);
    rows.push({ id, next: next as WireDoc<Record<string, unknown>>, ...(assumed ? { assumed: assumed as WireDoc<Record<string, unknown>> } : {}) });
  });
  if (details.length > 0) {
    const first = details[0] as ErrorDetail;
    const where = first.document ? `${collection} ${first.document}${first.field ? ` field ${first.field}` : ''}: ` : '';
    throw badRequest(`invalid push: ${where}${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`, details);
  }
  return rows;
}
