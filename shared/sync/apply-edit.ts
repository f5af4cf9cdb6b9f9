/**
 * A form's save as a three-way change, like sync (docs/DESIGN.md §4), so a form that stayed open
 * while another desk changed the document never writes that change back over:
 * - `base`: the document as the form opened it;
 * - `mine`: what the form would store (base with the person's edits);
 * - `current`: the document now (it may have changed through sync meanwhile).
 *
 * Only the fields the person changed (mine ≠ base) are applied, over `current`; every other field
 * keeps its current value. Where the person changed a field that also changed meanwhile, the
 * field decides, with the same rules as the conflict merge of `merge.ts`:
 * - `tags` merge as a set (the person's additions and removals over the current tags);
 * - marketing consent keeps the most restrictive value (an opt-out is never lost);
 * - a booking's status only moves forward;
 * - identity and scope fields keep their value; an erased customer stays erased;
 * - any other field takes the person's value (they typed it, and they are told what it replaced).
 * The result lists the fields written and every overlap, so the form can tell the person.
 */
import { jsonEqual, stripInternal } from './equal';
import { mergeDocument } from './merge';
import type { SyncCollection, WireDoc } from './protocol';

type Fields = Record<string, unknown>;

/** Bookkeeping that every save stamps: never reported as a change or an overlap. */
const STAMPS = new Set(['updated_at', '_deleted']);

export interface EditOverlap {
  field: string;
  /** The value the other change left in the document. */
  theirs: unknown;
  /** The value the person entered. */
  mine: unknown;
  /** What was saved. */
  saved: unknown;
}

export interface AppliedEdit<T> {
  /** The document to store (no `_deleted`, no RxDB bookkeeping). */
  doc: T;
  /** Fields the person changed (stamps excluded), in document order. */
  changed: string[];
  /** Fields the person changed that had also changed since the form opened, to a different value. */
  overlaps: EditOverlap[];
}

export interface EditInput<T> {
  base: T;
  mine: T;
  current: T;
}

function plain(doc: unknown): Fields {
  const out = { ...stripInternal(doc as Fields) };
  delete out._deleted;
  return out;
}

export function applyEdit<T>(collection: SyncCollection, input: EditInput<T>): AppliedEdit<T> {
  const base = plain(input.base);
  const mine = plain(input.mine);
  const current = plain(input.current);
  // The merge applies its `newDocumentState`'s changes over its `realMasterState` and lets the real
  // state win plain conflicts; here the person's save wins them, so their roles are swapped.
  const merged = plain(
    mergeDocument(collection, {
      assumedMasterState: { ...base, _deleted: false } as WireDoc<T>,
      realMasterState: { ...mine, _deleted: false } as WireDoc<T>,
      newDocumentState: { ...current, _deleted: false } as WireDoc<T>,
    }),
  );
  const changed: string[] = [];
  const overlaps: EditOverlap[] = [];
  for (const field of Object.keys(mine)) {
    if (STAMPS.has(field) || jsonEqual(mine[field], base[field])) continue;
    changed.push(field);
    if (!jsonEqual(current[field], base[field]) && !jsonEqual(current[field], mine[field])) {
      overlaps.push({ field, theirs: current[field], mine: mine[field], saved: merged[field] });
    }
  }
  return { doc: merged as T, changed, overlaps };
}
