/**
 * Slows down guessing enrolment codes (issue 8). Codes are 16 random characters of 32 (80 bits)
 * and a wrong guess matches no code in particular, so attempts are counted per client address
 * and against an organisation-wide budget, both in the database (`enrol_addresses`,
 * `enrol_failures`, migration 7): every server process on the database counts the same
 * attempts, so a burst split across processes gets no more guesses than one sent to one process.
 *
 * - Counted before the code is checked: `begin` reserves the attempt in a transaction holding the
 *   address's row lock (`SELECT … FOR UPDATE`), so concurrent requests from one address — to this
 *   process or any other — are admitted one after the other and a burst gets exactly its free
 *   attempts. A valid code refunds its reservation.
 * - Per address: FREE_FAILURES wrong codes within WINDOW_MS, then every further wrong code
 *   doubles a wait, capped at MAX_LOCKOUT_MS (60 s): a stranger sharing the address of a
 *   legitimate desk (one office NAT) can delay it by at most a minute, never lock it out.
 * - Organisation-wide: more than GLOBAL_FAILURES wrong codes within WINDOW_MS (guessing from many
 *   addresses, e.g. a rotating X-Forwarded-For through a trusted proxy) and each address gets
 *   only one free wrong code before its back-off starts. An address's first attempt is always
 *   checked, so a valid code from a desk that has not failed is never refused because of others.
 */
import { toNumber, type Database } from '../db/database';
import type { Clock } from '../store/context';

const FREE_FAILURES = 5;
const GLOBAL_FAILURES = 200;
export const WINDOW_MS = 15 * 60_000;
const MAX_LOCKOUT_MS = 60_000;

/** A reserved attempt: settle it with the outcome of the code check. */
export interface Attempt {
  /** A valid code: the address's count is cleared. */
  succeeded(): Promise<void>;
  /** A wrong code: it stays counted, and counts towards the organisation-wide budget. */
  failed(): Promise<void>;
  /** Not the client's fault (a server error): the reservation is given back. */
  cancelled(): Promise<void>;
}

export type Admission = { ok: true; attempt: Attempt } | { ok: false; retryAfterSeconds: number };

/** The wait after `failures` counted attempts of which `free` are free (0 = none). */
function lockoutMs(failures: number, free: number): number {
  return failures >= free ? Math.min(MAX_LOCKOUT_MS, 1000 * 2 ** (failures - free + 1)) : 0;
}

export class EnrolLimiter {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Reserves an attempt for the address (counted as a failure until it succeeds), or says how long to wait. */
  async begin(address: string): Promise<Admission> {
    const now = this.clock();
    const admitted = await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO enrol_addresses (address, failures, last_failure_ms, blocked_until_ms) VALUES ($1, 0, $2, 0) ON CONFLICT (address) DO NOTHING', [address, now]);
      const rows = await tx.query<{ failures: unknown; last_failure_ms: unknown; blocked_until_ms: unknown }>(
        'SELECT failures, last_failure_ms, blocked_until_ms FROM enrol_addresses WHERE address = $1 FOR UPDATE',
        [address],
      );
      const row = rows[0];
      let failures = toNumber(row?.failures);
      const last = toNumber(row?.last_failure_ms);
      let blockedUntil = toNumber(row?.blocked_until_ms);
      if (now - last > WINDOW_MS && now >= blockedUntil) {
        failures = 0;
        blockedUntil = 0;
      }
      if (blockedUntil > now) return Math.ceil((blockedUntil - now) / 1000);
      const recent = await tx.query<{ n: unknown }>('SELECT count(*) AS n FROM enrol_failures WHERE at_ms >= $1', [now - WINDOW_MS]);
      const free = toNumber(recent[0]?.n) > GLOBAL_FAILURES ? 1 : FREE_FAILURES;
      failures += 1;
      // Reserve as if this attempt fails: the next one waits, whatever this one's outcome is yet.
      const wait = lockoutMs(failures, free);
      if (wait > 0) blockedUntil = now + wait;
      await tx.query('UPDATE enrol_addresses SET failures = $2, last_failure_ms = $3, blocked_until_ms = $4 WHERE address = $1', [address, failures, now, blockedUntil]);
      return 0;
    });
    if (admitted > 0) return { ok: false, retryAfterSeconds: admitted };
    let settled = false;
    const once = (fn: () => Promise<void>) => async () => {
      if (settled) return;
      settled = true;
      await fn();
    };
    return {
      ok: true,
      attempt: {
        succeeded: once(async () => {
          await this.db.query('DELETE FROM enrol_addresses WHERE address = $1', [address]);
        }),
        failed: once(async () => {
          const at = this.clock();
          await this.db.query('INSERT INTO enrol_failures (at_ms) VALUES ($1)', [at]);
          // Housekeeping: what left the window counts for nothing any more.
          await this.db.query('DELETE FROM enrol_failures WHERE at_ms < $1', [at - WINDOW_MS]);
          await this.db.query('DELETE FROM enrol_addresses WHERE last_failure_ms < $1 AND blocked_until_ms <= $2', [at - WINDOW_MS, at]);
        }),
        cancelled: once(async () => {
          await this.db.query('UPDATE enrol_addresses SET failures = GREATEST(0, failures - 1) WHERE address = $1', [address]);
        }),
      },
    };
  }
}
