/**
 * The desk's lock-out after wrong passcodes (docs/DESIGN.md §14), kept on the device only. The
 * first FREE_TRIES wrong tries in a row cost nothing; each one after that locks the sign-in for
 * twice as long as the one before, from BASE_LOCK_MS up to MAX_LOCK_MS. One count for the whole
 * desk (not per member), so cycling through members gains nothing. A right passcode clears it.
 */
const FREE_TRIES = 4;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export interface LockoutState {
  /** Wrong tries in a row. */
  failures: number;
  /** Epoch ms until which no passcode is checked (0 = not locked). */
  lockedUntil: number;
}

export const NO_LOCKOUT: LockoutState = { failures: 0, lockedUntil: 0 };

/** How long (ms) the desk refuses passcodes from `now` (0 = it checks them). */
export function lockedFor(state: LockoutState, now: number): number {
  return Math.max(0, state.lockedUntil - now);
}

/** The state after a wrong passcode at `now`. */
export function afterWrongPasscode(state: LockoutState, now: number): LockoutState {
  const failures = state.failures + 1;
  if (failures <= FREE_TRIES) return { failures, lockedUntil: 0 };
  const lock = Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_TRIES - 1));
  return { failures, lockedUntil: now + lock };
}

/** Reads a stored state back (local storage); a field that is not a number reads as none. */
export function parseLockout(value: unknown): LockoutState {
  if (value === null || typeof value !== 'object') return NO_LOCKOUT;
  const { failures, lockedUntil } = value as Record<string, unknown>;
  return {
    failures: typeof failures === 'number' && Number.isInteger(failures) && failures >= 0 ? failures : 0,
    lockedUntil: typeof lockedUntil === 'number' && Number.isFinite(lockedUntil) ? lockedUntil : 0,
  };
}

/** "Try again in 30 s" / "in 2 min" for a lock of `ms`. */
export function lockoutText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 90 ? `Too many wrong passcodes. Try again in ${seconds} s.` : `Too many wrong passcodes. Try again in ${Math.ceil(seconds / 60)} min.`;
}
