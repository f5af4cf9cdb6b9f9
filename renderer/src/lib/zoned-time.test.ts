import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../shared/time/calendar';
import { parseInstant } from '../../../shared/time/instant';
import { formatClockTime, instantAt, isoInZone, longDate, parseClockTime, parseLocalDateTime, shortDateTime } from './zoned-time';

const day = (s: string): number => parseDay(s) ?? Number.NaN;

describe('zoned time', () => {
  it('writes instants with the zone offset', () => {
    const ms = Date.UTC(2026, 2, 1, 1, 30);
    expect(isoInZone(ms, 'Asia/Manila')).toBe('2026-03-01T09:30:00+08:00');
    expect(isoInZone(ms, 'America/New_York')).toBe('2026-02-28T20:30:00-05:00');
    expect(isoInZone(ms, 'Asia/Kolkata')).toBe('2026-03-01T07:00:00+05:30');
    expect(parseInstant(isoInZone(ms, 'Europe/London'))).toBe(ms);
  });

  it('finds the instant of a wall time, across DST changes', () => {
    expect(instantAt(day('2026-03-01'), 9 * 60 + 30, 'Asia/Manila')).toBe(Date.UTC(2026, 2, 1, 1, 30));
    // New York springs forward on 2026-03-08 at 02:00 → 03:00: 02:30 does not exist
    expect(isoInZone(instantAt(day('2026-03-08'), 2 * 60 + 30, 'America/New_York'), 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
    expect(isoInZone(instantAt(day('2026-03-08'), 10 * 60, 'America/New_York'), 'America/New_York')).toBe('2026-03-08T10:00:00-04:00');
    // …and falls back on 2026-11-01: 01:30 happens twice, the first one is taken
    expect(isoInZone(instantAt(day('2026-11-01'), 90, 'America/New_York'), 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
  });

  it('parses clock times and local date-times with messages', () => {
    expect(parseClockTime('9:05')).toBe(545);
    expect(parseClockTime('24:00')).toBeNull();
    expect(formatClockTime(545)).toBe('09:05');
    expect(parseLocalDateTime('2026-02-30', '10:00', 'UTC')).toEqual({ ok: false, field: 'date', message: 'Enter a date like 2026-03-01' });
    expect(parseLocalDateTime('2026-03-01', '1000', 'UTC')).toMatchObject({ ok: false, field: 'time' });
    expect(parseLocalDateTime('2026-03-01', '10:00', 'UTC')).toEqual({ ok: true, ms: Date.UTC(2026, 2, 1, 10) });
  });

  it('names a day', () => {
    expect(longDate(day('2026-03-01'))).toMatch(/^Sunday,? 1 March 2026$/);
  });
});

describe('short dates', () => {
  it('names the weekday, day and month at the branch', () => {
    expect(shortDateTime(Date.UTC(2026, 11, 3, 2, 0), 'Asia/Manila')).toBe('Thu 3 Dec, 10:00');
    expect(shortDateTime(Date.UTC(2026, 11, 3, 2, 0), 'America/New_York')).toBe('Wed 2 Dec, 21:00');
  });
});
