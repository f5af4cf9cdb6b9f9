import type { BranchDoc } from '../../shared/domain/schemas';
import { branchThresholds, type RuleSettings } from '../../shared/domain/settings';
import { toNumber, type Queryable } from '../db/database';
import { zoneClock } from '../../shared/time/zone';
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

/**
 * Every (non-deleted) branch by id, in id order, with the business's rules as stored now (read in
 * the same query, so a tier change made through another server process applies at once).
 */
export async function loadBranches(q: Queryable): Promise<Map<string, BranchInfo>> {
  const rows = await q.query<{ id: string; data: BranchDoc; org_rules: RuleSettings }>(
    'SELECT id, data, (SELECT rules FROM org_settings WHERE id = 1) AS org_rules FROM branches WHERE NOT deleted ORDER BY id',
  );
  const out = new Map<string, BranchInfo>();
  for (const r of rows) out.set(r.id, { id: r.id, timezone: r.data.timezone, doc: r.data, rules: rulesFor(r.data, { rules: r.org_rules }) });
  return out;
}

export function timezonesOf(branches: ReadonlyMap<string, BranchInfo>): Map<string, string> {
  return new Map([...branches.values()].map((b) => [b.id, b.timezone]));
}

/** Recomputes the local day of a branch's stored bookings after its time zone changed. */
export async function relocateBookings(tx: Queryable, branchId: string, timezone: string): Promise<void> {
  const rows = await tx.query<{ id: string; start_ms: unknown }>('SELECT id, start_ms FROM bookings WHERE branch_id = $1', [branchId]);
  const clock = zoneClock(timezone);
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000).map((r) => ({ id: r.id, local_day: clock.localDay(toNumber(r.start_ms)) }));
    await tx.query(
      'UPDATE bookings b SET local_day = r.local_day FROM jsonb_to_recordset($1::jsonb) AS r(id text, local_day integer) WHERE b.id = r.id',
      [JSON.stringify(chunk)],
    );
  }
}

/** The branch a person names: its name compared without case and surrounding spaces. */
export function branchByName(branches: ReadonlyMap<string, BranchInfo>, name: string): BranchInfo | { error: string } {
  const wanted = name.trim().toLowerCase();
  const found = [...branches.values()].filter((b) => b.doc.name.trim().toLowerCase() === wanted);
  if (found.length === 1) return found[0] as BranchInfo;
  const names = [...branches.values()].map((b) => `"${b.doc.name}"`).join(', ');
  if (found.length > 1) return { error: `${found.length} branches are named "${name}"; rename one first` };
  return { error: branches.size === 0 ? `no branch is named "${name}" (there are no branches yet)` : `no branch is named "${name}" (branches: ${names})` };
}
