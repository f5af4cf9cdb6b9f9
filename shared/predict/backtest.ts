/**
 * How good are the predictions, measured: fit as of D1 (the calibration end), predict the visits
 * in (D1, D2], and compare with what happened — in total, per decile of predicted visits, and by
 * the AUC of each score for "came back in the holdout" (against the rule-based status too).
 */
import type { CustomerStatus } from '../domain/types';
import { auc } from './auc';
import { expectedVisits, pAlive } from './bgnbd';
import { pairKey } from '../engine/activity-index';
import { rfmPoint, visitHistories, type VisitFact, type VisitHistory } from './history';
import { fitRetentionModel, type RetentionModel } from './model';

export interface BacktestDecile {
  /** 1 = the tenth of pairs with the most predicted visits. */
  decile: number;
  pairs: number;
  predicted: number;
  actual: number;
}

export interface BacktestReport {
  pairs: number;
  /** Pairs with ≥ 1 visit day in the holdout. */
  came_back: number;
  total: { predicted: number; actual: number };
  deciles: BacktestDecile[];
  /** AUC for "came back": P(score of a returner > score of a non-returner), ties counting half. */
  auc: { p_alive: number | null; expected_visits: number | null; rule_status: number | null };
}

/**
 * The rule-based status as a score of "still coming": active and win_back above at_risk above
 * churned (new cannot occur: every pair here has a visit).
 */
export const STATUS_SCORE: Record<CustomerStatus, number> = { active: 3, win_back: 3, at_risk: 2, churned: 1, new: 0 };

/**
 * `calibration`: every pair with ≥ 1 visit as of D1; `holdoutVisits(pair)`: its visit days in
 * (D1, D2]; `statusOf(pair)`: its rule-based status as of D1.
 */
export function backtest(
  model: RetentionModel,
  calibration: readonly VisitHistory[],
  calibrationEnd: number,
  holdoutEnd: number,
  holdoutVisits: (h: VisitHistory) => number,
  statusOf: (h: VisitHistory) => CustomerStatus,
): BacktestReport {
  const horizon = holdoutEnd - calibrationEnd;
  const rows = calibration.map((h) => {
    const point = rfmPoint(h, calibrationEnd);
    return {
      predicted: expectedVisits(model.bgnbd, point, horizon),
      alive: pAlive(model.bgnbd, point),
      actual: holdoutVisits(h),
      status: STATUS_SCORE[statusOf(h)],
    };
  });
  const cameBack = rows.map((r) => r.actual > 0);
  const byPrediction = [...rows].sort((a, b) => b.predicted - a.predicted);
  const deciles: BacktestDecile[] = [];
  for (let d = 0; d < 10; d += 1) {
    const slice = byPrediction.slice(Math.floor((d * rows.length) / 10), Math.floor(((d + 1) * rows.length) / 10));
    deciles.push({
      decile: d + 1,
      pairs: slice.length,
      predicted: slice.reduce((s, r) => s + r.predicted, 0),
      actual: slice.reduce((s, r) => s + r.actual, 0),
    });
  }
  return {
    pairs: rows.length,
    came_back: cameBack.filter(Boolean).length,
    total: { predicted: rows.reduce((s, r) => s + r.predicted, 0), actual: rows.reduce((s, r) => s + r.actual, 0) },
    deciles,
    auc: {
      p_alive: auc(rows.map((r) => r.alive), cameBack),
      expected_visits: auc(rows.map((r) => r.predicted), cameBack),
      rule_status: auc(rows.map((r) => r.status), cameBack),
    },
  };
}

export type BacktestOutcome = { ok: true; model: RetentionModel; report: BacktestReport } | { ok: false; reason: string };

/**
 * The whole backtest from booking facts: the business model fitted as of D1 over every pair
 * (one model per business), then the report over the pairs of `branchId` (every pair when null)
 * with a visit by D1. `statusOf` gives the rule-based status as of D1. The CLI's `backtest` and
 * the desk's "How good are these predictions" both run this.
 */
export function runBacktest(
  facts: readonly VisitFact[],
  calibrationEnd: number,
  holdoutEnd: number,
  statusOf: (h: VisitHistory) => CustomerStatus,
  branchId: string | null = null,
): BacktestOutcome {
  const histories = visitHistories(facts, calibrationEnd);
  const fitted = fitRetentionModel(histories, calibrationEnd);
  if (!fitted.ok) return fitted;
  const later = new Map(visitHistories(facts, holdoutEnd).map((h) => [pairKey(h.branch_id, h.customer_id), h.days.length]));
  const calibration = branchId === null ? histories : histories.filter((h) => h.branch_id === branchId);
  const report = backtest(
    fitted.model,
    calibration,
    calibrationEnd,
    holdoutEnd,
    (h) => (later.get(pairKey(h.branch_id, h.customer_id)) ?? h.days.length) - h.days.length,
    statusOf,
  );
  return { ok: true, model: fitted.model, report };
}
