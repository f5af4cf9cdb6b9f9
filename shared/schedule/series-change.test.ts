import { describe, expect, it } from 'vitest';
import type { BookingDoc, StaffDoc } from '../domain/schemas';
import { scheduledBookingFixture } from '../domain/test-fixtures';
import { formatDay, parseDay } from '../time/calendar';
import { instantAt, zoneClock } from '../time/zone';
import { defaultWeek } from './staff-hours';
import { checkSeriesChange, followingOccurrences, planSeriesChange } from './series-change';

const NY = 'America/New_York';
const day = (text: string): number => parseDay(text) as number;

const booking = scheduledBookingFixture;

/** A weekly series at 16:00 New York from 2026-02-24 (DST starts 2026-03-08). */
function weekly(count: number, minute = 16 * 60): BookingDoc[] {
  return Array.from({ length: count }, (_, i) =>
    booking({ id: `bk-${i + 1}`, start_at: new Date(instantAt(day('2026-02-24') + 7 * i, minute, NY)).toISOString(), series: { id: 'sr-1', index: i + 1, count } }),
  );
}

function wall(ms: number, timeZone = NY): string {
  const clock = zoneClock(timeZone);
  const m = clock.localMinuteOfDay(ms);
  return `${formatDay(clock.localDay(ms))} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const walls = (rows: ReturnType<typeof planSeriesChange>): string[] => rows.map((r) => wall(r.startMs));

describe('following occurrences', () => {
  it('are the later ones of the same series still scheduled, by index', () => {
    const [a, b, c, d, e] = weekly(5) as [BookingDoc, BookingDoc, BookingDoc, BookingDoc, BookingDoc];
    const other = booking({ id: 'bk-x', series: { id: 'sr-2', index: 4, count: 4 } });
    const all = [e, { ...d, status: 'completed' as const }, c, a, other, { ...b, status: 'scheduled' as const }];
    expect(followingOccurrences(b, all).map((x) => x.id)).toEqual(['bk-3', 'bk-5']);
    expect(followingOccurrences(e, all)).toEqual([]);
    for (const status of ['checked_in', 'cancelled', 'no_show'] as const) expect(followingOccurrences(a, [{ ...c, status }]).map((x) => x.id)).toEqual([]);
    expect(followingOccurrences(booking(), all)).toEqual([]);
  });
});

describe('planning a change of this and all following', () => {
  it('moves each following occurrence by the same wall-clock change across the spring DST change', () => {
    const [, second, ...rest] = weekly(4);
    const target = second as BookingDoc;
    // 2026-03-03 16:00 → 17:00; the others (03-10, 03-17, after the clocks moved) also to 17:00
    const rows = planSeriesChange(target, rest, { startMs: instantAt(day('2026-03-03'), 17 * 60, NY) }, NY);
    expect(walls(rows)).toEqual(['2026-03-03 17:00', '2026-03-10 17:00', '2026-03-17 17:00']);
    expect(rows.map((r) => r.index)).toEqual([2, 3, 4]);
    // the instants are not one fixed number of hours later: 22:00Z before the change, 21:00Z after
    expect(rows.map((r) => new Date(r.startMs).toISOString().slice(11, 16))).toEqual(['22:00', '21:00', '21:00']);
    expect(rows.every((r) => !r.shifted)).toBe(true);
  });

  it('a move to another day moves each by the same number of days, keeping each one’s own time when only the day changes', () => {
    const series = weekly(3);
    // the third was moved alone to 15:00 earlier
    const moved = { ...(series[2] as BookingDoc), start_at: new Date(instantAt(day('2026-03-10'), 15 * 60, NY)).toISOString() };
    const rows = planSeriesChange(series[0] as BookingDoc, [series[1] as BookingDoc, moved], { startMs: instantAt(day('2026-02-25'), 16 * 60, NY) }, NY);
    expect(walls(rows)).toEqual(['2026-02-25 16:00', '2026-03-04 16:00', '2026-03-11 15:00']);
  });

  it('a shift that crosses midnight moves to the next day, and a time skipped by a DST jump moves forward and says so', () => {
    const series = weekly(3, 23 * 60 + 30);
    const late = planSeriesChange(series[0] as BookingDoc, series.slice(1), { startMs: instantAt(day('2026-02-25'), 2 * 60 + 30, NY) }, NY);
    // 23:30 on Tuesdays moved to 02:30 the next morning: each one to its Wednesday
    expect(walls(late)).toEqual(['2026-02-25 02:30', '2026-03-04 02:30', '2026-03-11 02:30']);
    // a Saturday series at 01:30 moved one day and one hour later lands on the spring-forward Sunday's 02:30
    const saturdays = Array.from({ length: 3 }, (_, i) =>
      booking({ id: `bk-s${i + 1}`, start_at: new Date(instantAt(day('2026-02-28') + 7 * i, 90, NY)).toISOString(), series: { id: 'sr-s', index: i + 1, count: 3 } }),
    );
    const rows = planSeriesChange(saturdays[0] as BookingDoc, saturdays.slice(1), { startMs: instantAt(day('2026-03-01'), 150, NY) }, NY);
    expect(walls(rows)).toEqual(['2026-03-01 02:30', '2026-03-08 03:30', '2026-03-15 02:30']);
    expect(rows.map((r) => r.shifted)).toEqual([false, true, false]);
    expect(rows[1]?.minute).toBe(150);
  });

  it('sets staff, service, duration, price and notes on each, writing only what differs, and leaves out rows with nothing to change', () => {
    const series = weekly(4);
    const already = { ...(series[2] as BookingDoc), staff: 'Ben' };
    const rows = planSeriesChange(series[1] as BookingDoc, [already, series[3] as BookingDoc], { staff: 'Ben', notes: 'bring photos' }, NY);
    expect(rows.map((r) => [r.booking.id, r.changes])).toEqual([
      ['bk-2', { staff: 'Ben', notes: 'bring photos' }],
      ['bk-3', { notes: 'bring photos' }],
      ['bk-4', { staff: 'Ben', notes: 'bring photos' }],
    ]);
    expect(rows.every((r) => r.changes.startMs === undefined)).toBe(true);
    const none = planSeriesChange(series[1] as BookingDoc, [{ ...(series[2] as BookingDoc), staff: 'Ben' }], { staff: 'Ben' }, NY);
    expect(none.map((r) => r.booking.id)).toEqual(['bk-2']);
    const all = planSeriesChange(series[0] as BookingDoc, series.slice(1), { service: 'Colour', durationMin: 90, price: 9000 }, NY);
    expect(all.map((r) => r.changes)).toEqual(Array.from({ length: 4 }, () => ({ service: 'Colour', durationMin: 90, price: 9000 })));
  });
});

describe('checking a change of this and all following', () => {
  const ana: Pick<StaffDoc, 'name' | 'week' | 'days_off'> = { name: 'Ana', week: defaultWeek(), days_off: [] };

  it('flags each occurrence that would overlap the staff member’s or the customer’s other bookings at its new place', () => {
    const series = weekly(4);
    const ben = booking({ id: 'bk-ben', customer_id: 'cu-2', start_at: new Date(instantAt(day('2026-03-10'), 17 * 60, NY)).toISOString() });
    const elsewhere = booking({ id: 'bk-else', staff: 'Cara', start_at: new Date(instantAt(day('2026-03-17'), 17 * 60 + 15, NY)).toISOString() });
    const rows = planSeriesChange(series[1] as BookingDoc, series.slice(2), { startMs: instantAt(day('2026-03-03'), 17 * 60, NY) }, NY);
    const checked = checkSeriesChange(rows, [...series, ben, elsewhere], [], NY);
    expect(checked.map((c) => c.conflicts.map((x) => `${x.kind}:${x.other.id}`))).toEqual([[], ['staff:bk-ben'], ['customer:bk-else']]);
    // where the series used to be does not count: the old 16:00 of each occurrence is freed
    const back = planSeriesChange(series[1] as BookingDoc, series.slice(2), { startMs: instantAt(day('2026-03-03'), 16 * 60 + 15, NY) }, NY);
    expect(checkSeriesChange(back, series, [], NY).every((c) => c.conflicts.length === 0)).toBe(true);
  });

  it('checks the staff member’s hours when the time, staff or length changes, not for a note', () => {
    const series = weekly(2);
    const late = planSeriesChange(series[0] as BookingDoc, series.slice(1), { startMs: instantAt(day('2026-02-24'), 20 * 60, NY) }, NY);
    expect(checkSeriesChange(late, series, [ana], NY).map((c) => c.outside !== null)).toEqual([true, true]);
    const offHours = series.map((b) => ({ ...b, start_at: new Date(instantAt(day('2026-02-24'), 21 * 60, NY)).toISOString() }));
    const note = planSeriesChange(offHours[0] as BookingDoc, offHours.slice(1), { notes: 'x' }, NY);
    expect(checkSeriesChange(note, offHours, [ana], NY).map((c) => c.outside)).toEqual([null, null]);
  });
});
