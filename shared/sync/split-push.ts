/**
 * Splits a push batch so that each request body stays within the server's MAX_PUSH_BYTES (and
 * MAX_PUSH_ROWS): a batch of large documents goes out as several requests instead of one the
 * server must refuse (413) — which the desk would otherwise retry for ever.
 */
import { MAX_PUSH_BYTES, MAX_PUSH_ROWS } from './protocol';

/** Bytes of a string in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** The rows in order, grouped so that each group's JSON array is at most `maxBytes` long. */
export function splitPushBatch<T>(rows: readonly T[], maxBytes: number = MAX_PUSH_BYTES, maxRows: number = MAX_PUSH_ROWS): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 2; // "[" and "]"
  for (const row of rows) {
    const bytes = utf8Length(JSON.stringify(row)) + 1; // and its comma
    if (current.length > 0 && (size + bytes > maxBytes || current.length >= maxRows)) {
      groups.push(current);
      current = [];
      size = 2;
    }
    current.push(row);
    size += bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
