import { formatDay, MS_PER_DAY } from '../time/calendar';
import { zoneClock } from '../time/zone';

const MS_PER_MINUTE = 60_000;

/** `+08:00`, `-05:00`, `+05:30`, or `Z` for a zero offset. */
function offsetText(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${sign}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/**
 * A time zone's UTC offset for every local day of a range, resolved once (a few hundred `Intl`
 * calls for years of days) so that turning a local day and minute into an instant — and into
 * ISO text with the local offset — costs a table lookup per booking.
 *
 * The offset of a day is the one in force during business hours. Days on which the offset
 * changes *within* business hours (no demo zone does that: transitions happen at night) are
 * marked unusable and the generator books nothing on them.
 */
export class ZoneDays {
  readonly timeZone: string;
  readonly firstDay: number;
  readonly lastDay: number;
  /** Offset in minutes east of UTC, per day from firstDay. */
  private readonly offsets: Int32Array;
  private readonly offsetTexts: string[];
  private readonly usable: Uint8Array;

  constructor(timeZone: string, firstDay: number, lastDay: number, openMinute: number, closeMinute: number) {
    if (lastDay < firstDay) throw new RangeError('ZoneDays: lastDay is before firstDay');
    const clock = zoneClock(timeZone);
    this.timeZone = clock.timeZone;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    const n = lastDay - firstDay + 1;
    this.offsets = new Int32Array(n);
    this.usable = new Uint8Array(n).fill(1);
    // Offset at local noon; sampled weekly, and daily only inside weeks where it changed.
    const noonOffset = (day: number): number => {
      const guess = day * MS_PER_DAY + 12 * 60 * MS_PER_MINUTE;
      const first = clock.exactOffset(guess);
      return Math.round(clock.exactOffset(guess - first) / MS_PER_MINUTE);
    };
    const sampled = new Map<number, number>();
    const at = (i: number): number => {
      let v = sampled.get(i);
      if (v === undefined) {
        v = noonOffset(firstDay + i);
        sampled.set(i, v);
      }
      return v;
    };
    for (let start = 0; start < n; start += 7) {
      const end = Math.min(start + 7, n - 1);
      const a = at(start);
      if (a === at(end)) {
        for (let i = start; i <= end; i += 1) this.offsets[i] = a;
      } else {
        for (let i = start; i <= end; i += 1) this.offsets[i] = at(i);
      }
    }
    // Days next to a change: business hours must not straddle the transition.
    for (let i = 0; i < n; i += 1) {
      const o = this.offsets[i] as number;
      const changed = (i > 0 && this.offsets[i - 1] !== o) || (i + 1 < n && this.offsets[i + 1] !== o);
      if (!changed) continue;
      const day = firstDay + i;
      const openMs = (day * 1440 + openMinute - o) * MS_PER_MINUTE;
      const closeMs = (day * 1440 + closeMinute - o) * MS_PER_MINUTE;
      const exactOpen = Math.round(clock.exactOffset(openMs) / MS_PER_MINUTE);
      const exactClose = Math.round(clock.exactOffset(closeMs) / MS_PER_MINUTE);
      if (exactOpen !== o || exactClose !== o) this.usable[i] = 0;
    }
    this.offsetTexts = Array.from(this.offsets, offsetText);
  }

  contains(day: number): boolean {
    return day >= this.firstDay && day <= this.lastDay;
  }

  /** False on days whose offset changes during business hours (book nothing then). */
  isUsable(day: number): boolean {
    return this.usable[day - this.firstDay] === 1;
  }

  offsetMinutes(day: number): number {
    return this.offsets[day - this.firstDay] as number;
  }

  offsetSuffix(day: number): string {
    return this.offsetTexts[day - this.firstDay] as string;
  }

  /** The instant of a local wall-clock minute on a (usable) day. */
  instant(day: number, minuteOfDay: number): number {
    return (day * 1440 + minuteOfDay - (this.offsets[day - this.firstDay] as number)) * MS_PER_MINUTE;
  }
}

/** `YYYY-MM-DD` for every day of a range (shared by all zones). */
export class DayTexts {
  private readonly texts: string[];
  constructor(
    readonly firstDay: number,
    readonly lastDay: number,
  ) {
    this.texts = [];
    for (let d = firstDay; d <= lastDay; d += 1) this.texts.push(formatDay(d));
  }

  text(day: number): string {
    return this.texts[day - this.firstDay] as string;
  }
}

/** `T09:15:00` for every minute of a day, built on demand. */
const timeTexts: string[] = [];
export function timeText(minuteOfDay: number): string {
  let t = timeTexts[minuteOfDay];
  if (t === undefined) {
    const h = Math.floor(minuteOfDay / 60);
    const m = minuteOfDay % 60;
    t = `T${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:00`;
    timeTexts[minuteOfDay] = t;
  }
  return t;
}
