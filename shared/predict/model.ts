/**
 * The business's retention model as of D: BG/NBD over every pair with ≥ 1 visit, Gamma-Gamma
 * over the pairs with x ≥ 1 and m_x > 0 (one model per business, so every branch and HQ score a
 * customer the same way), and each pair's prediction from it.
 */
import { compressBgNbd, expectedVisits, pAlive, type BgNbdParams, type RfmPoint } from './bgnbd';
import { fitBgNbd, fitGammaGamma } from './fit';
import { compressGammaGamma, conditionalExpectedSpend, type GammaGammaParams, type SpendPoint } from './gamma-gamma';
import { meanRepeatSpend, rfmPoint, type VisitHistory } from './history';

export interface RetentionModel {
  bgnbd: BgNbdParams;
  gamma_gamma: GammaGammaParams;
  /** Pairs with ≥ 1 visit the visit model was fitted on. */
  pairs: number;
  /** Pairs with paid repeat visits the spend model was fitted on. */
  spend_pairs: number;
}

export type ModelOutcome = { ok: true; model: RetentionModel } | { ok: false; reason: string };

export function fitRetentionModel(histories: readonly VisitHistory[], asOfDay: number): ModelOutcome {
  const spendPoints: SpendPoint[] = [];
  for (const h of histories) {
    const m = meanRepeatSpend(h);
    if (h.days.length > 1 && m > 0) spendPoints.push({ x: h.days.length - 1, m_x: m });
  }
  return fitRetentionPoints(
    histories.map((h) => rfmPoint(h, asOfDay)),
    spendPoints,
  );
}

/**
 * The same fit from each pair's (x, t_x, T) and the (x, m_x) of the pairs with paid repeat visits,
 * each point standing for `n` pairs (1 when left out): what a caller that summarises and counts
 * the pairs itself (the server, in SQL) passes instead of every visit day.
 */
export function fitRetentionPoints(points: Iterable<RfmPoint & { n?: number }>, spendPoints: Iterable<SpendPoint & { n?: number }>): ModelOutcome {
  const visitData = compressBgNbd(points);
  if (visitData.total === 0) return { ok: false, reason: 'no pair has a completed visit on or before the as-of date' };
  const visits = fitBgNbd(visitData);
  if (!visits.ok) return visits;
  const spendData = compressGammaGamma(spendPoints);
  const spend = fitGammaGamma(spendData);
  if (!spend.ok) return spend;
  return { ok: true, model: { bgnbd: visits.params, gamma_gamma: spend.params, pairs: visitData.total, spend_pairs: spendData.total } };
}

export interface PairPrediction {
  customer_id: string;
  branch_id: string;
  p_alive: number;
  /** Expected visit days in (D, D + H]. */
  expected_visits: number;
  /** Expected spend per visit, major units. */
  expected_spend: number;
  /** expected_visits × expected_spend, major units. */
  predicted_value: number;
}

export function predictPair(model: RetentionModel, history: VisitHistory, asOfDay: number, horizonDays: number): PairPrediction {
  const point = rfmPoint(history, asOfDay);
  const expected = expectedVisits(model.bgnbd, point, horizonDays);
  const spend = conditionalExpectedSpend(model.gamma_gamma, point.x, meanRepeatSpend(history));
  return {
    customer_id: history.customer_id,
    branch_id: history.branch_id,
    p_alive: pAlive(model.bgnbd, point),
    expected_visits: expected,
    expected_spend: spend,
    predicted_value: expected * spend,
  };
}
