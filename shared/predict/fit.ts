/**
 * Maximum-likelihood fits of BG/NBD and Gamma-Gamma, in log-parameter space (every parameter is
 * positive; logs make the problem unconstrained and better scaled). A fit that cannot be trusted
 * is reported as a failure with its reason, never returned as numbers.
 */
import { bgnbdLogLikelihood, type BgNbdData, type BgNbdParams } from './bgnbd';
import { gammaGammaLogLikelihood, type GammaGammaData, type GammaGammaParams } from './gamma-gamma';
import { minimiseBfgs, type MinimiseResult } from './minimise';

export type FitOutcome<P> =
  | { ok: true; params: P; logLikelihood: number; iterations: number; evaluations: number }
  | { ok: false; reason: string };

/**
 * Fewer pairs with a repeat visit than this and the heterogeneity parameters are not identified
 * (four parameters from a handful of repeaters): refuse rather than report noise.
 */
const MIN_PAIRS_WITH_REPEATS = 20;

/**
 * A parameter outside [1e-4, 1e5] means the likelihood kept improving towards a degenerate model
 * (e.g. no heterogeneity: r, α → ∞ together; no drop-out: a → 0): the fit ran to a boundary.
 */
const LOG_LOWER = Math.log(1e-4);
const LOG_UPPER = Math.log(1e5);
/** The optimiser gives up a little beyond the boundary (so a minimum just inside is still found). */
const BOX = { lower: LOG_LOWER - 1, upper: LOG_UPPER + 1 };

function boundaryProblem(names: readonly string[], logs: Float64Array): string | null {
  const bad: string[] = [];
  logs.forEach((v, i) => {
    if (v < LOG_LOWER || v > LOG_UPPER) bad.push(`${names[i]} = ${Math.exp(v).toPrecision(3)}`);
  });
  return bad.length === 0 ? null : `the fit ran to a boundary (${bad.join(', ')})`;
}

/** Tries each start and keeps the best converged result; fails with the first start's reason. */
function bestOf(starts: readonly number[][], run: (start: number[]) => MinimiseResult): MinimiseResult {
  let best: MinimiseResult | null = null;
  let first: MinimiseResult | null = null;
  for (const start of starts) {
    const result = run(start);
    first ??= result;
    if (result.converged && (best === null || result.fx < best.fx)) best = result;
    if (result.converged && result.x.every((v) => v >= LOG_LOWER && v <= LOG_UPPER)) break;
  }
  return best ?? (first as MinimiseResult);
}

export function fitBgNbd(data: BgNbdData): FitOutcome<BgNbdParams> {
  let repeaters = 0;
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < data.weight.length; i += 1) {
    const w = data.weight[i] as number;
    if ((data.x[i] as number) > 0) repeaters += w;
    sumX += w * (data.x[i] as number);
    sumT += w * (data.T[i] as number);
  }
  if (repeaters < MIN_PAIRS_WITH_REPEATS) {
    return {
      ok: false,
      reason: `too few pairs with repeat visits to fit the visit model (${repeaters}; at least ${MIN_PAIRS_WITH_REPEATS} needed)`,
    };
  }
  if (!(sumT > 0)) return { ok: false, reason: 'no observation time: every pair had its first visit on the as-of date' };
  const total = data.total;
  const grad = new Float64Array(4);
  const objective = (theta: Float64Array, out: Float64Array): number => {
    const params = { r: Math.exp(theta[0] as number), alpha: Math.exp(theta[1] as number), a: Math.exp(theta[2] as number), b: Math.exp(theta[3] as number) };
    const ll = bgnbdLogLikelihood(params, data, grad);
    out[0] = (-params.r * (grad[0] as number)) / total;
    out[1] = (-params.alpha * (grad[1] as number)) / total;
    out[2] = (-params.a * (grad[2] as number)) / total;
    out[3] = (-params.b * (grad[3] as number)) / total;
    return -ll / total;
  };
  // Start from a purchase rate that matches the data (r/α = repeat visits per day observed).
  const lnAlpha0 = Math.log(Math.min(1e4, Math.max(1, sumT / Math.max(sumX, 1))));
  const result = bestOf(
    [
      [0, lnAlpha0, 0, 0],
      [Math.log(0.3), lnAlpha0 + Math.log(0.3), Math.log(0.5), Math.log(3)],
    ],
    (start) => minimiseBfgs(objective, start, { box: BOX }),
  );
  if (!result.converged && !result.leftBox) return { ok: false, reason: `the visit model did not converge (${result.message})` };
  const boundary = boundaryProblem(['r', 'alpha', 'a', 'b'], result.x);
  if (boundary !== null) return { ok: false, reason: `visit model: ${boundary}` };
  const [r, alpha, a, b] = Array.from(result.x, Math.exp) as [number, number, number, number];
  return { ok: true, params: { r, alpha, a, b }, logLikelihood: -result.fx * total, iterations: result.iterations, evaluations: result.evaluations };
}

export function fitGammaGamma(data: GammaGammaData): FitOutcome<GammaGammaParams> {
  if (data.total < MIN_PAIRS_WITH_REPEATS) {
    return {
      ok: false,
      reason: `too few pairs with paid repeat visits to fit the spend model (${data.total}; at least ${MIN_PAIRS_WITH_REPEATS} needed)`,
    };
  }
  let sumM = 0;
  for (let i = 0; i < data.weight.length; i += 1) sumM += (data.weight[i] as number) * (data.m[i] as number);
  const meanM = sumM / data.total;
  const total = data.total;
  const grad = new Float64Array(3);
  const objective = (theta: Float64Array, out: Float64Array): number => {
    const params = { p: Math.exp(theta[0] as number), q: Math.exp(theta[1] as number), gamma: Math.exp(theta[2] as number) };
    const ll = gammaGammaLogLikelihood(params, data, grad);
    out[0] = (-params.p * (grad[0] as number)) / total;
    out[1] = (-params.q * (grad[1] as number)) / total;
    out[2] = (-params.gamma * (grad[2] as number)) / total;
    return -ll / total;
  };
  // p = 1, q = 2 makes the population mean γp/(q−1) = γ: start it at the observed mean.
  const result = bestOf(
    [
      [0, Math.log(2), Math.log(meanM)],
      [Math.log(5), Math.log(4), Math.log((meanM * 3) / 5)],
    ],
    (start) => minimiseBfgs(objective, start, { box: BOX }),
  );
  if (!result.converged && !result.leftBox) return { ok: false, reason: `the spend model did not converge (${result.message})` };
  const boundary = boundaryProblem(['p', 'q', 'gamma'], result.x);
  if (boundary !== null) return { ok: false, reason: `spend model: ${boundary}` };
  const [p, q, gamma] = Array.from(result.x, Math.exp) as [number, number, number];
  if (!(q > 1)) return { ok: false, reason: `spend model: q = ${q.toPrecision(3)} ≤ 1 gives no finite mean spend` };
  return { ok: true, params: { p, q, gamma }, logLikelihood: -result.fx * total, iterations: result.iterations, evaluations: result.evaluations };
}
