import { describe, expect, it } from 'vitest';
import { expectedVisits, pAlive } from './bgnbd';
import { cadenceOf } from './cadence';
import { conditionalExpectedSpend } from './gamma-gamma';
import type { VisitHistory } from './history';
import type { RetentionModel } from './model';
import { outlookFromFacts, outlookTotals, pairOutlook, LIKELY_TO_LAPSE_BELOW } from './outlook';

const MODEL: RetentionModel = {
  bgnbd: { r: 0.8, alpha: 40, a: 0.6, b: 3 },
  gamma_gamma: { p: 5, q: 4, gamma: 20 },
  pairs: 100,
  spend_pairs: 50,
};

// Visits on days 0, 20, 38, 60 (repeat spend 30, 40, 50 → m_x = 40); as of day 100.
const HISTORY: VisitHistory = { customer_id: 'c1', branch_id: 'b1', days: [0, 20, 38, 60], spend: [2000, 3000, 4000, 5000] };
const POINT = { x: 3, t_x: 60, T: 100 };

describe('a pair’s outlook', () => {
  const o = pairOutlook(MODEL, HISTORY, 100);

  it('is the models’ figures for its (x, t_x, T) and m_x', () => {
    expect(o.p_alive).toBe(pAlive(MODEL.bgnbd, POINT));
    expect(o.expected_visits_90).toBeCloseTo(expectedVisits(MODEL.bgnbd, POINT, 90), 12);
    expect(o.expected_visits_30).toBeCloseTo(expectedVisits(MODEL.bgnbd, POINT, 30), 12);
    expect(o.expected_spend).toBe(conditionalExpectedSpend(MODEL.gamma_gamma, 3, 40));
    expect(o.predicted_value_90).toBeCloseTo(o.expected_visits_90 * o.expected_spend, 10);
    expect(o.predicted_value_30).toBeCloseTo(o.expected_visits_30 * o.expected_spend, 10);
    expect(o.cadence).toEqual(cadenceOf(HISTORY, 100));
  });

  it('puts at risk the value of a customer still coming, weighted by the chance they lapsed', () => {
    // predicted value = p × value-if-alive, so value at risk = (1 − p) / p × predicted value.
    expect(o.value_at_risk_90).toBeCloseTo(((1 - o.p_alive) / o.p_alive) * o.predicted_value_90, 10);
    expect(o.value_at_risk_90 + o.predicted_value_90).toBeGreaterThan(o.predicted_value_90);
  });

  it('grows with silence: the same history seen later has less chance, less value, more at risk first', () => {
    const later = pairOutlook(MODEL, HISTORY, 160);
    expect(later.p_alive).toBeLessThan(o.p_alive);
    expect(later.predicted_value_90).toBeLessThan(o.predicted_value_90);
  });

  it('a single visit: nothing at risk (the model cannot have lost them yet), the population mean spend', () => {
    const one = pairOutlook(MODEL, { customer_id: 'c2', branch_id: 'b1', days: [10], spend: [2500] }, 100);
    expect(one.p_alive).toBe(1);
    expect(one.value_at_risk_90).toBe(0);
    expect(one.expected_spend).toBeCloseTo((MODEL.gamma_gamma.gamma * MODEL.gamma_gamma.p) / (MODEL.gamma_gamma.q - 1), 10);
    expect(one.cadence).toBeNull();
  });

  it('from booking facts: completed visits dated up to the day, two on a day counted once', () => {
    const facts = [
      { customer_id: 'c1', branch_id: 'b1', status: 'completed' as const, price: 2000, day: 0 },
      { customer_id: 'c1', branch_id: 'b1', status: 'completed' as const, price: 1000, day: 20 },
      { customer_id: 'c1', branch_id: 'b1', status: 'completed' as const, price: 2000, day: 20 },
      { customer_id: 'c1', branch_id: 'b1', status: 'cancelled' as const, price: 9000, day: 30 },
      { customer_id: 'c1', branch_id: 'b1', status: 'completed' as const, price: 4000, day: 38 },
      { customer_id: 'c1', branch_id: 'b1', status: 'completed' as const, price: 5000, day: 60 },
      { customer_id: 'c1', branch_id: 'b1', status: 'completed' as const, price: 7000, day: 120 },
    ];
    expect(outlookFromFacts(MODEL, facts, 100)).toEqual(o);
    expect(outlookFromFacts(MODEL, facts.filter((f) => f.status === 'cancelled'), 100)).toBeNull();
  });

  it('totals add the pairs up and count the likely to lapse and the overdue', () => {
    const a = pairOutlook(MODEL, HISTORY, 100);
    const b = pairOutlook(MODEL, HISTORY, 400);
    const t = outlookTotals([a, b]);
    expect(t.pairs).toBe(2);
    expect(t.predicted_value_90).toBeCloseTo(a.predicted_value_90 + b.predicted_value_90, 10);
    expect(t.value_at_risk_90).toBeCloseTo(a.value_at_risk_90 + b.value_at_risk_90, 10);
    expect(t.likely_to_lapse).toBe([a, b].filter((x) => x.p_alive < LIKELY_TO_LAPSE_BELOW).length);
    expect(t.overdue).toBe([a, b].filter((x) => x.cadence?.status === 'overdue').length);
    expect(t.overdue).toBeGreaterThan(0);
  });
});
