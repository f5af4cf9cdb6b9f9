import type { PairActivity } from '../../../../shared/engine/activity';

/** A customer's branches in reading order: this desk's branch first, then the most recently visited. */
export function orderPairs(pairs: readonly PairActivity[], deskBranchId: string): PairActivity[] {
  return [...pairs].sort((a, b) => {
    if ((a.branch_id === deskBranchId) !== (b.branch_id === deskBranchId)) return a.branch_id === deskBranchId ? -1 : 1;
    const x = a.last_visit_date ?? '';
    const y = b.last_visit_date ?? '';
    if (x !== y) return x > y ? -1 : 1;
    return a.branch_id < b.branch_id ? -1 : a.branch_id > b.branch_id ? 1 : 0;
  });
}

/** Totals over every branch (visits, spent, no-shows) and the latest visit anywhere. */
export function acrossBranches(pairs: readonly PairActivity[]): { visits: number; spent: number; noShows: number; lastVisit: string | null } {
  let visits = 0;
  let spent = 0;
  let noShows = 0;
  let lastVisit: string | null = null;
  for (const p of pairs) {
    visits += p.total_bookings;
    spent += p.total_spent;
    noShows += p.no_shows;
    if (p.last_visit_date !== null && (lastVisit === null || p.last_visit_date > lastVisit)) lastVisit = p.last_visit_date;
  }
  return { visits, spent, noShows, lastVisit };
}
