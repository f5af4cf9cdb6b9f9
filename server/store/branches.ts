import type { BranchDoc } from '../../shared/domain/schemas';
import { branchThresholds, type RuleSettings } from '../../shared/domain/settings';
import type { Queryable } from '../db/database';
import type { OrgSettings } from './org';

/** A branch as the server's rules need it. */
export interface BranchInfo {
  id: string;
  timezone: string;
  doc: BranchDoc;
  rules: RuleSettings;
}

export function rulesFor(doc: BranchDoc, org: Pick<OrgSettings, 'rules'>): RuleSettings {
  return { thresholds: branchThresholds(doc, org.rules.thresholds), tiers: org.rules.tiers };
}

/** Every (non-deleted) branch by id, in id order. */
export async function loadBranches(q: Queryable, org: Pick<OrgSettings, 'rules'>): Promise<Map<string, BranchInfo>> {
  const rows = await q.query<{ id: string; data: BranchDoc }>('SELECT id, data FROM branches WHERE NOT deleted ORDER BY id');
  const out = new Map<string, BranchInfo>();
  for (const r of rows) out.set(r.id, { id: r.id, timezone: r.data.timezone, doc: r.data, rules: rulesFor(r.data, org) });
  return out;
}

export function timezonesOf(branches: ReadonlyMap<string, BranchInfo>): Map<string, string> {
  return new Map([...branches.values()].map((b) => [b.id, b.timezone]));
}
