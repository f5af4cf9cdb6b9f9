import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { civilFromDays, dayOfWeek, daysFromCivil, daysInMonth, formatDay, MS_PER_DAY, parseDay } from './calendar';

/** Day numbers of 0000-01-01 and 9999-12-31: the range `YYYY-MM-DD` can spell. */
const FIRST = daysFromCivil(0, 1, 1);
const LAST = daysFromCivil(9999, 12, 31);
const anyDay = fc.integer({ min: FIRST, max: LAST });

describe('day numbers', () => {
  it('count whole days from 1970-01-01', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1970, 1, 2)).toBe(1);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    expect(daysFromCivil(2026, 3, 1)).toBe(20513);
    expect(formatDay(20513)).toBe('2026-03-01');
    expect(formatDay(-719528)).toBe('0000-01-01');
  });

  it('agree with the JavaScript Date calendar over ten thousand years', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const date = new Date(day * MS_PER_DAY);
        expect(formatDay(day)).toBe(date.toISOString().slice(0, 10));
        expect(dayOfWeek(day)).toBe(date.getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trip: day → text → day and day → civil → day', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(parseDay(formatDay(day))).toBe(day);
        const { year, month, day: dom } = civilFromDays(day);
        expect(daysFromCivil(year, month, dom)).toBe(day);
        expect(dom).toBeLessThanOrEqual(daysInMonth(year, month));
      }),
      { numRuns: 2000 },
    );
  });

  it('consecutive day numbers are consecutive calendar dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST - 1 }), (day) => {
        const a = civilFromDays(day);
        const b = civilFromDays(day + 1);
        if (a.day < daysInMonth(a.year, a.month)) expect(b).toEqual({ ...a, day: a.day + 1 });
        else if (a.month < 12) expect(b).toEqual({ year: a.year, month: a.month + 1, day: 1 });
        else expect(b).toEqual({ year: a.year + 1, month: 1, day: 1 });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseDay', () => {
  it('accepts real dates, including leap days', () => {
    expect(parseDay('2024-02-29')).toBe(daysFromCivil(2024, 2, 29));
    expect(parseDay('2000-02-29')).toBe(daysFromCivil(2000, 2, 29));
    expect(parseDay('2026-12-31')).toBe(daysFromCivil(2026, 12, 31));
  });

  it('rejects dates that do not exist and anything not strictly YYYY-MM-DD', () => {
    for (const text of [
      '2026-02-29',
      '2026-02-30',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-5',
      '20260105',
      ' 2026-01-05',
      '2026-01-05 ',
      '2026-01-05T00:00:00Z',
      '',
      'garbage',
    ]) {
      expect(parseDay(text), text).toBeNull();
    }
  });
});

describe('daysInMonth', () => {
  it('knows the Gregorian leap-year rule', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});
