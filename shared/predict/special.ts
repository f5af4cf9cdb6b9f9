/**
 * Special functions for the retention models, from the stdlib project (pure JavaScript ports of
 * Cephes/Boost; no install script, no native code on the path we import, run in the renderer too).
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import digamma from '@stdlib/math-base-special-digamma';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';

export { gammaln, digamma, hyp2f1 };

/** ln(1 + e^u) without overflow. */
export function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

/** 1 / (1 + e^-u). */
export function sigmoid(u: number): number {
  if (u >= 0) return 1 / (1 + Math.exp(-u));
  const e = Math.exp(u);
  return e / (1 + e);
}
