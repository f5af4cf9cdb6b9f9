import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const fixed = (r: number) => ({ baseMs: 1000, maxMs: 30_000, random: () => r });

describe('backoffDelay', () => {
  it('doubles from the base and stays between half and all of the ceiling', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, fixed(0)))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, fixed(0.999999)))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('is capped at the maximum, even for huge attempt numbers', () => {
    expect(backoffDelay(10, fixed(0.5))).toBe(22_500);
    expect(backoffDelay(10_000, fixed(0.999999))).toBe(30_000);
    expect(backoffDelay(-3, fixed(0))).toBe(500);
  });

  it('never goes below half the ceiling nor above the cap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, fixed(r));
        const ceiling = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 30));
        expect(d).toBeGreaterThanOrEqual(ceiling / 2);
        expect(d).toBeLessThanOrEqual(30_000);
      }),
    );
  });
});
