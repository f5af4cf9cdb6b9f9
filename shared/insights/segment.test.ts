import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CUSTOMER_STATUSES, FREQUENCY_TIERS, SPENDING_TIERS } from '../domain/types';
import { runQuery, type CustomerFilters } from '../../renderer/src/features/customers/customer-filters';
import { DEFAULT_INSIGHT_RULES } from './business-rules';
import { coerceCriteria, criteria, criteriaFromListFilters, criteriaProblems, listFiltersOf } from '../domain/criteria';
import { customerView, futureBookingCustomers, type CustomerView } from './customer-view';
import { matches, segmentCount, segmentMembers } from './segment';
import { activity, customer, day } from './test-fixtures';
import { cadenceOf } from '../predict/cadence';
import type { PairOutlook } from '../predict/outlook';

function outlook(over: Partial<PairOutlook> = {}): PairOutlook {
  return {
    customer_id: 'cu-1', branch_id: 'br-1', p_alive: 0.4, expected_visits_30: 0.5, expected_visits_90: 1.2, expected_spend: 30,
    predicted_value_30: 15, predicted_value_90: 36, value_at_risk_90: 54, cadence: null, ...over,
  };
}

/** The criteria that match everyone: criteria() with nothing set. */
const EMPTY_CRITERIA = criteria();

const today = day('2026-03-01');

function view(over: Partial<CustomerView> = {}): CustomerView {
  const a = activity();
  return { customer: customer(), activity: a, rfm: { r: 5, f: 3, m: 3, code: '533' }, highValue: false, vip: false, hasFutureBooking: false, outlook: null, cadence: null, ...over };
}

describe('segment criteria', () => {
  it('matches everyone with empty criteria, except erased customers', () => {
    expect(matches(EMPTY_CRITERIA, view(), today)).toBe(true);
    expect(matches(EMPTY_CRITERIA, view({ activity: null, rfm: null }), today)).toBe(true);
    expect(matches(EMPTY_CRITERIA, view({ customer: customer({ erased_at: '2026-01-01T00:00:00Z' }) }), today)).toBe(false);
  });

  it('applies each filter (any value within a list, all filters together)', () => {
    const v = view();
    expect(matches(criteria({ statuses: ['active', 'at_risk'] }), v, today)).toBe(true);
    expect(matches(criteria({ statuses: ['at_risk'] }), v, today)).toBe(false);
    expect(matches(criteria({ statuses: ['at_risk'], tags: ['regular'] }), v, today)).toBe(false);
    expect(matches(criteria({ tags: ['vip', 'regular'] }), v, today)).toBe(true);
    expect(matches(criteria({ min_visits: 6, min_spent: 30_000 }), v, today)).toBe(true);
    expect(matches(criteria({ min_visits: 7 }), v, today)).toBe(false);
    expect(matches(criteria({ days_since_min: 5, days_since_max: 5 }), v, today)).toBe(true);
    expect(matches(criteria({ days_since_max: 4 }), v, today)).toBe(false);
    expect(matches(criteria({ rfm: { ...EMPTY_CRITERIA.rfm, r_min: 4, f_max: 3 } }), v, today)).toBe(true);
    expect(matches(criteria({ rfm: { ...EMPTY_CRITERIA.rfm, m_min: 4 } }), v, today)).toBe(false);
    expect(matches(criteria({ rfm: { ...EMPTY_CRITERIA.rfm, m_min: 1 } }), view({ rfm: null }), today)).toBe(false);
    expect(matches(criteria({ high_value: true }), view({ highValue: true }), today)).toBe(true);
    expect(matches(criteria({ high_value: false }), view({ highValue: true }), today)).toBe(false);
    expect(matches(criteria({ vip: true }), v, today)).toBe(false);
    expect(matches(criteria({ has_future_booking: false }), view({ hasFutureBooking: true }), today)).toBe(false);
    expect(matches(criteria({ opted_in: true }), v, today)).toBe(true);
    expect(matches(criteria({ opted_in: true }), view({ customer: customer({ opted_in_marketing: false }) }), today)).toBe(false);
    expect(matches(criteria({ birthday: 'week' }), v, today)).toBe(true);
    expect(matches(criteria({ birthday: 'today' }), v, today)).toBe(false);
    expect(matches(criteria({ anniversary: 'month' }), view({ activity: activity({ first_visit_date: '2025-03-20' }) }), today)).toBe(true);
  });

  it('means exactly what the Customers list filters mean', () => {
    const filters = fc.record({
      statuses: fc.subarray([...CUSTOMER_STATUSES]),
      spendingTiers: fc.subarray([...SPENDING_TIERS]),
      frequencyTiers: fc.subarray([...FREQUENCY_TIERS]),
      tags: fc.subarray(['a', 'b', 'c']),
      minVisits: fc.option(fc.nat(12), { nil: null }),
      minSpentCents: fc.option(fc.nat(60_000), { nil: null }),
      daysSinceMin: fc.option(fc.nat(60), { nil: null }),
      daysSinceMax: fc.option(fc.nat(60), { nil: null }),
    });
    const pair = fc.option(
      fc.record({
        status: fc.constantFrom(...CUSTOMER_STATUSES),
        spending_tier: fc.constantFrom(...SPENDING_TIERS),
        frequency_tier: fc.constantFrom(...FREQUENCY_TIERS),
        total_bookings: fc.nat(12),
        total_spent: fc.nat(60_000),
        days_since_last_visit: fc.option(fc.nat(60), { nil: null }),
      }),
      { nil: null },
    );
    fc.assert(
      fc.property(filters, pair, fc.subarray(['a', 'b', 'c']), (f: CustomerFilters, p, tags) => {
        const c = customer({ tags });
        const a = p === null ? null : activity(p);
        const row = { id: c.id, customer: c, activity: a, nameKey: '', entry: undefined };
        const v = view({ customer: c, activity: a });
        expect(matches(criteriaFromListFilters(f), v, today)).toBe(runQuery([row], null, f).visible.length === 1);
        expect(listFiltersOf(criteriaFromListFilters(f))).toEqual({ filters: f, extra: false });
      }),
      { numRuns: 500 },
    );
  });

  it('reads criteria leniently (old documents) and names what is wrong with them', () => {
    expect(coerceCriteria({ status: ['at_risk', 'x', 'at_risk'], tags: ['', 'vip'], min_visits: 2.5, birthday: 'week', rfm: { r_min: 9, f_min: 2 } })).toEqual(
      criteria({ statuses: ['at_risk'], tags: ['vip'], birthday: 'week', rfm: { ...EMPTY_CRITERIA.rfm, f_min: 2 } }),
    );
    expect(coerceCriteria('nonsense')).toEqual(criteria());
    expect(criteriaProblems(criteria({ days_since_min: 9, days_since_max: 3 }))).toEqual([{ field: 'days_since', message: 'minimum 9 is above maximum 3' }]);
  });
});

describe('criteria on predictions and cadence', () => {
  it('chance of return is a half-open range [from, below) in percent: "likely to lapse" is below 50', () => {
    const at = (p_alive: number) => view({ outlook: outlook({ p_alive }) });
    const lapse = criteria({ chance_below_pct: 50 });
    expect(matches(lapse, at(0.4999), today)).toBe(true);
    expect(matches(lapse, at(0.5), today)).toBe(false);
    expect(matches(criteria({ chance_from_pct: 50 }), at(0.5), today)).toBe(true);
    expect(matches(criteria({ chance_from_pct: 50 }), at(0.4999), today)).toBe(false);
    expect(matches(criteria({ chance_from_pct: 20, chance_below_pct: 50 }), at(0.2), today)).toBe(true);
    expect(matches(criteria({ chance_from_pct: 20, chance_below_pct: 50 }), at(0.19), today)).toBe(false);
    expect(matches(criteria({ chance_from_pct: 0 }), at(0), today)).toBe(true);
    expect(matches(criteria({ chance_below_pct: 100 }), at(1), today)).toBe(false);
  });

  it('predicted value and value at risk (next 90 days) compare in whole cents, as shown', () => {
    const v = view({ outlook: outlook({ predicted_value_90: 99.996, value_at_risk_90: 12.344 }) });
    expect(matches(criteria({ min_predicted_value: 10_000 }), v, today)).toBe(true); // shows 100.00
    expect(matches(criteria({ min_predicted_value: 10_001 }), v, today)).toBe(false);
    expect(matches(criteria({ min_value_at_risk: 1_234 }), v, today)).toBe(true);
    expect(matches(criteria({ min_value_at_risk: 1_235 }), v, today)).toBe(false);
    // "likely to lapse, high value"
    const lapsingHighValue = criteria({ chance_below_pct: 50, min_predicted_value: 3_000 });
    expect(matches(lapsingHighValue, view({ outlook: outlook({ p_alive: 0.3, predicted_value_90: 30 }) }), today)).toBe(true);
    expect(matches(lapsingHighValue, view({ outlook: outlook({ p_alive: 0.3, predicted_value_90: 29.99 }) }), today)).toBe(false);
    expect(matches(lapsingHighValue, view({ outlook: outlook({ p_alive: 0.6, predicted_value_90: 300 }) }), today)).toBe(false);
  });

  it('without a prediction (no visit, or no fitted model) the prediction filters match nobody, never everyone', () => {
    for (const c of [criteria({ chance_below_pct: 100 }), criteria({ chance_from_pct: 0 }), criteria({ min_predicted_value: 0 }), criteria({ min_value_at_risk: 0 })]) {
      expect(matches(c, view({ outlook: null }), today)).toBe(false);
      expect(matches(c, view({ outlook: outlook() }), today)).toBe(true);
    }
    // Criteria without prediction filters do not need a model.
    expect(matches(criteria({ statuses: ['active'] }), view({ outlook: null }), today)).toBe(true);
  });

  it('"overdue for them" reads the cadence (≥ 3 visit days, no model needed)', () => {
    const days = [today - 40, today - 33, today - 26]; // every 7 days, due 7 days ago, tolerance 2
    const overdue = cadenceOf({ days }, today);
    const onTrack = cadenceOf({ days: [today - 14, today - 7, today] }, today);
    expect(overdue?.status).toBe('overdue');
    expect(onTrack?.status).toBe('on_track');
    expect(matches(criteria({ overdue_for_them: true }), view({ cadence: overdue }), today)).toBe(true);
    expect(matches(criteria({ overdue_for_them: true }), view({ cadence: onTrack }), today)).toBe(false);
    expect(matches(criteria({ overdue_for_them: true }), view({ cadence: null }), today)).toBe(false);
    expect(matches(criteria({ overdue_for_them: false }), view({ cadence: null }), today)).toBe(true);
    expect(matches(criteria({ overdue_for_them: false }), view({ cadence: overdue }), today)).toBe(false);
  });

  it('reads the new fields leniently, and names an empty chance range', () => {
    expect(coerceCriteria({ chance_from_pct: 101, chance_below_pct: 50, min_predicted_value: -1, min_value_at_risk: 2_500, overdue_for_them: 'yes' })).toEqual(
      criteria({ chance_below_pct: 50, min_value_at_risk: 2_500 }),
    );
    // A schema-3 document has none of them: no filter.
    expect(coerceCriteria({ statuses: ['at_risk'] })).toEqual(criteria({ statuses: ['at_risk'] }));
    expect(criteriaProblems(criteria({ chance_from_pct: 50, chance_below_pct: 50 }))).toEqual([{ field: 'chance', message: '50 % or more and below 50 % matches nobody' }]);
    expect(listFiltersOf(criteria({ overdue_for_them: true })).extra).toBe(true);
    expect(listFiltersOf(criteria({ min_value_at_risk: 1 })).extra).toBe(true);
  });
});

describe('customer views and members', () => {
  it('derives RFM, value flags and future bookings, and lists members in order', () => {
    const ctx = {
      rules: DEFAULT_INSIGHT_RULES,
      highValueFrom: new Map([['br-1', 30_000]]),
      withFutureBooking: futureBookingCustomers(
        [
          { customer_id: 'cu-2', status: 'scheduled', day: today + 1 },
          { customer_id: 'cu-3', status: 'cancelled', day: today + 1 },
          { customer_id: 'cu-4', status: 'scheduled', day: today },
        ],
        today,
      ),
    };
    const views = ['cu-1', 'cu-2', 'cu-3', 'cu-4'].map((id, i) =>
      customerView(customer({ id }), activity({ customer_id: id, total_spent: 29_999 + i, frequency_tier: i === 3 ? 'frequent' : 'regular' }), ctx),
    );
    expect(views.map((v) => [v.highValue, v.vip, v.hasFutureBooking])).toEqual([
      [false, false, false],
      [true, false, true],
      [true, false, false],
      [true, true, false],
    ]);
    expect(views[0]?.rfm).toEqual({ r: 5, f: 3, m: 3, code: '533' });
    expect(segmentMembers(criteria({ high_value: true, has_future_booking: false }), views, today).map((v) => v.customer.id)).toEqual(['cu-3', 'cu-4']);
    expect(segmentCount(criteria({ vip: true }), views, today)).toBe(1);
    expect(customerView(customer(), null, ctx)).toMatchObject({ rfm: null, highValue: false, vip: false });
  });
});
