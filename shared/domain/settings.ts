/**
 * Per-business settings the rules depend on: status thresholds and tier boundaries.
 * A branch may override the thresholds (branches.csv `active_days`, `at_risk_days`).
 */

export interface Thresholds {
  /** A customer whose last visit is at most this many days ago is active (or win_back). */
  activeDays: number;
  /** … at most this many days ago is at_risk; beyond it, churned. Also the win_back gap. */
  atRiskDays: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { activeDays: 12, atRiskDays: 30 };

export const THRESHOLD_PRESETS = {
  barbershop: { activeDays: 12, atRiskDays: 30 },
  salon: { activeDays: 30, atRiskDays: 90 },
  venue: { activeDays: 90, atRiskDays: 180 },
} as const satisfies Record<string, Thresholds>;

export type ThresholdPreset = keyof typeof THRESHOLD_PRESETS | 'custom';

/** The preset whose thresholds these are, or `custom`. */
export function presetOf(t: Thresholds): ThresholdPreset {
  for (const [name, preset] of Object.entries(THRESHOLD_PRESETS)) {
    if (preset.activeDays === t.activeDays && preset.atRiskDays === t.atRiskDays) {
      return name as ThresholdPreset;
    }
  }
  return 'custom';
}

/** Largest threshold accepted anywhere (ten years): a bigger number is a typo. */
export const MAX_THRESHOLD_DAYS = 3650;

/** A problem with a pair of thresholds, or `null` when they are usable. */
export function thresholdsProblem(t: Thresholds): string | null {
  for (const [label, value] of [
    ['active_days', t.activeDays],
    ['at_risk_days', t.atRiskDays],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_THRESHOLD_DAYS) {
      return `${label} must be a whole number of days between 0 and ${MAX_THRESHOLD_DAYS}`;
    }
  }
  if (t.atRiskDays < t.activeDays) {
    return `at_risk_days (${t.atRiskDays}) is less than active_days (${t.activeDays})`;
  }
  return null;
}

export interface TierBoundaries {
  /** Spending tiers in cents: vip when total > vipAbove; high ≥ highFrom; medium ≥ mediumFrom. */
  spending: { vipAbove: number; highFrom: number; mediumFrom: number };
  /** Frequency tiers on visit count: frequent > frequentAbove; regular ≥ regularFrom; occasional ≥ occasionalFrom. */
  frequency: { frequentAbove: number; regularFrom: number; occasionalFrom: number };
}

export const DEFAULT_TIERS: TierBoundaries = {
  spending: { vipAbove: 100_000, highFrom: 50_000, mediumFrom: 10_000 },
  frequency: { frequentAbove: 10, regularFrom: 5, occasionalFrom: 2 },
};

/** Everything the activity rules need for one branch. */
export interface RuleSettings {
  thresholds: Thresholds;
  tiers: TierBoundaries;
}

export const DEFAULT_RULES: RuleSettings = { thresholds: DEFAULT_THRESHOLDS, tiers: DEFAULT_TIERS };

/** Effective thresholds of a branch: its own values where set, the business defaults otherwise. */
export function branchThresholds(
  branch: { active_days?: number | null; at_risk_days?: number | null },
  defaults: Thresholds = DEFAULT_THRESHOLDS,
): Thresholds {
  return {
    activeDays: branch.active_days ?? defaults.activeDays,
    atRiskDays: branch.at_risk_days ?? defaults.atRiskDays,
  };
}

/** The largest tier boundary accepted (lifetime spend in cents; JSON-safe). */
export const MAX_TIER_CENTS = Number.MAX_SAFE_INTEGER;

/**
 * What is wrong with spending-tier boundaries (whole cents, 0 or more, medium ≤ high ≤ VIP), each
 * problem naming its field; empty when they are usable.
 */
export function spendingTiersProblems(s: TierBoundaries['spending']): { field: keyof TierBoundaries['spending']; message: string }[] {
  const out: { field: keyof TierBoundaries['spending']; message: string }[] = [];
  for (const field of ['vipAbove', 'highFrom', 'mediumFrom'] as const) {
    const v = s[field];
    if (!Number.isSafeInteger(v) || v < 0) out.push({ field, message: 'must be a whole number of cents, 0 or more' });
  }
  if (out.length > 0) return out;
  if (s.highFrom > s.vipAbove) out.push({ field: 'highFrom', message: 'high spender starts above the VIP boundary' });
  if (s.mediumFrom > s.highFrom) out.push({ field: 'mediumFrom', message: 'medium spender starts above high spender' });
  return out;
}
