/**
 * A pair's outlook as the desk and HQ show it (docs/DESIGN.md §11): chance of return, expected
 * visits and predicted value in the next 30 and 90 days, the value at risk, and the personal
 * cadence — all from one fitted retention model, so every screen and HQ agree.
 */
import { expectedVisitsIfAlive, pAlive } from './bgnbd';
import { cadenceOf, type Cadence } from './cadence';
import { conditionalExpectedSpend } from './gamma-gamma';
import { meanRepeatSpend, rfmPoint, visitHistories, type VisitFact, type VisitHistory } from './history';
import type { RetentionModel } from './model';

/** The horizons shown: 90 days on the desk, 30 and 90 at HQ. */
export const OUTLOOK_HORIZONS = [30, 90] as const;

/** Below this chance of return a pair is "likely to lapse" (filters, segments, the call-back list). */
export const LIKELY_TO_LAPSE_BELOW = 0.5;

export interface PairOutlook {
  customer_id: string;
  branch_id: string;
  /** P(still coming back) as of the day. */
  p_alive: number;
  /** Expected visit days in the next 30 / 90 days. */
  expected_visits_30: number;
  expected_visits_90: number;
  /** Expected spend per visit, major units. */
  expected_spend: number;
  /** expected visits × expected spend, major units. */
  predicted_value_30: number;
  predicted_value_90: number;
  /**
   * Predicted value lost if they lapse, next 90 days, major units: (1 − p_alive) × the value they
   * would bring if still coming (expected visits given alive × expected spend). High for a
   * customer who used to come often and spend much and whose silence makes a lapse likely; zero
   * for a customer the model cannot yet have lost (no repeat visit, p_alive = 1).
   */
  value_at_risk_90: number;
  /** Personal cadence (≥ 3 visit days), or null. */
  cadence: Cadence | null;
}

/** One pair's outlook as of a day (its history as of that day: see `visitHistories`). */
export function pairOutlook(model: RetentionModel, history: VisitHistory, asOfDay: number): PairOutlook {
  const point = rfmPoint(history, asOfDay);
  const alive = pAlive(model.bgnbd, point);
  const ifAlive30 = expectedVisitsIfAlive(model.bgnbd, point, 30);
  const ifAlive90 = expectedVisitsIfAlive(model.bgnbd, point, 90);
  const spend = conditionalExpectedSpend(model.gamma_gamma, point.x, meanRepeatSpend(history));
  const visits30 = point.x === 0 ? ifAlive30 : alive * ifAlive30;
  const visits90 = point.x === 0 ? ifAlive90 : alive * ifAlive90;
  return {
    customer_id: history.customer_id,
    branch_id: history.branch_id,
    p_alive: alive,
    expected_visits_30: visits30,
    expected_visits_90: visits90,
    expected_spend: spend,
    predicted_value_30: visits30 * spend,
    predicted_value_90: visits90 * spend,
    value_at_risk_90: (1 - alive) * ifAlive90 * spend,
    cadence: cadenceOf(history, asOfDay),
  };
}

/** A pair's outlook from its booking facts (any order, any status), or null without a visit as of the day. */
export function outlookFromFacts(model: RetentionModel, facts: Iterable<VisitFact>, asOfDay: number): PairOutlook | null {
  const [history] = visitHistories(facts, asOfDay);
  return history === undefined ? null : pairOutlook(model, history, asOfDay);
}

export interface OutlookTotals {
  /** Pairs with ≥ 1 visit. */
  pairs: number;
  expected_visits_30: number;
  expected_visits_90: number;
  predicted_value_30: number;
  predicted_value_90: number;
  value_at_risk_90: number;
  /** Pairs with p_alive below LIKELY_TO_LAPSE_BELOW. */
  likely_to_lapse: number;
  /** Pairs overdue for their own cadence. */
  overdue: number;
}

/** Sums of outlooks (a branch's, or the business's), each money figure in major units. */
export function outlookTotals(outlooks: Iterable<PairOutlook>): OutlookTotals {
  const t: OutlookTotals = { pairs: 0, expected_visits_30: 0, expected_visits_90: 0, predicted_value_30: 0, predicted_value_90: 0, value_at_risk_90: 0, likely_to_lapse: 0, overdue: 0 };
  for (const o of outlooks) {
    t.pairs += 1;
    t.expected_visits_30 += o.expected_visits_30;
    t.expected_visits_90 += o.expected_visits_90;
    t.predicted_value_30 += o.predicted_value_30;
    t.predicted_value_90 += o.predicted_value_90;
    t.value_at_risk_90 += o.value_at_risk_90;
    if (o.p_alive < LIKELY_TO_LAPSE_BELOW) t.likely_to_lapse += 1;
    if (o.cadence?.status === 'overdue') t.overdue += 1;
  }
  return t;
}

/** Totals rounded as HQ and the desk compare them: visits to 4 decimals, money to cents. */
export function roundedTotals(t: OutlookTotals): OutlookTotals {
  const r4 = (v: number) => Math.round(v * 10_000) / 10_000;
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return {
    ...t,
    expected_visits_30: r4(t.expected_visits_30),
    expected_visits_90: r4(t.expected_visits_90),
    predicted_value_30: r2(t.predicted_value_30),
    predicted_value_90: r2(t.predicted_value_90),
    value_at_risk_90: r2(t.value_at_risk_90),
  };
}
