import type { SegmentCriteria } from '../../../../shared/domain/schemas';
import type { CustomerStatus, FrequencyTier, SpendingTier } from '../../../../shared/domain/types';
import { criteria as makeCriteria } from '../../../../shared/domain/criteria';
import type { DateWindow } from '../../../../shared/insights/dates';
import { formatMoney } from '../../../../shared/money';
import { parseAmountInput, parseFilterInputs } from '../customers/model';

export type TriChoice = '' | 'yes' | 'no';
export type ScoreText = '' | '1' | '2' | '3' | '4' | '5';
export const RFM_BOUNDS = ['r_min', 'r_max', 'f_min', 'f_max', 'm_min', 'm_max'] as const;
export type RfmBound = (typeof RFM_BOUNDS)[number];

/** The segment builder's fields, numbers kept as typed (the list's filter inputs, plus more). */
export interface CriteriaForm {
  statuses: CustomerStatus[];
  spendingTiers: SpendingTier[];
  frequencyTiers: FrequencyTier[];
  tags: string[];
  minVisits: string;
  minSpent: string;
  daysFrom: string;
  daysTo: string;
  rfm: Record<RfmBound, ScoreText>;
  highValue: TriChoice;
  vip: TriChoice;
  optedIn: TriChoice;
  futureBooking: TriChoice;
  birthday: DateWindow;
  anniversary: DateWindow;
  /** Chance of return, whole percent: at least `chanceFrom`, below `chanceBelow`. */
  chanceFrom: string;
  chanceBelow: string;
  /** Next 90 days, amounts as typed. */
  minPredictedValue: string;
  minValueAtRisk: string;
  overdue: TriChoice;
}

export type CriteriaFormErrors = Partial<
  Record<'minVisits' | 'minSpent' | 'daysFrom' | 'daysTo' | 'rfm.r' | 'rfm.f' | 'rfm.m' | 'chanceFrom' | 'chanceBelow' | 'minPredictedValue' | 'minValueAtRisk', string>
>;

export const EMPTY_FORM: CriteriaForm = {
  statuses: [],
  spendingTiers: [],
  frequencyTiers: [],
  tags: [],
  minVisits: '',
  minSpent: '',
  daysFrom: '',
  daysTo: '',
  rfm: { r_min: '', r_max: '', f_min: '', f_max: '', m_min: '', m_max: '' },
  highValue: '',
  vip: '',
  optedIn: '',
  futureBooking: '',
  birthday: '',
  anniversary: '',
  chanceFrom: '',
  chanceBelow: '',
  minPredictedValue: '',
  minValueAtRisk: '',
  overdue: '',
};

function percent(text: string): { value: number | null; error?: string } {
  const t = text.trim().replace(/\s*%$/, '');
  if (t === '') return { value: null };
  if (!/^\d{1,3}$/.test(t) || Number(t) > 100) return { value: null, error: 'Enter a whole percent from 0 to 100, like 50' };
  return { value: Number(t) };
}

function tri(value: TriChoice): boolean | null {
  return value === '' ? null : value === 'yes';
}

function triText(value: boolean | null): TriChoice {
  return value === null ? '' : value ? 'yes' : 'no';
}

function score(text: ScoreText): 1 | 2 | 3 | 4 | 5 | null {
  return text === '' ? null : (Number(text) as 1 | 2 | 3 | 4 | 5);
}

/** The form showing saved criteria. */
export function formOf(c: SegmentCriteria): CriteriaForm {
  const rfm = {} as Record<RfmBound, ScoreText>;
  for (const k of RFM_BOUNDS) rfm[k] = c.rfm[k] === null ? '' : (String(c.rfm[k]) as ScoreText);
  return {
    statuses: [...c.statuses],
    spendingTiers: [...c.spending_tiers],
    frequencyTiers: [...c.frequency_tiers],
    tags: [...c.tags],
    minVisits: c.min_visits === null ? '' : String(c.min_visits),
    minSpent: c.min_spent === null ? '' : formatMoney(c.min_spent),
    daysFrom: c.days_since_min === null ? '' : String(c.days_since_min),
    daysTo: c.days_since_max === null ? '' : String(c.days_since_max),
    rfm,
    highValue: triText(c.high_value),
    vip: triText(c.vip),
    optedIn: triText(c.opted_in),
    futureBooking: triText(c.has_future_booking),
    birthday: c.birthday,
    anniversary: c.anniversary,
    chanceFrom: c.chance_from_pct === null ? '' : String(c.chance_from_pct),
    chanceBelow: c.chance_below_pct === null ? '' : String(c.chance_below_pct),
    minPredictedValue: c.min_predicted_value === null ? '' : formatMoney(c.min_predicted_value),
    minValueAtRisk: c.min_value_at_risk === null ? '' : formatMoney(c.min_value_at_risk),
    overdue: triText(c.overdue_for_them),
  };
}

/**
 * The criteria the form describes and the problems of its fields. A field with a problem is left
 * out of the criteria (the rest still counts) and must be fixed before saving.
 */
export function criteriaOf(form: CriteriaForm): { criteria: SegmentCriteria; errors: CriteriaFormErrors } {
  const { values, errors: inputErrors } = parseFilterInputs({ minVisits: form.minVisits, minSpent: form.minSpent, daysFrom: form.daysFrom, daysTo: form.daysTo });
  const errors: CriteriaFormErrors = { ...inputErrors };
  const chanceFrom = percent(form.chanceFrom);
  const chanceBelow = percent(form.chanceBelow);
  const predicted = parseAmountInput(form.minPredictedValue);
  const atRisk = parseAmountInput(form.minValueAtRisk);
  if (chanceFrom.error) errors.chanceFrom = chanceFrom.error;
  if (chanceBelow.error) errors.chanceBelow = chanceBelow.error;
  if (predicted.error) errors.minPredictedValue = predicted.error;
  if (atRisk.error) errors.minValueAtRisk = atRisk.error;
  let chanceBelowPct = chanceBelow.value;
  if (chanceFrom.value !== null && chanceBelowPct !== null && chanceBelowPct <= chanceFrom.value) {
    errors.chanceBelow = `Enter more than ${chanceFrom.value} (the “at least” percent)`;
    chanceBelowPct = null;
  }
  const rfm = { r_min: score(form.rfm.r_min), r_max: score(form.rfm.r_max), f_min: score(form.rfm.f_min), f_max: score(form.rfm.f_max), m_min: score(form.rfm.m_min), m_max: score(form.rfm.m_max) };
  const c = makeCriteria({
    statuses: [...form.statuses],
    spending_tiers: [...form.spendingTiers],
    frequency_tiers: [...form.frequencyTiers],
    tags: [...form.tags],
    min_visits: values.minVisits,
    min_spent: values.minSpentCents,
    days_since_min: values.daysSinceMin,
    days_since_max: values.daysSinceMax,
    rfm,
    high_value: tri(form.highValue),
    vip: tri(form.vip),
    opted_in: tri(form.optedIn),
    has_future_booking: tri(form.futureBooking),
    birthday: form.birthday,
    anniversary: form.anniversary,
    chance_from_pct: chanceFrom.value,
    chance_below_pct: chanceBelowPct,
    min_predicted_value: predicted.value,
    min_value_at_risk: atRisk.value,
    overdue_for_them: tri(form.overdue),
  });
  for (const letter of ['r', 'f', 'm'] as const) {
    const min = c.rfm[`${letter}_min`];
    const max = c.rfm[`${letter}_max`];
    if (min !== null && max !== null && min > max) {
      errors[`rfm.${letter}`] = `The lowest score (${min}) is above the highest (${max})`;
      c.rfm[`${letter}_min`] = null;
      c.rfm[`${letter}_max`] = null;
    }
  }
  return { criteria: c, errors };
}

/** True when the form filters nothing (every customer matches). */
export function isEmptyForm(form: CriteriaForm): boolean {
  return JSON.stringify(form) === JSON.stringify(EMPTY_FORM);
}
