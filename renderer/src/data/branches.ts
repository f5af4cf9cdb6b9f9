import type { BranchDoc } from '../../../shared/domain/schemas';
import type { Replica } from './replica';
import { assertValid } from './write-errors';

/** Stores a branch (validated: known time zone, at_risk_days ≥ active_days, sizes). */
export async function saveBranch(db: Replica, branch: BranchDoc, nowMs: number): Promise<BranchDoc> {
  const doc: BranchDoc = { ...branch, name: branch.name.trim(), updated_at: new Date(nowMs).toISOString() };
  assertValid('branches', doc);
  await db.branches.upsert(doc);
  return doc;
}

/** A readable id for a new branch from its name (`Makati Central` → `br-makati-central-3f2a`). */
export function newBranchId(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  const suffix = crypto.randomUUID().slice(0, 4);
  return `br-${slug === '' ? 'branch' : slug}-${suffix}`;
}
