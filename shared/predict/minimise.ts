/**
 * BFGS quasi-Newton minimisation with a backtracking (Armijo) line search, for the handful of
 * parameters of the retention models. Hand-written on purpose: the npm optimisers checked were
 * unfit (fmin 0.0.4's Nelder–Mead throws in strict mode on a shrink step and reads the wrong
 * tolerance option; numeric.js builds its kernels with `Function`, which the renderer's CSP
 * forbids), and with analytic gradients BFGS needs far fewer likelihood evaluations anyway.
 */

export interface MinimiseOptions {
  /** Converged when every gradient component is below this in absolute value. */
  gradientTolerance: number;
  maxIterations: number;
  /** Largest change of any coordinate in one step (the parameters are logs: e^5 ≈ 150×). */
  maxStep: number;
  /**
   * Stop as soon as a coordinate leaves [lower, upper]: the minimum lies at infinity (a degenerate
   * model), and walking there along a flat ridge would only cost iterations.
   */
  box: { lower: number; upper: number } | null;
}

export interface MinimiseResult {
  x: Float64Array;
  fx: number;
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** It stopped because a coordinate left the box. */
  leftBox: boolean;
  /** Why it stopped, in words. */
  message: string;
}

/** f(x, grad) returns the value and writes the gradient into grad. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

const DEFAULTS: MinimiseOptions = { gradientTolerance: 1e-8, maxIterations: 400, maxStep: 5, box: null };

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const e of v) m = Math.max(m, Math.abs(e));
  return m;
}

function allFinite(v: Float64Array): boolean {
  for (const e of v) if (!Number.isFinite(e)) return false;
  return true;
}

export function minimiseBfgs(f: Objective, start: readonly number[], options: Partial<MinimiseOptions> = {}): MinimiseResult {
  const opts = { ...DEFAULTS, ...options };
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let fx = f(x, g);
  let evaluations = 1;
  const done = (converged: boolean, message: string, iterations: number, leftBox = false): MinimiseResult => ({
    x,
    fx,
    gradient: g,
    iterations,
    evaluations,
    converged,
    leftBox,
    message,
  });
  if (!Number.isFinite(fx) || !allFinite(g)) return done(false, 'the objective is not finite at the starting point', 0);
  // Inverse Hessian approximation, row-major.
  const H = new Float64Array(n * n);
  const resetH = (scale: number) => {
    H.fill(0);
    for (let i = 0; i < n; i += 1) H[i * n + i] = scale;
  };
  resetH(1);
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let firstUpdate = true;
  for (let iter = 0; iter < opts.maxIterations; iter += 1) {
    if (maxAbs(g) < opts.gradientTolerance) return done(true, 'gradient below tolerance', iter);
    let slope = 0;
    for (let i = 0; i < n; i += 1) {
      let di = 0;
      for (let j = 0; j < n; j += 1) di -= (H[i * n + j] as number) * (g[j] as number);
      d[i] = di;
      slope += di * (g[i] as number);
    }
    if (!(slope < 0)) {
      // Not a descent direction (the approximation lost positive definiteness): steepest descent.
      resetH(1);
      firstUpdate = true;
      slope = 0;
      for (let i = 0; i < n; i += 1) {
        d[i] = -(g[i] as number);
        slope -= (g[i] as number) * (g[i] as number);
      }
    }
    const longest = maxAbs(d);
    if (longest > opts.maxStep) {
      const k = opts.maxStep / longest;
      for (let i = 0; i < n; i += 1) d[i] = (d[i] as number) * k;
      slope *= k;
    }
    let t = 1;
    let fNew = Number.NaN;
    let accepted = false;
    for (let halvings = 0; halvings < 60; halvings += 1) {
      for (let i = 0; i < n; i += 1) xNew[i] = (x[i] as number) + t * (d[i] as number);
      fNew = f(xNew, gNew);
      evaluations += 1;
      if (Number.isFinite(fNew) && allFinite(gNew) && fNew <= fx + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      // No decrease possible along a descent direction: at the optimum to machine precision, or stuck.
      return done(maxAbs(g) < opts.gradientTolerance * 1e3, 'line search found no decrease', iter);
    }
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i += 1) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
      sy += (s[i] as number) * (y[i] as number);
      yy += (y[i] as number) * (y[i] as number);
    }
    const fOld = fx;
    x = Float64Array.from(xNew);
    g = Float64Array.from(gNew);
    fx = fNew;
    const box = opts.box;
    if (box !== null && x.some((v) => v < box.lower || v > box.upper)) return done(false, 'a coordinate left the box', iter + 1, true);
    if (sy > 1e-12 * Math.sqrt(yy) * maxAbs(s)) {
      if (firstUpdate) {
        resetH(sy / yy);
        firstUpdate = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, with ρ = 1 / sᵀy.
      const rho = 1 / sy;
      let yHy = 0;
      for (let i = 0; i < n; i += 1) {
        let v = 0;
        for (let j = 0; j < n; j += 1) v += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = v;
        yHy += (y[i] as number) * v;
      }
      for (let i = 0; i < n; i += 1) {
        for (let j = 0; j < n; j += 1) {
          H[i * n + j] =
            (H[i * n + j] as number) -
            rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) +
            (rho * rho * yHy + rho) * (s[i] as number) * (s[j] as number);
        }
      }
    }
    if (Math.abs(fOld - fx) <= 1e-15 * Math.max(1, Math.abs(fx)) && maxAbs(g) < opts.gradientTolerance * 1e3) {
      return done(true, 'no further decrease at a near-zero gradient', iter + 1);
    }
  }
  return done(maxAbs(g) < opts.gradientTolerance, `no convergence in ${opts.maxIterations} iterations`, opts.maxIterations);
}
