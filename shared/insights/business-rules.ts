/**
 * Business-wide insight rules, kept by the server with the organisation's settings and sent to
 * every desk (`OrgInfo.insights`), so that every branch and HQ score a customer the same way.
 */
export type Quartet = [number, number, number, number];

export interface RfmCutoffs {
  /** Days since the last visit: at most [0] scores R5, at most [1] R4, [2] R3, [3] R2, above R1. */
  recency_days: Quartet;
  /** Visits: at least [0] scores F2, [1] F3, [2] F4, [3] F5; fewer than [0] F1. */
  frequency: Quartet;
  /** Lifetime spend in cents: at least [0] scores M2, [1] M3, [2] M4, [3] M5; below [0] M1. */
  monetary: Quartet;
}

export interface InsightRules {
  rfm: RfmCutoffs;
  /** High value = the top this-many percent of a branch's customers by lifetime spend there. */
  high_value_pct: number;
}

/**
 * Defaults for a barbershop-like cadence (thresholds 12/30 days): recent = within a week, a
 * regular = a dozen visits, a big spender = 1000.00. Replace them with the organisation's own
 * quintiles (`rfmCutoffsFromQuintiles`, suggested by `GET /api/insights/rules`).
 */
export const DEFAULT_INSIGHT_RULES: InsightRules = {
  rfm: {
    recency_days: [7, 14, 30, 60],
    frequency: [2, 4, 7, 12],
    monetary: [5_000, 15_000, 40_000, 100_000],
  },
  high_value_pct: 20,
};

function isQuartet(v: unknown): v is Quartet {
  return Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0);
}

/** Problems with insight rules from outside (database, wire, a form); empty when usable. */
export function insightRulesProblems(value: unknown): string[] {
  const problems: string[] = [];
  const v = value as Partial<InsightRules> | null;
  if (v === null || typeof v !== 'object') return ['insight rules must be an object'];
  const rfm = v.rfm as Partial<RfmCutoffs> | undefined;
  if (rfm === undefined || rfm === null || typeof rfm !== 'object') problems.push('rfm cut-offs are missing');
  else {
    for (const key of ['recency_days', 'frequency', 'monetary'] as const) {
      const q = rfm[key];
      if (!isQuartet(q)) problems.push(`rfm.${key} must be four whole numbers ≥ 0`);
      else if (q.some((x, i) => i > 0 && x < (q[i - 1] as number))) problems.push(`rfm.${key} must be in ascending order`);
    }
  }
  if (typeof v.high_value_pct !== 'number' || !Number.isInteger(v.high_value_pct) || v.high_value_pct < 1 || v.high_value_pct > 100) {
    problems.push('high_value_pct must be a whole percentage from 1 to 100');
  }
  return problems;
}

/** The rules when valid, otherwise the defaults (a desk never fails on a bad value from a server). */
export function insightRulesOrDefault(value: unknown): InsightRules {
  return insightRulesProblems(value).length === 0 ? (value as InsightRules) : DEFAULT_INSIGHT_RULES;
}
