/**
 * Pairs drawn from the BG/NBD process itself (seeded): λ ~ Gamma(r, α), p ~ Beta(a, b); visits
 * at rate λ after the first, a drop-out with probability p after each repeat visit, observed for
 * T days. Spend per visit ~ Gamma(p, ν), ν ~ Gamma(q, γ). Known truth, so a fit can be checked
 * against it as well as timed.
 */
import type { BgNbdParams, RfmPoint } from '../../shared/predict/bgnbd';
import type { GammaGammaParams, SpendPoint } from '../../shared/predict/gamma-gamma';

function gammaSampler(random: () => number): (shape: number, rate: number) => number {
  const normal = () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  // Marsaglia & Tsang (2000); shape < 1 through the boost U^(1/shape).
  const sample = (shape: number, rate: number): number => {
    if (shape < 1) return sample(shape + 1, rate) * (1 - random()) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      const u = 1 - random();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  return sample;
}

export function simulatePairs(
  n: number,
  visits: BgNbdParams,
  spend: GammaGammaParams,
  random: () => number,
): { points: RfmPoint[]; spend: SpendPoint[] } {
  const gamma = gammaSampler(random);
  const points: RfmPoint[] = [];
  const spends: SpendPoint[] = [];
  for (let i = 0; i < n; i += 1) {
    const lambda = gamma(visits.r, visits.alpha);
    const ga = gamma(visits.a, 1);
    const p = ga / (ga + gamma(visits.b, 1));
    const nu = gamma(spend.q, spend.gamma);
    const T = 30 + Math.floor(random() * 1000);
    let t = 0;
    let x = 0;
    let last = 0;
    let total = 0;
    for (;;) {
      t += Math.ceil(-Math.log(1 - random()) / lambda);
      if (t > T) break;
      x += 1;
      last = t;
      total += gamma(spend.p, nu);
      if (random() < p) break;
    }
    points.push({ x, t_x: last, T });
    if (x > 0) spends.push({ x, m_x: total / x });
  }
  return { points, spend: spends };
}
