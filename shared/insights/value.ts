/**
 * High value and VIP, decided PER BRANCH: high value = the top `high_value_pct` percent (20 by
 * default) of the branch's customers with at least one visit, by lifetime spend at that branch;
 * customers tied with the last one in are in too. VIP = high value AND frequent (frequency tier).
 *
 * Why per branch: a desk holds only its own branch's bookings, so a per-branch rule is exactly
 * computable offline, and the branch desk and HQ (which holds the same pairs) agree.
 */
import type { PairActivity } from '../engine/activity';

/** The lowest spend (cents) that is high value among these pairs, or null when none has a visit. */
function highValueThreshold(pairs: Iterable<Pick<PairActivity, 'total_bookings' | 'total_spent'>>, pct: number): number | null {
  const spends: number[] = [];
  for (const p of pairs) if (p.total_bookings > 0) spends.push(p.total_spent);
  if (spends.length === 0) return null;
  spends.sort((a, b) => b - a);
  const k = Math.max(1, Math.ceil((spends.length * pct) / 100));
  return spends[k - 1] as number;
}

/** Thresholds of every branch, from all pairs (any order). */
export function highValueThresholds(pairs: Iterable<PairActivity>, pct: number): Map<string, number | null> {
  const byBranch = new Map<string, PairActivity[]>();
  for (const p of pairs) {
    let list = byBranch.get(p.branch_id);
    if (list === undefined) byBranch.set(p.branch_id, (list = []));
    list.push(p);
  }
  return new Map([...byBranch].map(([branch, list]) => [branch, highValueThreshold(list, pct)]));
}

export function isHighValue(a: Pick<PairActivity, 'total_bookings' | 'total_spent'> | null, threshold: number | null | undefined): boolean {
  return a !== null && threshold !== null && threshold !== undefined && a.total_bookings > 0 && a.total_spent >= threshold;
}

export function isVip(a: Pick<PairActivity, 'total_bookings' | 'total_spent' | 'frequency_tier'> | null, threshold: number | null | undefined): boolean {
  return isHighValue(a, threshold) && a?.frequency_tier === 'frequent';
}
