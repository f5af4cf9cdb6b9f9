/**
 * Slows down guessing enrolment codes: per client address, after FREE_FAILURES failed attempts
 * within the window, every attempt waits an exponentially growing lock-out (429 + Retry-After).
 * In memory per process (several processes each keep their own count).
 */
import type { Clock } from '../store/context';

export const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_LOCKOUT_MS = 15 * 60_000;

interface Entry {
  failures: number;
  lastFailureMs: number;
  blockedUntilMs: number;
}

export class EnrolLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  /** Seconds to wait before another attempt, or 0 when the address may try now. */
  retryAfterSeconds(address: string): number {
    const entry = this.entries.get(address);
    if (entry === undefined) return 0;
    const now = this.clock();
    if (now - entry.lastFailureMs > WINDOW_MS && now >= entry.blockedUntilMs) {
      this.entries.delete(address);
      return 0;
    }
    return entry.blockedUntilMs > now ? Math.ceil((entry.blockedUntilMs - now) / 1000) : 0;
  }

  recordFailure(address: string): void {
    const now = this.clock();
    const entry = this.entries.get(address) ?? { failures: 0, lastFailureMs: now, blockedUntilMs: 0 };
    entry.failures += 1;
    entry.lastFailureMs = now;
    if (entry.failures >= FREE_FAILURES) {
      entry.blockedUntilMs = now + Math.min(MAX_LOCKOUT_MS, 1000 * 2 ** (entry.failures - FREE_FAILURES + 1));
    }
    this.entries.set(address, entry);
    if (this.entries.size > 10_000) this.prune(now);
  }

  recordSuccess(address: string): void {
    this.entries.delete(address);
  }

  private prune(now: number): void {
    for (const [key, e] of this.entries) if (now - e.lastFailureMs > WINDOW_MS && now >= e.blockedUntilMs) this.entries.delete(key);
  }
}
