import { describe, expect, it } from 'vitest';
import { bookingFixture } from '../../data/test-fixtures';
import { dropMinute, layoutAgenda } from './agenda-layout';

describe('layoutAgenda', () => {
  it('groups by staff, places by local time and widens the hours to fit', () => {
    const layout = layoutAgenda(
      [
        bookingFixture({ id: 'b1', staff: 'Ana', start_at: '2026-03-01T09:30:00+08:00', duration_min: 45 }),
        bookingFixture({ id: 'b2', staff: 'Ben', start_at: '2026-03-01T00:30:00Z', duration_min: 30 }),
        bookingFixture({ id: 'b3', staff: '', start_at: '2026-03-01T19:40:00+08:00', duration_min: 30 }),
      ],
      'Asia/Manila',
    );
    expect(layout.columns.map((c) => c.staff)).toEqual(['Ana', 'Ben', '']);
    expect(layout.columns[0]?.bookings[0]).toMatchObject({ start: 570, end: 615, lane: 0, lanes: 1 });
    expect(layout.columns[1]?.bookings[0]).toMatchObject({ start: 510 });
    expect(layout.from).toBe(8 * 60);
    expect(layout.to).toBe(21 * 60);
  });

  it('puts overlapping bookings of one person side by side', () => {
    const layout = layoutAgenda(
      [
        bookingFixture({ id: 'a', staff: 'Ana', start_at: '2026-03-01T10:00:00Z', duration_min: 60 }),
        bookingFixture({ id: 'b', staff: 'Ana', start_at: '2026-03-01T10:30:00Z', duration_min: 60 }),
        bookingFixture({ id: 'c', staff: 'Ana', start_at: '2026-03-01T11:00:00Z', duration_min: 30 }),
        bookingFixture({ id: 'd', staff: 'Ana', start_at: '2026-03-01T13:00:00Z', duration_min: 30 }),
      ],
      'UTC',
    );
    const placed = layout.columns[0]?.bookings.map((p) => [p.booking.id, p.lane, p.lanes]);
    expect(placed).toEqual([
      ['a', 0, 2],
      ['b', 1, 2],
      ['c', 0, 2],
      ['d', 0, 1],
    ]);
  });

  it('gives known staff an empty column to drag to', () => {
    const layout = layoutAgenda([bookingFixture({ id: 'a', staff: 'Ben', start_at: '2026-03-01T10:00:00Z' })], 'UTC', { staff: ['Cara', 'Ben', ' '] });
    expect(layout.columns.map((c) => [c.staff, c.bookings.length])).toEqual([
      ['Ben', 1],
      ['Cara', 0],
    ]);
  });

  it('snaps a dropped booking to the quarter hour within the day', () => {
    expect(dropMinute(0, 1.6, 9 * 60, 30)).toBe(540);
    expect(dropMinute(1.6 * 37, 1.6, 9 * 60, 30)).toBe(540 + 30);
    expect(dropMinute(1.6 * 38, 1.6, 9 * 60, 30)).toBe(540 + 45);
    expect(dropMinute(-500, 1.6, 0, 30)).toBe(0);
    expect(dropMinute(1.6 * 2000, 1.6, 0, 60)).toBe(23 * 60);
  });
});
