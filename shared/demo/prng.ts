/**
 * Seeded pseudo-random numbers for the demo generator: sfc32 (Chris Doty-Humphrey's Small Fast
 * Counting generator, 128-bit state, passes PractRand) seeded through a murmur3-style mixer.
 *
 * Only 32-bit integer operations and exact IEEE double arithmetic are used, never `Math.random`,
 * `Math.log`/`Math.exp` (their last bit may differ between engines): the same seed gives the same
 * sequence on every platform and runtime.
 */

/** murmur3's 32-bit finaliser: a bijective avalanche of one 32-bit word. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A well-mixed 32-bit hash of a few integers (order matters). */
function hash32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    // Fold in the value's low and high 32 bits, so integers up to 2^53 hash distinctly.
    h = mix32(h ^ mix32(v | 0));
    h = mix32(h ^ Math.floor(v / 4294967296));
  }
  return h;
}

/** hash32(x, y, z) without the rest-argument array. */
function hash3(x: number, y: number, z: number): number {
  let h = 0x9e3779b9;
  h = mix32(mix32(h ^ mix32(x | 0)) ^ Math.floor(x / 4294967296));
  h = mix32(mix32(h ^ mix32(y | 0)) ^ Math.floor(y / 4294967296));
  h = mix32(mix32(h ^ mix32(z | 0)) ^ Math.floor(z / 4294967296));
  return h;
}

const TWO_TO_32 = 4294967296;

export class Sfc32 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for a stream identified by integers (for example seed, purpose, index). */
  constructor(...key: number[]) {
    this.a = hash32(0x51ed270b, ...key);
    this.b = hash32(0x2b7e1516, ...key);
    this.c = hash32(0x7f4a7c15, ...key);
    this.d = 1;
    for (let i = 0; i < 12; i += 1) this.u32();
  }

  /**
   * Restarts this generator on the stream identified by three integers, without allocating
   * (the data generator reseeds once per customer, so each customer has an independent stream).
   */
  reseed(x: number, y: number, z: number): void {
    const k = hash3(x, y, z);
    this.a = mix32(k ^ 0x51ed270b);
    this.b = mix32(k ^ 0x2b7e1516);
    this.c = mix32(k ^ 0x7f4a7c15);
    this.d = 1;
    for (let i = 0; i < 12; i += 1) this.u32();
  }

  /** Next unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1), a multiple of 2^-32. */
  next(): number {
    return this.u32() / TWO_TO_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max] (inclusive). */
  range(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/**
 * A discrete distribution over indices 0..n-1 from non-negative weights (cumulative table;
 * linear scan for short tables, binary search for long ones).
 */
export class Weighted {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new RangeError('Weighted needs at least one weight');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      if (!(w >= 0)) throw new RangeError(`weight ${i} is not a non-negative number`);
      sum += w;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new RangeError('Weighted needs a positive total weight');
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  /** Probability of index i. */
  probability(i: number): number {
    const c = this.cumulative;
    return ((c[i] ?? 0) - (i > 0 ? (c[i - 1] ?? 0) : 0)) / this.total;
  }

  /** The index whose cumulative band contains u × total, for u in [0, 1). */
  at(u: number): number {
    const target = u * this.total;
    const c = this.cumulative;
    const n = c.length;
    if (n <= 16) {
      for (let i = 0; i < n - 1; i += 1) if (target < (c[i] as number)) return i;
      return n - 1;
    }
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (target < (c[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  sample(rng: Sfc32): number {
    return this.at(rng.next());
  }
}
