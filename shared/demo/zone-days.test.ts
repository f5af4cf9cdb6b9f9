import { describe, expect, it } from 'vitest';
import { parseDay } from '../time/calendar';
import { parseInstant } from '../time/instant';
import { zoneClock } from '../time/zone';
import { DayTexts, timeText, ZoneDays } from './zone-days';
import { CITIES } from './cities';

const first = parseDay('2025-01-01') as number;
const last = parseDay('2026-12-31') as number;

describe('ZoneDays', () => {
  it('agrees with Intl on every day of two years in every demo zone (business hours)', () => {
    const days = new DayTexts(first, last);
    for (const city of CITIES) {
      const table = new ZoneDays(city.timeZone, first, last, 8 * 60, 20 * 60);
      const clock = zoneClock(city.timeZone);
      const wrong: string[] = [];
      for (let day = first; day <= last; day += 1) {
        if (!table.isUsable(day)) wrong.push(`${days.text(day)} unusable`);
        for (const minute of [8 * 60, 13 * 60 + 45, 19 * 60 + 30]) {
          const ms = table.instant(day, minute);
          // The ISO text with the table's offset denotes the same instant.
          const text = days.text(day) + timeText(minute) + table.offsetSuffix(day);
          if (clock.localDay(ms) !== day || clock.localMinuteOfDay(ms) !== minute || parseInstant(text) !== ms) wrong.push(text);
        }
      }
      expect(wrong, city.timeZone).toEqual([]);
    }
  });

  it('marks a day unusable when the offset changes during business hours', () => {
    // Europe/London springs forward at 01:00 local on 2026-03-29: with "business hours"
    // 00:00–23:00 that day straddles the change; the days around it do not.
    const spring = parseDay('2026-03-29') as number;
    const table = new ZoneDays('Europe/London', spring - 10, spring + 10, 0, 23 * 60);
    expect(table.isUsable(spring)).toBe(false);
    expect(table.isUsable(spring - 1)).toBe(true);
    expect(table.isUsable(spring + 1)).toBe(true);
    expect(table.offsetMinutes(spring - 1)).toBe(0);
    expect(table.offsetMinutes(spring + 1)).toBe(60);
    expect(() => new ZoneDays('Europe/London', 10, 5, 0, 60)).toThrow(RangeError);
  });

  it('formats offsets and times', () => {
    const day = parseDay('2026-01-15') as number;
    const offsetText = (timeZone: string) => new ZoneDays(timeZone, day, day, 8 * 60, 20 * 60).offsetSuffix(day);
    expect(offsetText('Etc/UTC')).toBe('Z');
    expect(offsetText('Asia/Manila')).toBe('+08:00');
    expect(offsetText('America/New_York')).toBe('-05:00');
    expect(offsetText('Asia/Kolkata')).toBe('+05:30');
    expect(offsetText('Pacific/Marquesas')).toBe('-09:30');
    expect(timeText(9 * 60 + 5)).toBe('T09:05:00');
    expect(timeText(23 * 60 + 45)).toBe('T23:45:00');
  });
});
