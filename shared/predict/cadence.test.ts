import { describe, expect, it } from 'vitest';
import { cadenceOf, describeCadence } from './cadence';

/** The cadence's typical gap and tolerance for these visit days. */
const medianGap = (days: number[]): number | undefined => cadenceOf({ days }, 0)?.typical_gap_days;
/** The tolerance of a steady cadence with this gap (visits 0, gap, 2·gap). */
const cadenceTolerance = (gap: number): number | undefined => cadenceOf({ days: [0, gap, 2 * gap] }, 0)?.tolerance_days;

describe('personal cadence', () => {
  it('needs 3 visit days', () => {
    expect(cadenceOf({ days: [100, 118] }, 130)).toBeNull();
    expect(cadenceOf({ days: [100, 118, 136] }, 130)).not.toBeNull();
  });

  it('typical gap is the median gap; an even count averages the middle pair half up', () => {
    expect(medianGap([0, 10, 40, 50])).toBe(10); // gaps 10, 30, 10
    expect(medianGap([0, 10, 27])).toBe(14); // gaps 10, 17 → 13.5 → 14
    expect(medianGap([0, 10, 26])).toBe(13); // gaps 10, 16 → 13
  });

  it('due = last visit day + typical gap; on track, due within the tolerance, then overdue', () => {
    const days = [0, 18, 36, 54];
    expect(cadenceTolerance(18)).toBe(5); // round(4.5) half up
    expect(cadenceOf({ days }, 71)).toMatchObject({ typical_gap_days: 18, due_day: 72, status: 'on_track', days_past_due: -1 });
    expect(cadenceOf({ days }, 72)).toMatchObject({ status: 'due', days_past_due: 0 });
    expect(cadenceOf({ days }, 77)).toMatchObject({ status: 'due', days_past_due: 5 });
    expect(cadenceOf({ days }, 78)).toMatchObject({ status: 'overdue', days_past_due: 6 });
  });

  it('a weekly regular gets at least 2 days of tolerance', () => {
    expect(cadenceTolerance(7)).toBe(2);
    expect(cadenceTolerance(1)).toBe(2);
    expect(cadenceTolerance(90)).toBe(23);
  });

  it('reads as a person would say it', () => {
    const days = [0, 18, 36];
    expect(describeCadence(cadenceOf({ days }, 58) as NonNullable<ReturnType<typeof cadenceOf>>)).toBe('usually every 18 days · due 4 days ago');
    expect(describeCadence(cadenceOf({ days }, 54) as NonNullable<ReturnType<typeof cadenceOf>>)).toBe('usually every 18 days · due today');
    expect(describeCadence(cadenceOf({ days }, 53) as NonNullable<ReturnType<typeof cadenceOf>>)).toBe('usually every 18 days · due in 1 day');
  });
});
