/**
 * Birthdays and first-visit anniversaries relative to a branch-local day. A 29 February
 * birthday falls on 28 February in years without one.
 *
 * Windows: `today`; `week` = today and the six days after it (the coming seven days);
 * `month` = the calendar month of today.
 */
import { civilFromDays, daysFromCivil, daysInMonth, parseDay } from '../time/calendar';

export type DateWindow = '' | 'today' | 'week' | 'month';

/** The day the yearly date (month, day) falls on in `year` (29 Feb → 28 Feb when not leap). */
function occurrence(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The first day on or after `today` on which the yearly date of `date` falls, and its year. */
export function nextOccurrence(date: string, today: number): { day: number; year: number } | null {
  const d = parseDay(date);
  if (d === null) return null;
  const { month, day } = civilFromDays(d);
  const { year } = civilFromDays(today);
  const thisYear = occurrence(year, month, day);
  if (thisYear >= today) return { day: thisYear, year };
  return { day: occurrence(year + 1, month, day), year: year + 1 };
}

function inWindow(date: string, today: number, window: DateWindow, mustBeAfterYear: boolean): boolean {
  if (window === '' || date === '') return window === '';
  const start = parseDay(date);
  if (start === null) return false;
  const startYear = civilFromDays(start).year;
  if (window === 'month') {
    const t = civilFromDays(today);
    const { month, day } = civilFromDays(start);
    const occ = occurrence(t.year, month, day);
    return civilFromDays(occ).month === t.month && (!mustBeAfterYear || t.year > startYear);
  }
  const next = nextOccurrence(date, today);
  if (next === null || (mustBeAfterYear && next.year <= startYear)) return false;
  return window === 'today' ? next.day === today : next.day <= today + 6;
}

/** True when the birthday (`YYYY-MM-DD`) falls in the window; '' window = always true. */
export function birthdayIn(birthday: string, today: number, window: DateWindow): boolean {
  return inWindow(birthday, today, window, false);
}

/** True when a first-visit anniversary (1 year or more) falls in the window. */
export function anniversaryIn(firstVisitDate: string | null, today: number, window: DateWindow): boolean {
  return inWindow(firstVisitDate ?? '', today, window, true);
}

/** Whole years from `date` to `today` (age on a birthday, years since the first visit). */
export function yearsSince(date: string, today: number): number | null {
  const d = parseDay(date);
  if (d === null || d > today) return null;
  const a = civilFromDays(d);
  const t = civilFromDays(today);
  const occ = occurrence(t.year, a.month, a.day);
  return t.year - a.year - (today < occ ? 1 : 0);
}
