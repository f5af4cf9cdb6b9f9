/**
 * User Timing measures of the Customers list, so the filtering cost can be read in the browser
 * (DevTools Performance panel, or `performance.getEntriesByName(...)` from a benchmark):
 *
 * - `customers:filter`: search + filters over the sorted rows (pure computation);
 * - `customers:keystroke`: from the input event of a keystroke in the search box to the commit
 *   of the re-rendered list (filtering, React render and DOM update; paint excluded).
 *
 * Only the latest entries are kept, so a long session does not grow the timeline.
 */
export const FILTER_MEASURE = 'customers:filter';
export const KEYSTROKE_MEASURE = 'customers:keystroke';
const KEEP = 2000;

let counted = 0;
let keystrokeStart: number | null = null;

function record(name: string, start: number, end: number): void {
  if (typeof performance.measure !== 'function') return;
  counted += 1;
  if (counted > KEEP) {
    performance.clearMeasures(FILTER_MEASURE);
    performance.clearMeasures(KEYSTROKE_MEASURE);
    counted = 0;
  }
  performance.measure(name, { start, end });
}

/** Runs the filtering and records how long it took. */
export function timedFilter<T>(run: () => T): T {
  const start = performance.now();
  const result = run();
  record(FILTER_MEASURE, start, performance.now());
  return result;
}

/** A keystroke changed the search (`eventTime`: the input event's timeStamp). */
export function keystrokeStarted(eventTime: number): void {
  keystrokeStart = eventTime;
}

/** The list for the latest keystroke is committed to the DOM. */
export function keystrokeCommitted(): void {
  if (keystrokeStart === null) return;
  record(KEYSTROKE_MEASURE, keystrokeStart, performance.now());
  keystrokeStart = null;
}
