/**
 * The optional retention rule (off by default): anonymise customers with no visit for N years.
 *
 * It is a branch setting (`branch_settings.retention_enabled` / `retention_years`), but a
 * customer may belong to several branches, so a customer is anonymised only when EVERY branch
 * they have a pair with has the rule on — one branch that keeps its customers protects them —
 * and only after the LONGEST of those branches' periods has passed since the customer's latest
 * visit anywhere (or since they were created, when they never visited). A customer with a
 * future booking is never due.
 */
import type { BranchSettingsDoc, CustomerDoc } from '../domain/schemas';
import type { PairActivity } from '../engine/activity';
import { parseInstant } from '../time/instant';
import { formatDay, MS_PER_DAY } from '../time/calendar';
import { yearsSince } from '../insights/dates';
import { isErased } from './erase';

export interface RetentionInput {
  customer: Pick<CustomerDoc, 'created_at' | 'erased_at' | 'home_branch_id'>;
  /** Every pair of the customer (all branches). */
  pairs: readonly Pick<PairActivity, 'branch_id' | 'last_visit_date'>[];
  /** Stored settings by branch id (a branch without settings has the rule off). */
  settings: ReadonlyMap<string, Pick<BranchSettingsDoc, 'retention_enabled' | 'retention_years'>>;
  hasFutureBooking: boolean;
  /** Reference day (day number) for "N years ago". */
  today: number;
}

/** The date the retention clock runs from: the latest visit, else the creation date; null: unknown. */
function retentionReference(input: Pick<RetentionInput, 'customer' | 'pairs'>): string | null {
  let latest: string | null = null;
  for (const p of input.pairs) if (p.last_visit_date !== null && (latest === null || p.last_visit_date > latest)) latest = p.last_visit_date;
  if (latest !== null) return latest;
  const created = input.customer.created_at === '' ? null : parseInstant(input.customer.created_at);
  return created === null ? null : formatDay(Math.floor(created / MS_PER_DAY));
}

/** True when the customer should be anonymised by the retention rule today. */
export function retentionDue(input: RetentionInput): boolean {
  if (isErased(input.customer) || input.hasFutureBooking) return false;
  const branches = new Set(input.pairs.map((p) => p.branch_id));
  if (input.customer.home_branch_id !== '') branches.add(input.customer.home_branch_id);
  if (branches.size === 0) return false;
  let years = 0;
  for (const b of branches) {
    const s = input.settings.get(b);
    if (s === undefined || !s.retention_enabled) return false;
    years = Math.max(years, s.retention_years);
  }
  const reference = retentionReference(input);
  if (reference === null) return false;
  const elapsed = yearsSince(reference, input.today);
  return elapsed !== null && elapsed >= years;
}
