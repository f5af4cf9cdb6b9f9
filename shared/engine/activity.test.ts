import { describe, expect, it } from 'vitest';
import type { Booking, BookingStatus, Branch } from '../domain/types';
import { DEFAULT_RULES, DEFAULT_TIERS, THRESHOLD_PRESETS, type RuleSettings, type Thresholds } from '../domain/settings';
import { formatDay, parseDay } from '../time/calendar';
import { parseInstant } from '../time/instant';
import { parseMoney } from '../money';
import { buildActivityIndex } from './dataset';
import { factsOf } from './test-fixtures';
import { computePairActivity, frequencyTier, spendingTier, statusOn, visitDaysOf, type BookingFact, type PairActivity } from './activity';

// ------------------------------------------------------------------ a tiny data-set builder

const AS_OF = '2026-03-01';

function dayOf(text: string): number {
  const d = parseDay(text);
  if (d === null) throw new Error(`bad date in test: ${text}`);
  return d;
}

/** The local date `n` days before `AS_OF` (or another date). */
function daysBefore(n: number, from = AS_OF): string {
  return formatDay(dayOf(from) - n);
}

interface Visit {
  id?: string;
  /** `YYYY-MM-DD` (10:00 local in the branch zone) or a full instant. */
  at: string;
  status?: BookingStatus;
  price?: string;
  service?: string;
  staff?: string;
  customer?: string;
  branch?: string;
}

interface World {
  branches?: Partial<Branch>[];
  customers?: { id: string; home_branch_id?: string }[];
  bookings: Visit[];
  asOf?: string;
  rules?: RuleSettings;
}

/** Default branch: Manila (+08:00 all year), default thresholds. */
const BRANCH: Branch = { id: 'b1', name: 'Branch 1', timezone: 'Asia/Manila', active_days: null, at_risk_days: null };

function build(world: World) {
  const branches = (world.branches ?? [{}]).map((b) => ({ ...BRANCH, ...b }));
  const offsetOf = (branchId: string) => {
    const zone = branches.find((b) => b.id === branchId)?.timezone ?? 'Asia/Manila';
    if (zone !== 'Asia/Manila') throw new Error('date-only visits are only supported for the Manila branch');
    return '+08:00';
  };
  let n = 0;
  const bookings: Booking[] = world.bookings.map((v) => {
    n += 1;
    const branch = v.branch ?? 'b1';
    const startAt = v.at.length === 10 ? `${v.at}T10:00:00${offsetOf(branch)}` : v.at;
    const ms = parseInstant(startAt);
    const price = parseMoney(v.price ?? '25.00');
    if (ms === null || !price.ok) throw new Error(`bad visit in test: ${JSON.stringify(v)}`);
    return {
      id: v.id ?? `bk-${String(n).padStart(4, '0')}`,
      customer_id: v.customer ?? 'c1',
      branch_id: branch,
      service: v.service ?? 'Haircut',
      staff: v.staff ?? 'Ana',
      start_at: startAt,
      status: v.status ?? 'completed',
      price: price.cents,
    };
  });
  const customers: { id: string; home_branch_id?: string }[] =
    world.customers ?? [...new Set(bookings.map((b) => b.customer_id))].map((id) => ({ id }));
  return buildActivityIndex(
    {
      branches,
      customers: customers.map((c) => ({ id: c.id, home_branch_id: c.home_branch_id ?? '' })),
      bookings: factsOf(branches, bookings),
    },
    dayOf(world.asOf ?? AS_OF),
    world.rules,
  );
}

/** Activity of customer c1 at branch b1 for a list of visits. */
function pair(bookings: Visit[], options: Omit<World, 'bookings'> = {}): PairActivity {
  const activity = build({ ...options, bookings }).get('b1', 'c1');
  if (activity === undefined) throw new Error('expected the pair (b1, c1) to exist');
  return activity;
}

/** Status and days of a customer whose only visit was `days` days before the as-of date. */
function lastVisitDaysAgo(days: number, options: Omit<World, 'bookings'> = {}) {
  const a = pair([{ at: daysBefore(days, options.asOf) }], options);
  expect(a.days_since_last_visit).toBe(days);
  return a.status;
}

function withThresholds(t: Thresholds): Omit<World, 'bookings'> {
  return { branches: [{ active_days: t.activeDays, at_risk_days: t.atRiskDays }] };
}

// ------------------------------------------------------------------ status

describe('status at the default thresholds (12 / 30)', () => {
  it('is active up to 12 days, at_risk from 13 to 30, churned from 31', () => {
    expect(lastVisitDaysAgo(0)).toBe('active');
    expect(lastVisitDaysAgo(1)).toBe('active');
    expect(lastVisitDaysAgo(12)).toBe('active');
    expect(lastVisitDaysAgo(13)).toBe('at_risk');
    expect(lastVisitDaysAgo(30)).toBe('at_risk');
    expect(lastVisitDaysAgo(31)).toBe('churned');
    expect(lastVisitDaysAgo(400)).toBe('churned');
  });

  it('counts days from the last visit, whatever the order of the input', () => {
    const a = pair([{ at: daysBefore(5) }, { at: daysBefore(40) }, { at: daysBefore(20) }]);
    expect(a.days_since_last_visit).toBe(5);
    expect(a.first_visit_date).toBe(daysBefore(40));
    expect(a.last_visit_date).toBe(daysBefore(5));
    expect(a.total_bookings).toBe(3);
  });

  it('a visit on the as-of date itself is day 0', () => {
    const a = pair([{ at: AS_OF }]);
    expect(a).toMatchObject({ status: 'active', days_since_last_visit: 0, first_visit_date: AS_OF, last_visit_date: AS_OF });
  });
});

describe('custom thresholds', () => {
  it('a branch override replaces the defaults', () => {
    const auckland = withThresholds({ activeDays: 14, atRiskDays: 45 });
    expect(lastVisitDaysAgo(13, auckland)).toBe('active');
    expect(lastVisitDaysAgo(14, auckland)).toBe('active');
    expect(lastVisitDaysAgo(15, auckland)).toBe('at_risk');
    expect(lastVisitDaysAgo(45, auckland)).toBe('at_risk');
    expect(lastVisitDaysAgo(46, auckland)).toBe('churned');
  });

  it('salon preset 30 / 90', () => {
    const salon = withThresholds(THRESHOLD_PRESETS.salon);
    expect(lastVisitDaysAgo(30, salon)).toBe('active');
    expect(lastVisitDaysAgo(31, salon)).toBe('at_risk');
    expect(lastVisitDaysAgo(90, salon)).toBe('at_risk');
    expect(lastVisitDaysAgo(91, salon)).toBe('churned');
  });

  it('venue preset 90 / 180', () => {
    const venue = withThresholds(THRESHOLD_PRESETS.venue);
    expect(lastVisitDaysAgo(90, venue)).toBe('active');
    expect(lastVisitDaysAgo(91, venue)).toBe('at_risk');
    expect(lastVisitDaysAgo(180, venue)).toBe('at_risk');
    expect(lastVisitDaysAgo(181, venue)).toBe('churned');
  });

  it('custom thresholds, including equal ones (no at_risk band) and zero', () => {
    const custom = withThresholds({ activeDays: 5, atRiskDays: 7 });
    expect(lastVisitDaysAgo(5, custom)).toBe('active');
    expect(lastVisitDaysAgo(6, custom)).toBe('at_risk');
    expect(lastVisitDaysAgo(7, custom)).toBe('at_risk');
    expect(lastVisitDaysAgo(8, custom)).toBe('churned');
    const equal = withThresholds({ activeDays: 10, atRiskDays: 10 });
    expect(lastVisitDaysAgo(10, equal)).toBe('active');
    expect(lastVisitDaysAgo(11, equal)).toBe('churned');
    const zero = withThresholds({ activeDays: 0, atRiskDays: 0 });
    expect(lastVisitDaysAgo(0, zero)).toBe('active');
    expect(lastVisitDaysAgo(1, zero)).toBe('churned');
  });

  it('business-wide settings apply where a branch does not override, per threshold', () => {
    const salonBusiness: RuleSettings = { thresholds: THRESHOLD_PRESETS.salon, tiers: DEFAULT_TIERS };
    expect(lastVisitDaysAgo(30, { rules: salonBusiness })).toBe('active');
    expect(lastVisitDaysAgo(91, { rules: salonBusiness })).toBe('churned');
    // Only active_days overridden: at_risk_days still comes from the business setting (90).
    const partial = { rules: salonBusiness, branches: [{ active_days: 20 }] };
    expect(lastVisitDaysAgo(20, partial)).toBe('active');
    expect(lastVisitDaysAgo(21, partial)).toBe('at_risk');
    expect(lastVisitDaysAgo(90, partial)).toBe('at_risk');
    expect(lastVisitDaysAgo(91, partial)).toBe('churned');
  });

  it('each branch uses its own thresholds for the same history', () => {
    const index = build({
      branches: [{ id: 'b1' }, { id: 'b2', ...{ active_days: 30, at_risk_days: 90 } }],
      bookings: [
        { at: daysBefore(20), branch: 'b1' },
        { at: daysBefore(20), branch: 'b2' },
      ],
    });
    expect(index.get('b1', 'c1')?.status).toBe('at_risk');
    expect(index.get('b2', 'c1')?.status).toBe('active');
  });
});

describe('new', () => {
  it('a pair without visits is new, with empty dates and no tiers', () => {
    const a = build({ customers: [{ id: 'c1', home_branch_id: 'b1' }], bookings: [] }).get('b1', 'c1');
    expect(a).toEqual({
      customer_id: 'c1',
      branch_id: 'b1',
      status: 'new',
      days_since_last_visit: null,
      total_bookings: 0,
      total_spent: 0,
      first_visit_date: null,
      last_visit_date: null,
      no_shows: 0,
      spending_tier: 'none',
      frequency_tier: 'none',
      favorite_service: '',
      preferred_staff: '',
    });
  });

  it('bookings that are not completed are not visits', () => {
    const a = pair([
      { at: daysBefore(3), status: 'no_show', price: '40.00' },
      { at: daysBefore(2), status: 'cancelled', price: '40.00' },
      { at: daysBefore(1), status: 'scheduled', price: '40.00' },
      { at: AS_OF, status: 'checked_in', price: '40.00' },
    ]);
    expect(a).toMatchObject({
      status: 'new',
      days_since_last_visit: null,
      total_bookings: 0,
      total_spent: 0,
      first_visit_date: null,
      last_visit_date: null,
      no_shows: 1,
      spending_tier: 'none',
      frequency_tier: 'none',
      favorite_service: '',
      preferred_staff: '',
    });
  });
});

describe('win_back', () => {
  it('comes back within active_days after a gap longer than at_risk_days', () => {
    expect(pair([{ at: daysBefore(40) }, { at: daysBefore(5) }]).status).toBe('win_back'); // gap 35
    expect(pair([{ at: daysBefore(36) }, { at: daysBefore(5) }]).status).toBe('win_back'); // gap 31
    expect(pair([{ at: daysBefore(300) }, { at: AS_OF }]).status).toBe('win_back');
    expect(pair([{ at: daysBefore(43) }, { at: daysBefore(12) }]).status).toBe('win_back'); // 12 days: still active band
  });

  it('a gap of exactly at_risk_days is not a win-back', () => {
    expect(pair([{ at: daysBefore(35) }, { at: daysBefore(5) }]).status).toBe('active'); // gap 30
  });

  it('one visit is never a win-back', () => {
    const a = pair([{ at: daysBefore(5) }]);
    expect(a.status).toBe('active');
  });

  it('outside active_days a win-back is at_risk or churned like anyone else', () => {
    expect(pair([{ at: daysBefore(60) }, { at: daysBefore(13) }]).status).toBe('at_risk'); // gap 47
    expect(pair([{ at: daysBefore(100) }, { at: daysBefore(31) }]).status).toBe('churned');
  });

  it('only the gap between the last two visits counts', () => {
    // Long gap earlier, short gap last: active.
    expect(pair([{ at: daysBefore(100) }, { at: daysBefore(20) }, { at: daysBefore(5) }]).status).toBe('active');
    // Short gap earlier, long gap last: win_back.
    expect(pair([{ at: daysBefore(100) }, { at: daysBefore(95) }, { at: daysBefore(40) }, { at: daysBefore(2) }]).status).toBe(
      'win_back',
    );
  });

  it('no-shows, cancellations and future bookings between visits do not shorten the gap', () => {
    const a = pair([
      { at: daysBefore(45) },
      { at: daysBefore(30), status: 'no_show' },
      { at: daysBefore(20), status: 'cancelled' },
      { at: daysBefore(3) },
      { at: daysBefore(-2) },
    ]);
    expect(a.status).toBe('win_back');
  });

  it('two visits on the same day have a gap of 0', () => {
    expect(pair([{ at: `${daysBefore(3)}T09:00:00+08:00` }, { at: `${daysBefore(3)}T17:00:00+08:00` }]).status).toBe('active');
  });

  it('uses the branch thresholds for the gap too', () => {
    const salon = withThresholds(THRESHOLD_PRESETS.salon);
    expect(pair([{ at: daysBefore(100) }, { at: daysBefore(10) }], salon).status).toBe('active'); // gap 90 = at_risk_days
    expect(pair([{ at: daysBefore(101) }, { at: daysBefore(10) }], salon).status).toBe('win_back'); // gap 91
    expect(pair([{ at: daysBefore(101) }, { at: daysBefore(31) }], salon).status).toBe('at_risk');
  });

  it('the gap is between local dates, not between instants or UTC dates', () => {
    // Auckland (+13 in summer): the visits are 30 days 1 hour apart, and 30 UTC dates apart,
    // but on local dates 1 January and 1 February: a 31-day gap.
    const world = {
      branches: [{ timezone: 'Pacific/Auckland' }],
      asOf: '2026-02-05',
      bookings: [{ at: '2026-01-01T23:30:00+13:00' }, { at: '2026-02-01T00:30:00+13:00' }],
    };
    const a = build(world).get('b1', 'c1');
    expect(a).toMatchObject({ status: 'win_back', first_visit_date: '2026-01-01', last_visit_date: '2026-02-01', days_since_last_visit: 4 });
    // The same instants at a London branch are 1 January and 31 January: 30 days, not a win-back.
    const london = build({ ...world, branches: [{ timezone: 'Europe/London' }] }).get('b1', 'c1');
    expect(london).toMatchObject({ status: 'active', first_visit_date: '2026-01-01', last_visit_date: '2026-01-31', days_since_last_visit: 5 });
  });
});

describe('status on a past day, from the visit days (the trend)', () => {
  const thresholds = { activeDays: 12, atRiskDays: 30 };
  const fact = (id: string, day: number, status: BookingStatus, minute = 0): BookingFact => ({ id, customer_id: 'c', branch_id: 'br', service: '', staff: '', status, price: 0, ms: day * 86_400_000 + minute * 60_000, day });

  it('keeps completed visits only, in visit order', () => {
    expect(visitDaysOf([fact('b3', 50, 'completed'), fact('b1', 10, 'no_show'), fact('b2', 20, 'completed', 5), fact('b0', 20, 'completed', 1), fact('b4', 60, 'cancelled')])).toEqual([20, 20, 50]);
  });

  it('reads only the visits on or before the day', () => {
    const days = [100, 140, 145];
    expect(statusOn(days, 99, thresholds)).toBe('new');
    expect(statusOn(days, 100, thresholds)).toBe('active');
    expect(statusOn(days, 112, thresholds)).toBe('active');
    expect(statusOn(days, 113, thresholds)).toBe('at_risk');
    expect(statusOn(days, 130, thresholds)).toBe('at_risk');
    expect(statusOn(days, 139, thresholds)).toBe('churned');
    // 140 follows a gap of 40 > 30 days: a win-back until 145 (gap 5) replaces it.
    expect(statusOn(days, 140, thresholds)).toBe('win_back');
    expect(statusOn(days, 144, thresholds)).toBe('win_back');
    expect(statusOn(days, 145, thresholds)).toBe('active');
    expect(statusOn(days, 158, thresholds)).toBe('at_risk');
    expect(statusOn([], 200, thresholds)).toBe('new');
  });

  it('agrees with the pair activity on the same history', () => {
    const facts = [fact('b1', 100, 'completed'), fact('b2', 131, 'completed'), fact('b3', 135, 'no_show')];
    for (const day of [99, 100, 120, 131, 140, 150, 170]) {
      expect(statusOn(visitDaysOf(facts), day, thresholds)).toBe(computePairActivity('c', 'br', facts, day, { ...DEFAULT_RULES, thresholds }).status);
    }
  });
});

describe('bookings after the as-of date', () => {
  it('are ignored for status, totals, dates, tiers, favourites and no-shows', () => {
    const a = pair([
      { at: daysBefore(20), service: 'Haircut', staff: 'Ana', price: '30.00' },
      { at: daysBefore(-1), service: 'Colour', staff: 'Ben', price: '2000.00' },
      { at: daysBefore(-2), service: 'Colour', staff: 'Ben', price: '2000.00' },
      { at: daysBefore(-3), status: 'no_show' },
      { at: daysBefore(-4), status: 'scheduled' },
    ]);
    expect(a).toMatchObject({
      status: 'at_risk',
      days_since_last_visit: 20,
      total_bookings: 1,
      total_spent: 3000,
      first_visit_date: daysBefore(20),
      last_visit_date: daysBefore(20),
      no_shows: 0,
      spending_tier: 'low',
      frequency_tier: 'one_time',
      favorite_service: 'Haircut',
      preferred_staff: 'Ana',
    });
  });

  it('a customer whose only booking is in the future has a new pair', () => {
    for (const status of ['scheduled', 'completed', 'no_show', 'cancelled'] as const) {
      const a = pair([{ at: daysBefore(-7), status }]);
      expect(a, status).toMatchObject({ status: 'new', total_bookings: 0, no_shows: 0, days_since_last_visit: null });
    }
  });

  it('a visit later on the as-of local date counts; one just after local midnight does not', () => {
    expect(pair([{ at: `${AS_OF}T23:59:59+08:00` }])).toMatchObject({ status: 'active', days_since_last_visit: 0, total_bookings: 1 });
    // Written in UTC: 15:59 UTC is 23:59 in Manila on the as-of date; 16:00 UTC is the next day.
    expect(pair([{ at: `${AS_OF}T15:59:00Z` }])).toMatchObject({ total_bookings: 1, last_visit_date: AS_OF });
    expect(pair([{ at: `${AS_OF}T16:00:00Z` }])).toMatchObject({ status: 'new', total_bookings: 0 });
    expect(pair([{ at: `${daysBefore(-1)}T00:00:00+08:00` }])).toMatchObject({ status: 'new', total_bookings: 0 });
    // A no-show later on the as-of date counts as a no-show.
    expect(pair([{ at: `${AS_OF}T23:00:00+08:00`, status: 'no_show' }]).no_shows).toBe(1);
  });

  it('moving the as-of date brings them in', () => {
    const visits = [{ at: '2026-03-10' }, { at: '2026-01-15' }];
    expect(pair(visits, { asOf: '2026-03-09' })).toMatchObject({ status: 'churned', days_since_last_visit: 53, total_bookings: 1 });
    expect(pair(visits, { asOf: '2026-03-10' })).toMatchObject({ status: 'win_back', days_since_last_visit: 0, total_bookings: 2 });
  });
});

describe('no_shows', () => {
  it('counts no-show bookings up to the as-of date, not other statuses', () => {
    const a = pair([
      { at: daysBefore(10), status: 'no_show' },
      { at: daysBefore(200), status: 'no_show' },
      { at: daysBefore(5), status: 'cancelled' },
      { at: daysBefore(4) },
    ]);
    expect(a.no_shows).toBe(2);
    expect(a.total_bookings).toBe(1);
  });
});

describe('pair existence', () => {
  it('a booking of any status or date at a branch creates the pair; the home branch creates one too', () => {
    const index = build({
      branches: [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }, { id: 'b4' }],
      customers: [{ id: 'c1', home_branch_id: 'b4' }],
      bookings: [
        { at: daysBefore(3), branch: 'b1' },
        { at: daysBefore(3), branch: 'b2', status: 'cancelled' },
        { at: daysBefore(-30), branch: 'b3', status: 'scheduled' },
      ],
    });
    expect(index.sorted().map((a) => [a.branch_id, a.customer_id, a.status])).toEqual([
      ['b1', 'c1', 'active'],
      ['b2', 'c1', 'new'],
      ['b3', 'c1', 'new'],
      ['b4', 'c1', 'new'],
    ]);
  });

  it('the home branch alone makes a pair; no bookings and no home branch make none', () => {
    const index = build({
      branches: [{ id: 'b1' }, { id: 'b2' }],
      customers: [
        { id: 'c-home', home_branch_id: 'b2' },
        { id: 'c-nothing' },
        { id: 'c-booked', home_branch_id: 'b1' },
      ],
      bookings: [{ at: daysBefore(3), customer: 'c-booked', branch: 'b1' }],
    });
    expect(index.sorted().map((a) => `${a.branch_id}/${a.customer_id}`)).toEqual(['b1/c-booked', 'b2/c-home']);
    expect(index.forCustomer('c-nothing')).toEqual([]);
    expect(index.get('b2', 'c-home')?.status).toBe('new');
  });

  it('a pair is per branch: visits at one branch do not count at another', () => {
    const index = build({
      branches: [{ id: 'b1' }, { id: 'b2' }],
      customers: [{ id: 'c1', home_branch_id: 'b2' }],
      bookings: [{ at: daysBefore(3), branch: 'b1', price: '700.00' }],
    });
    expect(index.get('b1', 'c1')).toMatchObject({ status: 'active', total_spent: 70000, spending_tier: 'high' });
    expect(index.get('b2', 'c1')).toMatchObject({ status: 'new', total_spent: 0, spending_tier: 'none' });
  });
});

// ------------------------------------------------------------------ tiers

describe('spending tier', () => {
  const tierOf = (...prices: string[]) => pair(prices.map((price, i) => ({ at: daysBefore(i + 1), price }))).spending_tier;

  it('boundaries at 100.00, 500.00 and 1000.00', () => {
    expect(tierOf('0.00')).toBe('low');
    expect(tierOf('99.99')).toBe('low');
    expect(tierOf('100.00')).toBe('medium');
    expect(tierOf('499.99')).toBe('medium');
    expect(tierOf('500.00')).toBe('high');
    expect(tierOf('1000.00')).toBe('high');
    expect(tierOf('1000.01')).toBe('vip');
  });

  it('is on the sum of the visits’ prices', () => {
    expect(tierOf('60.00', '39.99')).toBe('low');
    expect(tierOf('60.00', '40.00')).toBe('medium');
    expect(tierOf('500.00', '500.00', '0.01')).toBe('vip');
    expect(pair([{ at: daysBefore(1), price: '60.00' }, { at: daysBefore(2), price: '40.00' }]).total_spent).toBe(10000);
  });

  it('is none without visits, even when other bookings have prices', () => {
    expect(pair([{ at: daysBefore(1), status: 'no_show', price: '2000.00' }]).spending_tier).toBe('none');
    expect(spendingTier(0, 0, DEFAULT_TIERS)).toBe('none');
    expect(spendingTier(0, 1, DEFAULT_TIERS)).toBe('low');
  });
});

describe('frequency tier', () => {
  const tierOf = (visits: number) =>
    pair([
      { at: daysBefore(1), status: 'cancelled' },
      ...Array.from({ length: visits }, (_, i) => ({ at: daysBefore(i + 1) })),
    ]).frequency_tier;

  it('0 none, 1 one_time, 2–4 occasional, 5–10 regular, 11+ frequent', () => {
    expect(tierOf(0)).toBe('none');
    expect(tierOf(1)).toBe('one_time');
    expect(tierOf(2)).toBe('occasional');
    expect(tierOf(4)).toBe('occasional');
    expect(tierOf(5)).toBe('regular');
    expect(tierOf(10)).toBe('regular');
    expect(tierOf(11)).toBe('frequent');
    expect(tierOf(40)).toBe('frequent');
    expect([0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12].map((v) => frequencyTier(v, DEFAULT_RULES.tiers))).toEqual([
      'none',
      'one_time',
      'occasional',
      'occasional',
      'occasional',
      'regular',
      'regular',
      'regular',
      'regular',
      'frequent',
      'frequent',
    ]);
  });
});

// ------------------------------------------------------------------ favourites

describe('favorite_service and preferred_staff', () => {
  it('the value with most visits wins, even if another was visited more recently', () => {
    const a = pair([
      { at: daysBefore(30), service: 'Colour', staff: 'Ana' },
      { at: daysBefore(20), service: 'Colour', staff: 'Ana' },
      { at: daysBefore(15), service: 'Colour', staff: 'Ben' },
      { at: daysBefore(2), service: 'Haircut', staff: 'Ben' },
      { at: daysBefore(1), service: 'Haircut', staff: 'Cy' },
    ]);
    expect(a.favorite_service).toBe('Colour');
    expect(a.preferred_staff).toBe('Ben');
  });

  it('a tie goes to the value visited most recently', () => {
    expect(pair([{ at: daysBefore(9), service: 'Colour' }, { at: daysBefore(3), service: 'Haircut' }]).favorite_service).toBe('Haircut');
    expect(pair([{ at: daysBefore(3), service: 'Colour' }, { at: daysBefore(9), service: 'Haircut' }]).favorite_service).toBe('Colour');
    // 2–2: Colour's latest visit (day −2) is more recent than Haircut's (day −4).
    const a = pair([
      { at: daysBefore(10), service: 'Haircut', staff: 'Ben' },
      { at: daysBefore(8), service: 'Colour', staff: 'Ana' },
      { at: daysBefore(4), service: 'Haircut', staff: 'Ben' },
      { at: daysBefore(2), service: 'Colour', staff: 'Ana' },
    ]);
    expect(a.favorite_service).toBe('Colour');
    expect(a.preferred_staff).toBe('Ana');
  });

  it('two tied visits on the same local date: the later instant wins, whatever the input order', () => {
    const morning = { at: `${daysBefore(3)}T09:00:00+08:00`, service: 'Beard trim', staff: 'Zoe', id: 'bk-b' };
    const evening = { at: `${daysBefore(3)}T18:00:00+08:00`, service: 'Shave', staff: 'Al', id: 'bk-a' };
    for (const visits of [
      [morning, evening],
      [evening, morning],
    ]) {
      const a = pair(visits);
      expect(a.favorite_service).toBe('Shave');
      expect(a.preferred_staff).toBe('Al');
    }
  });

  it('two tied visits at the same instant: the later in visit order (larger booking id) wins', () => {
    const at = `${daysBefore(3)}T09:00:00+08:00`;
    for (const order of [0, 1]) {
      const visits = [
        { at, id: 'bk-0001', service: 'Zen massage', staff: 'Zed' },
        { at, id: 'bk-0002', service: 'Afro cut', staff: 'Abe' },
      ];
      if (order === 1) visits.reverse();
      const a = pair(visits);
      expect(a.favorite_service).toBe('Afro cut');
      expect(a.preferred_staff).toBe('Abe');
    }
  });

  it('empty values are ignored; no value at all gives an empty result', () => {
    const a = pair([
      { at: daysBefore(9), service: '', staff: '' },
      { at: daysBefore(8), service: '', staff: '' },
      { at: daysBefore(7), service: '', staff: 'Ana' },
      { at: daysBefore(6), service: 'Haircut', staff: '' },
    ]);
    expect(a.favorite_service).toBe('Haircut');
    expect(a.preferred_staff).toBe('Ana');
    const none = pair([{ at: daysBefore(9), service: '', staff: '' }]);
    expect(none.favorite_service).toBe('');
    expect(none.preferred_staff).toBe('');
  });

  it('only completed visits up to the as-of date count', () => {
    const a = pair([
      { at: daysBefore(9), service: 'Haircut', staff: 'Ana' },
      { at: daysBefore(8), service: 'Colour', staff: 'Ben', status: 'no_show' },
      { at: daysBefore(7), service: 'Colour', staff: 'Ben', status: 'cancelled' },
      { at: daysBefore(6), service: 'Colour', staff: 'Ben', status: 'scheduled' },
      { at: daysBefore(-1), service: 'Colour', staff: 'Ben' },
      { at: daysBefore(-2), service: 'Colour', staff: 'Ben' },
    ]);
    expect(a.favorite_service).toBe('Haircut');
    expect(a.preferred_staff).toBe('Ana');
    expect(pair([{ at: daysBefore(1), service: 'Colour', staff: 'Ben', status: 'no_show' }]).favorite_service).toBe('');
  });
});

// ------------------------------------------------------------------ time zones

describe('local dates in the branch zone', () => {
  it('days_since_last_visit is whole calendar days across DST changes', () => {
    const cases: [string, string, string, number][] = [
      // zone, visit instant, as-of date, days
      ['America/New_York', '2026-03-07T23:30:00-05:00', '2026-03-08', 1], // spring forward on 8 March
      ['America/New_York', '2026-03-07T00:30:00-05:00', '2026-03-09', 2],
      ['America/New_York', '2026-03-08T03:00:00-04:00', '2026-03-08', 0],
      ['America/New_York', '2026-10-31T23:30:00-04:00', '2026-11-01', 1], // fall back on 1 November
      ['America/New_York', '2026-11-01T01:30:00-05:00', '2026-11-01', 0], // the second 01:30
      ['America/New_York', '2026-11-01T23:30:00-05:00', '2026-11-02', 1],
      ['Europe/London', '2026-03-28T23:30:00Z', '2026-03-29', 1], // spring forward on 29 March
      ['Europe/London', '2026-03-29T23:30:00+01:00', '2026-03-30', 1],
      ['Europe/London', '2026-10-24T23:30:00+01:00', '2026-10-25', 1], // fall back on 25 October
      ['Europe/London', '2026-10-25T00:30:00+01:00', '2026-10-25', 0],
      ['Pacific/Auckland', '2026-09-26T23:30:00+12:00', '2026-09-27', 1], // spring forward on 27 September
      ['Pacific/Auckland', '2026-09-27T00:30:00+12:00', '2026-09-27', 0],
      ['Pacific/Auckland', '2026-04-04T23:30:00+13:00', '2026-04-05', 1], // fall back on 5 April
      ['Pacific/Auckland', '2026-04-05T23:30:00+12:00', '2026-04-06', 1],
    ];
    for (const [timezone, at, asOf, days] of cases) {
      const a = build({ branches: [{ timezone }], asOf, bookings: [{ at }] }).get('b1', 'c1');
      expect(a?.days_since_last_visit, `${timezone} ${at} as of ${asOf}`).toBe(days);
      expect(a?.last_visit_date).toBe(formatDay(dayOf(asOf) - days));
    }
  });

  it('the 12/13-day boundary holds across a DST change', () => {
    const ny = (at: string) => build({ branches: [{ timezone: 'America/New_York' }], asOf: '2026-03-14', bookings: [{ at }] }).get('b1', 'c1');
    // 2 March 23:30 EST to 14 March (after spring forward) is 12 local days, 11.98 × 24 h.
    expect(ny('2026-03-02T23:30:00-05:00')).toMatchObject({ days_since_last_visit: 12, status: 'active' });
    expect(ny('2026-03-01T23:30:00-05:00')).toMatchObject({ days_since_last_visit: 13, status: 'at_risk' });
    expect(ny('2026-03-02T00:00:00-05:00')).toMatchObject({ days_since_last_visit: 12, status: 'active' });
    const akl = (at: string) => build({ branches: [{ timezone: 'Pacific/Auckland' }], asOf: '2026-04-30', bookings: [{ at }] }).get('b1', 'c1');
    // 31 March 00:30 NZDT to 30 April (after fall back) is 30 local days: at_risk, not churned.
    expect(akl('2026-03-31T00:30:00+13:00')).toMatchObject({ days_since_last_visit: 30, status: 'at_risk' });
    expect(akl('2026-03-30T23:30:00+13:00')).toMatchObject({ days_since_last_visit: 31, status: 'churned' });
  });

  it('dates are local to each branch, for the same instant', () => {
    // 11:30 UTC on 28 February is 00:30 on 1 March in Auckland (+13) and 11:30 on 28 February in London.
    const index = build({
      branches: [
        { id: 'akl', timezone: 'Pacific/Auckland' },
        { id: 'ldn', timezone: 'Europe/London' },
        { id: 'ktm', timezone: 'Asia/Kathmandu' },
        { id: 'nyc', timezone: 'America/New_York' },
      ],
      bookings: [
        { at: '2026-02-28T11:30:00Z', branch: 'akl' },
        { at: '2026-02-28T11:30:00Z', branch: 'ldn' },
        { at: '2026-02-28T18:15:00Z', branch: 'ktm' }, // 00:00 on 1 March in Kathmandu (+05:45)
        { at: '2026-03-01T04:59:00Z', branch: 'nyc' }, // 23:59 on 28 February in New York
      ],
    });
    expect(index.get('akl', 'c1')).toMatchObject({ last_visit_date: '2026-03-01', days_since_last_visit: 0 });
    expect(index.get('ldn', 'c1')).toMatchObject({ last_visit_date: '2026-02-28', days_since_last_visit: 1 });
    expect(index.get('ktm', 'c1')).toMatchObject({ last_visit_date: '2026-03-01', days_since_last_visit: 0 });
    expect(index.get('nyc', 'c1')).toMatchObject({ last_visit_date: '2026-02-28', days_since_last_visit: 1 });
  });

  it('whether a booking is after the as-of date is decided on the branch-local date', () => {
    // 1 March 20:00 in New York is 2 March in Auckland: counted in New York, future in Auckland.
    const index = build({
      branches: [
        { id: 'akl', timezone: 'Pacific/Auckland' },
        { id: 'nyc', timezone: 'America/New_York' },
      ],
      bookings: [
        { at: '2026-03-01T20:00:00-05:00', branch: 'akl' },
        { at: '2026-03-01T20:00:00-05:00', branch: 'nyc' },
      ],
    });
    expect(index.get('nyc', 'c1')).toMatchObject({ status: 'active', total_bookings: 1 });
    expect(index.get('akl', 'c1')).toMatchObject({ status: 'new', total_bookings: 0 });
  });
});
