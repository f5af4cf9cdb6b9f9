import { formatDay, MS_PER_DAY, parseDay } from '../../../shared/time/calendar';
import { instantAt, zoneClock } from '../../../shared/time/zone';
import { parseInstant } from '../../../shared/time/instant';

/**
 * Wall-clock helpers in a branch's time zone (the browser's own zone is irrelevant: a desk shows
 * and books times as they are at the branch).
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `+08:00` / `-05:00` for an offset in milliseconds. */
function offsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** ISO 8601 instant with the zone's offset, to the second (`2026-03-01T09:30:00+08:00`). */
export function isoInZone(ms: number, timeZone: string): string {
  const clock = zoneClock(timeZone);
  const offset = clock.offsetAt(ms);
  const local = ms + offset;
  const day = Math.floor(local / MS_PER_DAY);
  const secondOfDay = Math.floor((local - day * MS_PER_DAY) / 1000);
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return `${formatDay(day)}T${pad(h)}:${pad(m)}:${pad(s)}${offsetText(offset)}`;
}

/** The instant at which the zone's clock shows a local day and minute (shared/time/zone.ts). */
export { instantAt };

/** `HH:MM` → minutes since midnight, or null. */
export function parseClockTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

export function formatClockTime(minuteOfDay: number): string {
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/** The instant for a `YYYY-MM-DD` date and `HH:MM` time at the branch, or a message. */
export function parseLocalDateTime(
  date: string,
  time: string,
  timeZone: string,
): { ok: true; ms: number } | { ok: false; field: 'date' | 'time'; message: string } {
  const day = parseDay(date);
  if (day === null) return { ok: false, field: 'date', message: 'Enter a date like 2026-03-01' };
  const minute = parseClockTime(time);
  if (minute === null) return { ok: false, field: 'time', message: 'Enter a time like 09:30' };
  return { ok: true, ms: instantAt(day, minute, timeZone) };
}

const weekdayFormat = new Map<string, Intl.DateTimeFormat>();

/** "Sunday, 1 March 2026" for a day number (the day itself, no zone involved). */
export function longDate(day: number, locale = 'en-GB'): string {
  let format = weekdayFormat.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    weekdayFormat.set(locale, format);
  }
  return format.format(day * MS_PER_DAY);
}

const shortDayFormat = new Map<string, Intl.DateTimeFormat>();

/** "Tue 3 Dec" for a day number (toasts and notices name the date, not just a time). */
export function shortDate(day: number, locale = 'en-GB'): string {
  let format = shortDayFormat.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    shortDayFormat.set(locale, format);
  }
  return format.format(day * MS_PER_DAY).replace(',', '');
}

/** "Tue 3 Dec, 10:00": when a booking starts, on the branch's wall clock ('' for a bad start_at). */
export function bookingDateTime(booking: { start_at: string }, timeZone: string): string {
  const ms = parseInstant(booking.start_at);
  return ms === null ? '' : shortDateTime(ms, timeZone);
}

/** "Tue 3 Dec, 10:00": an instant as the branch's wall clock shows it. */
export function shortDateTime(ms: number, timeZone: string): string {
  const clock = zoneClock(timeZone);
  return `${shortDate(clock.localDay(ms))}, ${formatClockTime(clock.localMinuteOfDay(ms))}`;
}
