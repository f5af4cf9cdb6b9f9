import { describe, expect, it } from 'vitest';
import { anniversaryIn, birthdayIn, nextOccurrence, yearsSince } from './dates';
import { day } from './test-fixtures';
import { formatDay } from '../time/calendar';

describe('birthdays and anniversaries', () => {
  const today = day('2026-03-01');
  it('finds birthdays today, in the coming seven days and in this calendar month', () => {
    expect(birthdayIn('1990-03-01', today, 'today')).toBe(true);
    expect(birthdayIn('1990-03-02', today, 'today')).toBe(false);
    expect(birthdayIn('1990-03-07', today, 'week')).toBe(true);
    expect(birthdayIn('1990-03-08', today, 'week')).toBe(false);
    expect(birthdayIn('1990-02-28', today, 'week')).toBe(false);
    expect(birthdayIn('1990-03-31', today, 'month')).toBe(true);
    expect(birthdayIn('1990-02-28', today, 'month')).toBe(false);
    expect(birthdayIn('', today, 'month')).toBe(false);
    expect(birthdayIn('', today, '')).toBe(true);
  });

  it('wraps the week over the new year', () => {
    expect(birthdayIn('2000-01-02', day('2026-12-29'), 'week')).toBe(true);
    expect(formatDay(nextOccurrence('2000-01-02', day('2026-12-29'))?.day ?? 0)).toBe('2027-01-02');
  });

  it('celebrates 29 February on 28 February in other years', () => {
    expect(birthdayIn('2004-02-29', day('2026-02-28'), 'today')).toBe(true);
    expect(birthdayIn('2004-02-29', day('2028-02-28'), 'today')).toBe(false);
    expect(birthdayIn('2004-02-29', day('2028-02-29'), 'today')).toBe(true);
  });

  it('counts first-visit anniversaries from the first full year', () => {
    expect(anniversaryIn('2025-03-01', today, 'today')).toBe(true);
    expect(anniversaryIn('2026-03-01', today, 'today')).toBe(false);
    expect(anniversaryIn('2025-03-20', today, 'month')).toBe(true);
    expect(anniversaryIn('2026-03-20', day('2026-03-01'), 'month')).toBe(false);
    expect(anniversaryIn(null, today, 'week')).toBe(false);
  });

  it('counts whole years', () => {
    expect(yearsSince('1990-03-01', today)).toBe(36);
    expect(yearsSince('1990-03-02', today)).toBe(35);
    expect(yearsSince('2027-01-01', today)).toBeNull();
  });
});
