import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  compressBgNbd,
  expectedVisits,
  expectedVisitsIfAlive,
  pAlive,
  type BgNbdParams,
  type RfmPoint,
} from './bgnbd';
import { integrateHalfLine, integrateUnit } from './test-quadrature';

/**
 * Every closed form is checked against the model's definition integrated numerically: the
 * individual-level likelihood L(λ, p | x, t_x, T) = (1−p)^x λ^x e^{−λT} + [x>0] p(1−p)^{x−1} λ^x e^{−λ t_x}
 * mixed over λ ~ Gamma(r, α) and p ~ Beta(a, b), with the densities normalised numerically too.
 */

const CDNOW_DAYS: BgNbdParams = { r: 0.2426, alpha: 30.895, a: 0.7929, b: 2.4259 };
const OTHER: BgNbdParams = { r: 1.7, alpha: 12.5, a: 1.4, b: 4.2 };
const POINTS: RfmPoint[] = [
  { x: 0, t_x: 0, T: 100 },
  { x: 2, t_x: 213, T: 272 },
  { x: 5, t_x: 40, T: 300 },
  { x: 1, t_x: 3, T: 10 },
  { x: 12, t_x: 350, T: 360 },
];

/** ∫∫ h(λ, p) g(λ) f(p) dλ dp with unnormalised densities and the normaliser integrated as well. */
function mixture(params: BgNbdParams, logH: (lambda: number, p: number, q: number) => number, lambdaScale: number): number {
  const { r, alpha, a, b } = params;
  const logG = (l: number) => (r - 1) * Math.log(l) - alpha * l;
  const logF = (p: number, q: number) => (a - 1) * Math.log(p) + (b - 1) * Math.log(q);
  const zLambda = integrateHalfLine((l) => Math.exp(logG(l)), r / alpha);
  const zP = integrateUnit((p, q) => Math.exp(logF(p, q)));
  const value = integrateUnit((p, q) => integrateHalfLine((l) => Math.exp(logH(l, p, q) + logG(l)), lambdaScale) * Math.exp(logF(p, q)));
  return value / (zLambda * zP);
}

function aliveTerm(pt: RfmPoint) {
  return (l: number, _p: number, q: number) => pt.x * Math.log(q) + pt.x * Math.log(l) - l * pt.T;
}
function likelihood(pt: RfmPoint) {
  return (l: number, p: number, q: number) => {
    const alive = pt.x * Math.log(q) + pt.x * Math.log(l) - l * pt.T;
    if (pt.x === 0) return alive;
    const dead = Math.log(p) + (pt.x - 1) * Math.log(q) + pt.x * Math.log(l) - l * pt.t_x;
    const hi = Math.max(alive, dead);
    return hi + Math.log(Math.exp(alive - hi) + Math.exp(dead - hi));
  };
}
/** The log-likelihood of one point: the data set of that point alone. */
const bgnbdPointLogLikelihood = (params: BgNbdParams, pt: RfmPoint) => bgnbdLogLikelihood(params, compressBgNbd([pt]));
const scaleOf = (params: BgNbdParams, pt: RfmPoint) => (params.r + pt.x) / (params.alpha + pt.t_x);

describe('BG/NBD closed forms against numerical integration of the model', () => {
  for (const params of [CDNOW_DAYS, OTHER]) {
    for (const pt of POINTS) {
      const label = `r=${params.r} x=${pt.x} t_x=${pt.t_x} T=${pt.T}`;
      it(`log-likelihood (${label})`, () => {
        const numeric = Math.log(mixture(params, likelihood(pt), scaleOf(params, pt)));
        expect(bgnbdPointLogLikelihood(params, pt)).toBeCloseTo(numeric, 7);
      });
      it(`P(alive) (${label})`, () => {
        const s = scaleOf(params, pt);
        const numeric = mixture(params, aliveTerm(pt), s) / mixture(params, likelihood(pt), s);
        expect(pAlive(params, pt)).toBeCloseTo(numeric, 8);
      });
      it(`expected visits in the next 90 days (${label})`, () => {
        // Alive at T, the future is a fresh process: E[Y(t) | λ, p] = (1 − e^{−λpt}) / p.
        const t = 90;
        const s = scaleOf(params, pt);
        const future = (l: number, p: number, q: number) => aliveTerm(pt)(l, p, q) + Math.log(-Math.expm1(-l * p * t) / p);
        const numeric = mixture(params, future, s) / mixture(params, likelihood(pt), s);
        expect(expectedVisits(params, pt, t)).toBeCloseTo(numeric, 7);
      });
      it(`expected visits in the next 90 days given still alive (${label})`, () => {
        // The same future, weighted by the posterior of (λ, p) among the alive only.
        const t = 90;
        const s = scaleOf(params, pt);
        const future = (l: number, p: number, q: number) => aliveTerm(pt)(l, p, q) + Math.log(-Math.expm1(-l * p * t) / p);
        const numeric = mixture(params, future, s) / mixture(params, aliveTerm(pt), s);
        expect(expectedVisitsIfAlive(params, pt, t)).toBeCloseTo(numeric, 7);
      });
    }
    it(`a new customer's expected visits (x = t_x = T = 0; the paper's eq. 9) equal the mixture of (1 − e^{−λpt})/p (r=${params.r})`, () => {
      for (const t of [7, 90, 365]) {
        const numeric = mixture(params, (l, p) => Math.log(-Math.expm1(-l * p * t) / p), params.r / params.alpha);
        expect(expectedVisits(params, { x: 0, t_x: 0, T: 0 }, t)).toBeCloseTo(numeric, 7);
      }
    });
  }

  it('a = 1 (0/0 in the closed form) is evaluated as the limit', () => {
    const params = { ...OTHER, a: 1 };
    const pt = { x: 3, t_x: 50, T: 80 };
    const s = scaleOf(params, pt);
    const future = (l: number, p: number, q: number) => aliveTerm(pt)(l, p, q) + Math.log(-Math.expm1(-l * p * 60) / p);
    const numeric = mixture(params, future, s) / mixture(params, likelihood(pt), s);
    expect(expectedVisits(params, pt, 60)).toBeCloseTo(numeric, 6);
  });

  it('a long, frequent history does not overflow (x = 400 over 1,000 days)', () => {
    const e = expectedVisits(CDNOW_DAYS, { x: 400, t_x: 995, T: 1000 }, 365);
    expect(Number.isFinite(e)).toBe(true);
    expect(e).toBeGreaterThan(50);
  });
});

describe('BG/NBD likelihood over a data set', () => {
  it('is the weighted sum of the points, duplicates compressed', () => {
    const pts = [...POINTS, POINTS[1] as RfmPoint, POINTS[1] as RfmPoint, POINTS[0] as RfmPoint];
    const data = compressBgNbd(pts);
    expect(data.total).toBe(pts.length);
    expect(data.weight.length).toBe(POINTS.length);
    const sum = pts.reduce((s, pt) => s + bgnbdPointLogLikelihood(OTHER, pt), 0);
    expect(bgnbdLogLikelihood(OTHER, data)).toBeCloseTo(sum, 9);
  });

  it('is compressed in the same order whatever the order of the points (fits agree bit for bit)', () => {
    const pts = [...POINTS, POINTS[1] as RfmPoint, POINTS[0] as RfmPoint];
    const reversed = compressBgNbd([...pts].reverse());
    const forward = compressBgNbd(pts);
    expect(reversed).toEqual(forward);
    expect(bgnbdLogLikelihood(OTHER, reversed)).toBe(bgnbdLogLikelihood(OTHER, forward));
    expect([...forward.x]).toEqual([...forward.x].sort((a, b) => a - b));
  });

  it('takes a count per point: a point counted n times is n copies of it', () => {
    const copies = compressBgNbd([POINTS[0] as RfmPoint, POINTS[1] as RfmPoint, POINTS[0] as RfmPoint, POINTS[0] as RfmPoint]);
    const counted = compressBgNbd([{ ...(POINTS[1] as RfmPoint) }, { ...(POINTS[0] as RfmPoint), n: 3 }]);
    expect(counted).toEqual(copies);
    expect(counted.total).toBe(4);
    expect(() => compressBgNbd([{ ...(POINTS[0] as RfmPoint), n: 1.5 }])).toThrow(/count of pairs/);
  });

  it('its gradient matches central finite differences', () => {
    const data = compressBgNbd(POINTS);
    const grad = new Float64Array(4);
    bgnbdLogLikelihood(CDNOW_DAYS, data, grad);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    keys.forEach((k, i) => {
      const h = 1e-6 * CDNOW_DAYS[k];
      const up = bgnbdLogLikelihood({ ...CDNOW_DAYS, [k]: CDNOW_DAYS[k] + h }, data);
      const down = bgnbdLogLikelihood({ ...CDNOW_DAYS, [k]: CDNOW_DAYS[k] - h }, data);
      expect(grad[i]).toBeCloseTo((up - down) / (2 * h), 5);
    });
  });

  it('refuses impossible points', () => {
    expect(() => compressBgNbd([{ x: 1, t_x: 10, T: 5 }])).toThrow(/t_x ≤ T/);
    expect(() => compressBgNbd([{ x: 0, t_x: 3, T: 5 }])).toThrow(/must be 0/);
    expect(() => compressBgNbd([{ x: 1.5, t_x: 1, T: 5 }])).toThrow(/integer x/);
  });
});
