/**
 * "This and all following" for a recurring series (docs/DESIGN.md §17, issue 11 item 6): which
 * occurrences a change or a cancellation reaches, what each of them becomes, and what each would
 * clash with (§13) before anything is saved.
 *
 * The following occurrences are the later ones of the same series (a higher index) that are still
 * scheduled: a visit already checked in, completed, cancelled or a no-show is never touched. A
 * change of time moves each one by the same wall-clock change at the branch (a day later and an
 * hour later stays "a day and an hour later" across a DST change: 16:00 → 17:00 on every date,
 * whatever the instant), a wall time a DST jump skips moves forward by the jump and says so, as
 * `planOccurrences` does. A change of staff, service, duration, price or notes sets the same value
 * on each.
 */
import type { BookingDoc } from '../domain/schemas';
import type { StaffDoc } from '../domain/schemas';
import { formatInstant, parseInstant } from '../time/instant';
import { instantAt, zoneClock } from '../time/zone';
import { conflictsFor, type BookingConflict } from './booking-conflicts';
import { hoursConflict } from './staff-hours';

/** The details a scheduled booking may change (its customer and branch are fixed for life): only what the person changed. */
export interface BookingChanges {
  service?: string;
  staff?: string;
  /** New start (the branch's zone writes the offset). */
  startMs?: number;
  durationMin?: number;
  /** Cents. */
  price?: number;
  notes?: string;
}

/** One occurrence the change reaches: the booking, its new start, and the fields to write on it. */
export interface SeriesChangeRow {
  booking: BookingDoc;
  index: number;
  /** Its new start (its old one when the time does not change). */
  startMs: number;
  /** Local day and wall-clock minute asked for at the branch. */
  day: number;
  minute: number;
  /** True when that wall-clock time does not exist that day (a DST jump) and moved forward. */
  shifted: boolean;
  changes: BookingChanges;
}

const MINUTES_PER_DAY = 24 * 60;

/**
 * The later occurrences of `booking`'s series among `bookings` that are still scheduled, by
 * index; empty outside a series.
 */
export function followingOccurrences<T extends Pick<BookingDoc, 'id' | 'series' | 'status'>>(booking: Pick<BookingDoc, 'id' | 'series'>, bookings: readonly T[]): T[] {
  const series = booking.series;
  if (series === null) return [];
  return bookings
    .filter((b) => b.id !== booking.id && b.series !== null && b.series.id === series.id && b.series.index > series.index && b.status === 'scheduled')
    .sort((a, b) => (a.series?.index ?? 0) - (b.series?.index ?? 0));
}

/** A booking's wall clock at the branch, as minutes since the epoch's local midnight (day × 1440 + minute). */
function wallMinutes(ms: number, timeZone: string): number {
  const clock = zoneClock(timeZone);
  return clock.localDay(ms) * MINUTES_PER_DAY + clock.localMinuteOfDay(ms);
}

/**
 * What `changes` (made on `target`, the occurrence being edited) do to it and to each of its
 * `following` occurrences: the target gets `changes` as they are; each following one the same
 * wall-clock shift of its start and the same other values. A field a following occurrence
 * already has is not written (only what differs). Rows with nothing to change are left out,
 * except the target.
 */
export function planSeriesChange(target: BookingDoc, following: readonly BookingDoc[], changes: BookingChanges, timeZone: string): SeriesChangeRow[] {
  const clock = zoneClock(timeZone);
  const targetMs = parseInstant(target.start_at) ?? 0;
  const shift = changes.startMs === undefined ? 0 : wallMinutes(changes.startMs, timeZone) - wallMinutes(targetMs, timeZone);
  const rows: SeriesChangeRow[] = [];
  for (const booking of [target, ...following]) {
    const beforeMs = parseInstant(booking.start_at) ?? 0;
    const wall = wallMinutes(beforeMs, timeZone) + shift;
    const day = Math.floor(wall / MINUTES_PER_DAY);
    const minute = wall - day * MINUTES_PER_DAY;
    const startMs = booking === target ? (changes.startMs ?? beforeMs) : shift === 0 ? beforeMs : instantAt(day, minute, timeZone);
    const own: BookingChanges = {};
    if (startMs !== beforeMs) own.startMs = startMs;
    if (changes.service !== undefined && changes.service !== booking.service) own.service = changes.service;
    if (changes.staff !== undefined && changes.staff !== booking.staff) own.staff = changes.staff;
    if (changes.durationMin !== undefined && changes.durationMin !== booking.duration_min) own.durationMin = changes.durationMin;
    if (changes.price !== undefined && changes.price !== booking.price) own.price = changes.price;
    if (changes.notes !== undefined && changes.notes !== booking.notes) own.notes = changes.notes;
    if (booking !== target && Object.keys(own).length === 0) continue;
    const shifted = clock.localDay(startMs) !== day || clock.localMinuteOfDay(startMs) !== minute;
    rows.push({ booking, index: booking.series?.index ?? 1, startMs, day, minute, shifted, changes: booking === target ? changes : own });
  }
  return rows;
}

/** A planned row as the booking it would become (for the conflict and hours checks). */
function changedBooking(row: SeriesChangeRow): BookingDoc {
  const c = row.changes;
  return {
    ...row.booking,
    start_at: c.startMs === undefined ? row.booking.start_at : formatInstant(c.startMs),
    staff: c.staff ?? row.booking.staff,
    service: c.service ?? row.booking.service,
    duration_min: c.durationMin ?? row.booking.duration_min,
  };
}

/** A planned row with what it would clash with once changed. */
export interface SeriesChangeCheck extends SeriesChangeRow {
  conflicts: BookingConflict<BookingDoc>[];
  /** Why it would fall outside the staff member's hours (null: it would not, or nothing moved). */
  outside: string | null;
}

/**
 * Checks every planned row like a single edit (§13): overlaps with the staff member's and the
 * customer's other bookings among `around` — where the other rows of the change are taken at
 * their new place, not their old one — and, when the row moves in time, to someone else or
 * changes length, the staff member's hours.
 */
export function checkSeriesChange(
  rows: readonly SeriesChangeRow[],
  around: readonly BookingDoc[],
  team: readonly Pick<StaffDoc, 'name' | 'week' | 'days_off'>[],
  timeZone: string,
): SeriesChangeCheck[] {
  const planned = new Map(rows.map((r) => [r.booking.id, changedBooking(r)]));
  const others = [...around.filter((b) => !planned.has(b.id)), ...planned.values()];
  return rows.map((row) => {
    const next = planned.get(row.booking.id) as BookingDoc;
    const c = row.changes;
    const moves = c.startMs !== undefined || c.staff !== undefined || c.durationMin !== undefined;
    return { ...row, conflicts: conflictsFor(next, others), outside: moves ? hoursConflict(next, team, timeZone) : null };
  });
}
