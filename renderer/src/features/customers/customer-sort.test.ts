import { describe, expect, it } from 'vitest';
import { sortRows, toggledSort, naturalDirection, SORT_FIELDS } from './customer-sort';
import { rowFixture } from './test-rows';

const rows = [
  rowFixture({ id: 'a', name: 'Zoë Adams' }, { last_visit_date: '2026-02-01', total_spent: 5000, total_bookings: 2 }),
  rowFixture({ id: 'b', name: 'ana Cruz' }, { last_visit_date: '2026-02-20', total_spent: 90000, total_bookings: 12 }),
  rowFixture({ id: 'c', name: 'Émile Roux' }, { last_visit_date: null, days_since_last_visit: null, total_spent: 0, total_bookings: 0, status: 'new' }),
  rowFixture({ id: 'd', name: 'Bea Lim' }, { last_visit_date: '2026-02-20', total_spent: 5000, total_bookings: 2 }),
  rowFixture({ id: 'e', name: 'Carl Ong' }, null),
];
const ids = (order: Parameters<typeof sortRows>[1]): string[] => sortRows(rows, order).map((r) => r.id);

describe('sortRows', () => {
  it('sorts by last visit, newest first, ties by name, customers without a visit last in both directions', () => {
    expect(ids({ field: 'last_visit', direction: 'desc' })).toEqual(['b', 'd', 'a', 'e', 'c']);
    expect(ids({ field: 'last_visit', direction: 'asc' })).toEqual(['a', 'b', 'd', 'e', 'c']);
  });

  it('sorts by total spent and by visits, ties by name (accent- and case-insensitive)', () => {
    expect(ids({ field: 'total_spent', direction: 'desc' })).toEqual(['b', 'd', 'a', 'e', 'c']);
    expect(ids({ field: 'total_spent', direction: 'asc' })).toEqual(['e', 'c', 'd', 'a', 'b']);
    expect(ids({ field: 'visits', direction: 'desc' })).toEqual(['b', 'd', 'a', 'e', 'c']);
  });

  it('sorts by name ignoring case and accents, both ways', () => {
    expect(ids({ field: 'name', direction: 'asc' })).toEqual(['b', 'd', 'e', 'c', 'a']);
    expect(ids({ field: 'name', direction: 'desc' })).toEqual(['a', 'c', 'e', 'd', 'b']);
  });

  it('leaves the input untouched', () => {
    const before = rows.map((r) => r.id);
    sortRows(rows, { field: 'name', direction: 'asc' });
    expect(rows.map((r) => r.id)).toEqual(before);
  });
});

describe('toggledSort', () => {
  it('flips the sorted column and starts another in its natural direction', () => {
    expect(toggledSort({ field: 'visits', direction: 'desc' }, 'visits')).toEqual({ field: 'visits', direction: 'asc' });
    expect(toggledSort({ field: 'visits', direction: 'asc' }, 'visits')).toEqual({ field: 'visits', direction: 'desc' });
    expect(toggledSort({ field: 'visits', direction: 'asc' }, 'name')).toEqual({ field: 'name', direction: 'asc' });
    expect(SORT_FIELDS.filter((f) => naturalDirection(f) === 'desc')).toEqual(['last_visit', 'total_spent', 'visits', 'predicted_value', 'value_at_risk', 'chance', 'expected_visits']);
  });
});
