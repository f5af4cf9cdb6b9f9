import { describe, expect, it } from 'vitest';
import { afterWrongPasscode, lockedFor, lockoutText, NO_LOCKOUT, parseLockout, type LockoutState } from './lockout';

// the documented rule (docs/DESIGN.md §14): 4 free tries, then 30 s doubling up to 15 min
const FREE_TRIES = 4;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

describe('passcode lock-out', () => {
  it('lets FREE_TRIES wrong tries through, then locks for doubling times up to the cap', () => {
    let state: LockoutState = NO_LOCKOUT;
    const t = 1_000_000;
    for (let i = 0; i < FREE_TRIES; i += 1) {
      state = afterWrongPasscode(state, t);
      expect(lockedFor(state, t)).toBe(0);
    }
    const locks: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      state = afterWrongPasscode(state, t);
      locks.push(lockedFor(state, t));
    }
    expect(locks.slice(0, 4)).toEqual([BASE_LOCK_MS, 2 * BASE_LOCK_MS, 4 * BASE_LOCK_MS, 8 * BASE_LOCK_MS]);
    expect(Math.max(...locks)).toBe(MAX_LOCK_MS);
    expect(locks.at(-1)).toBe(MAX_LOCK_MS);
  });

  it('a lock runs out with the clock', () => {
    let state: LockoutState = { failures: FREE_TRIES, lockedUntil: 0 };
    state = afterWrongPasscode(state, 5000);
    expect(lockedFor(state, 5000 + BASE_LOCK_MS - 1)).toBe(1);
    expect(lockedFor(state, 5000 + BASE_LOCK_MS)).toBe(0);
  });

  it('reads a stored state back and treats junk as no lock', () => {
    expect(parseLockout(JSON.parse('{"failures":6,"lockedUntil":99}'))).toEqual({ failures: 6, lockedUntil: 99 });
    expect(parseLockout('x')).toEqual(NO_LOCKOUT);
    expect(parseLockout({ failures: -1, lockedUntil: 'soon' })).toEqual(NO_LOCKOUT);
  });

  it('says how long to wait', () => {
    expect(lockoutText(29_001)).toBe('Too many wrong passcodes. Try again in 30 s.');
    expect(lockoutText(4 * 60_000)).toBe('Too many wrong passcodes. Try again in 4 min.');
  });
});
