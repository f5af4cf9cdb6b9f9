import { describe, expect, it } from 'vitest';
import type { Booking, BookingStatus, Branch } from '../domain/types';
import { formatDay, parseDay } from '../time/calendar';
import { buildActivityIndex } from './dataset';
import { factsOf } from './test-fixtures';
import { computeMetrics, type BranchMetrics, type MetricsReport } from './metrics';

const AS_OF = '2026-03-01';
const AS_OF_DAY = parseDay(AS_OF) as number;

/** `YYYY-MM-DD` n days before the as-of date. */
function ago(n: number): string {
  return formatDay(AS_OF_DAY - n);
}

interface PairSpec {
  branch?: string;
  customer: string;
  /** Completed visits: days before the as-of date and price (cents). */
  visits?: [number, number][];
  /** Extra bookings with another status, days before the as-of date. */
  other?: [number, BookingStatus][];
  home?: boolean;
}

function report(pairs: PairSpec[], branchIds: string[] = ['b1']): MetricsReport {
  const branches: Branch[] = branchIds.map((id) => ({ id, name: id, timezone: 'Asia/Manila', active_days: null, at_risk_days: null }));
  const bookings: Booking[] = [];
  const homes = new Map<string, string>();
  let n = 0;
  for (const p of pairs) {
    const branch = p.branch ?? 'b1';
    if (p.home === true) homes.set(p.customer, branch);
    const add = (days: number, status: BookingStatus, price: number) => {
      n += 1;
      bookings.push({
        id: `bk-${n}`,
        customer_id: p.customer,
        branch_id: branch,
        service: 'Haircut',
        staff: 'Ana',
        start_at: `${ago(days)}T10:00:00+08:00`,
        status,
        price,
      });
    };
    for (const [days, price] of p.visits ?? []) add(days, 'completed', price);
    for (const [days, status] of p.other ?? []) add(days, status, 1000);
  }
  const customers = [...new Set(pairs.map((p) => p.customer))].map((id) => ({ id, home_branch_id: homes.get(id) ?? '' }));
  const index = buildActivityIndex({ branches, customers, bookings: factsOf(branches, bookings) }, AS_OF_DAY);
  return computeMetrics(index.activities(), branchIds, AS_OF, AS_OF_DAY);
}

function branch(pairs: PairSpec[]): BranchMetrics {
  return report(pairs).branches.b1 as BranchMetrics;
}

const ZERO: BranchMetrics = {
  customers: 0,
  new: 0,
  active: 0,
  win_back: 0,
  at_risk: 0,
  churned: 0,
  new_customers_30d: 0,
  churn_rate: 0,
  avg_clv: 0,
  avg_visits: 0,
};

describe('branch metrics', () => {
  it('has exactly the contract keys', () => {
    expect(Object.keys(branch([])).sort()).toEqual(
      ['active', 'at_risk', 'avg_clv', 'avg_visits', 'churn_rate', 'churned', 'customers', 'new', 'new_customers_30d', 'win_back'].sort(),
    );
  });

  it('counts pairs and each status', () => {
    const m = branch([
      { customer: 'new-home', home: true },
      { customer: 'new-noshow', other: [[3, 'no_show']] },
      { customer: 'active', visits: [[12, 2000]] },
      { customer: 'win-back', visits: [[50, 2000], [2, 2000]] },
      { customer: 'at-risk-1', visits: [[13, 2000]] },
      { customer: 'at-risk-2', visits: [[30, 2000]] },
      { customer: 'churned', visits: [[31, 2000]] },
    ]);
    expect(m).toMatchObject({ customers: 7, new: 2, active: 1, win_back: 1, at_risk: 2, churned: 1 });
  });

  it('new_customers_30d: first completed visit within D−29..D; D−30 is out', () => {
    const m = branch([
      { customer: 'first-today', visits: [[0, 100]] },
      { customer: 'first-d-29', visits: [[29, 100]] },
      { customer: 'first-d-30', visits: [[30, 100]] },
      { customer: 'first-long-ago-back-now', visits: [[200, 100], [1, 100]] },
      { customer: 'only-noshow-recently', other: [[1, 'no_show']] },
      { customer: 'home-only', home: true },
      { customer: 'first-visit-in-future', visits: [[-3, 100]] },
    ]);
    expect(m.new_customers_30d).toBe(2);
  });

  it('churn_rate = churned ÷ pairs with at least one visit, 4 decimals half-up', () => {
    // 1 churned of 3 pairs with visits; the 2 pairs without visits are not in the denominator.
    expect(
      branch([
        { customer: 'a', visits: [[40, 100]] },
        { customer: 'b', visits: [[1, 100]] },
        { customer: 'c', visits: [[20, 100]] },
        { customer: 'd', home: true },
        { customer: 'e', other: [[2, 'cancelled']] },
      ]).churn_rate,
    ).toBe(0.3333);
    // 2 of 3 → 0.66666… → 0.6667
    expect(
      branch([
        { customer: 'a', visits: [[40, 100]] },
        { customer: 'b', visits: [[50, 100]] },
        { customer: 'c', visits: [[1, 100]] },
      ]).churn_rate,
    ).toBe(0.6667);
  });

  it('churn_rate rounds an exact half up (1/32 = 0.03125 → 0.0313, 5/32 → 0.1563)', () => {
    const pairs = (churned: number): PairSpec[] =>
      Array.from({ length: 32 }, (_, i) => ({ customer: `c${i}`, visits: [[i < churned ? 60 : 1, 100]] as [number, number][] }));
    expect(branch(pairs(1)).churn_rate).toBe(0.0313);
    expect(branch(pairs(5)).churn_rate).toBe(0.1563);
    expect(branch(pairs(32)).churn_rate).toBe(1);
  });

  it('churn_rate, avg_clv and avg_visits are 0 when no pair has a visit', () => {
    expect(branch([{ customer: 'a', home: true }, { customer: 'b', other: [[1, 'no_show']] }])).toEqual({
      ...ZERO,
      customers: 2,
      new: 2,
    });
  });

  it('avg_clv: mean total_spent over pairs with visits, in major units, half-up at 2 decimals', () => {
    // (100.01 + 100.00) / 2 = 100.005 → 100.01 (binary floating point would say 100.00).
    expect(
      branch([
        { customer: 'a', visits: [[1, 10001]] },
        { customer: 'b', visits: [[1, 5000], [2, 5000]] },
        { customer: 'c', home: true },
      ]).avg_clv,
    ).toBe(100.01);
    // (0.01 + 0.00) / 2 = 0.005 → 0.01; 0.29 / 2 = 0.145 → 0.15 and 2.01 / 2 = 1.005 → 1.01 (floats give 0.14 and 1.00)
    expect(branch([{ customer: 'a', visits: [[1, 29]] }, { customer: 'b', visits: [[1, 0]] }]).avg_clv).toBe(0.15);
    expect(branch([{ customer: 'a', visits: [[1, 101]] }, { customer: 'b', visits: [[1, 100]] }]).avg_clv).toBe(1.01);
    expect(branch([{ customer: 'a', visits: [[1, 1]] }, { customer: 'b', visits: [[1, 0]] }]).avg_clv).toBe(0.01);
    // 1.00 / 3 = 0.3333… → 0.33; 2.00 / 3 → 0.67
    expect(branch([{ customer: 'a', visits: [[1, 100]] }, { customer: 'b', visits: [[1, 0]] }, { customer: 'c', visits: [[1, 0]] }]).avg_clv).toBe(0.33);
    expect(branch([{ customer: 'a', visits: [[1, 200]] }, { customer: 'b', visits: [[1, 0]] }, { customer: 'c', visits: [[1, 0]] }]).avg_clv).toBe(0.67);
    // Prices of bookings that are not visits (or are after D) do not count.
    expect(branch([{ customer: 'a', visits: [[1, 3000], [-1, 99900]], other: [[2, 'no_show'], [3, 'cancelled']] }]).avg_clv).toBe(30);
  });

  it('avg_visits: mean total_bookings over pairs with visits, half-up at 2 decimals', () => {
    const visits = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [i + 1, 100]);
    expect(branch([{ customer: 'a', visits: visits(1) }, { customer: 'b', visits: visits(2) }, { customer: 'c', home: true }]).avg_visits).toBe(1.5);
    expect(branch([{ customer: 'a', visits: visits(1) }, { customer: 'b', visits: visits(1) }, { customer: 'c', visits: visits(2) }]).avg_visits).toBe(1.33);
    // 13 visits over 8 pairs = 1.625 → 1.63
    const eight: PairSpec[] = Array.from({ length: 8 }, (_, i) => ({ customer: `c${i}`, visits: visits(i === 0 ? 6 : 1) }));
    expect(branch(eight).avg_visits).toBe(1.63);
  });
});

describe('report across branches', () => {
  const pairs: PairSpec[] = [
    // b1: 1 churned of 1 with visits, 1 new.
    { branch: 'b1', customer: 'x', visits: [[100, 1000]] },
    { branch: 'b1', customer: 'y', home: true },
    // b2: 0 churned of 3 with visits; customer x again (a second pair for the same person).
    { branch: 'b2', customer: 'x', visits: [[1, 3000], [2, 3000]] },
    { branch: 'b2', customer: 'z', visits: [[5, 2000]] },
    { branch: 'b2', customer: 'w', visits: [[6, 0]] },
  ];

  it('a branch without pairs reports zeros', () => {
    const r = report(pairs, ['b1', 'b2', 'b-empty']);
    expect(r.branches['b-empty']).toEqual(ZERO);
    expect(Object.keys(r.branches).sort()).toEqual(['b-empty', 'b1', 'b2']);
  });

  it('`all` is computed over every pair of every branch, not averaged over branches', () => {
    const r = report(pairs, ['b1', 'b2', 'b-empty']);
    expect(r.as_of).toBe(AS_OF);
    expect(r.branches.b1).toMatchObject({ customers: 2, churned: 1, new: 1, churn_rate: 1, avg_clv: 10, avg_visits: 1 });
    expect(r.branches.b2).toMatchObject({ customers: 3, churned: 0, active: 3, churn_rate: 0, avg_clv: 26.67, avg_visits: 1.33 });
    // Averaging the branches would give churn 0.5, clv 18.33, visits 1.17.
    expect(r.all).toEqual({
      customers: 5,
      new: 1,
      active: 3,
      win_back: 0,
      at_risk: 0,
      churned: 1,
      new_customers_30d: 3,
      churn_rate: 0.25,
      avg_clv: 22.5,
      avg_visits: 1.25,
    });
  });

  it('`all` equals the metrics of one branch holding every pair', () => {
    const r = report(pairs, ['b1', 'b2']);
    const merged = report(
      pairs.map((p) => ({ ...p, branch: 'b1', customer: `${p.branch ?? 'b1'}-${p.customer}` })),
      ['b1'],
    );
    expect(r.all).toEqual(merged.branches.b1);
  });
});
