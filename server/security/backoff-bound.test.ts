import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, mostCheckedWithin } from './backoff-bound';

describe('the back-off bound the attack tests hold the limiter to', () => {
  it('is the free attempts within the first lock-out, then one more after each lock-out', () => {
    expect(mostCheckedWithin(0)).toBe(FREE_FAILURES);
    expect(mostCheckedWithin(1_999)).toBe(FREE_FAILURES);
    expect(mostCheckedWithin(2_000)).toBe(FREE_FAILURES + 1);
    expect(mostCheckedWithin(5_999)).toBe(FREE_FAILURES + 1);
    expect(mostCheckedWithin(6_000)).toBe(FREE_FAILURES + 2);
    // 2 + 4 + 8 + 16 + 32 s: ten checked codes take a minute, whatever the load.
    expect(mostCheckedWithin(61_999)).toBe(FREE_FAILURES + 4);
    expect(mostCheckedWithin(62_000)).toBe(FREE_FAILURES + 5);
  });
});
