/**
 * How many wrong enrolment codes one address can have checked (answered 401) within a span of
 * time, by the limiter's schedule: the free ones at once, then one more after each lock-out
 * (`lockoutMs`: 2 s, 4 s, 8 s … after the free ones). A test cannot know how long a burst takes
 * on a loaded machine; this bound holds however long it took, and a limiter that a burst can race,
 * or that counts per process, or that believes a forged X-Forwarded-For, goes far past it.
 */
import { FREE_FAILURES, lockoutMs } from '../http/enrol-limiter';

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
