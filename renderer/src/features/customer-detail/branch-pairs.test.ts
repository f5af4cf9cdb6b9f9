import { describe, expect, it } from 'vitest';
import { activityFixture } from '../customers/test-rows';
import { acrossBranches, orderPairs } from './branch-pairs';

const pairs = [
  activityFixture({ branch_id: 'br-a', last_visit_date: '2026-01-10', total_bookings: 2, total_spent: 4000, no_shows: 1 }),
  activityFixture({ branch_id: 'br-b', last_visit_date: '2026-02-20', total_bookings: 5, total_spent: 10_000, no_shows: 0 }),
  activityFixture({ branch_id: 'br-c', last_visit_date: null, total_bookings: 0, total_spent: 0, no_shows: 2 }),
  activityFixture({ branch_id: 'br-d', last_visit_date: '2025-12-01', total_bookings: 1, total_spent: 1500, no_shows: 0 }),
];

describe('orderPairs', () => {
  it('puts the desk’s branch first, then the most recently visited, never-visited last', () => {
    expect(orderPairs(pairs, 'br-d').map((p) => p.branch_id)).toEqual(['br-d', 'br-b', 'br-a', 'br-c']);
    expect(orderPairs(pairs, 'br-x').map((p) => p.branch_id)).toEqual(['br-b', 'br-a', 'br-d', 'br-c']);
  });
});

describe('acrossBranches', () => {
  it('adds visits, spending and no-shows and finds the latest visit', () => {
    expect(acrossBranches(pairs)).toEqual({ visits: 8, spent: 15_500, noShows: 3, lastVisit: '2026-02-20' });
    expect(acrossBranches([])).toEqual({ visits: 0, spent: 0, noShows: 0, lastVisit: null });
  });
});
