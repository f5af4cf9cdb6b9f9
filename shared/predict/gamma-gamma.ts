/**
 * Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"):
 * a customer's spends per transaction are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers,
 * independent of the purchase process. A customer is summarised by x (number of repeat
 * transactions, ≥ 1) and m_x (their mean spend, > 0, in major currency units).
 */
import { checkCount } from './bgnbd';
import { digamma, gammaln } from './special';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendPoint {
  x: number;
  m_x: number;
}

export interface GammaGammaData {
  x: Float64Array;
  m: Float64Array;
  /** ln m_x, precomputed. */
  lnM: Float64Array;
  weight: Float64Array;
  xIndex: Int32Array;
  xs: Float64Array;
  total: number;
}

/** `n`: how many pairs share the point (see compressBgNbd). */
export function compressGammaGamma(points: Iterable<SpendPoint & { n?: number }>): GammaGammaData {
  const counts = new Map<string, { p: SpendPoint; n: number }>();
  for (const p of points) {
    if (!(Number.isInteger(p.x) && p.x >= 1 && p.m_x > 0 && Number.isFinite(p.m_x))) {
      throw new RangeError(`not a valid Gamma-Gamma point: x=${p.x}, m_x=${p.m_x} (need integer x ≥ 1 and m_x > 0)`);
    }
    const n = checkCount(p.n);
    const key = `${p.x}|${p.m_x}`;
    const hit = counts.get(key);
    if (hit === undefined) counts.set(key, { p, n });
    else hit.n += n;
  }
  const n = counts.size;
  const x = new Float64Array(n);
  const m = new Float64Array(n);
  const lnM = new Float64Array(n);
  const weight = new Float64Array(n);
  const xIndex = new Int32Array(n);
  const xPos = new Map<number, number>();
  let total = 0;
  let i = 0;
  // In a fixed order whatever the order of the points (see compressBgNbd).
  const entries = [...counts.values()].sort((a, b) => a.p.x - b.p.x || a.p.m_x - b.p.m_x);
  for (const { p, n: w } of entries) {
    x[i] = p.x;
    m[i] = p.m_x;
    lnM[i] = Math.log(p.m_x);
    weight[i] = w;
    let xi = xPos.get(p.x);
    if (xi === undefined) {
      xi = xPos.size;
      xPos.set(p.x, xi);
    }
    xIndex[i] = xi;
    total += w;
    i += 1;
  }
  return { x, m, lnM, weight, xIndex, xs: Float64Array.from(xPos.keys()), total };
}

/**
 * Log-likelihood of the mean spends (the density of m_x given x) summed over the data; with
 * `grad`, its gradient with respect to (p, q, γ).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: GammaGammaData, grad?: Float64Array): number {
  const { p, q, gamma } = params;
  const nx = data.xs.length;
  const G = new Float64Array(nx);
  const Gp = new Float64Array(nx);
  const Gq = new Float64Array(nx);
  const lgQ = gammaln(q);
  const lnGamma = Math.log(gamma);
  const wantGrad = grad !== undefined;
  const psiQ = wantGrad ? digamma(q) : 0;
  for (let j = 0; j < nx; j += 1) {
    const x = data.xs[j] as number;
    const lnX = Math.log(x);
    G[j] = gammaln(p * x + q) - gammaln(p * x) - lgQ + q * lnGamma + p * x * lnX;
    if (wantGrad) {
      const psiPXQ = digamma(p * x + q);
      Gp[j] = x * (psiPXQ - digamma(p * x)) + x * lnX;
      Gq[j] = psiPXQ - psiQ + lnGamma;
    }
  }
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  const n = data.weight.length;
  for (let i = 0; i < n; i += 1) {
    const x = data.x[i] as number;
    const w = data.weight[i] as number;
    const j = data.xIndex[i] as number;
    const lnM = data.lnM[i] as number;
    const denom = gamma + (data.m[i] as number) * x;
    const lnDenom = Math.log(denom);
    ll += w * ((G[j] as number) + (p * x - 1) * lnM - (p * x + q) * lnDenom);
    if (wantGrad) {
      gp += w * ((Gp[j] as number) + x * lnM - x * lnDenom);
      gq += w * ((Gq[j] as number) - lnDenom);
      gg += w * (q / gamma - (p * x + q) / denom);
    }
  }
  if (grad !== undefined) {
    grad[0] = gp;
    grad[1] = gq;
    grad[2] = gg;
  }
  return ll;
}

/** The population mean spend per transaction, γp/(q−1) (finite only for q > 1). */
function populationMeanSpend(params: GammaGammaParams): number {
  return (params.gamma * params.p) / (params.q - 1);
}

/**
 * E[spend per transaction | x, m_x] = p(γ + x·m_x)/(px + q − 1): a weighted mean of the
 * population mean and the customer's own mean. With x = 0 it is the population mean.
 */
export function conditionalExpectedSpend(params: GammaGammaParams, x: number, m_x: number): number {
  if (x === 0) return populationMeanSpend(params);
  const { p, q, gamma } = params;
  return (p * (gamma + x * m_x)) / (p * x + q - 1);
}
