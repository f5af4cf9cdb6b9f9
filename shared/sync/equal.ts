/**
 * Structural equality of JSON values, ignoring object key order (PostgreSQL's jsonb and the
 * desk's storage may order keys differently). RxDB's bookkeeping fields are not document data.
 */
const INTERNAL_FIELDS = new Set(['_meta', '_rev', '_attachments']);

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const key of Object.keys(ao)) {
    if (ao[key] === undefined) continue;
    count += 1;
    if (!(key in bo) || !jsonEqual(ao[key], bo[key])) return false;
  }
  for (const key of Object.keys(bo)) if (bo[key] !== undefined) count -= 1;
  return count === 0;
}

/** Document equality as the replication sees it: data fields and `_deleted`, not RxDB's `_meta`/`_rev`. */
export function documentsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return jsonEqual(stripInternal(a), stripInternal(b));
}

/** A shallow copy without RxDB's local bookkeeping fields (`_meta`, `_rev`, `_attachments`). */
export function stripInternal<T extends Record<string, unknown>>(doc: T): T {
  if (!Object.keys(doc).some((key) => INTERNAL_FIELDS.has(key))) return doc;
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !INTERNAL_FIELDS.has(key))) as T;
}
