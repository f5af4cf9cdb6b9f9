import { describe, expect, it } from 'vitest';
import { msUntilNextLocalDay } from './day-watch';

describe('msUntilNextLocalDay', () => {
  it('counts to the next local midnight in the zone', () => {
    // 2026-03-01 23:30 in Manila (UTC+8) is 15:30 UTC
    expect(msUntilNextLocalDay('Asia/Manila', Date.UTC(2026, 2, 1, 15, 30))).toBe(30 * 60_000);
    expect(msUntilNextLocalDay('UTC', Date.UTC(2026, 2, 1, 0, 0))).toBe(86_400_000);
  });

  it('is 23 hours on a spring-forward day', () => {
    // New York, 2026-03-08 00:00 local (05:00 UTC); the day is 23 hours long
    expect(msUntilNextLocalDay('America/New_York', Date.UTC(2026, 2, 8, 5))).toBe(23 * 3_600_000);
  });
});
