import type { BranchSettingsDoc } from '../../../../shared/domain/schemas';
import { effectiveBranchSettings } from '../../../../shared/insights/branch-settings';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { useRxDocs } from '../segments';

/**
 * The desk branch's insight and automation settings (synced `branch_settings`, defaults when the
 * branch never saved any); `stored` is the document itself (null: none); null while loading.
 */
export function useBranchSettings(): { settings: BranchSettingsDoc; stored: BranchSettingsDoc | null } | null {
  const desk = useDesk();
  const branchId = useCurrentBranch()?.id ?? '';
  const docs = useRxDocs(() => desk.db.branch_settings.find({ selector: { id: branchId } }), `branch-settings:${branchId}`);
  if (docs === null) return null;
  const stored = docs[0] ?? null;
  return { settings: effectiveBranchSettings(branchId, stored), stored };
}
