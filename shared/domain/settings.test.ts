import { describe, expect, it } from 'vitest';
import { branchThresholds, DEFAULT_THRESHOLDS, DEFAULT_TIERS, presetOf, THRESHOLD_PRESETS, thresholdsProblem } from './settings';

describe('thresholds', () => {
  it('defaults are 12 / 30 and the presets are barbershop 12/30, salon 30/90, venue 90/180', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ activeDays: 12, atRiskDays: 30 });
    expect(THRESHOLD_PRESETS).toEqual({
      barbershop: { activeDays: 12, atRiskDays: 30 },
      salon: { activeDays: 30, atRiskDays: 90 },
      venue: { activeDays: 90, atRiskDays: 180 },
    });
  });

  it('presetOf names the preset, or custom', () => {
    expect(presetOf({ activeDays: 12, atRiskDays: 30 })).toBe('barbershop');
    expect(presetOf({ activeDays: 30, atRiskDays: 90 })).toBe('salon');
    expect(presetOf({ activeDays: 90, atRiskDays: 180 })).toBe('venue');
    expect(presetOf({ activeDays: 30, atRiskDays: 180 })).toBe('custom');
    expect(presetOf({ activeDays: 14, atRiskDays: 45 })).toBe('custom');
  });

  it('a branch overrides each threshold separately; null falls back to the business default', () => {
    expect(branchThresholds({ active_days: null, at_risk_days: null })).toEqual({ activeDays: 12, atRiskDays: 30 });
    expect(branchThresholds({ active_days: 14, at_risk_days: 45 })).toEqual({ activeDays: 14, atRiskDays: 45 });
    expect(branchThresholds({ active_days: 20, at_risk_days: null }, THRESHOLD_PRESETS.salon)).toEqual({ activeDays: 20, atRiskDays: 90 });
    expect(branchThresholds({ active_days: 0, at_risk_days: 0 })).toEqual({ activeDays: 0, atRiskDays: 0 });
  });

  it('at_risk_days below active_days, negative, fractional or huge values are problems', () => {
    expect(thresholdsProblem({ activeDays: 12, atRiskDays: 30 })).toBeNull();
    expect(thresholdsProblem({ activeDays: 10, atRiskDays: 10 })).toBeNull();
    expect(thresholdsProblem({ activeDays: 0, atRiskDays: 0 })).toBeNull();
    expect(thresholdsProblem({ activeDays: 30, atRiskDays: 12 })).toBe('at_risk_days (12) is less than active_days (30)');
    expect(thresholdsProblem({ activeDays: -1, atRiskDays: 30 })).toMatch(/^active_days must be a whole number/);
    expect(thresholdsProblem({ activeDays: 12, atRiskDays: 30.5 })).toMatch(/^at_risk_days must be a whole number/);
    expect(thresholdsProblem({ activeDays: 12, atRiskDays: 100_000 })).toMatch(/^at_risk_days must be a whole number/);
  });
});

describe('tier boundaries', () => {
  it('default to 100.00 / 500.00 / 1000.00 and 2 / 5 / 10 visits', () => {
    expect(DEFAULT_TIERS).toEqual({
      spending: { vipAbove: 100_000, highFrom: 50_000, mediumFrom: 10_000 },
      frequency: { frequentAbove: 10, regularFrom: 5, occasionalFrom: 2 },
    });
  });
});
