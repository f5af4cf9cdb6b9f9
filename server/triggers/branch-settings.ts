import type { BranchSettingsDoc } from '../../shared/domain/schemas';
import type { Queryable } from '../db/database';

/** Stored (not deleted) settings of the given branches, or of every branch. */
export async function loadBranchSettings(q: Queryable, branchIds?: readonly string[]): Promise<Map<string, BranchSettingsDoc>> {
  const rows =
    branchIds === undefined
      ? await q.query<{ branch_id: string; data: BranchSettingsDoc }>('SELECT branch_id, data FROM branch_settings WHERE NOT deleted')
      : await q.query<{ branch_id: string; data: BranchSettingsDoc }>('SELECT branch_id, data FROM branch_settings WHERE NOT deleted AND branch_id = ANY($1::text[])', [branchIds]);
  return new Map(rows.map((r) => [r.branch_id, r.data]));
}
