import { describe, expect, it } from 'vitest';
import { Sfc32, Weighted } from './prng';

describe('Sfc32', () => {
  it('gives the same sequence on every platform (32-bit integer arithmetic only)', () => {
    // Computed once; a change here means every generated data set changes.
    const r = new Sfc32(1);
    expect([r.u32(), r.u32(), r.u32()]).toEqual([2015811022, 945979232, 2919068557]);
    const q = new Sfc32(0);
    q.reseed(1, 2, 3);
    expect([q.u32(), q.u32()]).toEqual([2789628881, 804781865]);
  });

  it('reseeding restarts the same stream; different keys give different streams', () => {
    const a = new Sfc32(0);
    const b = new Sfc32(99);
    a.reseed(7, 1, 42);
    b.reseed(7, 1, 42);
    const sa = Array.from({ length: 20 }, () => a.u32());
    expect(Array.from({ length: 20 }, () => b.u32())).toEqual(sa);
    b.reseed(7, 1, 43);
    expect(Array.from({ length: 20 }, () => b.u32())).not.toEqual(sa);
    // The key's order matters, and so do its high bits (integers up to 2^53 are distinct keys).
    expect(new Sfc32(1, 2).u32()).not.toBe(new Sfc32(2, 1).u32());
    expect(new Sfc32(2 ** 40).u32()).not.toBe(new Sfc32(0).u32());
  });

  it('is uniform enough: floats in [0, 1), ints in range, means near the middle', () => {
    const r = new Sfc32(5);
    let sum = 0;
    const buckets = new Array<number>(10).fill(0);
    const outside: number[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside.push(x);
      sum += x;
      const k = r.int(10);
      buckets[k] = (buckets[k] ?? 0) + 1;
      const v = r.range(-3, 3);
      if (!(v >= -3 && v <= 3 && Number.isInteger(v))) outside.push(v);
    }
    expect(outside).toEqual([]);
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.01);
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

describe('Weighted', () => {
  it('samples indices in proportion to their weights, short and long tables alike', () => {
    for (const weights of [[1, 3, 0, 6], Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 0 : i))]) {
      const w = new Weighted(weights);
      const total = weights.reduce((a, b) => a + b, 0);
      const counts = new Array<number>(weights.length).fill(0);
      const r = new Sfc32(11);
      const n = 200_000;
      for (let i = 0; i < n; i += 1) {
        const k = w.sample(r);
        counts[k] = (counts[k] ?? 0) + 1;
      }
      weights.forEach((weight, i) => {
        if (weight === 0) expect(counts[i]).toBe(0);
        else expect(Math.abs((counts[i] ?? 0) / n - weight / total)).toBeLessThan(0.01);
      });
    }
  });

  it('rejects unusable weights', () => {
    expect(() => new Weighted([])).toThrow(RangeError);
    expect(() => new Weighted([0, 0])).toThrow(RangeError);
    expect(() => new Weighted([1, -1])).toThrow(RangeError);
    expect(() => new Weighted([1, Number.NaN])).toThrow(RangeError);
  });
});
