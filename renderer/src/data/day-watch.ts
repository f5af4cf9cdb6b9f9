import { zoneClock } from '../../../shared/time/zone';

/** Longest delay `setTimeout` honours (about 24.8 days); longer waits are re-armed. */
const MAX_TIMEOUT = 2_147_483_647;

/** Milliseconds from `nowMs` to the next local midnight in the zone (DST-aware). */
function msUntilNextLocalDay(timeZone: string, nowMs: number): number {
  const clock = zoneClock(timeZone);
  return clock.startOfLocalDay(clock.localDay(nowMs) + 1) - nowMs;
}

export interface DayWatchOptions {
  /** The zone whose local date counts (read on every check: the branch's zone may change). */
  timeZone: () => string;
  now?: () => number;
  /** Called with the new local day number when the date changed since the last check. */
  onNewDay: (day: number) => void;
}

/**
 * Watches the local date: a timer at the zone's next local midnight, plus a check whenever the
 * window becomes visible or regains focus (timers do not fire while a laptop sleeps). Returns
 * a function that stops watching.
 */
export function watchLocalDay(options: DayWatchOptions): () => void {
  const now = options.now ?? Date.now;
  let day = zoneClock(options.timeZone()).localDay(now());
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = (): void => {
    const today = zoneClock(options.timeZone()).localDay(now());
    if (today !== day) {
      day = today;
      options.onNewDay(today);
    }
    arm();
  };
  const arm = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    // A second past midnight, so the new day has certainly begun when the timer fires.
    const wait = Math.min(MAX_TIMEOUT, msUntilNextLocalDay(options.timeZone(), now()) + 1000);
    timer = setTimeout(check, wait);
  };
  const onVisibility = (): void => {
    if (document.visibilityState === 'visible') check();
  };

  arm();
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('focus', check);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('focus', check);
  };
}
