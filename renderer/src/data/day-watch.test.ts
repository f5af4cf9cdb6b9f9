import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { zoneClock } from '../../../shared/time/zone';
import { watchLocalDay } from './day-watch';

/** The window's focus and visibility events are not the subject here: a node test has no DOM, give it inert ones. */
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('document', { visibilityState: 'visible', addEventListener: vi.fn(), removeEventListener: vi.fn() });
  vi.stubGlobal('window', { addEventListener: vi.fn(), removeEventListener: vi.fn() });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Watches from `startMs` in the zone; the days announced so far. */
function watchFrom(timeZone: string, startMs: number): { days: number[]; stop: () => void } {
  vi.setSystemTime(startMs);
  const days: number[] = [];
  const stop = watchLocalDay({ timeZone: () => timeZone, now: () => Date.now(), onNewDay: (day) => days.push(day) });
  return { days, stop };
}

describe('watchLocalDay', () => {
  it('announces the new day a second after the next local midnight in the zone', () => {
    // 2026-03-01 23:30 in Manila (UTC+8) is 15:30 UTC
    const { days, stop } = watchFrom('Asia/Manila', Date.UTC(2026, 2, 1, 15, 30));
    vi.advanceTimersByTime(30 * 60_000);
    expect(days).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(days).toEqual([zoneClock('Asia/Manila').localDay(Date.UTC(2026, 2, 1, 16))]);
    stop();
  });

  it('waits a whole day from midnight in UTC, then the next', () => {
    const { days, stop } = watchFrom('UTC', Date.UTC(2026, 2, 1, 0, 0));
    vi.advanceTimersByTime(86_400_000);
    expect(days).toEqual([]);
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(86_400_000);
    expect(days).toHaveLength(2);
    expect(days).toEqual([days[0], (days[0] ?? 0) + 1]);
    stop();
  });

  it('waits 23 hours on a spring-forward day', () => {
    // New York, 2026-03-08 00:00 local (05:00 UTC); the day is 23 hours long
    const { days, stop } = watchFrom('America/New_York', Date.UTC(2026, 2, 8, 5));
    vi.advanceTimersByTime(23 * 3_600_000);
    expect(days).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(days).toHaveLength(1);
    stop();
  });

  it('stops announcing once stopped', () => {
    const { days, stop } = watchFrom('UTC', Date.UTC(2026, 2, 1, 23, 59));
    stop();
    vi.advanceTimersByTime(3_600_000);
    expect(days).toEqual([]);
  });
});
