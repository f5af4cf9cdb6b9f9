import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Dataset } from '../csv/import';
import { parseDay } from '../time/calendar';
import { compressBgNbd, expectedVisits, pAlive } from './bgnbd';
import { fitBgNbd, fitGammaGamma } from './fit';

/** shared/predict/fit.ts refuses to fit with fewer pairs that have repeat visits. */
const MIN_PAIRS_WITH_REPEATS = 20;
import { compressGammaGamma } from './gamma-gamma';
import { visitHistories } from './history';
import { minimiseBfgs } from './minimise';
import { fitRetentionModel, predictPair } from './model';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function load(dir: string): Dataset {
  const read = (name: string) => readFileSync(join(ROOT, 'fixtures', dir, name), 'utf8');
  const outcome = parseDataset({ branches: read('branches.csv'), customers: read('customers.csv'), bookings: read('bookings.csv') });
  if (!outcome.ok) throw new Error(`fixture ${dir} is invalid`);
  return outcome.dataset;
}

const within1pc = (actual: number, published: number) => expect(Math.abs(actual / published - 1)).toBeLessThan(0.01);

describe('the CDNOW sample reproduces Fader, Hardie & Lee (2005) and Fader & Hardie (2013)', () => {
  // 39-week calibration: purchases to 1997-09-30, daily data (α in days = 7 × α in weeks).
  const asOf = parseDay('1997-09-30') as number;
  const histories = visitHistories(load('cdnow').bookings, asOf);
  const outcome = fitRetentionModel(histories, asOf);

  it('fits BG/NBD r = 0.243, α = 4.414 weeks (30.9 days), a = 0.793, b = 2.426 over 2,357 customers', () => {
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { r, alpha, a, b } = outcome.model.bgnbd;
    expect(outcome.model.pairs).toBe(2357);
    within1pc(r, 0.243);
    within1pc(alpha / 7, 4.414);
    within1pc(alpha, 30.9);
    within1pc(a, 0.793);
    within1pc(b, 2.426);
  });

  it('fits Gamma-Gamma p = 6.25, q = 3.74, γ = 15.44 over the 946 repeat buyers', () => {
    if (!outcome.ok) throw new Error(outcome.reason);
    const { p, q, gamma } = outcome.model.gamma_gamma;
    expect(outcome.model.spend_pairs).toBe(946);
    within1pc(p, 6.25);
    within1pc(q, 3.74);
    within1pc(gamma, 15.44);
  });

  it('customer 1 (x = 2, t_x = 30.43, T = 38.86 weeks): P(alive) = 0.7266, 1.226 purchases in the next 39 weeks', () => {
    if (!outcome.ok) throw new Error(outcome.reason);
    const one = histories.find((h) => h.customer_id === 'cd-00004');
    expect(one?.days.length).toBe(3);
    const prediction = predictPair(outcome.model, one as (typeof histories)[number], asOf, 39 * 7);
    within1pc(prediction.p_alive, 0.7266);
    within1pc(prediction.expected_visits, 1.226);
    // The same customer in weeks with the published parameters.
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    within1pc(pAlive(published, { x: 2, t_x: 30.43, T: 38.86 }), 0.7266);
    within1pc(expectedVisits(published, { x: 2, t_x: 30.43, T: 38.86 }, 39), 1.226);
  });
});

describe('a fit that cannot be trusted is a failure with its reason', () => {
  it('too few pairs with repeat visits', () => {
    const points = Array.from({ length: 200 }, (_, i) => ({ x: i < MIN_PAIRS_WITH_REPEATS - 1 ? 1 : 0, t_x: i < MIN_PAIRS_WITH_REPEATS - 1 ? 5 : 0, T: 100 }));
    const outcome = fitBgNbd(compressBgNbd(points));
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/too few pairs with repeat visits .*19; at least 20/) });
    expect(fitGammaGamma(compressGammaGamma([{ x: 1, m_x: 10 }]))).toMatchObject({ ok: false, reason: expect.stringMatching(/too few pairs/) });
  });

  it('a spend model without heterogeneity runs to the boundary (every customer spends alike)', () => {
    // Identical mean spends: the likelihood grows without bound as q, γ → ∞ with γ/q fixed.
    const points = Array.from({ length: 100 }, (_, i) => ({ x: 1 + (i % 5), m_x: 25 }));
    expect(fitGammaGamma(compressGammaGamma(points))).toMatchObject({ ok: false, reason: expect.stringMatching(/spend model/) });
  });

  it('visit histories with a homogeneous drop-out run BG/NBD to the boundary (the sample fixture: a, b → ∞)', () => {
    const asOf = parseDay('2026-03-01') as number;
    const outcome = fitRetentionModel(visitHistories(load('sample').bookings, asOf), asOf);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/visit model: the fit ran to a boundary \(.*b = /) });
  });

  it('no pair with a visit', () => {
    expect(fitRetentionModel([], 0)).toEqual({ ok: false, reason: 'no pair has a completed visit on or before the as-of date' });
  });
});

describe('minimiseBfgs', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const result = minimiseBfgs((v, g) => {
      const [x, y] = [v[0] as number, v[1] as number];
      g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
      g[1] = 200 * (y - x * x);
      return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    }, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('reports no convergence when the iterations run out', () => {
    const result = minimiseBfgs((v, g) => {
      g[0] = -1;
      return -(v[0] as number);
    }, [0], { maxIterations: 5 });
    expect(result.converged).toBe(false);
    expect(result.message).toMatch(/no convergence in 5 iterations/);
  });

  it('reports a start where the objective is not finite', () => {
    const result = minimiseBfgs(() => Number.NaN, [0]);
    expect(result).toMatchObject({ converged: false, message: 'the objective is not finite at the starting point' });
  });
});
