import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_INSIGHT_RULES, insightRulesOrDefault, insightRulesProblems, type RfmCutoffs } from './business-rules';
import { rfmCutoffsFromQuintiles, rfmScores, type RfmFigures } from './rfm';

const cutoffs: RfmCutoffs = { recency_days: [7, 14, 30, 60], frequency: [2, 4, 7, 12], monetary: [5_000, 15_000, 40_000, 100_000] };
const figures = (days: number | null, visits: number, spent: number): RfmFigures => ({ days_since_last_visit: days, total_bookings: visits, total_spent: spent });

describe('RFM scores', () => {
  it('scores recency, frequency and monetary 1–5 at the business cut-offs (bounds inclusive)', () => {
    expect(rfmScores(figures(7, 12, 100_000), cutoffs)).toEqual({ r: 5, f: 5, m: 5, code: '555' });
    expect(rfmScores(figures(8, 11, 99_999), cutoffs)).toEqual({ r: 4, f: 4, m: 4, code: '444' });
    expect(rfmScores(figures(30, 4, 15_000), cutoffs)).toEqual({ r: 3, f: 3, m: 3, code: '333' });
    expect(rfmScores(figures(60, 2, 5_000), cutoffs)).toEqual({ r: 2, f: 2, m: 2, code: '222' });
    expect(rfmScores(figures(61, 1, 4_999), cutoffs)).toEqual({ r: 1, f: 1, m: 1, code: '111' });
  });

  it('gives no score to a customer without a visit', () => {
    expect(rfmScores(figures(null, 0, 0), cutoffs)).toBeNull();
  });

  it('scores monotonically: more recent, more visits, more spend never score lower', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), fc.integer({ min: 1, max: 50 }), fc.nat(200_000), fc.nat(200_000), (d1, d2, v, m1, m2) => {
        const a = rfmScores(figures(Math.min(d1, d2), v + 1, Math.max(m1, m2)), cutoffs);
        const b = rfmScores(figures(Math.max(d1, d2), v, Math.min(m1, m2)), cutoffs);
        expect(a && b && a.r >= b.r && a.f >= b.f && a.m >= b.m).toBe(true);
      }),
    );
  });
});

/**
 * What the server does: the 20/40/60/80th nearest-rank percentiles (PostgreSQL's percentile_disc)
 * over the pairs with a visit, turned into cut-offs. Null when nobody has a visit.
 */
function deriveRfmCutoffs(population: readonly RfmFigures[]): RfmCutoffs | null {
  const visited = population.filter((a) => a.total_bookings > 0 && a.days_since_last_visit !== null);
  if (visited.length === 0) return null;
  const quintiles = (values: number[]) => {
    values.sort((x, y) => x - y);
    return [0.2, 0.4, 0.6, 0.8].map((p) => values[Math.max(1, Math.ceil(p * values.length)) - 1] as number);
  };
  return rfmCutoffsFromQuintiles({
    days: quintiles(visited.map((a) => a.days_since_last_visit as number)),
    visits: quintiles(visited.map((a) => a.total_bookings)),
    spent: quintiles(visited.map((a) => a.total_spent)),
  });
}

describe('RFM cut-offs from quintiles', () => {
  it('puts about a fifth of a varied population in each score', () => {
    const population = Array.from({ length: 1000 }, (_, i) => figures(i % 200, 1 + (i % 25), 1_000 * (1 + ((i * 7) % 500))));
    const derived = deriveRfmCutoffs(population);
    expect(derived).not.toBeNull();
    const counts = { r: [0, 0, 0, 0, 0, 0], f: [0, 0, 0, 0, 0, 0], m: [0, 0, 0, 0, 0, 0] };
    for (const p of population) {
      const s = rfmScores(p, derived as RfmCutoffs);
      if (s === null) throw new Error('scored');
      counts.r[s.r] = (counts.r[s.r] ?? 0) + 1;
      counts.f[s.f] = (counts.f[s.f] ?? 0) + 1;
      counts.m[s.m] = (counts.m[s.m] ?? 0) + 1;
    }
    for (const key of ['r', 'f', 'm'] as const) for (let s = 1; s <= 5; s += 1) expect(counts[key][s]).toBeGreaterThan(150);
    expect(insightRulesProblems({ rfm: derived, high_value_pct: 20 })).toEqual([]);
  });

  it('keeps every score reachable when most customers look alike, and ignores customers without visits', () => {
    const population = [...Array.from({ length: 90 }, () => figures(5, 1, 2_000)), ...Array.from({ length: 10 }, () => figures(null, 0, 0))];
    const derived = deriveRfmCutoffs(population) as RfmCutoffs;
    for (const q of [derived.recency_days, derived.frequency, derived.monetary]) {
      for (let i = 1; i < 4; i += 1) expect(q[i]).toBeGreaterThan(q[i - 1] as number);
    }
    expect(deriveRfmCutoffs([figures(null, 0, 0)])).toBeNull();
  });
});

describe('insight rules from outside', () => {
  it('names what is wrong and falls back to the defaults', () => {
    expect(insightRulesProblems(DEFAULT_INSIGHT_RULES)).toEqual([]);
    expect(insightRulesProblems({ rfm: { recency_days: [1, 2, 3], frequency: [4, 3, 2, 1], monetary: [0, 0, 0, -1] }, high_value_pct: 0 })).toEqual([
      'rfm.recency_days must be four whole numbers ≥ 0',
      'rfm.frequency must be in ascending order',
      'rfm.monetary must be four whole numbers ≥ 0',
      'high_value_pct must be a whole percentage from 1 to 100',
    ]);
    expect(insightRulesOrDefault(null)).toBe(DEFAULT_INSIGHT_RULES);
  });
});
