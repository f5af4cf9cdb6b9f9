import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Booking, BookingStatus, Branch } from '../domain/types';
import { BOOKING_STATUSES } from '../domain/types';
import { daysFromCivil, formatDay } from '../time/calendar';
import { buildActivityIndex, historyIndex } from './dataset';
import { factsOf } from './test-fixtures';
import { computeMetrics } from './metrics';
import { computeTrend, pairDeltas, trendFromDeltas, TREND_FIELDS, type BranchDeltas, type TrendDay } from './trend';
import type { CustomerLink } from './activity-index';
import { demoOptions, generateDemoData } from '../demo';

const BASE_DAY = daysFromCivil(2026, 3, 8); // New York springs forward that day
const ZONES = ['Pacific/Auckland', 'America/New_York', 'Asia/Kathmandu', 'Europe/London', 'Asia/Manila'] as const;
const THRESHOLDS: [number | null, number | null][] = [
  [null, null],
  [14, 45],
  [3, 5],
  [0, 0],
  [2, 2],
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An instant written with an arbitrary offset near BASE_DAY, so instants and branch zones disagree. */
const instantArb = (minDay: number, maxDay: number) =>
  fc
    .record({
      dayOffset: fc.integer({ min: minDay, max: maxDay }),
      minute: fc.integer({ min: 0, max: 1439 }),
      offsetQuarter: fc.integer({ min: -12 * 4, max: 14 * 4 }),
    })
    .map((r) => {
      const offset = r.offsetQuarter * 15;
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      return `${formatDay(BASE_DAY + r.dayOffset)}T${pad(Math.floor(r.minute / 60))}:${pad(r.minute % 60)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    });

interface World {
  branches: Branch[];
  customers: CustomerLink[];
  bookings: Booking[];
  fromDay: number;
  toDay: number;
}

const worldArb: fc.Arbitrary<World> = fc
  .record({
    branches: fc.array(fc.record({ zone: fc.constantFrom(...ZONES), t: fc.constantFrom(...THRESHOLDS) }), { minLength: 1, maxLength: 3 }),
    customers: fc.array(
      fc.record({ home: fc.integer({ min: -1, max: 2 }), created: fc.option(instantArb(-80, 10), { nil: '' }) }),
      { minLength: 1, maxLength: 6 },
    ),
    bookings: fc.array(
      fc.record({
        customer: fc.nat(),
        branch: fc.nat(),
        start: instantArb(-80, 10),
        status: fc.constantFrom<BookingStatus>(...BOOKING_STATUSES, 'completed', 'completed', 'completed'),
        price: fc.integer({ min: 0, max: 150_000 }),
      }),
      { maxLength: 40 },
    ),
    from: fc.integer({ min: -90, max: 5 }),
    length: fc.integer({ min: 1, max: 60 }),
  })
  .map((w) => {
    const branches: Branch[] = w.branches.map((b, i) => ({
      id: `b${i}`,
      name: `Branch ${i}`,
      timezone: b.zone,
      active_days: b.t[0],
      at_risk_days: b.t[1],
    }));
    const customers: CustomerLink[] = w.customers.map((c, i) => ({
      id: `c${i}`,
      home_branch_id: c.home < 0 || c.home >= branches.length ? '' : `b${c.home}`,
      created_at: c.created,
    }));
    const bookings: Booking[] = w.bookings.map((b, i) => ({
      id: `k${i}`,
      customer_id: `c${b.customer % customers.length}`,
      branch_id: `b${b.branch % branches.length}`,
      service: 'Cut',
      staff: 'Ana',
      start_at: b.start,
      status: b.status,
      price: b.price,
    }));
    return { branches, customers, bookings, fromDay: BASE_DAY + w.from, toDay: BASE_DAY + w.from + w.length - 1 };
  });


function trendOf(w: World): TrendDay[] {
  const index = historyIndex({ branches: w.branches, customers: w.customers, bookings: [...factsOf(w.branches, w.bookings)] });
  return computeTrend(
    { branchIds: w.branches.map((b) => b.id), histories: index.histories(), thresholdsOf: (id) => index.rulesFor(id).thresholds },
    w.fromDay,
    w.toDay,
  );
}

/** The naive reference: the whole data set recomputed as of each day. */
function metricsOn(w: World, day: number) {
  const index = buildActivityIndex({ branches: w.branches, customers: w.customers, bookings: [...factsOf(w.branches, w.bookings)] }, day);
  return computeMetrics(index.activities(), w.branches.map((b) => b.id), formatDay(day), day);
}

/** What a store does: every pair's pairDeltas summed per branch and day, then read back for a range. */
function trendFromStoredDeltas(w: World): TrendDay[] {
  const index = historyIndex({ branches: w.branches, customers: w.customers, bookings: [...factsOf(w.branches, w.bookings)] });
  const stored = new Map<string, Map<number, number[]>>(w.branches.map((b) => [b.id, new Map()]));
  for (const pair of index.histories()) {
    const table = stored.get(pair.branchId) as Map<number, number[]>;
    for (const d of pairDeltas(pair.since, pair.bookings, index.rulesFor(pair.branchId).thresholds)) {
      const row = table.get(d.day) ?? new Array<number>(TREND_FIELDS).fill(0);
      d.values.forEach((v, f) => (row[f] = (row[f] as number) + v));
      table.set(d.day, row);
    }
  }
  const branches: BranchDeltas[] = [...stored].map(([branchId, table]) => {
    const before = new Array<number>(TREND_FIELDS).fill(0);
    const days = [];
    for (const [day, values] of table) {
      if (day < w.fromDay) values.forEach((v, f) => (before[f] = (before[f] as number) + v));
      else days.push({ day, values });
    }
    return { branchId, before, days };
  });
  return trendFromDeltas(branches, w.fromDay, w.toDay);
}

describe('pairDeltas + trendFromDeltas (what the server stores)', () => {
  it('equal computeTrend on every day of any range (property)', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        expect(trendFromStoredDeltas(w)).toEqual(trendOf(w));
      }),
      { numRuns: 200 },
    );
  });

  it('a pair without a dated start exists from ORIGIN_DAY, and a pair changes by its own entries only', () => {
    const t = { activeDays: 2, atRiskDays: 4 };
    const fact = { id: 'k', customer_id: 'c', branch_id: 'b', service: '', staff: '', status: 'completed' as const, price: 700, ms: 0, day: 100 };
    const deltas = pairDeltas(Number.NEGATIVE_INFINITY, [fact], t);
    expect(deltas[0]?.day).toBe(-1_000_000);
    // customers +1 and new +1 from the origin; the visit day moves new → active and adds money.
    expect(deltas.map((d) => d.day)).toEqual([-1_000_000, 100, 103, 105, 130]);
    expect(deltas.reduce((sum, d) => sum + (d.values[0] as number), 0)).toBe(1);
  });
});

describe('computeTrend', () => {
  it('equals metrics as of every day of the range (property)', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const days = trendOf(w);
        expect(days).toHaveLength(w.toDay - w.fromDay + 1);
        days.forEach((day, i) => {
          const expected = metricsOn(w, w.fromDay + i);
          expect(day.date).toBe(expected.as_of);
          expect(Object.fromEntries(day.branches)).toEqual(expected.branches);
          expect([...day.branches.keys()]).toEqual(Object.keys(expected.branches).sort());
          expect(day.all).toEqual(expected.all);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('walks one pair through new, active, at_risk, churned and win_back on the right days', () => {
    const branches: Branch[] = [{ id: 'b', name: 'B', timezone: 'UTC', active_days: 2, at_risk_days: 4 }];
    const day0 = daysFromCivil(2026, 1, 1);
    const at = (d: number) => `${formatDay(day0 + d)}T12:00:00Z`;
    const w: World = {
      branches,
      customers: [{ id: 'c', home_branch_id: '', created_at: at(0) }],
      bookings: [
        { id: 'k1', customer_id: 'c', branch_id: 'b', service: '', staff: '', start_at: at(2), status: 'completed', price: 1000 },
        { id: 'k2', customer_id: 'c', branch_id: 'b', service: '', staff: '', start_at: at(10), status: 'completed', price: 500 },
      ],
      fromDay: day0 - 1,
      toDay: day0 + 14,
    };
    const statusOn = trendOf(w).map((d) => {
      const m = d.all;
      if (m.customers === 0) return '-';
      return (['new', 'active', 'at_risk', 'churned', 'win_back'] as const).find((s) => m[s] === 1);
    });
    // day: -1 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14
    expect(statusOn).toEqual([
      '-', 'new', 'new', 'active', 'active', 'active', 'at_risk', 'at_risk', 'churned', 'churned', 'churned',
      'win_back', 'win_back', 'win_back', 'at_risk', 'at_risk',
    ]);
    const last = trendOf(w).at(-1);
    expect(last?.all.avg_clv).toBe(15);
    expect(last?.all.avg_visits).toBe(2);
    expect(last?.all.new_customers_30d).toBe(1);
  });

  it('two visits on one day after a long gap are active (the last two visits are 0 days apart), as metrics says', () => {
    const branches: Branch[] = [{ id: 'b', name: 'B', timezone: 'Asia/Manila', active_days: 2, at_risk_days: 4 }];
    const day0 = daysFromCivil(2026, 1, 1);
    const at = (d: number, hour: string) => `${formatDay(day0 + d)}T${hour}:00:00+08:00`;
    const visit = (id: string, start: string): Booking => ({ id, customer_id: 'c', branch_id: 'b', service: '', staff: '', start_at: start, status: 'completed', price: 100 });
    const single: World = {
      branches,
      customers: [{ id: 'c', home_branch_id: 'b', created_at: '' }],
      bookings: [visit('k1', at(0, '10')), visit('k2', at(10, '09'))],
      fromDay: day0 + 10,
      toDay: day0 + 10,
    };
    const double: World = { ...single, bookings: [...single.bookings, visit('k3', at(10, '23'))] };
    expect(trendOf(single)[0]?.all.win_back).toBe(1);
    expect(trendOf(double)[0]?.all.win_back).toBe(0);
    expect(trendOf(double)[0]?.all.active).toBe(1);
    expect(trendOf(double)[0]?.all).toEqual(metricsOn(double, day0 + 10).all);
  });

  it('equals metrics on every day of a generated business (sample-like, two seeds, 120 days)', () => {
    for (const seed of [1, 7]) {
      const demo = generateDemoData(demoOptions('sample-like', { seed }));
      const to = daysFromCivil(2026, 3, 1);
      const from = to - 119;
      const histories = historyIndex(demo);
      const days = computeTrend(
        { branchIds: demo.branches.map((b) => b.id), histories: histories.histories(), thresholdsOf: (id) => histories.rulesFor(id).thresholds },
        from,
        to,
      );
      const index = buildActivityIndex(demo, from);
      days.forEach((day, i) => {
        if (i > 0) index.setAsOf(from + i);
        const expected = computeMetrics(index.activities(), demo.branches.map((b) => b.id), formatDay(from + i), from + i);
        expect({ branches: Object.fromEntries(day.branches), all: day.all }).toEqual({ branches: expected.branches, all: expected.all });
      });
      expect(days.at(-1)?.all.customers).toBeGreaterThan(100);
    }
  });

  it('refuses a range that ends before it starts', () => {
    const w: World = { branches: [], customers: [], bookings: [], fromDay: 10, toDay: 9 };
    expect(() => trendOf(w)).toThrow(/after/);
  });
});
