/**
 * Reconnection delays: exponential back-off with "equal jitter" (half fixed, half random) so a
 * server restart is not hit by every desk at the same instant, capped so a desk that was away for
 * an hour retries within `maxMs`. Pure: the random source is injected.
 */
export interface BackoffOptions {
  /** Delay of the first retry before jitter (ms). */
  baseMs: number;
  /** Largest delay (ms). */
  maxMs: number;
  /** Random numbers in [0, 1). */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30_000, random: Math.random };

/** Delay before retry number `attempt` (0 = the first retry after a failure). */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const n = Math.max(0, Math.floor(attempt));
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(n, 30));
  const r = Math.min(Math.max(options.random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
