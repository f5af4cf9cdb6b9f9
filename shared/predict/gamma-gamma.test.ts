import { describe, expect, it } from 'vitest';
import { compressGammaGamma, conditionalExpectedSpend, gammaGammaLogLikelihood, type GammaGammaParams } from './gamma-gamma';
import { integrateHalfLine } from './test-quadrature';

/**
 * The density of a customer's mean spend m̄ over x transactions: given ν, m̄ ~ Gamma(px, rate νx);
 * across customers ν ~ Gamma(q, rate γ). Checked against that mixture integrated numerically
 * (Gamma densities written out with their normalising constants from a numerical integral too).
 */
const PARAMS: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const POINTS = [
  { x: 1, m_x: 20 },
  { x: 3, m_x: 8.5 },
  { x: 10, m_x: 55 },
];

function logGammaDensityUnnormalised(v: number, shape: number, rate: number): number {
  return (shape - 1) * Math.log(v) - rate * v;
}
/** ∫ v^{shape−1} e^{−rate·v} dv, numerically. */
function gammaNormaliser(shape: number, rate: number): number {
  return integrateHalfLine((v) => Math.exp(logGammaDensityUnnormalised(v, shape, rate)), shape / rate);
}

function mixture({ p, q, gamma }: GammaGammaParams, x: number, m: number, h: (nu: number) => number): number {
  // log of ∫ m^{px−1} e^{−νx·m} dm = Γ(px) / (νx)^{px}, with Γ(px) integrated numerically.
  const lnGammaPX = Math.log(gammaNormaliser(p * x, 1));
  const lnZNu = Math.log(gammaNormaliser(q, gamma));
  return integrateHalfLine((nu) => {
    const lnDensityM = logGammaDensityUnnormalised(m, p * x, nu * x) + p * x * Math.log(nu * x) - lnGammaPX;
    const lnDensityNu = logGammaDensityUnnormalised(nu, q, gamma) - lnZNu;
    return h(nu) * Math.exp(lnDensityM + lnDensityNu);
  }, (q + p * x) / (gamma + x * m));
}

describe('Gamma-Gamma against numerical integration of the model', () => {
  for (const pt of POINTS) {
    it(`log-likelihood of m_x (x=${pt.x}, m_x=${pt.m_x})`, () => {
      const numeric = Math.log(mixture(PARAMS, pt.x, pt.m_x, () => 1));
      expect(gammaGammaLogLikelihood(PARAMS, compressGammaGamma([pt]))).toBeCloseTo(numeric, 7);
    });
    it(`conditional expected spend E[p/ν | x, m_x] (x=${pt.x}, m_x=${pt.m_x})`, () => {
      const numeric = mixture(PARAMS, pt.x, pt.m_x, (nu) => PARAMS.p / nu) / mixture(PARAMS, pt.x, pt.m_x, () => 1);
      expect(conditionalExpectedSpend(PARAMS, pt.x, pt.m_x)).toBeCloseTo(numeric, 7);
    });
  }

  it('the answer for x = 0 is the population mean γp/(q − 1), E[p/ν] over the prior', () => {
    const numeric = integrateHalfLine((nu) => (PARAMS.p / nu) * Math.exp(logGammaDensityUnnormalised(nu, PARAMS.q, PARAMS.gamma)), 0.2) / gammaNormaliser(PARAMS.q, PARAMS.gamma);
    expect(conditionalExpectedSpend(PARAMS, 0, 0)).toBeCloseTo(numeric, 7);
    expect(conditionalExpectedSpend(PARAMS, 0, 0)).toBeCloseTo((PARAMS.gamma * PARAMS.p) / (PARAMS.q - 1), 12);
  });

  it('its gradient matches central finite differences', () => {
    const data = compressGammaGamma(POINTS);
    const grad = new Float64Array(3);
    gammaGammaLogLikelihood(PARAMS, data, grad);
    (['p', 'q', 'gamma'] as const).forEach((k, i) => {
      const h = 1e-6 * PARAMS[k];
      const up = gammaGammaLogLikelihood({ ...PARAMS, [k]: PARAMS[k] + h }, data);
      const down = gammaGammaLogLikelihood({ ...PARAMS, [k]: PARAMS[k] - h }, data);
      expect(grad[i]).toBeCloseTo((up - down) / (2 * h), 5);
    });
  });

  it('refuses points without repeats or with no spend', () => {
    expect(() => compressGammaGamma([{ x: 0, m_x: 10 }])).toThrow(/x ≥ 1/);
    expect(() => compressGammaGamma([{ x: 2, m_x: 0 }])).toThrow(/m_x > 0/);
  });

  it('a point counted n times is n copies of it, in the same order whatever the input order', () => {
    const copies = [POINTS[2], POINTS[0], POINTS[0], POINTS[1], POINTS[0]] as typeof POINTS;
    const counted = [{ ...POINTS[0], n: 3 }, POINTS[1], POINTS[2]] as Array<(typeof POINTS)[number] & { n?: number }>;
    const a = compressGammaGamma(copies);
    const b = compressGammaGamma([...counted].reverse());
    expect(b).toEqual(a);
    expect(a.total).toBe(5);
    expect(gammaGammaLogLikelihood(PARAMS, b)).toBe(gammaGammaLogLikelihood(PARAMS, a));
    expect(() => compressGammaGamma([{ ...POINTS[0], n: 0 }] as typeof counted)).toThrow(/count of pairs/);
  });
});
