/** A customer's preferred branch: most visits there, then the most recent visit, then branch id. */
import type { PairActivity } from '../engine/activity';
import { compareCodePoints } from '../util/compare';

type Figures = Pick<PairActivity, 'branch_id' | 'total_bookings' | 'last_visit_date'>;

/** True when `a` is preferred over `b`. */
export function prefers(a: Figures, b: Figures): boolean {
  if (a.total_bookings !== b.total_bookings) return a.total_bookings > b.total_bookings;
  const la = a.last_visit_date ?? '';
  const lb = b.last_visit_date ?? '';
  if (la !== lb) return la > lb;
  return compareCodePoints(a.branch_id, b.branch_id) < 0;
}

/** The preferred branch among a customer's pairs ('' when none has a visit). */
export function preferredBranch(pairs: Iterable<Figures>): string {
  let best: Figures | undefined;
  for (const p of pairs) if (p.total_bookings > 0 && (best === undefined || prefers(p, best))) best = p;
  return best?.branch_id ?? '';
}
