/**
 * Double-exponential quadrature for the tests: integrals of the models' mixtures computed
 * numerically, independently of the closed forms under test. Both rules cope with the
 * integrable endpoint singularities of Gamma and Beta densities with shape < 1.
 */

const H = 1 / 32;
const T_MAX = 4.5;

/** ∫₀¹ f(p, 1 − p) dp by tanh-sinh; f gets 1 − p computed without cancellation. */
export function integrateUnit(f: (p: number, oneMinusP: number) => number): number {
  let sum = 0;
  for (let t = -T_MAX; t <= T_MAX; t += H) {
    const u = (Math.PI / 2) * Math.sinh(t);
    const p = 1 / (1 + Math.exp(-2 * u));
    const q = 1 / (1 + Math.exp(2 * u));
    if (p === 0 || q === 0) continue;
    const w = ((Math.PI / 2) * Math.cosh(t)) / (2 * Math.cosh(u) ** 2);
    sum += w * f(p, q);
  }
  return sum * H;
}

/** ∫₀^∞ f(λ) dλ by exp-sinh, nodes scaled around `scale` (the integrand's typical size). */
export function integrateHalfLine(f: (lambda: number) => number, scale: number): number {
  let sum = 0;
  for (let t = -T_MAX; t <= T_MAX; t += H) {
    const e = Math.exp((Math.PI / 2) * Math.sinh(t));
    const lambda = scale * e;
    if (lambda === 0 || !Number.isFinite(lambda)) continue;
    const w = scale * (Math.PI / 2) * Math.cosh(t) * e;
    const v = f(lambda);
    if (v !== 0) sum += w * v;
  }
  return sum * H;
}
