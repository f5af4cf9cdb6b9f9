import { describe, expect, it } from 'vitest';
import type { CustomerView } from './customer-view';
import { dashboardFigures, preferredBranchCounts } from './dashboard';
import { activity, customer, day } from './test-fixtures';

const today = day('2026-03-01');
const view = (id: string, over: Partial<CustomerView> = {}): CustomerView => ({
  customer: customer({ id, birthday: '' }),
  activity: activity({ customer_id: id }),
  rfm: null,
  highValue: false,
  vip: false,
  hasFutureBooking: false,
  ...over,
});

describe('segments dashboard figures', () => {
  it('counts statuses, tiers, favourite services, the RFM grid, value flags, birthdays and anniversaries', () => {
    const views = [
      view('a', { rfm: { r: 5, f: 4, m: 3, code: '543' }, highValue: true, vip: true, customer: customer({ id: 'a', birthday: '1990-03-01' }) }),
      view('b', { rfm: { r: 5, f: 4, m: 1, code: '541' }, activity: activity({ customer_id: 'b', status: 'at_risk', favorite_service: 'Colour', first_visit_date: '2025-03-04' }) }),
      view('c', { activity: null, customer: customer({ id: 'c', birthday: '1990-03-20' }) }),
      view('d', { activity: activity({ customer_id: 'd', favorite_service: 'Colour', spending_tier: 'vip', frequency_tier: 'frequent' }) }),
      view('e', { customer: customer({ id: 'e', erased_at: '2026-01-01T00:00:00Z' }) }),
    ];
    const f = dashboardFigures(views, today);
    expect(f.customers).toBe(4);
    expect(f.statuses).toEqual({ new: 0, active: 2, win_back: 0, at_risk: 1, churned: 0 });
    expect(f.spending).toEqual({ vip: 1, high: 0, medium: 2, low: 0, none: 1 });
    expect(f.frequency).toEqual({ frequent: 1, regular: 2, occasional: 0, one_time: 0, none: 1 });
    expect(f.favouriteServices).toEqual([{ service: 'Colour', customers: 2 }, { service: 'Haircut', customers: 1 }]);
    expect(f.rfmGrid[4]?.[3]).toBe(2);
    expect(f.rfmCodes).toEqual({ '543': 1, '541': 1 });
    expect([f.highValue, f.vip]).toEqual([1, 1]);
    expect(f.birthdays).toEqual({ today: 1, week: 1, month: 2 });
    expect(f.anniversaries).toEqual({ today: 0, week: 1, month: 1 });
  });

  it('counts customers per preferred branch', () => {
    const counts = preferredBranchCounts([
      activity({ customer_id: 'a', branch_id: 'x', total_bookings: 3 }),
      activity({ customer_id: 'a', branch_id: 'y', total_bookings: 5 }),
      activity({ customer_id: 'b', branch_id: 'x', total_bookings: 1 }),
      activity({ customer_id: 'c', branch_id: 'y', total_bookings: 0, last_visit_date: null }),
    ]);
    expect(counts).toEqual(new Map([['y', 1], ['x', 1]]));
  });
});
