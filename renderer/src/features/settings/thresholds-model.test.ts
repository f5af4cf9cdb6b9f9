import { describe, expect, it } from 'vitest';
import { choiceOf, resolveThresholds, zoneChangeWarning } from './thresholds-model';

describe('threshold choice', () => {
  it('resolves presets', () => {
    expect(resolveThresholds({ preset: 'salon', activeDays: 'x', atRiskDays: '' })).toEqual({ ok: true, thresholds: { activeDays: 30, atRiskDays: 90 } });
    expect(choiceOf({ activeDays: 90, atRiskDays: 180 }).preset).toBe('venue');
    expect(choiceOf({ activeDays: 14, atRiskDays: 45 })).toEqual({ preset: 'custom', activeDays: '14', atRiskDays: '45' });
  });

  it('validates custom values: whole days, at risk ≥ active', () => {
    expect(resolveThresholds({ preset: 'custom', activeDays: '14', atRiskDays: '45' })).toEqual({ ok: true, thresholds: { activeDays: 14, atRiskDays: 45 } });
    expect(resolveThresholds({ preset: 'custom', activeDays: '14', atRiskDays: '14' })).toMatchObject({ ok: true });
    expect(resolveThresholds({ preset: 'custom', activeDays: '20', atRiskDays: '10' })).toEqual({
      ok: false,
      errors: { atRiskDays: 'At risk must be at least the active days (20)' },
    });
    expect(resolveThresholds({ preset: 'custom', activeDays: '1.5', atRiskDays: '-3' })).toEqual({
      ok: false,
      errors: { activeDays: 'Active: enter a whole number of days', atRiskDays: 'At risk: enter a whole number of days' },
    });
    expect(resolveThresholds({ preset: 'custom', activeDays: '0', atRiskDays: '4000' })).toEqual({
      ok: false,
      errors: { atRiskDays: 'At risk: at most 3650 days' },
    });
  });
});

describe('zone change warning', () => {
  const now = Date.UTC(2026, 2, 2, 6, 30);
  it('says how far every booking moves, or nothing when no time shows differently', () => {
    expect(zoneChangeWarning('Asia/Manila', 'Asia/Tokyo', now)).toBe(
      "Changing the time zone moves every booking's displayed time later by 1 h: a booking at 10:00 Asia/Manila time shows at 11:00 Asia/Tokyo time. Dates and statuses follow the new zone.",
    );
    expect(zoneChangeWarning('Asia/Manila', 'Asia/Kolkata', now)).toMatch(/earlier by 2 h 30 min: a booking at 10:00 Asia\/Manila time shows at 07:30 Asia\/Kolkata/);
    expect(zoneChangeWarning('Asia/Manila', 'America/New_York', now)).toMatch(/earlier by 13 h: .* shows at 21:00 America\/New York time/);
    expect(zoneChangeWarning('Asia/Manila', 'Asia/Manila', now)).toBeNull();
    expect(zoneChangeWarning('Asia/Manila', 'Asia/Singapore', now)).toBeNull();
  });
});
