/**
 * Slows down guessing enrolment codes (issue 8). Codes are 16 random characters of 36 (≈82
 * bits) and match no guess in particular, so there is no per-code counter to keep: a wrong guess
 * is counted against the client address and against a process-wide budget.
 *
 * - Counted before the code is checked: `begin` reserves the attempt synchronously (no await
 *   between the check and the count), so a concurrent burst from one address gets exactly its
 *   free attempts, not one per request in flight. A valid code refunds its reservation.
 * - Per address: FREE_FAILURES wrong codes within WINDOW_MS, then every further wrong code
 *   doubles a wait, capped at MAX_LOCKOUT_MS (60 s): a stranger sharing the address of a
 *   legitimate desk (one office NAT) can delay it by at most a minute, never lock it out.
 * - Process-wide: more than GLOBAL_FAILURES wrong codes within WINDOW_MS (guessing from many
 *   addresses, e.g. a rotating X-Forwarded-For through a trusted proxy) and each address gets
 *   only one free wrong code before its back-off starts. An address's first attempt is always
 *   checked, so a valid code from a desk that has not failed is never refused because of others.
 *
 * In memory per process: several processes behind a load balancer each keep their own counts.
 */
import type { Clock } from '../store/context';

export const FREE_FAILURES = 5;
export const GLOBAL_FAILURES = 200;
export const WINDOW_MS = 15 * 60_000;
export const MAX_LOCKOUT_MS = 60_000;
const MAX_ADDRESSES = 10_000;

interface Entry {
  /** Wrong codes (and attempts in flight) within the window. */
  failures: number;
  lastFailureMs: number;
  blockedUntilMs: number;
}

/** A reserved attempt: settle it with the outcome of the code check. */
export interface Attempt {
  /** A valid code: the address's count is cleared. */
  succeeded(): void;
  /** A wrong code: it stays counted, and counts towards the process-wide budget. */
  failed(): void;
  /** Not the client's fault (a server error): the reservation is given back. */
  cancelled(): void;
}

export type Admission = { ok: true; attempt: Attempt } | { ok: false; retryAfterSeconds: number };

export class EnrolLimiter {
  private readonly entries = new Map<string, Entry>();
  private globalFailures: number[] = [];

  constructor(private readonly clock: Clock) {}

  /** Reserves an attempt for the address (counted as a failure until it succeeds), or says how long to wait. */
  begin(address: string): Admission {
    const now = this.clock();
    let entry = this.entries.get(address);
    if (entry !== undefined && now - entry.lastFailureMs > WINDOW_MS && now >= entry.blockedUntilMs) {
      this.entries.delete(address);
      entry = undefined;
    }
    if (entry !== undefined && entry.blockedUntilMs > now) return { ok: false, retryAfterSeconds: Math.ceil((entry.blockedUntilMs - now) / 1000) };
    const current = entry ?? { failures: 0, lastFailureMs: now, blockedUntilMs: 0 };
    const free = this.underAttack(now) ? 1 : FREE_FAILURES;
    current.failures += 1;
    current.lastFailureMs = now;
    // Reserve as if this attempt fails: the next one waits, whatever this one's outcome is yet.
    if (current.failures >= free) current.blockedUntilMs = now + Math.min(MAX_LOCKOUT_MS, 1000 * 2 ** (current.failures - free + 1));
    this.entries.set(address, current);
    if (this.entries.size > MAX_ADDRESSES) this.prune(now);
    let settled = false;
    return {
      ok: true,
      attempt: {
        succeeded: () => {
          if (settled) return;
          settled = true;
          this.entries.delete(address);
        },
        failed: () => {
          if (settled) return;
          settled = true;
          this.globalFailures.push(this.clock());
        },
        cancelled: () => {
          if (settled) return;
          settled = true;
          const e = this.entries.get(address);
          if (e !== undefined) e.failures = Math.max(0, e.failures - 1);
        },
      },
    };
  }

  private underAttack(now: number): boolean {
    if (this.globalFailures.length > GLOBAL_FAILURES * 2) this.globalFailures = this.globalFailures.filter((t) => now - t <= WINDOW_MS);
    let recent = 0;
    for (let i = this.globalFailures.length - 1; i >= 0 && now - (this.globalFailures[i] as number) <= WINDOW_MS; i -= 1) recent += 1;
    return recent > GLOBAL_FAILURES;
  }

  private prune(now: number): void {
    for (const [key, e] of this.entries) if (now - e.lastFailureMs > WINDOW_MS && now >= e.blockedUntilMs) this.entries.delete(key);
  }
}
