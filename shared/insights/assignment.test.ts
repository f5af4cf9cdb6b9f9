import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { assignGroup, HOLDOUT_KEY } from './assignment';

/**
 * The customer's bucket as the module documents it, so every desk and HQ can compute it: the
 * first 32 bits of SHA-256(campaign id, NUL, customer id) scaled to 0…9999.
 */
const bucketOf = (campaignId: string, customerId: string): number =>
  Math.floor((createHash('sha256').update(`${campaignId}\u0000${customerId}`, 'utf8').digest().readUInt32BE(0) / 2 ** 32) * 10_000);

const ids = (n: number, prefix = 'cu-') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('variant and holdout assignment', () => {
  it('is stable: the same campaign and customer always land in the same group', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 50 }), (campaign, cust, pct) => {
        const keys = ['A', 'B', 'C'];
        expect(assignGroup(campaign, cust, keys, pct)).toBe(assignGroup(campaign, cust, [...keys], pct));
      }),
    );
  });

  it('puts every customer in exactly one group; holdout only when there is one', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 5 }), (campaign, cust, pct, n) => {
        const keys = ['A', 'B', 'C', 'D', 'E'].slice(0, n);
        const group = assignGroup(campaign, cust, keys, pct);
        expect([...keys, HOLDOUT_KEY]).toContain(group);
        if (pct === 0) expect(group).not.toBe(HOLDOUT_KEY);
        const b = bucketOf(campaign, cust);
                expect(group === HOLDOUT_KEY).toBe(b < pct * 100);
      }),
    );
  });

  it('splits uniformly: holdout near its share and variants near equal (10,000 customers)', () => {
    const counts: Record<string, number> = {};
    for (const id of ids(10_000)) {
      const g = assignGroup('cp-summer', id, ['A', 'B'], 10);
      counts[g] = (counts[g] ?? 0) + 1;
    }
    // Binomial standard deviations: holdout ~30, each variant ~47; allow about 4.
    expect(Math.abs((counts[HOLDOUT_KEY] ?? 0) - 1000)).toBeLessThan(130);
    expect(Math.abs((counts.A ?? 0) - 4500)).toBeLessThan(200);
    expect(Math.abs((counts.B ?? 0) - 4500)).toBeLessThan(200);
  });

  it('shuffles independently per campaign (random, not the same people held out every time)', () => {
    const a = ids(2000).filter((id) => assignGroup('cp-1', id, ['A'], 20) === HOLDOUT_KEY);
    const b = new Set(ids(2000).filter((id) => assignGroup('cp-2', id, ['A'], 20) === HOLDOUT_KEY));
    const both = a.filter((id) => b.has(id)).length;
    // Independent 20% draws overlap on about 4% of people (80), never the whole holdout (400).
    expect(both).toBeGreaterThan(40);
    expect(both).toBeLessThan(130);
  });

  it('keeps the holdout nested as it grows: raising the share only moves people into it', () => {
    for (const id of ids(500)) {
      if (assignGroup('cp-x', id, ['A', 'B'], 10) === HOLDOUT_KEY) expect(assignGroup('cp-x', id, ['A', 'B'], 20)).toBe(HOLDOUT_KEY);
    }
  });

  it('refuses a campaign without variants', () => {
    expect(() => assignGroup('cp', 'cu', [], 10)).toThrow(/at least one variant/);
  });
});
