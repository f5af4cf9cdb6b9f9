import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activity } from './test-fixtures';
import { highValueThresholds, isHighValue, isVip } from './value';
import type { PairActivity } from '../engine/activity';

/** The threshold of the one branch these pairs are at. */
function highValueThreshold(pairs: PairActivity[], pct: number): number | null {
  const thresholds = highValueThresholds(pairs, pct);
  expect(thresholds.size).toBe(1);
  return [...thresholds.values()][0] ?? null;
}
import { preferredBranch } from './preferred-branch';

describe('high value and VIP (per branch)', () => {
  it('is the top 20% by lifetime spend at the branch, ties with the last one in included', () => {
    const spends = [100, 900, 500, 300, 700, 200, 800, 600, 400, 1000];
    const pairs = spends.map((s, i) => activity({ customer_id: `c${i}`, total_spent: s }));
    expect(highValueThreshold(pairs, 20)).toBe(900);
    expect(pairs.filter((p) => isHighValue(p, 900)).map((p) => p.total_spent).sort()).toEqual([1000, 900]);
    expect(highValueThreshold([...pairs, activity({ total_spent: 900 })], 20)).toBe(900);
    expect(highValueThreshold([activity({ total_bookings: 0, total_spent: 0 })], 20)).toBeNull();
  });

  it('never marks more than the share plus ties, and always marks someone when anyone visited', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 200 }), (spends) => {
        const pairs = spends.map((s) => activity({ total_spent: s }));
        const t = highValueThreshold(pairs, 20) as number;
        const high = pairs.filter((p) => isHighValue(p, t));
        const strictlyAbove = pairs.filter((p) => p.total_spent > t).length;
        expect(high.length).toBeGreaterThanOrEqual(Math.ceil(pairs.length * 0.2));
        expect(strictlyAbove).toBeLessThan(Math.ceil(pairs.length * 0.2));
      }),
    );
  });

  it('computes one threshold per branch; VIP = high value and frequent', () => {
    const map = highValueThresholds([activity({ branch_id: 'a', total_spent: 10 }), activity({ branch_id: 'b', total_spent: 99 })], 20);
    expect(map).toEqual(new Map([['a', 10], ['b', 99]]));
    expect(isVip(activity({ total_spent: 99, frequency_tier: 'frequent' }), 99)).toBe(true);
    expect(isVip(activity({ total_spent: 99, frequency_tier: 'regular' }), 99)).toBe(false);
    expect(isVip(activity({ total_spent: 98, frequency_tier: 'frequent' }), 99)).toBe(false);
    expect(isHighValue(null, 1)).toBe(false);
  });
});

describe('preferred branch', () => {
  it('is the branch with most visits, then the most recent visit, then the smaller id', () => {
    expect(preferredBranch([activity({ branch_id: 'a', total_bookings: 3 }), activity({ branch_id: 'b', total_bookings: 5 })])).toBe('b');
    expect(
      preferredBranch([
        activity({ branch_id: 'a', total_bookings: 5, last_visit_date: '2026-01-01' }),
        activity({ branch_id: 'b', total_bookings: 5, last_visit_date: '2026-02-01' }),
      ]),
    ).toBe('b');
    expect(preferredBranch([activity({ branch_id: 'b', total_bookings: 5 }), activity({ branch_id: 'a', total_bookings: 5 })])).toBe('a');
    expect(preferredBranch([activity({ total_bookings: 0, last_visit_date: null })])).toBe('');
  });
});
