import { daysFromCivil, MS_PER_DAY } from './calendar';

/**
 * IANA time-zone handling on top of `Intl` (the only tz database every runtime ships).
 * `Intl` is exact but slow (~2 µs a call); the engine asks for the local date of millions of
 * instants, so offsets are cached per UTC day: a day whose two ends have the same offset holds
 * no transition (zones change offset at most once within a day). A day with a transition is
 * cached per hour the same way, and an hour with a transition is resolved exactly per instant.
 */
const MS_PER_HOUR = 3_600_000;

const resolvedNames = new Map<string, string | null>();

/** ICU's id for a zone (can be a renamed IANA name, Asia/Calcutta: see zone-names.ts), or `null` when the runtime does not know the zone. */
export function resolveTimeZone(name: string): string | null {
  const cached = resolvedNames.get(name);
  if (cached !== undefined) return cached;
  let resolved: string | null = null;
  if (name.trim() !== '' && name === name.trim()) {
    try {
      resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      resolved = null;
    }
  }
  resolvedNames.set(name, resolved);
  return resolved;
}

export function isValidTimeZone(name: string): boolean {
  return resolveTimeZone(name) !== null;
}

const TRANSITION = Number.NaN;

/** UTC days cached in an array by ZoneClock.offsetAt (100,000 days: 1970 to 2243). */
const DENSE_DAYS = 100_000;

export class ZoneClock {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly dayOffsets = new Map<number, number>();
  /**
   * The same cache for UTC days 0 … DENSE_DAYS - 1 (1970–2243) as a typed array (Infinity: not
   * known yet), made on first use: no hashing per call.
   */
  private denseOffsets: Float64Array | null = null;
  private readonly hourOffsets = new Map<number, number>();

  constructor(timeZone: string) {
    const resolved = resolveTimeZone(timeZone);
    if (resolved === null) throw new RangeError(`unknown time zone "${timeZone}"`);
    this.timeZone = resolved;
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: resolved,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  }

  /** The zone's offset from UTC in milliseconds at the instant, computed by `Intl`. */
  exactOffset(ms: number): number {
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of this.format.formatToParts(ms)) {
      switch (part.type) {
        case 'year': year = Number(part.value); break;
        case 'month': month = Number(part.value); break;
        case 'day': day = Number(part.value); break;
        case 'hour': hour = Number(part.value); break;
        case 'minute': minute = Number(part.value); break;
        case 'second': second = Number(part.value); break;
        case 'era': bc = part.value.startsWith('B'); break;
        default: break;
      }
    }
    if (bc) year = 1 - year;
    const localAsUtc = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
    const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
    return localAsUtc - wholeSeconds;
  }

  /** The zone's offset from UTC in milliseconds at the instant (cached per UTC day or hour). */
  offsetAt(ms: number): number {
    const dayIndex = Math.floor(ms / MS_PER_DAY);
    const dense = dayIndex >= 0 && dayIndex < DENSE_DAYS;
    if (dense && this.denseOffsets === null) this.denseOffsets = new Float64Array(DENSE_DAYS).fill(Number.POSITIVE_INFINITY);
    let offset = dense ? (this.denseOffsets as Float64Array)[dayIndex] : this.dayOffsets.get(dayIndex);
    if (offset === undefined || offset === Number.POSITIVE_INFINITY) {
      const start = dayIndex * MS_PER_DAY;
      const atStart = this.exactOffset(start);
      const atEnd = this.exactOffset(start + MS_PER_DAY - 1000);
      offset = atStart === atEnd ? atStart : TRANSITION;
      if (dense) (this.denseOffsets as Float64Array)[dayIndex] = offset;
      else this.dayOffsets.set(dayIndex, offset);
    }
    return Number.isNaN(offset) ? this.hourOffset(ms) : offset;
  }

  private hourOffset(ms: number): number {
    const hourIndex = Math.floor(ms / MS_PER_HOUR);
    let offset = this.hourOffsets.get(hourIndex);
    if (offset === undefined) {
      const start = hourIndex * MS_PER_HOUR;
      const atStart = this.exactOffset(start);
      const atEnd = this.exactOffset(start + MS_PER_HOUR - 1000);
      offset = atStart === atEnd ? atStart : TRANSITION;
      this.hourOffsets.set(hourIndex, offset);
    }
    return Number.isNaN(offset) ? this.exactOffset(ms) : offset;
  }

  /** The local calendar day number of an instant in this zone. */
  localDay(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / MS_PER_DAY);
  }

  /** Local wall-clock minutes since local midnight (0–1439) of an instant. */
  localMinuteOfDay(ms: number): number {
    const local = ms + this.offsetAt(ms);
    return Math.floor((((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 60_000);
  }

  /** The UTC instant at which the given local day begins (first instant whose local day is `day`). */
  startOfLocalDay(day: number): number {
    // Local midnight may not exist (DST gap at 00:00); search forward from the naive guess.
    let guess = day * MS_PER_DAY - this.offsetAt(day * MS_PER_DAY);
    for (let i = 0; i < 3 && this.localDay(guess) !== day; i += 1) {
      guess = day * MS_PER_DAY - this.offsetAt(guess);
    }
    // Step back while the previous minute is still the same local day, then forward if needed.
    while (this.localDay(guess - 60_000) === day) guess -= 60_000;
    while (this.localDay(guess) < day) guess += 60_000;
    return guess;
  }
}

const clocks = new Map<string, ZoneClock>();

/** A shared, cached clock per zone (offset caches are worth keeping between calls). */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new ZoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** Today's local day number in the zone. */
export function todayIn(timeZone: string, nowMs: number): number {
  return zoneClock(timeZone).localDay(nowMs);
}

/**
 * The instant at which the zone's clock shows `day` at `minuteOfDay`. A wall time skipped by a
 * DST jump moves forward by the length of the jump (02:30 → 03:30); a repeated one resolves to
 * its first occurrence.
 */
export function instantAt(day: number, minuteOfDay: number, timeZone: string): number {
  const clock = zoneClock(timeZone);
  const wall = day * MS_PER_DAY + minuteOfDay * 60_000;
  const candidates = new Set<number>();
  for (const probe of [wall - MS_PER_DAY, wall, wall + MS_PER_DAY]) candidates.add(wall - clock.offsetAt(probe));
  const exact = [...candidates].filter((ms) => ms + clock.offsetAt(ms) === wall).sort((a, b) => a - b);
  if (exact[0] !== undefined) return exact[0];
  // In a gap: the first instant after it has a wall time later than requested.
  const before = wall - clock.offsetAt(wall - MS_PER_DAY);
  const after = wall - clock.offsetAt(wall + MS_PER_DAY);
  return Math.max(before, after);
}
