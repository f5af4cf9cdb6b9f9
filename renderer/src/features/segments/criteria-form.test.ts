import { describe, expect, it } from 'vitest';
import { criteria } from '../../../../shared/domain/criteria';
import { formatPrice } from '../../lib/format';
import { criteriaOf, EMPTY_FORM, formOf, isEmptyForm } from './criteria-form';
import { describeCriteria } from './criteria-text';

/** The criteria that match everyone: criteria() with nothing set. */
const EMPTY_CRITERIA = criteria();

describe('segment builder form', () => {
  it('the empty form is the empty criteria, and back', () => {
    expect(criteriaOf(EMPTY_FORM)).toEqual({ criteria: EMPTY_CRITERIA, errors: {} });
    expect(formOf(EMPTY_CRITERIA)).toEqual(EMPTY_FORM);
    expect(isEmptyForm(EMPTY_FORM)).toBe(true);
  });

  it('round-trips every kind of filter', () => {
    const c = criteria({
      statuses: ['at_risk'],
      spending_tiers: ['high', 'vip'],
      frequency_tiers: ['regular', 'frequent'],
      tags: ['beard'],
      min_visits: 5,
      min_spent: 25_050,
      days_since_min: 13,
      days_since_max: 30,
      rfm: { r_min: 2, r_max: 3, f_min: 4, f_max: null, m_min: null, m_max: 5 },
      high_value: true,
      vip: false,
      opted_in: true,
      has_future_booking: false,
      birthday: 'month',
      anniversary: 'week',
      chance_from_pct: 10,
      chance_below_pct: 50,
      min_predicted_value: 12_000,
      min_value_at_risk: 4_050,
      overdue_for_them: true,
    });
    const form = formOf(c);
    expect(form).toMatchObject({ chanceFrom: '10', chanceBelow: '50', minPredictedValue: '120.00', minValueAtRisk: '40.50', overdue: 'yes' });
    expect(form.minSpent).toBe('250.50');
    expect(form.rfm.f_min).toBe('4');
    expect(form.vip).toBe('no');
    expect(criteriaOf(form)).toEqual({ criteria: c, errors: {} });
    expect(isEmptyForm(form)).toBe(false);
  });

  it('a field typed wrong is named and left out; the rest still applies', () => {
    const { criteria: c, errors } = criteriaOf({ ...EMPTY_FORM, statuses: ['churned'], minVisits: 'three', daysFrom: '30', daysTo: '10', rfm: { ...EMPTY_FORM.rfm, r_min: '4', r_max: '2' } });
    expect(errors).toEqual({ minVisits: 'Enter a whole number of visits, like 3', daysTo: 'Enter at least 30 (the “from” days)', 'rfm.r': 'The lowest score (4) is above the highest (2)' });
    expect(c.statuses).toEqual(['churned']);
    expect(c.min_visits).toBeNull();
    expect(c.days_since_min).toBe(30);
    expect(c.days_since_max).toBeNull();
    expect(c.rfm.r_min).toBeNull();
  });
});

describe('prediction fields of the builder', () => {
  it('"likely to lapse, high value": chance below 50 %, predicted value at least an amount', () => {
    const { criteria: c, errors } = criteriaOf({ ...EMPTY_FORM, chanceBelow: '50 %', minPredictedValue: '$1,200' });
    expect(errors).toEqual({});
    expect(c).toEqual(criteria({ chance_below_pct: 50, min_predicted_value: 120_000 }));
    expect(describeCriteria(c, formatPrice)).toEqual(['Chance of return below 50 %', 'Predicted value (90 days) at least 1,200.00']);
  });

  it('names a wrong percent or amount and an empty chance range, and leaves them out', () => {
    const { criteria: c, errors } = criteriaOf({ ...EMPTY_FORM, chanceFrom: '60', chanceBelow: '40', minPredictedValue: 'lots', minValueAtRisk: '-5', overdue: 'no' });
    expect(errors).toEqual({
      chanceBelow: 'Enter more than 60 (the “at least” percent)',
      minPredictedValue: 'Enter an amount like 250 or 99.50',
      minValueAtRisk: 'Enter an amount of 0 or more',
    });
    expect(c).toEqual(criteria({ chance_from_pct: 60, overdue_for_them: false }));
    expect(criteriaOf({ ...EMPTY_FORM, chanceFrom: '101' }).errors).toEqual({ chanceFrom: 'Enter a whole percent from 0 to 100, like 50' });
    expect(criteriaOf({ ...EMPTY_FORM, chanceFrom: '2.5' }).errors).toEqual({ chanceFrom: 'Enter a whole percent from 0 to 100, like 50' });
  });

  it('describes every prediction filter', () => {
    expect(describeCriteria(criteria({ chance_from_pct: 20, chance_below_pct: 50, min_value_at_risk: 5_000, overdue_for_them: true }), formatPrice)).toEqual([
      'Chance of return from 20 % to below 50 %',
      'Value at risk (90 days) at least 50.00',
      'Overdue for them',
    ]);
    expect(describeCriteria(criteria({ chance_from_pct: 70, overdue_for_them: false }), formatPrice)).toEqual(['Chance of return 70 % or more', 'Not overdue for them']);
  });
});

describe('criteria in words', () => {
  it('one phrase per filter set', () => {
    const c = criteria({ statuses: ['at_risk', 'churned'], frequency_tiers: ['regular'], min_spent: 10_000, rfm: { ...EMPTY_CRITERIA.rfm, r_min: 4, r_max: 5 }, vip: true, opted_in: true, birthday: 'month' });
    expect(describeCriteria(c, formatPrice)).toEqual(['At risk or Churned', 'Regular', 'Spent at least 100.00', 'RFM R 4–5', 'Top regular', 'Agrees to marketing', 'Birthday this month']);
    expect(describeCriteria(EMPTY_CRITERIA, formatPrice)).toEqual([]);
  });
});
