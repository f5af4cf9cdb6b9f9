import type { Archetype } from './types';
import { Weighted } from './prng';

/**
 * Customer archetypes: the behaviours the generator mixes so that every status appears in
 * realistic proportions as of "today", and the arithmetic that scales visit counts to a booking
 * target.
 */
export interface ArchetypeSpec {
  name: Archetype;
  /** Share of customers. */
  weight: number;
  /** Mean visit count before scaling to the booking target (0 = fixed count). */
  base: number;
  /** Fewest visits. */
  min: number;
}

export const ARCHETYPE_SPECS: readonly ArchetypeSpec[] = [
  { name: 'regular', weight: 0.33, base: 22, min: 2 },
  { name: 'occasional', weight: 0.16, base: 6, min: 2 },
  { name: 'one_timer', weight: 0.09, base: 0, min: 1 },
  { name: 'lapsing', weight: 0.1, base: 12, min: 3 },
  { name: 'churned', weight: 0.12, base: 7, min: 1 },
  { name: 'win_back', weight: 0.06, base: 6, min: 1 },
  { name: 'newcomer', weight: 0.07, base: 0, min: 1 },
  { name: 'new', weight: 0.07, base: 0, min: 0 },
];
export const ARCHETYPE_PICK = new Weighted(ARCHETYPE_SPECS.map((a) => a.weight));

const weightOf = (name: Archetype) => ARCHETYPE_SPECS.find((a) => a.name === name)?.weight ?? 0;
/** Visits not scaled by the target: one-timers' single visit, win-backs' return(s), newcomers' first few. */
const FIXED_VISITS = weightOf('one_timer') + weightOf('win_back') * 1.25 + weightOf('newcomer') * 1.8;
const SCALED_VISITS = ARCHETYPE_SPECS.reduce((sum, a) => sum + a.weight * a.base, 0);
/** Customers who may have a second branch (not one-timers, not newcomers, not brand new). */
export const MULTI_BRANCH_ELIGIBLE = 1 - weightOf('new') - weightOf('one_timer') - weightOf('newcomer');

/** Per-customer no-show propensity: most rarely miss, a few often do (mean ≈ 6.4% of visits). */
export const NO_SHOW_RATES = [0.03, 0.12, 0.35];
export const NO_SHOW_PICK = new Weighted([75, 20, 5]);
export const CANCEL_RATE = 0.085;
/** Mean bookings per completed visit: the visit plus the no-shows and cancellations before it. */
const BOOKINGS_PER_VISIT = 1 + NO_SHOW_RATES.reduce((sum, rate, i) => sum + rate * (NO_SHOW_PICK.probability(i)), 0) + CANCEL_RATE;

/** The visit-count scale that makes `perCustomer` bookings per customer on average (1 = natural). */
export function visitScaleFor(perCustomer: number | null): number {
  if (perCustomer === null) return 1;
  return Math.max(0.02, (perCustomer / BOOKINGS_PER_VISIT - FIXED_VISITS) / SCALED_VISITS);
}
