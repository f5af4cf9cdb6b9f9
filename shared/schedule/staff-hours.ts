/**
 * Staff members' weekly hours (the synced `staff` collection): when a staff member works on a
 * branch-local day, whether a booking falls inside those hours, and the free slots left between
 * their bookings ("next free: 15:30 with Ana"). Pure functions over branch-local calendar days
 * (shared/time/calendar day numbers) and minutes since local midnight; instants of bookings are
 * read in the branch's zone.
 */
import type { StaffDoc, WorkDay } from '../domain/schemas';
import { dayOfWeek, formatDay, parseDay } from '../time/calendar';
import { parseInstant } from '../time/instant';
import { zoneClock } from '../time/zone';
import { holdsSlot, staffKey, type SlotBooking } from './booking-conflicts';

/** [start, end) in minutes since local midnight. */
export interface MinuteSpan {
  start: number;
  end: number;
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "09:30" → 570; null for anything else. */
export function clockMinutes(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m === null ? null : Number(m[1]) * 60 + Number(m[2]);
}

/** 570 → "09:30". */
export function clockText(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Index into `StaffDoc.week` (Monday 0 … Sunday 6) of a day number. */
export function weekIndex(day: number): number {
  return (dayOfWeek(day) + 6) % 7;
}

/** A working day from "HH:MM" texts; '' and '' is a day off. */
function workDay(start: string, end: string, breaks: [string, string][] = []): WorkDay {
  return { start, end, breaks: breaks.map(([s, e]) => ({ start: s, end: e })) };
}

/** The week a new staff member starts with: Monday to Friday 09:00–18:00 with a lunch break, Saturday 09:00–14:00. */
export function defaultWeek(): WorkDay[] {
  const weekday = (): WorkDay => workDay('09:00', '18:00', [['13:00', '14:00']]);
  return [weekday(), weekday(), weekday(), weekday(), weekday(), workDay('09:00', '14:00'), workDay('', '')];
}

/** Problems of one staff document JSON Schema cannot express (field paths as `validateDocument` names them). */
export function staffProblems(s: StaffDoc): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (s.name.trim() === '') out.push({ field: 'name', message: 'a staff member needs a name' });
  s.week.forEach((d, i) => {
    const at = `week.${i}`;
    const day = WEEKDAY_NAMES[i] ?? `day ${i}`;
    if ((d.start === '') !== (d.end === '')) {
      out.push({ field: `${at}.${d.start === '' ? 'start' : 'end'}`, message: `${day}: give both a start and an end, or neither for a day off` });
      return;
    }
    if (d.start === '') {
      if (d.breaks.length > 0) out.push({ field: `${at}.breaks`, message: `${day} is a day off: it cannot have breaks` });
      return;
    }
    const start = clockMinutes(d.start) as number;
    const end = clockMinutes(d.end) as number;
    if (end <= start) {
      out.push({ field: `${at}.end`, message: `${day}: the end (${d.end}) must be after the start (${d.start})` });
      return;
    }
    let previousEnd = start;
    d.breaks.forEach((b, j) => {
      const bs = clockMinutes(b.start) as number;
      const be = clockMinutes(b.end) as number;
      if (be <= bs) out.push({ field: `${at}.breaks.${j}.end`, message: `${day}: a break's end (${b.end}) must be after its start (${b.start})` });
      else if (bs < start || be > end) out.push({ field: `${at}.breaks.${j}.start`, message: `${day}: the break ${b.start}–${b.end} must be within ${d.start}–${d.end}` });
      else if (bs < previousEnd && j > 0) out.push({ field: `${at}.breaks.${j}.start`, message: `${day}: breaks must be in order and must not overlap` });
      previousEnd = Math.max(previousEnd, be);
    });
  });
  const seen = new Set<string>();
  s.days_off.forEach((d, i) => {
    if (parseDay(d) === null) out.push({ field: `days_off.${i}`, message: `"${d}" is not a real calendar date` });
    else if (seen.has(d)) out.push({ field: `days_off.${i}`, message: `${d} is listed twice` });
    seen.add(d);
  });
  return out;
}

/** Working spans of `staff` on local day `day`: the day's hours minus its breaks (none on a day off). */
export function workingSpans(staff: Pick<StaffDoc, 'week' | 'days_off'>, day: number): MinuteSpan[] {
  if (staff.days_off.includes(formatDay(day))) return [];
  const d = staff.week[weekIndex(day)];
  if (d === undefined || d.start === '') return [];
  const start = clockMinutes(d.start);
  const end = clockMinutes(d.end);
  if (start === null || end === null || end <= start) return [];
  const breaks = d.breaks
    .map((b) => ({ start: clockMinutes(b.start) ?? 0, end: clockMinutes(b.end) ?? 0 }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start);
  return subtract([{ start, end }], breaks);
}

/** `spans` (sorted, disjoint) minus `holes` (sorted by start). */
function subtract(spans: MinuteSpan[], holes: readonly MinuteSpan[]): MinuteSpan[] {
  let out = spans;
  for (const hole of holes) {
    const next: MinuteSpan[] = [];
    for (const s of out) {
      if (hole.end <= s.start || hole.start >= s.end) next.push(s);
      else {
        if (hole.start > s.start) next.push({ start: s.start, end: hole.start });
        if (hole.end < s.end) next.push({ start: hole.end, end: s.end });
      }
    }
    out = next;
  }
  return out;
}

/** The staff document a booking's staff name refers to (names compare trimmed, without case). */
export function staffNamed<T extends Pick<StaffDoc, 'name'>>(staff: readonly T[], name: string): T | undefined {
  const key = staffKey(name);
  return key === '' ? undefined : staff.find((s) => staffKey(s.name) === key);
}

/**
 * Why a booking of `durationMin` minutes at local `day`/`minute` is outside `staff`'s hours, or
 * null when it fits entirely inside one working span. The reason names the hours: "Ana is off on
 * Sundays", "Ana works 09:00–13:00, 14:00–18:00 on Tuesdays".
 */
function outsideHours(staff: Pick<StaffDoc, 'name' | 'week' | 'days_off'>, day: number, minute: number, durationMin: number): string | null {
  const spans = workingSpans(staff, day);
  const end = minute + durationMin;
  if (spans.some((s) => s.start <= minute && end <= s.end)) return null;
  const weekday = WEEKDAY_NAMES[weekIndex(day)] as string;
  if (staff.days_off.includes(formatDay(day))) return `${staff.name} is off on ${formatDay(day)}`;
  if (spans.length === 0) return `${staff.name} is off on ${weekday}s`;
  return `${staff.name} works ${spans.map((s) => `${clockText(s.start)}–${clockText(s.end)}`).join(', ')} on ${weekday}s`;
}

/** A booking's local day and minute span in `timeZone` (null for an unreadable start). */
export function localSpan(b: Pick<SlotBooking, 'start_at' | 'duration_min'>, timeZone: string): { day: number; start: number; end: number } | null {
  const ms = parseInstant(b.start_at);
  if (ms === null) return null;
  const clock = zoneClock(timeZone);
  const start = clock.localMinuteOfDay(ms);
  return { day: clock.localDay(ms), start, end: start + b.duration_min };
}

export interface FreeSlot {
  /** The staff member's name as their document writes it. */
  staff: string;
  day: number;
  /** Minutes since local midnight. */
  minute: number;
}

export interface SlotQuery {
  /** Active staff members to search (in the order ties are broken). */
  staff: readonly Pick<StaffDoc, 'name' | 'week' | 'days_off'>[];
  /** The branch's bookings around the searched days (any status; freed slots are skipped). */
  bookings: readonly SlotBooking[];
  timeZone: string;
  durationMin: number;
  /** Search from this local day and minute on (e.g. now, or the time the form shows). */
  fromDay: number;
  fromMinute: number;
  /** Days searched, from `fromDay` (default 14). */
  days?: number;
  /** Slots start on multiples of this many minutes (default 15). */
  step?: number;
  /** A booking being moved: its own slot counts as free. */
  ignoreId?: string;
}

/**
 * The earliest free slot of each staff member: a start on the step grid, at or after
 * (fromDay, fromMinute), where the whole duration fits inside one working span and overlaps none
 * of their bookings that hold a slot. Sorted by time, then by the order of `staff`; a staff
 * member with no free slot in the searched days is left out.
 */
export function nextFreeSlots(q: SlotQuery): FreeSlot[] {
  const step = q.step ?? 15;
  const days = q.days ?? 14;
  const busy = new Map<string, Map<number, MinuteSpan[]>>();
  for (const b of q.bookings) {
    if (!holdsSlot(b.status) || b.id === q.ignoreId) continue;
    const span = localSpan(b, q.timeZone);
    if (span === null) continue;
    const key = staffKey(b.staff);
    if (key === '') continue;
    const byDay = busy.get(key) ?? new Map<number, MinuteSpan[]>();
    // a booking past midnight holds the start of the next day too
    for (let d = span.day, s = span.start, e = span.end; e > 0; d += 1, s = 0, e -= 1440) {
      const list = byDay.get(d) ?? [];
      list.push({ start: s, end: Math.min(e, 1440) });
      byDay.set(d, list);
    }
    busy.set(key, byDay);
  }
  const found: (FreeSlot & { order: number })[] = [];
  q.staff.forEach((member, order) => {
    const byDay = busy.get(staffKey(member.name));
    for (let day = q.fromDay; day < q.fromDay + days; day += 1) {
      const taken = byDay?.get(day) ?? [];
      const earliest = day === q.fromDay ? q.fromMinute : 0;
      for (const span of workingSpans(member, day)) {
        let minute = Math.max(span.start, earliest);
        minute = Math.ceil(minute / step) * step;
        while (minute + q.durationMin <= span.end) {
          const end = minute + q.durationMin;
          const clash = taken.filter((t) => t.start < end && minute < t.end);
          if (clash.length === 0) {
            found.push({ staff: member.name, day, minute, order });
            return;
          }
          // jump past the latest clashing booking, back on the grid
          minute = Math.ceil(Math.max(...clash.map((t) => t.end)) / step) * step;
        }
      }
    }
  });
  found.sort((a, b) => a.day - b.day || a.minute - b.minute || a.order - b.order);
  return found.map(({ staff, day, minute }) => ({ staff, day, minute }));
}

/**
 * Why `booking` falls outside the hours of the staff member it names (reason as `outsideHours`
 * words it), or null: inside their hours, no staff named, a staff member without a document
 * (hours unknown), or a booking that frees its slot (cancelled, no-show). Derived every time, like
 * double-bookings, so a booking made offline is flagged on every desk once the hours reach it.
 */
export function hoursConflict(booking: SlotBooking, team: readonly Pick<StaffDoc, 'name' | 'week' | 'days_off'>[], timeZone: string): string | null {
  if (!holdsSlot(booking.status)) return null;
  const member = staffNamed(team, booking.staff);
  if (member === undefined) return null;
  const span = localSpan(booking, timeZone);
  if (span === null) return null;
  return outsideHours(member, span.day, span.start, booking.duration_min);
}
