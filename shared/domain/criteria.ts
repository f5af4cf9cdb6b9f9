/**
 * Segment criteria as data: the empty criteria, reading criteria from untrusted JSON (saved
 * segments, a v0 campaign, a URL), and the Customers list filters converted both ways.
 */
import type { SegmentCriteria } from './schemas';
import { MAX_PRICE_CENTS } from '../money';
import { CUSTOMER_STATUSES, FREQUENCY_TIERS, SPENDING_TIERS, type CustomerStatus, type FrequencyTier, type SpendingTier } from './types';

export type { SegmentCriteria };

/** Criteria that match everyone. */
const EMPTY_CRITERIA: SegmentCriteria = Object.freeze({
  statuses: [],
  spending_tiers: [],
  frequency_tiers: [],
  tags: [],
  min_visits: null,
  min_spent: null,
  days_since_min: null,
  days_since_max: null,
  rfm: { r_min: null, r_max: null, f_min: null, f_max: null, m_min: null, m_max: null },
  high_value: null,
  vip: null,
  opted_in: null,
  has_future_booking: null,
  birthday: '',
  anniversary: '',
  chance_from_pct: null,
  chance_below_pct: null,
  min_predicted_value: null,
  min_value_at_risk: null,
  overdue_for_them: null,
}) as SegmentCriteria;

/** A fresh, mutable copy of the empty criteria with some fields set. */
export function criteria(overrides: Partial<SegmentCriteria> = {}): SegmentCriteria {
  return {
    ...EMPTY_CRITERIA,
    statuses: [],
    spending_tiers: [],
    frequency_tiers: [],
    tags: [],
    rfm: { ...EMPTY_CRITERIA.rfm },
    ...overrides,
  };
}

export interface CriteriaProblem {
  field: string;
  message: string;
}

function pickList<T extends string>(value: unknown, allowed: readonly T[]): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  for (const v of value) if (typeof v === 'string' && (allowed as readonly string[]).includes(v) && !out.includes(v as T)) out.push(v as T);
  return out;
}

function pickInt(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

function pickBool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

function pickWindow(value: unknown): SegmentCriteria['birthday'] {
  return value === 'today' || value === 'week' || value === 'month' ? value : '';
}

/**
 * Lenient reading (old or foreign documents, never rejected): every recognised field with a
 * usable value is kept, anything else is dropped. Also accepts the v0 campaign spelling
 * `status` for `statuses`. Deterministic: the RxDB migration and the server migration agree.
 */
export function coerceCriteria(value: unknown): SegmentCriteria {
  const v = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const rfm = v.rfm !== null && typeof v.rfm === 'object' ? (v.rfm as Record<string, unknown>) : {};
  const score = (x: unknown) => pickInt(x, 1, 5);
  const tags: string[] = [];
  if (Array.isArray(v.tags)) {
    for (const t of v.tags) if (typeof t === 'string' && t.length > 0 && t.length <= 40 && !tags.includes(t) && tags.length < 30) tags.push(t);
  }
  return {
    statuses: pickList(v.statuses ?? v.status, CUSTOMER_STATUSES),
    spending_tiers: pickList(v.spending_tiers, SPENDING_TIERS),
    frequency_tiers: pickList(v.frequency_tiers, FREQUENCY_TIERS),
    tags,
    min_visits: pickInt(v.min_visits, 0, 1_000_000),
    min_spent: pickInt(v.min_spent, 0, MAX_PRICE_CENTS),
    days_since_min: pickInt(v.days_since_min, 0, 36_500),
    days_since_max: pickInt(v.days_since_max, 0, 36_500),
    rfm: {
      r_min: score(rfm.r_min),
      r_max: score(rfm.r_max),
      f_min: score(rfm.f_min),
      f_max: score(rfm.f_max),
      m_min: score(rfm.m_min),
      m_max: score(rfm.m_max),
    },
    high_value: pickBool(v.high_value),
    vip: pickBool(v.vip),
    opted_in: pickBool(v.opted_in),
    has_future_booking: pickBool(v.has_future_booking),
    birthday: pickWindow(v.birthday),
    anniversary: pickWindow(v.anniversary),
    chance_from_pct: pickInt(v.chance_from_pct, 0, 100),
    chance_below_pct: pickInt(v.chance_below_pct, 0, 100),
    min_predicted_value: pickInt(v.min_predicted_value, 0, MAX_PRICE_CENTS),
    min_value_at_risk: pickInt(v.min_value_at_risk, 0, MAX_PRICE_CENTS),
    overdue_for_them: pickBool(v.overdue_for_them),
  };
}

/** True when the criteria use the retention model's figures (a failed fit matches nobody then). */
export function usesPredictions(c: SegmentCriteria): boolean {
  return c.chance_from_pct !== null || c.chance_below_pct !== null || c.min_predicted_value !== null || c.min_value_at_risk !== null;
}

/**
 * The Customers list's filters, parsed (renderer/src/features/customers/customer-filters.ts). Within
 * a filter any value matches (OR); filters combine (AND).
 */
export interface ListFilters {
  statuses: readonly CustomerStatus[];
  spendingTiers: readonly SpendingTier[];
  frequencyTiers: readonly FrequencyTier[];
  /** Customers carrying any of these tags. */
  tags: readonly string[];
  minVisits: number | null;
  minSpentCents: number | null;
  /** Days since the last visit, inclusive; customers without a visit are out when either is set. */
  daysSinceMin: number | null;
  daysSinceMax: number | null;
}

/** Criteria equal to the list's filters (saving the current list view as a segment). */
export function criteriaFromListFilters(f: ListFilters): SegmentCriteria {
  return criteria({
    statuses: [...f.statuses],
    spending_tiers: [...f.spendingTiers],
    frequency_tiers: [...f.frequencyTiers],
    tags: [...f.tags],
    min_visits: f.minVisits,
    min_spent: f.minSpentCents,
    days_since_min: f.daysSinceMin,
    days_since_max: f.daysSinceMax,
  });
}

/** The part of criteria the list's own filters can show; `extra` is true when more is set. */
export function listFiltersOf(c: SegmentCriteria): { filters: ListFilters; extra: boolean } {
  const r = c.rfm;
  const extra =
    r.r_min !== null || r.r_max !== null || r.f_min !== null || r.f_max !== null || r.m_min !== null || r.m_max !== null ||
    c.high_value !== null || c.vip !== null || c.opted_in !== null || c.has_future_booking !== null || c.birthday !== '' || c.anniversary !== '' ||
    usesPredictions(c) || c.overdue_for_them !== null;
  return {
    filters: {
      statuses: c.statuses,
      spendingTiers: c.spending_tiers,
      frequencyTiers: c.frequency_tiers,
      tags: c.tags,
      minVisits: c.min_visits,
      minSpentCents: c.min_spent,
      daysSinceMin: c.days_since_min,
      daysSinceMax: c.days_since_max,
    },
    extra,
  };
}

/** Problems a form should show before saving: ranges given the wrong way round. */
export function criteriaProblems(c: SegmentCriteria): CriteriaProblem[] {
  const out: CriteriaProblem[] = [];
  const range = (field: string, min: number | null, max: number | null) => {
    if (min !== null && max !== null && min > max) out.push({ field, message: `minimum ${min} is above maximum ${max}` });
  };
  range('days_since', c.days_since_min, c.days_since_max);
  range('rfm.r', c.rfm.r_min, c.rfm.r_max);
  range('rfm.f', c.rfm.f_min, c.rfm.f_max);
  range('rfm.m', c.rfm.m_min, c.rfm.m_max);
  if (c.chance_from_pct !== null && c.chance_below_pct !== null && c.chance_from_pct >= c.chance_below_pct) {
    out.push({ field: 'chance', message: `${c.chance_from_pct} % or more and below ${c.chance_below_pct} % matches nobody` });
  }
  return out;
}
