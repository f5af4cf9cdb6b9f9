/**
 * RFM scores 1–5 (recency, frequency, monetary) with business-wide cut-offs, and cut-offs
 * derived from a population's quintiles (which the database computes).
 *
 * A score is computed from the figures of one (customer, branch) pair, so a branch desk, another
 * branch and HQ holding the same data give the same scores. Customers without a visit have no
 * RFM score.
 */
import type { PairActivity } from '../engine/activity';
import type { Quartet, RfmCutoffs } from './business-rules';

export type Score = 1 | 2 | 3 | 4 | 5;

export interface RfmScores {
  r: Score;
  f: Score;
  m: Score;
  /** `"545"`: R, F and M digits (for grids and labels). */
  code: string;
}

export type RfmFigures = Pick<PairActivity, 'days_since_last_visit' | 'total_bookings' | 'total_spent'>;

function atLeast(value: number, bounds: Quartet): Score {
  let score = 1;
  for (const b of bounds) if (value >= b) score += 1;
  return score as Score;
}

export function recencyScore(days: number, bounds: Quartet): Score {
  let score = 1;
  for (const b of bounds) if (days <= b) score += 1;
  return score as Score;
}

/** The pair's scores, or null without a visit. */
export function rfmScores(a: RfmFigures, cutoffs: RfmCutoffs): RfmScores | null {
  if (a.total_bookings === 0 || a.days_since_last_visit === null) return null;
  const r = recencyScore(a.days_since_last_visit, cutoffs.recency_days);
  const f = atLeast(a.total_bookings, cutoffs.frequency);
  const m = atLeast(a.total_spent, cutoffs.monetary);
  return { r, f, m, code: `${r}${f}${m}` };
}

function strictlyAscending(values: number[]): Quartet {
  for (let i = 1; i < values.length; i += 1) values[i] = Math.max(values[i] as number, (values[i - 1] as number) + 1);
  return values as Quartet;
}

/**
 * Cut-offs from the 20th, 40th, 60th and 80th percentiles (nearest rank, the database's
 * `percentile_disc`) of days since the last visit, visits and spend of the pairs with a visit:
 * R5 = the most recent fifth, F5/M5 = above the 80th percentile, and so on. Bounds are made
 * strictly ascending so every score stays reachable.
 */
export function rfmCutoffsFromQuintiles(q: { days: readonly number[]; visits: readonly number[]; spent: readonly number[] }): RfmCutoffs {
  return {
    recency_days: strictlyAscending([...q.days]),
    frequency: strictlyAscending(q.visits.map((v) => v + 1)),
    monetary: strictlyAscending(q.spent.map((v) => v + 1)),
  };
}
