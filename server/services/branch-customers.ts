/**
 * HQ's drill-down from a branch to its customers of one status (issue 14, item 3; docs/DESIGN.md
 * §12): the pairs of the branch's projection as of its today (at risk, churned …), most valuable
 * first, with what a person calls them back with. Erased customers are left out (they count in
 * the figures, but there is nobody to call).
 */
import type { CustomerStatus } from '../../shared/domain/types';
import type { BranchCustomersResponse } from '../../shared/sync/protocol';
import { toNumber } from '../db/database';
import type { Store } from '../store/store';

/** At most this many rows in one answer (the rest are counted). */
export const MAX_BRANCH_CUSTOMERS = 500;

export async function branchCustomers(store: Store, branchId: string, status: CustomerStatus): Promise<BranchCustomersResponse> {
  const rows = await store.db.query<{
    customer_id: string;
    name: string | null;
    phone: string | null;
    email: string | null;
    days_since_last_visit: number | null;
    last_visit_date: string | null;
    total_bookings: unknown;
    total_spent: unknown;
    spending_tier: string;
    total: unknown;
  }>(
    `SELECT a.customer_id, c.data->>'name' AS name, c.data->>'phone' AS phone, c.data->>'email' AS email,
            a.days_since_last_visit, a.last_visit_date, a.total_bookings, a.total_spent, a.spending_tier,
            count(*) OVER () AS total
       FROM customer_branch_activity a JOIN customers c ON c.id = a.customer_id
      WHERE a.branch_id = $1 AND a.status = $2 AND NOT c.deleted AND COALESCE(c.data->>'erased_at', '') = ''
      ORDER BY a.total_spent DESC, a.customer_id
      LIMIT $3`,
    [branchId, status, MAX_BRANCH_CUSTOMERS],
  );
  return {
    branch_id: branchId,
    status,
    total: rows.length === 0 ? 0 : toNumber(rows[0]?.total),
    customers: rows.map((r) => ({
      customer_id: r.customer_id,
      name: r.name ?? '',
      phone: r.phone ?? '',
      email: r.email ?? '',
      days_since_last_visit: r.days_since_last_visit,
      last_visit_date: r.last_visit_date,
      total_bookings: toNumber(r.total_bookings),
      total_spent: toNumber(r.total_spent),
      spending_tier: r.spending_tier,
    })),
  };
}
