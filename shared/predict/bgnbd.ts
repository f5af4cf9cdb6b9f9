/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): purchases of an
 * alive customer follow a Poisson process with rate λ ~ Gamma(r, α); after each repeat purchase
 * the customer drops out with probability p ~ Beta(a, b). A customer is summarised by
 * x (repeat purchases), t_x (time of the last purchase) and T (length of observation), all
 * measured from the first purchase, in days here (α is then in days as well).
 */
import { digamma, gammaln, hyp2f1, sigmoid, softplus } from './special';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One customer's (or pair's) summary. */
export interface RfmPoint {
  x: number;
  t_x: number;
  T: number;
}

/**
 * Distinct (x, t_x, T) points with their counts: the likelihood is a weighted sum, so a business
 * of 100,000 pairs costs as many terms as it has distinct histories.
 */
export interface BgNbdData {
  x: Float64Array;
  t_x: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Index of each point's x in `xs`. */
  xIndex: Int32Array;
  /** Distinct x values. */
  xs: Float64Array;
  /** Sum of the weights (number of pairs). */
  total: number;
}

function checkPoint(p: RfmPoint): void {
  if (!(Number.isInteger(p.x) && p.x >= 0 && p.t_x >= 0 && p.T >= p.t_x && Number.isFinite(p.T))) {
    throw new RangeError(`not a valid BG/NBD point: x=${p.x}, t_x=${p.t_x}, T=${p.T} (need integer x ≥ 0, 0 ≤ t_x ≤ T)`);
  }
  if (p.x === 0 && p.t_x !== 0) throw new RangeError(`not a valid BG/NBD point: x=0 with t_x=${p.t_x} (must be 0)`);
}

/** A point's count: a whole number ≥ 1, 1 when not given. */
export function checkCount(n: number | undefined): number {
  if (n === undefined) return 1;
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`not a valid count of pairs: n=${n} (need a whole number ≥ 1)`);
  return n;
}

/** `n`: how many pairs share the point (1 when left out; a caller that counted them already, as the server's SQL does, passes its count). */
export function compressBgNbd(points: Iterable<RfmPoint & { n?: number }>): BgNbdData {
  const counts = new Map<string, { p: RfmPoint; n: number }>();
  for (const p of points) {
    checkPoint(p);
    const n = checkCount(p.n);
    const key = `${p.x}|${p.t_x}|${p.T}`;
    const hit = counts.get(key);
    if (hit === undefined) counts.set(key, { p, n });
    else hit.n += n;
  }
  const n = counts.size;
  const data: BgNbdData = {
    x: new Float64Array(n),
    t_x: new Float64Array(n),
    T: new Float64Array(n),
    weight: new Float64Array(n),
    xIndex: new Int32Array(n),
    xs: new Float64Array(0),
    total: 0,
  };
  const xPos = new Map<number, number>();
  let i = 0;
  // In a fixed order whatever the order of the points, so a fit over the same pairs gives the
  // same parameters bit for bit wherever they were summarised (the CLI from visit histories, the
  // server from SQL): the likelihood's sums are then taken in the same order.
  const entries = [...counts.values()].sort((a, b) => a.p.x - b.p.x || a.p.t_x - b.p.t_x || a.p.T - b.p.T);
  for (const { p, n: w } of entries) {
    data.x[i] = p.x;
    data.t_x[i] = p.t_x;
    data.T[i] = p.T;
    data.weight[i] = w;
    let xi = xPos.get(p.x);
    if (xi === undefined) {
      xi = xPos.size;
      xPos.set(p.x, xi);
    }
    data.xIndex[i] = xi;
    data.total += w;
    i += 1;
  }
  data.xs = Float64Array.from(xPos.keys());
  return data;
}

/**
 * Log-likelihood summed over the data and, when `grad` is given, its gradient with respect to
 * (r, α, a, b) written into `grad`. The terms that depend only on x (the gamma functions) are
 * computed once per distinct x.
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: BgNbdData, grad?: Float64Array): number {
  const { r, alpha, a, b } = params;
  const nx = data.xs.length;
  const A = new Float64Array(nx);
  const Ar = new Float64Array(nx);
  const Aa = new Float64Array(nx);
  const Ab = new Float64Array(nx);
  const lnAB = new Float64Array(nx);
  const lnAlpha = Math.log(alpha);
  const lgR = gammaln(r);
  const lgB = gammaln(b);
  const lgAB = gammaln(a + b);
  const wantGrad = grad !== undefined;
  const psiR = wantGrad ? digamma(r) : 0;
  const psiB = wantGrad ? digamma(b) : 0;
  const psiAB = wantGrad ? digamma(a + b) : 0;
  const lnA = Math.log(a);
  for (let j = 0; j < nx; j += 1) {
    const x = data.xs[j] as number;
    A[j] = gammaln(r + x) - lgR + r * lnAlpha + gammaln(b + x) - lgB + lgAB - gammaln(a + b + x);
    if (x > 0) lnAB[j] = lnA - Math.log(b + x - 1);
    if (wantGrad) {
      const psiABx = digamma(a + b + x);
      Ar[j] = digamma(r + x) - psiR + lnAlpha;
      Aa[j] = psiAB - psiABx;
      Ab[j] = digamma(b + x) - psiB + psiAB - psiABx;
    }
  }
  let ll = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  const n = data.weight.length;
  for (let i = 0; i < n; i += 1) {
    const x = data.x[i] as number;
    const T = data.T[i] as number;
    const w = data.weight[i] as number;
    const j = data.xIndex[i] as number;
    const k = r + x;
    const lnT = Math.log(alpha + T);
    if (x > 0) {
      const tx = data.t_x[i] as number;
      const lnTx = Math.log(alpha + tx);
      const u = (lnAB[j] as number) - k * lnTx + k * lnT;
      ll += w * ((A[j] as number) - k * lnT + softplus(u));
      if (wantGrad) {
        const s = sigmoid(u);
        gr += w * ((Ar[j] as number) - lnT + s * (lnT - lnTx));
        gAlpha += w * (r / alpha - k / (alpha + T) + s * (k / (alpha + T) - k / (alpha + tx)));
        ga += w * ((Aa[j] as number) + s / a);
        gb += w * ((Ab[j] as number) - s / (b + x - 1));
      }
    } else {
      ll += w * ((A[j] as number) - r * lnT);
      if (wantGrad) {
        gr += w * (lnAlpha - lnT);
        gAlpha += w * (r / alpha - r / (alpha + T));
      }
    }
  }
  if (grad !== undefined) {
    grad[0] = gr;
    grad[1] = gAlpha;
    grad[2] = ga;
    grad[3] = gb;
  }
  return ll;
}

/** P(alive at T | x, t_x, T). A customer without repeat purchases has not had a chance to drop out: 1. */
export function pAlive(params: BgNbdParams, point: RfmPoint): number {
  const { r, alpha, a, b } = params;
  const { x, t_x, T } = point;
  if (x === 0) return 1;
  const lnRatio = (r + x) * (Math.log(alpha + T) - Math.log(alpha + t_x));
  return 1 / (1 + Math.exp(Math.log(a / (b + x - 1)) + lnRatio));
}

/** A value of `a` this close to 1 makes the closed form 0/0; it is evaluated on both sides instead. */
const A_NEAR_ONE = 1e-7;

/**
 * E[number of purchases in (T, T + t] | x, t_x, T] (the paper's equation 10). The Gauss
 * hypergeometric term is taken through Euler's transformation,
 * (1−z)^(r+x)·2F1(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1)·2F1(a+b−1−r, a−1; a+b+x−1; z),
 * whose series converges quickly for any x (its denominator parameter grows with x while the
 * numerator ones do not) and never overflows.
 */
export function expectedVisits(params: BgNbdParams, point: RfmPoint, t: number): number {
  if (!(t >= 0)) throw new RangeError(`horizon must be ≥ 0, got ${t}`);
  if (t === 0) return 0;
  const { a } = params;
  if (Math.abs(a - 1) < A_NEAR_ONE) {
    return (
      (expectedVisitsClosedForm({ ...params, a: 1 + A_NEAR_ONE }, point, t) +
        expectedVisitsClosedForm({ ...params, a: 1 - A_NEAR_ONE }, point, t)) /
      2
    );
  }
  return expectedVisitsClosedForm(params, point, t);
}

function expectedVisitsClosedForm(params: BgNbdParams, point: RfmPoint, t: number): number {
  const numerator = expectedVisitsIfAliveClosedForm(params, point, t);
  return point.x === 0 ? numerator : numerator * pAlive(params, point);
}

function expectedVisitsIfAliveClosedForm(params: BgNbdParams, point: RfmPoint, t: number): number {
  const { r, alpha, a, b } = params;
  const { x, T } = point;
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  const transformed = Math.exp((a - 1) * Math.log1p(-z)) * hyp2f1(a + b - 1 - r, a - 1, c, z);
  return (c / (a - 1)) * (1 - transformed);
}

/**
 * E[purchases in (T, T + t] | x, t_x, T, still alive at T]: equation 10 without its P(alive)
 * factor (expectedVisits = pAlive × this). What a customer brings if they have not lapsed.
 */
export function expectedVisitsIfAlive(params: BgNbdParams, point: RfmPoint, t: number): number {
  if (!(t >= 0)) throw new RangeError(`horizon must be ≥ 0, got ${t}`);
  if (t === 0) return 0;
  if (Math.abs(params.a - 1) < A_NEAR_ONE) {
    return (
      (expectedVisitsIfAliveClosedForm({ ...params, a: 1 + A_NEAR_ONE }, point, t) +
        expectedVisitsIfAliveClosedForm({ ...params, a: 1 - A_NEAR_ONE }, point, t)) /
      2
    );
  }
  return expectedVisitsIfAliveClosedForm(params, point, t);
}
