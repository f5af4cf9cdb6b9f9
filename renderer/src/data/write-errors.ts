import type { RxStorageWriteError } from 'rxdb';
import type { CollectionName } from '../../../shared/domain/schemas';
import { validateDocument, type FieldProblem } from '../../../shared/domain/validate';

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

/** Throws `DocumentRejected` unless the document is valid for the collection. */
export function assertValid(collection: CollectionName, doc: { id?: unknown }): void {
  const problems = validateDocument(collection, doc);
  if (problems.length > 0) throw new DocumentRejected(collection, typeof doc.id === 'string' ? doc.id : '', problems);
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
