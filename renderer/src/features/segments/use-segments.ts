import type { SegmentDoc } from '../../../../shared/domain/schemas';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { useRxDocs } from './use-rx';

/** The branch's saved segments, by name (null while loading). */
export function useSegments(): SegmentDoc[] | null {
  const desk = useDesk();
  const branchId = useCurrentBranch()?.id ?? '';
  const docs = useRxDocs(() => desk.db.segments.find({ selector: { branch_id: branchId } }), `segments:${branchId}`);
  return docs === null ? null : [...docs].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1));
}
