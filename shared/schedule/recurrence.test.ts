import { describe, expect, it } from 'vitest';
import type { BookingDoc } from '../domain/schemas';
import { validateDocument } from '../domain/validate';
import { formatDay, parseDay } from '../time/calendar';
import { zoneClock } from '../time/zone';
import { planOccurrences, seriesLabel, type Occurrence } from './recurrence';

const day = (text: string): number => parseDay(text) as number;
const NY = 'America/New_York';

/** Each occurrence as the branch's wall clock shows it: "2026-03-03 10:00". */
function wall(occurrences: readonly Occurrence[], timeZone: string): string[] {
  const clock = zoneClock(timeZone);
  return occurrences.map((o) => {
    const m = clock.localMinuteOfDay(o.startMs);
    return `${formatDay(clock.localDay(o.startMs))} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  });
}

function plan(first: string, minute: number, repeat: Parameters<typeof planOccurrences>[1], timeZone = NY): Occurrence[] {
  const result = planOccurrences({ day: day(first), minute }, repeat, timeZone);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.occurrences;
}

describe('occurrence dates', () => {
  it('every N weeks for a number of times keeps the wall-clock time across the spring and autumn DST changes', () => {
    // New York moves to EDT on 2026-03-08 and back to EST on 2026-11-01
    const spring = plan('2026-02-24', 10 * 60, { everyWeeks: 1, end: { kind: 'count', count: 4 } });
    expect(wall(spring, NY)).toEqual(['2026-02-24 10:00', '2026-03-03 10:00', '2026-03-10 10:00', '2026-03-17 10:00']);
    expect(spring.map((o) => o.index)).toEqual([1, 2, 3, 4]);
    // the instant moves by the hour the clocks moved: 15:00Z before, 14:00Z after
    expect(spring.map((o) => new Date(o.startMs).toISOString().slice(11, 16))).toEqual(['15:00', '15:00', '14:00', '14:00']);
    expect(spring.every((o) => !o.shifted)).toBe(true);
    const autumn = plan('2026-10-20', 9 * 60 + 30, { everyWeeks: 2, end: { kind: 'count', count: 3 } });
    expect(wall(autumn, NY)).toEqual(['2026-10-20 09:30', '2026-11-03 09:30', '2026-11-17 09:30']);
    expect(autumn[1]?.day).toBe(day('2026-11-03'));
  });

  it('a wall time that a DST jump skips moves forward by the jump, and says so', () => {
    // 02:30 does not exist in New York on 2026-03-08 (a Sunday)
    const occurrences = plan('2026-03-01', 2 * 60 + 30, { everyWeeks: 1, end: { kind: 'count', count: 3 } });
    expect(wall(occurrences, NY)).toEqual(['2026-03-01 02:30', '2026-03-08 03:30', '2026-03-15 02:30']);
    expect(occurrences.map((o) => o.shifted)).toEqual([false, true, false]);
  });

  it('until a date includes that date and stops before the next occurrence after it', () => {
    const manila = 'Asia/Manila';
    expect(wall(plan('2026-03-02', 600, { everyWeeks: 3, end: { kind: 'until', day: day('2026-04-13') } }, manila), manila)).toEqual([
      '2026-03-02 10:00',
      '2026-03-23 10:00',
      '2026-04-13 10:00',
    ]);
    expect(plan('2026-03-02', 600, { everyWeeks: 3, end: { kind: 'until', day: day('2026-04-12') } }, manila)).toHaveLength(2);
  });

  it('crosses a year end and a leap day on the calendar, not by 24-hour steps', () => {
    expect(plan('2027-12-21', 600, { everyWeeks: 1, end: { kind: 'count', count: 3 } }, 'Europe/London').map((o) => formatDay(o.day))).toEqual(['2027-12-21', '2027-12-28', '2028-01-04']);
    expect(plan('2028-02-22', 600, { everyWeeks: 1, end: { kind: 'count', count: 2 } }, 'Europe/London').map((o) => formatDay(o.day))).toEqual(['2028-02-22', '2028-02-29']);
  });

  it('allows up to 52 occurrences and refuses more, by count or by end date, with what to do', () => {
    expect(plan('2026-01-05', 600, { everyWeeks: 1, end: { kind: 'count', count: 52 } })).toHaveLength(52);
    const tooMany = planOccurrences({ day: day('2026-01-05'), minute: 600 }, { everyWeeks: 1, end: { kind: 'count', count: 53 } }, NY);
    expect(tooMany).toEqual({ ok: false, problems: [{ field: 'count', message: 'Repeat 2 to 52 times' }] });
    const latest = plan('2026-01-05', 600, { everyWeeks: 1, end: { kind: 'until', day: day('2026-12-28') } });
    expect(latest).toHaveLength(52);
    const tooLate = planOccurrences({ day: day('2026-01-05'), minute: 600 }, { everyWeeks: 1, end: { kind: 'until', day: day('2027-01-04') } }, NY);
    expect(tooLate).toEqual({ ok: false, problems: [{ field: 'until', message: 'Until 2027-01-04 makes 53 bookings; at most 52 (last possible end: 2026-12-28)' }] });
  });

  it('refuses a rule without a second occurrence, or a gap outside 1–26 weeks', () => {
    const first = { day: day('2026-03-02'), minute: 600 };
    expect(planOccurrences(first, { everyWeeks: 2, end: { kind: 'until', day: day('2026-03-15') } }, NY)).toEqual({
      ok: false,
      problems: [{ field: 'until', message: "End on or after 2026-03-16, the second booking's date" }],
    });
    expect(planOccurrences(first, { everyWeeks: 1, end: { kind: 'count', count: 1 } }, NY)).toMatchObject({ ok: false, problems: [{ field: 'count' }] });
    for (const everyWeeks of [0, 27, 1.5, Number.NaN]) {
      expect(planOccurrences(first, { everyWeeks, end: { kind: 'count', count: 4 } }, NY)).toEqual({ ok: false, problems: [{ field: 'every', message: 'Repeat every 1 to 26 weeks' }] });
    }
  });
});

let n = 0;
function occurrence(index: number, start: string, over: Partial<BookingDoc> = {}): BookingDoc {
  n += 1;
  return {
    id: `bk-${n}`, customer_id: 'cu-1', branch_id: 'br-1', service: 'Colour', staff: 'Ana', start_at: start, duration_min: 60, status: 'scheduled',
    price: 5000, notes: '', created_at: '', updated_at: '', amendments: [], series: { id: 'sr-1', index, count: 4 }, payment: null, ...over,
  };
}

describe('a series on its bookings', () => {
  it('is part of the booking schema, with its place inside the series', () => {
    expect(validateDocument('bookings', occurrence(3, '2026-03-17T10:00:00-04:00'))).toEqual([]);
    expect(validateDocument('bookings', occurrence(5, '2026-03-17T10:00:00-04:00'))).toEqual([{ field: 'series', message: 'occurrence 5 of a series of 4' }]);
    expect(validateDocument('bookings', { ...occurrence(1, '2026-03-17T10:00:00-04:00'), series: { id: 'sr-1', index: 1, count: 53 } }).map((p) => p.field)).toEqual(['series']);
    expect(validateDocument('bookings', { ...occurrence(1, '2026-03-17T10:00:00-04:00'), series: null })).toEqual([]);
    expect(seriesLabel({ id: 'sr-1', index: 3, count: 6 })).toBe('3 of 6');
  });
});
