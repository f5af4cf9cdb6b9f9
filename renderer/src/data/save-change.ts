import type { RxCollection } from 'rxdb';
import type { CollectionName } from '../../../shared/domain/schemas';
import { applyEdit, type AppliedEdit } from '../../../shared/sync/apply-edit';
import type { Replica } from './replica';
import { assertValid } from './write-errors';

/** The document a form edits is gone from the replica (deleted on another desk meanwhile). */
class DocumentGone extends Error {
  constructor(
    readonly collection: CollectionName,
    readonly documentId: string,
  ) {
    super(`This ${collection === 'customers' ? 'customer' : 'record'} was removed on another desk while you were editing: nothing was saved`);
    this.name = 'DocumentGone';
  }
}

type Editable = Exclude<CollectionName, 'branches'>;

/**
 * Saves what a form changed as a three-way change (`applyEdit`, shared/sync/apply-edit.ts): `base`
 * is the document as the form opened it, `mine` the form's result; only the fields the person
 * changed are written, over the document as it is now, read and written in one RxDB incremental
 * write (a pull landing meanwhile is not overwritten). Nothing changed: nothing is written.
 * `missing: 'insert'` stores `mine` when there is no document yet (e.g. settings saved the first
 * time); otherwise a vanished document throws `DocumentGone`.
 */
export async function saveChange<T extends { id: string }>(
  db: Replica,
  collection: Editable,
  base: T,
  mine: T,
  options: { missing?: 'insert' | 'refuse' } = {},
): Promise<AppliedEdit<T>> {
  assertValid(collection, mine, base);
  const col = db[collection] as unknown as RxCollection<T>;
  const found = await col.findOne(base.id).exec();
  if (found === null) {
    if (options.missing !== 'insert') throw new DocumentGone(collection, base.id);
    await col.insert(mine);
    return applyEdit(collection, { base, mine, current: base });
  }
  // which fields the person changed depends on base and mine only
  const preview = applyEdit(collection, { base, mine, current: found.toJSON() as unknown as T });
  if (preview.changed.length === 0) return preview;
  let result: AppliedEdit<T> | undefined;
  await found.incrementalModify((current) => {
    const applied = applyEdit(collection, { base, mine, current: current as unknown as T });
    result = applied;
    assertValid(collection, applied.doc, current);
    return { ...(applied.doc as unknown as typeof current), _deleted: current._deleted };
  });
  if (result === undefined) throw new Error(`${collection} ${base.id}: not saved`);
  return result;
}
