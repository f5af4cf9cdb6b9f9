import { describe, expect, it } from 'vitest';
import type { Booking, Branch } from '../domain/types';
import { demoOptions, generateDemoData } from '../demo';
import { computeCohorts } from './cohorts';
import { historyIndex } from './dataset';
import { factsOf } from './test-fixtures';
import { parseDay } from '../time/calendar';
import type { CustomerLink } from './activity-index';

const BRANCHES: Branch[] = [
  { id: 'a', name: 'A', timezone: 'UTC', active_days: null, at_risk_days: null },
  { id: 'b', name: 'B', timezone: 'Asia/Manila', active_days: null, at_risk_days: null },
];

function visit(id: string, customer: string, branch: string, startAt: string, price: number, status: Booking['status'] = 'completed'): Booking {
  return { id, customer_id: customer, branch_id: branch, service: 'Cut', staff: 'Ana', start_at: startAt, status, price };
}

function cohortsOf(bookings: Booking[], asOf: string, customers: CustomerLink[] = []) {
  const index = historyIndex({ branches: BRANCHES, customers, bookings: [...factsOf(BRANCHES, bookings)] });
  return computeCohorts(BRANCHES.map((b) => b.id), index.histories(), asOf);
}

describe('computeCohorts', () => {
  it('a hand-worked triangle: shares visiting again each month and cumulative revenue per customer', () => {
    const report = cohortsOf(
      [
        visit('k1', 'c1', 'a', '2026-01-05T10:00:00Z', 1000),
        visit('k2', 'c1', 'a', '2026-02-10T10:00:00Z', 2000),
        visit('k3', 'c2', 'a', '2026-01-20T10:00:00Z', 500),
        visit('k4', 'c2', 'a', '2026-03-02T10:00:00Z', 500),
        visit('k5', 'c3', 'a', '2026-02-01T10:00:00Z', 3000),
        visit('k6', 'c3', 'a', '2026-02-20T10:00:00Z', 9999, 'no_show'),
        visit('k7', 'c3', 'a', '2026-04-01T10:00:00Z', 100), // after the as-of date
        // Manila: 2026-01-31T20:00Z is 1 February there.
        visit('k8', 'c1', 'b', '2026-01-31T20:00:00Z', 700),
      ],
      '2026-03-15',
    );
    expect(report.branches.a).toEqual([
      { cohort: '2026-01', customers: 2, retention: [1, 0.5, 0.5], revenue_per_customer: [7.5, 17.5, 20] },
      { cohort: '2026-02', customers: 1, retention: [1, 0], revenue_per_customer: [30, 30] },
    ]);
    expect(report.branches.b).toEqual([{ cohort: '2026-02', customers: 1, retention: [1, 0], revenue_per_customer: [7, 7] }]);
    // All branches: c1's first visit anywhere is January; its February counts once (two branches).
    expect(report.all).toEqual([
      { cohort: '2026-01', customers: 2, retention: [1, 0.5, 0.5], revenue_per_customer: [7.5, 21, 23.5] },
      { cohort: '2026-02', customers: 1, retention: [1, 0], revenue_per_customer: [30, 30] },
    ]);
  });

  it("a desk's own branch cohorts (its replica: that branch's bookings) equal HQ's for that branch", () => {
    const demo = generateDemoData(demoOptions('sample-like', { seed: 3 }));
    const everything = historyIndex(demo);
    const hq = computeCohorts(demo.branches.map((b) => b.id), everything.histories(), '2026-03-01');
    for (const branch of demo.branches) {
      const desk = historyIndex({ branches: demo.branches, customers: demo.customers, bookings: [...demo.bookings].filter((b) => b.branch_id === branch.id) });
      const mine = computeCohorts([branch.id], desk.histories(), '2026-03-01');
      expect(mine.branches[branch.id]).toEqual(hq.branches[branch.id]);
      expect(mine.branches[branch.id]?.length).toBeGreaterThan(3);
    }
    // Every customer with a visit up to the date is in exactly one cohort of "all".
    const asOfDay = parseDay('2026-03-01') as number;
    const visited = new Set(demo.bookings.filter((b) => b.status === 'completed' && b.day <= asOfDay).map((b) => b.customer_id));
    expect(hq.all.reduce((n, r) => n + r.customers, 0)).toBe(visited.size);
  });

  it('refuses a date that is not one', () => {
    expect(() => cohortsOf([], '2026-02-30')).toThrow('cohorts: as-of "2026-02-30" is not a date (YYYY-MM-DD)');
  });
});
