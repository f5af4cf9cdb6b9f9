/**
 * Revenue per branch over a range of branch-local days (issue 14, item 5; docs/DESIGN.md §12):
 * takings = the sum of the prices of completed visits (the price a visit ended at, after any
 * correction), visits = their number, average ticket = takings / visits (cents, half up). Read
 * straight from the bookings (index `bookings_completed_day`), so a visit pushed late counts in its
 * own day at once.
 */
import type { RevenueFigures, RevenueResponse } from '../../shared/sync/protocol';
import { toNumber } from '../db/database';
import { loadBranches } from '../store/branches';
import type { Store } from '../store/store';

function figures(takings: number, visits: number): RevenueFigures {
  return { takings, visits, avg_ticket: visits === 0 ? 0 : Math.round(takings / visits) };
}

/** Every branch in scope (null = all) with its figures for [fromDay, toDay], and the sum over them. */
export async function revenueReport(store: Store, fromDay: number, toDay: number, scope: string | null): Promise<Omit<RevenueResponse, 'from' | 'to'>> {
  const rows = await store.db.query<{ branch_id: string; visits: unknown; takings: unknown }>(
    `SELECT branch_id, count(*) AS visits, COALESCE(sum(price), 0) AS takings FROM bookings
      WHERE status = 'completed' AND NOT deleted AND local_day BETWEEN $1 AND $2 AND ($3::text IS NULL OR branch_id = $3)
      GROUP BY branch_id`,
    [fromDay, toDay, scope],
  );
  const byBranch = new Map(rows.map((r) => [r.branch_id, { visits: toNumber(r.visits), takings: toNumber(r.takings) }]));
  const branches: Record<string, RevenueFigures> = {};
  let takings = 0;
  let visits = 0;
  for (const id of (await loadBranches(store.db)).keys()) {
    if (scope !== null && id !== scope) continue;
    const r = byBranch.get(id) ?? { visits: 0, takings: 0 };
    branches[id] = figures(r.takings, r.visits);
    takings += r.takings;
    visits += r.visits;
  }
  return { branches, all: figures(takings, visits) };
}
