/**
 * How many wrong enrolment codes one address can have checked (answered 401) within a span of
 * time, by the limiter's schedule: the free ones at once, then one more after each lock-out
 * (`lockoutMs`: 2 s, 4 s, 8 s … after the free ones). A test cannot know how long a burst takes
 * on a loaded machine; this bound holds however long it took, and a limiter that a burst can race,
 * or that counts per process, or that believes a forged X-Forwarded-For, goes far past it.
 */

/**
 * The limiter's schedule as issue 8 and server/http/enrol-limiter.ts document it, written here so
 * the tests hold the server to it: per address 5 free wrong codes, then waits of 2 s, 4 s, 8 s …
 * capped at 60 s; more than 200 wrong codes organisation-wide leave each address one free.
 */
export const FREE_FAILURES = 5;
export const GLOBAL_FAILURES = 200;
export const MAX_LOCKOUT_MS = 60_000;

/** The wait after `failures` counted attempts of which `free` are free. */
function lockoutMs(failures: number, free: number): number {
  return failures >= free ? Math.min(MAX_LOCKOUT_MS, 1000 * 2 ** (failures - free + 1)) : 0;
}

export function mostCheckedWithin(elapsedMs: number, free = FREE_FAILURES): number {
  let checked = free;
  let nextAt = lockoutMs(checked, free);
  while (nextAt <= elapsedMs) {
    checked += 1;
    nextAt += lockoutMs(checked, free);
  }
  return checked;
}

/** Runs `attempts` and returns their statuses with the time they took, from the first request sent to the last answer. */
export async function timed(attempts: () => Promise<number[]>): Promise<{ statuses: number[]; elapsedMs: number }> {
  const started = Date.now();
  const statuses = await attempts();
  return { statuses, elapsedMs: Date.now() - started };
}
