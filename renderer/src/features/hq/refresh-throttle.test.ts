import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamMessage } from '../../../../shared/sync/protocol';
import { partsChangedBy } from './hq-live';
import { RefreshThrottle } from './refresh-throttle';

describe('RefreshThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A throttle whose refreshes take `runMs` each; records when each one started and with what. */
  function setUp(runMs = 0) {
    const starts: { at: number; parts: string[] }[] = [];
    const throttle = new RefreshThrottle<string>(
      async (parts) => {
        starts.push({ at: Date.now(), parts: [...parts].sort() });
        await new Promise((resolve) => setTimeout(resolve, runMs));
      },
      { delayMs: 300, minGapMs: 3000 },
    );
    return { starts, throttle };
  }

  it('keeps refreshing every few seconds while notices never stop (no starvation), never more often', async () => {
    const { starts, throttle } = setUp(200);
    const t0 = Date.now();
    // ten notices a second for a minute: a debounce that restarts on every message would never fire
    for (let i = 0; i < 600; i += 1) {
      throttle.request(['metrics']);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(starts.length).toBeGreaterThanOrEqual(19);
    expect(starts.length).toBeLessThanOrEqual(21);
    expect((starts[0]?.at ?? 0) - t0).toBe(300);
    for (let i = 1; i < starts.length; i += 1) {
      const gap = (starts[i]?.at ?? 0) - (starts[i - 1]?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(3000);
      expect(gap).toBeLessThanOrEqual(3100);
    }
    throttle.stop();
  });

  it('turns a burst into one refresh of every part asked for, and loses no request made during a refresh', async () => {
    const { starts, throttle } = setUp(1000);
    throttle.request(['trend']);
    throttle.request(['metrics']);
    throttle.request(['trend']);
    await vi.advanceTimersByTimeAsync(300);
    expect(starts).toEqual([{ at: Date.now(), parts: ['metrics', 'trend'] }]);
    // asked while the first refresh runs: runs after it, no sooner than the gap
    await vi.advanceTimersByTimeAsync(500);
    throttle.request(['names']);
    await vi.advanceTimersByTimeAsync(2499);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toHaveLength(2);
    expect(starts[1]?.parts).toEqual(['names']);
    // quiet: nothing more
    await vi.advanceTimersByTimeAsync(60_000);
    expect(starts).toHaveLength(2);
    throttle.stop();
  });

  it('refreshes a lone notice after the short delay when the last refresh is long past, and nothing after stop()', async () => {
    const { starts, throttle } = setUp();
    throttle.ranNow();
    throttle.request(['metrics']);
    await vi.advanceTimersByTimeAsync(2999);
    expect(starts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    throttle.request(['metrics']);
    await vi.advanceTimersByTimeAsync(300);
    expect(starts).toHaveLength(2);
    throttle.request(['metrics']);
    throttle.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts).toHaveLength(2);
  });
});

describe('what an HQ notice makes the dashboard fetch again', () => {
  const notice = (collection: 'bookings' | 'customers' | 'branches' | 'campaigns', days: [string, string] | null): StreamMessage => ({
    type: 'notice',
    collection,
    changes: [{ branch_id: 'br-a', days: days === null ? null : { first: days[0], last: days[1] } }],
  });

  it('today: metrics and trend for bookings and customers; names only when a branch changed; nothing for campaigns', () => {
    expect(partsChangedBy(notice('bookings', ['2026-03-01', '2026-03-01']), '')).toEqual(['metrics', 'trend']);
    expect(partsChangedBy(notice('customers', null), '')).toEqual(['metrics', 'trend']);
    expect(partsChangedBy(notice('branches', null), '')).toEqual(['metrics', 'trend', 'names']);
    expect(partsChangedBy(notice('campaigns', null), '')).toEqual([]);
    expect(partsChangedBy({ type: 'resync' }, '2026-01-01')).toEqual(['metrics', 'trend', 'names']);
  });

  it('a past day: its metrics only when a change is on or before it (or on any day)', () => {
    expect(partsChangedBy(notice('bookings', ['2026-03-02', '2026-03-05']), '2026-03-01')).toEqual(['trend']);
    expect(partsChangedBy(notice('bookings', ['2026-02-20', '2026-03-05']), '2026-03-01')).toEqual(['metrics', 'trend']);
    expect(partsChangedBy(notice('bookings', ['2026-03-01', '2026-03-01']), '2026-03-01')).toEqual(['metrics', 'trend']);
    expect(partsChangedBy(notice('bookings', null), '2026-03-01')).toEqual(['metrics', 'trend']);
    expect(partsChangedBy({ type: 'notice', collection: 'bookings', changes: null }, '2026-03-01')).toEqual(['metrics', 'trend']);
  });
});
