/**
 * Validation of a push body before anything touches the database: shape, the shared JSON
 * schema (validateDocument), and domain checks that need no stored state. Every problem names
 * the document and the field; one bad row rejects the whole batch.
 */
import { validateDocument } from '../../shared/domain/validate';
import { parseInstant } from '../../shared/time/instant';
import { stripInternal } from '../../shared/sync/equal';
import { MAX_PUSH_ROWS, type ErrorDetail, type PushCollection, type WireDoc } from '../../shared/sync/protocol';
import { ApiError, badRequest } from '../store/errors';

export interface ParsedRow<T = Record<string, unknown>> {
  id: string;
  assumed?: WireDoc<T>;
  next: WireDoc<T>;
}

/** Instants a document may carry for its main time: within this many years of the server's now. */
export const SANE_YEARS = 5;
const YEAR_MS = 365.25 * 86_400_000;
/** A whole document serialised may not exceed this (criteria objects, notes…). */
export const MAX_DOCUMENT_BYTES = 64 * 1024;
const MAX_PROBLEMS = 50;

const TIME_FIELD: Partial<Record<PushCollection, string>> = { bookings: 'start_at', communications: 'at' };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Dotted path of the first string holding a NUL character (PostgreSQL text cannot store it). */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const p = nulPath(value[i], `${path}.${i}`);
      if (p !== null) return p;
    }
    return null;
  }
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return path === '' ? k : `${path}.${k}`;
      const p = nulPath(v, path === '' ? k : `${path}.${k}`);
      if (p !== null) return p;
    }
  }
  return null;
}

function docProblems(collection: PushCollection, doc: Record<string, unknown>, nowMs: number): { field: string; message: string }[] {
  const { _deleted, ...data } = doc;
  const problems: { field: string; message: string }[] = [];
  if (typeof _deleted !== 'boolean') problems.push({ field: '_deleted', message: 'must be true or false' });
  const nul = nulPath(data, '');
  if (nul !== null) return [...problems, { field: nul, message: 'must not contain a NUL character' }];
  problems.push(...validateDocument(collection, data));
  if (problems.length > 0) return problems;
  if (JSON.stringify(data).length > MAX_DOCUMENT_BYTES) {
    problems.push({ field: '', message: `the document is larger than ${MAX_DOCUMENT_BYTES / 1024} KB` });
  }
  const timeField = TIME_FIELD[collection];
  if (timeField !== undefined) {
    const ms = parseInstant(String(data[timeField]));
    if (ms !== null && Math.abs(ms - nowMs) > SANE_YEARS * YEAR_MS) {
      problems.push({ field: timeField, message: `must be within ${SANE_YEARS} years of today` });
    }
  }
  return problems;
}

/** Parses and validates a push body; throws ApiError (400, 413) naming every problem. */
export function parsePushBody(collection: PushCollection, body: unknown, nowMs: number): ParsedRow[] {
  if (!Array.isArray(body)) throw badRequest('the push body must be a JSON array of {assumedMasterState, newDocumentState} rows');
  if (body.length > MAX_PUSH_ROWS) {
    throw new ApiError(413, `a push batch may hold at most ${MAX_PUSH_ROWS} rows (got ${body.length})`);
  }
  const details: ErrorDetail[] = [];
  const add = (d: ErrorDetail) => {
    if (details.length < MAX_PROBLEMS) details.push(d);
  };
  const rows: ParsedRow[] = [];
  const seen = new Set<string>();
  body.forEach((raw, index) => {
    if (!isObject(raw) || !isObject(raw.newDocumentState)) {
      add({ collection, field: 'newDocumentState', message: `row ${index} has no newDocumentState object` });
      return;
    }
    const next = stripInternal(raw.newDocumentState);
    const id = typeof next.id === 'string' ? next.id : `row ${index}`;
    for (const p of docProblems(collection, next, nowMs)) add({ document: id, collection, field: p.field, message: p.message });
    let assumed: Record<string, unknown> | undefined;
    if (raw.assumedMasterState !== undefined && raw.assumedMasterState !== null) {
      if (!isObject(raw.assumedMasterState) || raw.assumedMasterState.id !== next.id || typeof raw.assumedMasterState._deleted !== 'boolean') {
        add({ document: id, collection, field: 'assumedMasterState', message: 'must be the master state of the same document (with _deleted)' });
      } else {
        assumed = stripInternal(raw.assumedMasterState);
      }
    }
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
