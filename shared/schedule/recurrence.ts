/**
 * Recurring appointments (docs/DESIGN.md §17, issue 11 item 6): "every N weeks" for a number of
 * times or until a date. Each occurrence is an ordinary booking that carries its `series` (the
 * series id, its place in it and how many were planned), so the engine, sync, HQ and the CLI see
 * one booking per occurrence and nothing else changes for them.
 *
 * Occurrences keep the first one's wall-clock time at the branch: 10:00 stays 10:00 across a
 * daylight-saving change (the instant moves by the change). A wall time a DST jump skips on one
 * occurrence's day moves forward by the jump (02:30 → 03:30), as `instantAt` resolves it, and the
 * occurrence says so (`shifted`).
 */
import { LIMITS, type BookingDoc, type BookingSeries } from '../domain/schemas';
import { formatDay } from '../time/calendar';
import { instantAt, zoneClock } from '../time/zone';

/** At most this many occurrences in one series (a year of weekly visits). */
export const MAX_OCCURRENCES = LIMITS.seriesLength;
/** The longest gap between two occurrences, in weeks. */
export const MAX_EVERY_WEEKS = 26;

/** How a series repeats: every `everyWeeks` weeks, `count` times in all or until a local day (inclusive). */
export interface Repeat {
  everyWeeks: number;
  end: { kind: 'count'; count: number } | { kind: 'until'; day: number };
}

export interface Occurrence {
  /** 1-based place in the series. */
  index: number;
  /** Local day number at the branch. */
  day: number;
  startMs: number;
  /** True when the wall-clock time does not exist that day (a DST jump) and moved forward. */
  shifted: boolean;
}

export interface RepeatProblem {
  field: 'every' | 'count' | 'until';
  message: string;
}

const isWhole = (n: number): boolean => Number.isInteger(n);

/**
 * The occurrences of a series whose first one is at local `day`/`minute` in `timeZone`, or what
 * is wrong with the rule: a gap of 1–26 weeks; 2–52 times; an end date that leaves at least a
 * second occurrence and at most 52. Too many is refused, never cut short silently.
 */
export function planOccurrences(
  first: { day: number; minute: number },
  repeat: Repeat,
  timeZone: string,
): { ok: true; occurrences: Occurrence[] } | { ok: false; problems: RepeatProblem[] } {
  const problems: RepeatProblem[] = [];
  const every = repeat.everyWeeks;
  if (!isWhole(every) || every < 1 || every > MAX_EVERY_WEEKS) problems.push({ field: 'every', message: `Repeat every 1 to ${MAX_EVERY_WEEKS} weeks` });
  if (problems.length > 0) return { ok: false, problems };
  const step = every * 7;
  let count: number;
  if (repeat.end.kind === 'count') {
    count = repeat.end.count;
    if (!isWhole(count) || count < 2 || count > MAX_OCCURRENCES) return { ok: false, problems: [{ field: 'count', message: `Repeat 2 to ${MAX_OCCURRENCES} times` }] };
  } else {
    const last = repeat.end.day;
    if (last < first.day + step) {
      return { ok: false, problems: [{ field: 'until', message: `End on or after ${formatDay(first.day + step)}, the second booking's date` }] };
    }
    count = Math.floor((last - first.day) / step) + 1;
    if (count > MAX_OCCURRENCES) {
      return {
        ok: false,
        problems: [{ field: 'until', message: `Until ${formatDay(last)} makes ${count} bookings; at most ${MAX_OCCURRENCES} (last possible end: ${formatDay(first.day + (MAX_OCCURRENCES - 1) * step)})` }],
      };
    }
  }
  const clock = zoneClock(timeZone);
  const occurrences: Occurrence[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = first.day + i * step;
    const startMs = instantAt(day, first.minute, timeZone);
    occurrences.push({ index: i + 1, day, startMs, shifted: clock.localMinuteOfDay(startMs) !== first.minute || clock.localDay(startMs) !== day });
  }
  return { ok: true, occurrences };
}

/** "3 of 6": a booking's place in its series. */
export function seriesLabel(series: BookingSeries): string {
  return `${series.index} of ${series.count}`;
}

/** A problem with a booking's `series` beyond its schema (its place lies inside the series). */
export function seriesProblems(booking: Pick<BookingDoc, 'series'>): { field: string; message: string }[] {
  const s = booking.series;
  if (s !== null && s.index > s.count) return [{ field: 'series', message: `occurrence ${s.index} of a series of ${s.count}` }];
  return [];
}
