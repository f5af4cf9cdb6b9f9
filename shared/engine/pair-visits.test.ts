import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOOKING_STATUSES, type BookingStatus } from '../domain/types';
import { DEFAULT_RULES, DEFAULT_TIERS, THRESHOLD_PRESETS, type RuleSettings } from '../domain/settings';
import { computePairActivity, type BookingFact } from './activity';
import { ActivityIndex } from './activity-index';
import { activityFromVisits, pairVisits, sameVisits } from './pair-visits';

const RULES: RuleSettings[] = [
  DEFAULT_RULES,
  { thresholds: THRESHOLD_PRESETS.salon, tiers: DEFAULT_TIERS },
  {
    thresholds: { activeDays: 3, atRiskDays: 5 },
    tiers: { spending: { vipAbove: 20_000, highFrom: 10_000, mediumFrom: 5_000 }, frequency: { frequentAbove: 3, regularFrom: 3, occasionalFrom: 2 } },
  },
];

const BASE_DAY = 20_500;

/** Bookings of one pair: few distinct days, instants and ids so ties in visit order occur. */
const factsArb = fc.array(
  fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'B', 'é', '\u{1F600}', 'z9'),
    dayOffset: fc.integer({ min: -60, max: 0 }),
    minute: fc.constantFrom(0, 600, 601),
    status: fc.constantFrom<BookingStatus>(...BOOKING_STATUSES, 'completed', 'completed'),
    price: fc.integer({ min: 0, max: 30_000 }),
    service: fc.constantFrom('', 'Cut', 'Colour', 'Shave'),
    staff: fc.constantFrom('', 'Ana', 'Ben'),
  }),
  { maxLength: 14 },
).map((rows) =>
  rows.map(
    (r, i): BookingFact => ({
      id: `${r.id}${i % 3}`,
      customer_id: 'c1',
      branch_id: 'b1',
      service: r.service,
      staff: r.staff,
      status: r.status,
      price: r.price,
      day: BASE_DAY + r.dayOffset,
      ms: (BASE_DAY + r.dayOffset) * 86_400_000 + r.minute * 60_000,
    }),
  ),
);

describe('pairVisits / activityFromVisits', () => {
  it('give exactly computePairActivity on every day from the latest counted booking on', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 0, max: 80 }), fc.constantFrom(...RULES.keys()), (facts, ahead, r) => {
        const rules = RULES[r] ?? DEFAULT_RULES;
        const visits = pairVisits('c1', 'b1', facts, rules);
        const from = visits.latest_day ?? BASE_DAY - 61;
        expect(activityFromVisits(visits, from + ahead, rules)).toEqual(computePairActivity('c1', 'b1', facts, from + ahead, rules));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse a day before a counted booking (the bookings are needed then)', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 1, max: 30 }), (facts, before) => {
        const visits = pairVisits('c1', 'b1', facts, DEFAULT_RULES);
        if (visits.latest_day === null) return;
        expect(activityFromVisits(visits, visits.latest_day - before, DEFAULT_RULES)).toBeNull();
      }),
    );
  });

  it('do not depend on the order of the bookings, and sameVisits compares every fact', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const a = pairVisits('c1', 'b1', facts, DEFAULT_RULES);
        const b = pairVisits('c1', 'b1', [...facts].reverse(), DEFAULT_RULES);
        expect(b).toEqual(a);
        expect(sameVisits(a, b)).toBe(true);
        expect(sameVisits(a, { ...a, previous_day: (a.previous_day ?? 0) + 1 })).toBe(false);
        expect(sameVisits(a, { ...a, preferred_staff: `${a.preferred_staff}x` })).toBe(false);
      }),
    );
  });

  it('a pair without counted bookings is new on any day', () => {
    const facts: BookingFact[] = [{ id: 'x', customer_id: 'c1', branch_id: 'b1', service: 'Cut', staff: 'Ana', status: 'scheduled', price: 100, day: BASE_DAY + 5, ms: 0 }];
    const visits = pairVisits('c1', 'b1', facts, DEFAULT_RULES);
    expect(visits.latest_day).toBeNull();
    expect(activityFromVisits(visits, BASE_DAY, DEFAULT_RULES)?.status).toBe('new');
  });
});

describe('ActivityIndex seeded with visit facts', () => {
  const customers = [
    { id: 'c1', home_branch_id: 'b1', created_at: '2026-02-10T01:00:00Z' },
    { id: 'c2', home_branch_id: '', created_at: '2026-01-01T01:00:00Z' },
    { id: 'c3', home_branch_id: 'b2' },
  ];
  const branches = [
    { id: 'b1', name: 'One', timezone: 'Asia/Manila', active_days: null, at_risk_days: null },
    { id: 'b2', name: 'Two', timezone: 'America/New_York', active_days: 5, at_risk_days: 9 },
  ];
  const bookingsArb = fc.array(
    fc.record({
      customer: fc.constantFrom('c1', 'c2', 'c3'),
      branch: fc.constantFrom('b1', 'b2'),
      dayOffset: fc.integer({ min: -60, max: 0 }),
      status: fc.constantFrom<BookingStatus>(...BOOKING_STATUSES, 'completed'),
      service: fc.constantFrom('Cut', 'Shave'),
    }),
    { maxLength: 25 },
  );

  it('gives the same activity as the index over the bookings, on any day from the latest counted booking on', () => {
    fc.assert(
      fc.property(bookingsArb, fc.integer({ min: 0, max: 40 }), (rows, ahead) => {
        const asOf = BASE_DAY + ahead;
        const full = new ActivityIndex(asOf);
        for (const b of branches) full.putBranch(b);
        full.loadCustomers(customers);
        full.loadFacts(
          rows.map((r, i): BookingFact => {
            const day = BASE_DAY + r.dayOffset;
            return { id: `bk${i}`, customer_id: r.customer, branch_id: r.branch, service: r.service, staff: '', status: r.status, price: 100 * i, day, ms: day * 86_400_000 + i };
          }),
        );
        full.recomputeAll();
        const seeded = new ActivityIndex(asOf);
        for (const b of branches) seeded.putBranch(b);
        seeded.loadCustomers(customers);
        seeded.seedVisits([...full.visits()]);
        seeded.recomputeAll();
        expect(seeded.sorted()).toEqual(full.sorted());
        expect([...seeded.visits()].length).toBe([...full.visits()].length);
        // The next day (a new local day): a recomputation of the same stored facts.
        expect(seeded.setAsOf(asOf + 1).updated.length).toBe(full.setAsOf(asOf + 1).updated.length);
        expect(seeded.sorted()).toEqual(full.sorted());
      }),
      { numRuns: 500 },
    );
  });
});
