import type { SegmentCriteria, SegmentDoc } from '../../../../shared/domain/schemas';
import type { Replica } from '../../data/replica';
import { assertValid } from '../../data/write-errors';

/** A saved segment document (new, or `existing` renamed / re-filtered), validated. */
export function segmentDoc(input: { name: string; criteria: SegmentCriteria; branchId: string; nowMs: number; existing?: SegmentDoc }): SegmentDoc {
  const at = new Date(input.nowMs).toISOString();
  const doc: SegmentDoc = {
    id: input.existing?.id ?? `sg-${crypto.randomUUID()}`,
    branch_id: input.existing?.branch_id ?? input.branchId,
    name: input.name.trim().replace(/\s+/g, ' '),
    criteria: input.criteria,
    created_at: input.existing?.created_at ?? at,
    updated_at: at,
  };
  assertValid('segments', doc);
  return doc;
}

/** Stores a segment in the replica (it syncs to the server and the branch's other desks). */
export async function saveSegment(db: Replica, doc: SegmentDoc): Promise<SegmentDoc> {
  assertValid('segments', doc);
  await db.segments.upsert(doc);
  return doc;
}

/** Deletes a saved segment (a soft delete that syncs). Campaigns keep their copy of its criteria. */
export async function deleteSegment(db: Replica, id: string): Promise<void> {
  const doc = await db.segments.findOne(id).exec();
  if (doc !== null) await doc.remove();
}

/** Problems of a segment name, or '' when it can be saved. */
export function segmentNameProblem(name: string, others: readonly SegmentDoc[], exceptId?: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (n === '') return 'Give the segment a name';
  if (n.length > 200) return 'A name is at most 200 characters';
  const taken = others.find((s) => s.id !== exceptId && s.name.toLowerCase() === n.toLowerCase());
  return taken === undefined ? '' : `There is already a segment called “${taken.name}”`;
}
