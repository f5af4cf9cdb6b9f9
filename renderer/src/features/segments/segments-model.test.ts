import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../../shared/domain/settings';
import type { BookingFact } from '../../../../shared/engine/activity';
import { customerView, type CustomerView } from '../../../../shared/insights/customer-view';
import { DEFAULT_INSIGHT_RULES } from '../../../../shared/insights/business-rules';
import { activity, customer, day } from '../../../../shared/insights/test-fixtures';
import { anniversaries, birthdays, favouriteServices, preferredBranchMix, rfmGrid, statusTrend, valueLists } from './segments-model';

const ctx = { rules: DEFAULT_INSIGHT_RULES, highValueFrom: new Map([['br-1', 50_000]]), withFutureBooking: new Set<string>() };

function view(id: string, over: Parameters<typeof activity>[0] = {}, c: Parameters<typeof customer>[0] = {}): CustomerView {
  return customerView(customer({ id, name: `Name ${id}`, ...c }), activity({ customer_id: id, ...over }), ctx);
}

function visit(id: string, date: string, status: BookingFact['status'] = 'completed'): BookingFact {
  const d = day(date);
  return { id, customer_id: 'cu-1', branch_id: 'br-1', service: 'Cut', staff: 'Ana', status, price: 1000, ms: d * 86_400_000 + 36_000_000, day: d };
}

describe('status trend', () => {
  it('counts each status as of each week with the engine, the last point being today', () => {
    const today = day('2026-03-01');
    const pairs = [
      // visited 5 days ago: active today, no visit before that
      { customerId: 'a', facts: [visit('b1', '2026-02-24')] },
      // one visit on 20 January: active 5 and 12 days later, at risk at 19 and 26 days, churned at 33 and 40; a future booking changes nothing
      { customerId: 'b', facts: [visit('b2', '2026-01-20'), visit('b3', '2026-03-10', 'scheduled')] },
      { customerId: 'c', facts: [] },
    ];
    const trend = statusTrend(pairs, DEFAULT_RULES, today, 6);
    expect(trend.days).toEqual([today - 35, today - 28, today - 21, today - 14, today - 7, today]);
    expect(trend.counts.active).toEqual([1, 1, 0, 0, 0, 1]);
    expect(trend.counts.at_risk).toEqual([0, 0, 1, 1, 0, 0]);
    expect(trend.counts.churned).toEqual([0, 0, 0, 0, 1, 1]);
    expect(trend.counts.win_back).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('distributions', () => {
  it('favourite services, most customers first, ties by name', () => {
    const list = [activity({ favorite_service: 'Cut' }), activity({ favorite_service: 'Beard' }), activity({ favorite_service: 'Cut' }), activity({ favorite_service: '' })];
    expect(favouriteServices(list)).toEqual([
      { service: 'Cut', customers: 2 },
      { service: 'Beard', customers: 1 },
    ]);
  });

  it('preferred branch per customer: most visits there, then the most recent', () => {
    const views = [view('a'), view('b'), view('c', { total_bookings: 0 })];
    const pairs: Record<string, ReturnType<typeof activity>[]> = {
      a: [activity({ branch_id: 'br-1', total_bookings: 2 }), activity({ branch_id: 'br-2', total_bookings: 5 })],
      b: [activity({ branch_id: 'br-1', total_bookings: 3, last_visit_date: '2026-02-01' }), activity({ branch_id: 'br-2', total_bookings: 3, last_visit_date: '2026-01-01' })],
      c: [],
    };
    expect(preferredBranchMix(views, (id) => pairs[id] ?? [])).toEqual([
      { branchId: 'br-1', customers: 1 },
      { branchId: 'br-2', customers: 1 },
    ]);
  });

  it('RFM grid counts customers per recency and frequency score', () => {
    const views = [
      view('a', { days_since_last_visit: 3, total_bookings: 20, total_spent: 200_000 }),
      view('b', { days_since_last_visit: 3, total_bookings: 20, total_spent: 1_000 }),
      view('c', { days_since_last_visit: 100, total_bookings: 1, total_spent: 1_000 }),
      view('d', { days_since_last_visit: null, total_bookings: 0, total_spent: 0 }),
    ];
    const grid = rfmGrid(views);
    expect(grid.cells[4]?.[4]).toBe(2);
    expect(grid.monetary[4]?.[4]).toBe(3);
    expect(grid.cells[0]?.[0]).toBe(1);
    expect(grid.scored).toBe(3);
    expect(grid.unscored).toBe(1);
    expect(grid.max).toBe(2);
  });

  it('high value and VIP lists leave erased customers out, biggest spenders first', () => {
    const views = [
      view('a', { total_spent: 60_000, frequency_tier: 'frequent' }),
      view('b', { total_spent: 90_000 }),
      view('c', { total_spent: 10_000 }),
      view('d', { total_spent: 99_000 }, { erased_at: '2026-01-01T00:00:00Z', name: '' }),
    ];
    const lists = valueLists(views);
    expect(lists.highValue.map((v) => v.customer.id)).toEqual(['b', 'a']);
    expect(lists.vip.map((v) => v.customer.id)).toEqual(['a']);
  });
});

describe('birthdays and anniversaries', () => {
  const today = day('2026-03-02');
  it('lists birthdays in the coming seven days or this month, in date order with the age', () => {
    const views = [view('a', {}, { birthday: '1990-03-08' }), view('b', {}, { birthday: '1985-03-01' }), view('c', {}, { birthday: '2000-03-09' }), view('d', {}, { birthday: '' })];
    expect(birthdays(views, today, 'week').map((e) => [e.view.customer.id, e.day - today, e.years])).toEqual([['a', 6, 36]]);
    expect(birthdays(views, today, 'month').map((e) => e.view.customer.id)).toEqual(['b', 'a', 'c']);
  });

  it('a 29 February birthday is on the 28th in other years', () => {
    const feb = day('2026-02-25');
    expect(birthdays([view('a', {}, { birthday: '2000-02-29' })], feb, 'week').map((e) => e.day - feb)).toEqual([3]);
  });

  it('first-visit anniversaries need a full year', () => {
    const views = [view('a', { first_visit_date: '2024-03-04' }), view('b', { first_visit_date: '2026-03-01' })];
    expect(anniversaries(views, today, 'month').map((e) => [e.view.customer.id, e.years])).toEqual([['a', 2]]);
  });
});
