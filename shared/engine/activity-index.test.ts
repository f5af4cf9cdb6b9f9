import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Booking, BookingStatus, Branch } from '../domain/types';
import { DEFAULT_RULES, DEFAULT_TIERS, THRESHOLD_PRESETS, type RuleSettings } from '../domain/settings';
import { BOOKING_STATUSES } from '../domain/types';
import { daysFromCivil, formatDay } from '../time/calendar';
import { ActivityIndex, type ActivityChange, type PreviousPair } from './activity-index';
import { buildActivityIndex } from './dataset';
import { factsOf } from './test-fixtures';
import type { PairActivity } from './activity';

// ------------------------------------------------------------------ the world the commands act on

const BASE_DAY = daysFromCivil(2026, 3, 8); // New York springs forward that day
const BRANCH_IDS = ['b1', 'b2', 'b3'] as const;
const CUSTOMER_IDS = ['c1', 'c2', 'c3', 'c4'] as const;
const BOOKING_IDS = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9', 'k10'] as const;
const ZONES = ['Pacific/Auckland', 'America/New_York', 'Asia/Kathmandu', 'Europe/London'] as const;
const THRESHOLDS: [number | null, number | null][] = [
  [null, null],
  [14, 45],
  [30, 90],
  [3, 5],
];

const INITIAL_BRANCHES: Branch[] = [
  { id: 'b1', name: 'Auckland', timezone: 'Pacific/Auckland', active_days: 14, at_risk_days: 45 },
  { id: 'b2', name: 'New York', timezone: 'America/New_York', active_days: null, at_risk_days: null },
  { id: 'b3', name: 'Kathmandu', timezone: 'Asia/Kathmandu', active_days: 3, at_risk_days: 5 },
];

interface World {
  branches: Map<string, Branch>;
  homes: Map<string, string>;
  bookings: Map<string, Booking>;
  asOf: number;
  rules: RuleSettings;
}

/** Business-wide settings the index may be switched to (thresholds and tier boundaries). */
const BASE_RULES: RuleSettings[] = [
  DEFAULT_RULES,
  { thresholds: THRESHOLD_PRESETS.salon, tiers: DEFAULT_TIERS },
  {
    thresholds: { activeDays: 7, atRiskDays: 21 },
    tiers: { spending: { vipAbove: 20_000, highFrom: 10_000, mediumFrom: 5_000 }, frequency: { frequentAbove: 3, regularFrom: 3, occasionalFrom: 2 } },
  },
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A booking start written with an arbitrary offset, so instants and branch zones disagree. */
const bookingArb = (id: string) =>
  fc
    .record({
      customer_id: fc.constantFrom(...CUSTOMER_IDS),
      branch_id: fc.constantFrom(...BRANCH_IDS),
      dayOffset: fc.integer({ min: -70, max: 5 }),
      minute: fc.integer({ min: 0, max: 1439 }),
      offsetQuarter: fc.integer({ min: -12 * 4, max: 14 * 4 }),
      status: fc.constantFrom<BookingStatus>(...BOOKING_STATUSES, 'completed', 'completed'),
      price: fc.integer({ min: 0, max: 150_000 }),
      service: fc.constantFrom('', 'Cut', 'Colour', 'Shave'),
      staff: fc.constantFrom('', 'Ana', 'Ben'),
    })
    .map((r): Booking => {
      const offset = r.offsetQuarter * 15;
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      const startAt = `${formatDay(BASE_DAY + r.dayOffset)}T${pad(Math.floor(r.minute / 60))}:${pad(r.minute % 60)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
      return { id, customer_id: r.customer_id, branch_id: r.branch_id, service: r.service, staff: r.staff, start_at: startAt, status: r.status, price: r.price };
    });

type Hint = 'none' | 'right' | 'wrong';

type Command =
  | { kind: 'upsert'; booking: Booking; hint: Hint; wrong: [string, string] }
  | { kind: 'status'; id: string; status: BookingStatus }
  | { kind: 'price'; id: string; price: number }
  | { kind: 'move'; id: string; customer: string; branch: string }
  | { kind: 'remove'; id: string; hint: Hint }
  | { kind: 'home'; customer: string; home: string }
  | { kind: 'forget'; customer: string }
  | { kind: 'asOf'; dayOffset: number }
  | { kind: 'branch'; branch: string; zone: string; thresholds: number }
  | { kind: 'rules'; rules: number };

const hintArb = fc.constantFrom<Hint>('none', 'right', 'wrong');
const wrongArb = fc.tuple(fc.constantFrom(...BRANCH_IDS), fc.constantFrom(...CUSTOMER_IDS));
const bookingId = fc.constantFrom(...BOOKING_IDS);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(bookingId.chain(bookingArb), hintArb, wrongArb).map(([booking, hint, wrong]) => ({ kind: 'upsert' as const, booking, hint, wrong })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('status' as const), id: bookingId, status: fc.constantFrom(...BOOKING_STATUSES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('price' as const), id: bookingId, price: fc.integer({ min: 0, max: 150_000 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('move' as const), id: bookingId, customer: fc.constantFrom(...CUSTOMER_IDS), branch: fc.constantFrom(...BRANCH_IDS) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: bookingId, hint: hintArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('home' as const), customer: fc.constantFrom(...CUSTOMER_IDS), home: fc.constantFrom('', ...BRANCH_IDS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forget' as const), customer: fc.constantFrom(...CUSTOMER_IDS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('asOf' as const), dayOffset: fc.integer({ min: -60, max: 60 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('branch' as const),
      branch: fc.constantFrom(...BRANCH_IDS),
      zone: fc.constantFrom(...ZONES),
      thresholds: fc.integer({ min: 0, max: THRESHOLDS.length - 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rules' as const), rules: fc.integer({ min: 0, max: BASE_RULES.length - 1 }) }) },
);

const initialArb = fc.record({
  bookings: fc.subarray([...BOOKING_IDS]).chain((ids) => fc.tuple(...ids.map(bookingArb))),
  homes: fc.tuple(...CUSTOMER_IDS.map(() => fc.constantFrom('', ...BRANCH_IDS))),
  asOfOffset: fc.integer({ min: -30, max: 30 }),
});

// ------------------------------------------------------------------ reference: a fresh full build

function fresh(world: World): PairActivity[] {
  const branches = [...world.branches.values()];
  return buildActivityIndex(
    {
      branches,
      customers: CUSTOMER_IDS.map((id) => ({ id, home_branch_id: world.homes.get(id) ?? '' })),
      bookings: factsOf(branches, world.bookings.values()),
    },
    world.asOf,
    world.rules,
  ).sorted();
}

function key(p: { branch_id: string; customer_id: string }): string {
  return `${p.branch_id}/${p.customer_id}`;
}

function sortedValues(replica: Map<string, PairActivity>): PairActivity[] {
  return [...replica.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** Applies a change the way a replica does (upsert updated rows, delete removed ones). */
function applyChange(replica: Map<string, PairActivity>, change: ActivityChange): void {
  for (const a of change.updated) replica.set(key(a), a);
  for (const r of change.removed) replica.delete(key(r));
}

function touchedKeys(change: ActivityChange): string[] {
  return [...change.updated.map(key), ...change.removed.map(key)];
}

/**
 * Runs one command on the index and the plain world; returns the pairs the change may touch
 * (`null` when any pair may change: as-of date, branch settings).
 */
function step(index: ActivityIndex, world: World, command: Command): { change: ActivityChange; allowed: Set<string> | null; mustUpdate: string | null } {
  const where = (b: Booking | undefined): PreviousPair => (b === undefined ? null : { branch_id: b.branch_id, customer_id: b.customer_id });
  const upsert = (next: Booking, hint: Hint, wrong: [string, string]) => {
    const before = world.bookings.get(next.id);
    world.bookings.set(next.id, next);
    const previous = hint === 'right' ? where(before) : hint === 'wrong' ? { branch_id: wrong[0], customer_id: wrong[1] } : undefined;
    // A wrong hint is only ever "somewhere else"; null would claim the booking is new.
    const change = index.upsertBooking(next, hint === 'wrong' && before === undefined ? undefined : previous);
    const allowed = new Set([key(next)]);
    if (before !== undefined) allowed.add(key(before));
    return { change, allowed, mustUpdate: key(next) };
  };
  switch (command.kind) {
    case 'upsert':
      return upsert(command.booking, command.hint, command.wrong);
    case 'status':
    case 'price':
    case 'move': {
      const before = world.bookings.get(command.id);
      if (before === undefined) return { change: { updated: [], removed: [] }, allowed: new Set(), mustUpdate: null };
      const next =
        command.kind === 'status'
          ? { ...before, status: command.status }
          : command.kind === 'price'
            ? { ...before, price: command.price }
            : { ...before, customer_id: command.customer, branch_id: command.branch };
      return upsert(next, 'none', ['b1', 'c1']);
    }
    case 'remove': {
      const before = world.bookings.get(command.id);
      world.bookings.delete(command.id);
      const previous = command.hint === 'right' ? where(before) : command.hint === 'wrong' ? { branch_id: 'b2', customer_id: 'c4' } : undefined;
      const change = index.removeBooking(command.id, previous === null ? undefined : previous);
      return { change, allowed: new Set(before === undefined ? [] : [key(before)]), mustUpdate: null };
    }
    case 'home': {
      const before = world.homes.get(command.customer) ?? '';
      world.homes.set(command.customer, command.home);
      const change = index.upsertCustomer({ id: command.customer, home_branch_id: command.home });
      const allowed = new Set<string>();
      if (before !== '') allowed.add(`${before}/${command.customer}`);
      if (command.home !== '') allowed.add(`${command.home}/${command.customer}`);
      return { change, allowed, mustUpdate: null };
    }
    case 'forget': {
      const before = world.homes.get(command.customer) ?? '';
      world.homes.set(command.customer, '');
      const change = index.removeCustomer(command.customer);
      return { change, allowed: new Set(before === '' ? [] : [`${before}/${command.customer}`]), mustUpdate: null };
    }
    case 'asOf':
      world.asOf = BASE_DAY + command.dayOffset;
      return { change: index.setAsOf(world.asOf), allowed: null, mustUpdate: null };
    case 'branch': {
      const [active, atRisk] = THRESHOLDS[command.thresholds] as [number | null, number | null];
      const next: Branch = { ...(world.branches.get(command.branch) as Branch), timezone: command.zone, active_days: active, at_risk_days: atRisk };
      world.branches.set(command.branch, next);
      const change = index.putBranch(next);
      return { change, allowed: new Set([...CUSTOMER_IDS].map((c) => `${command.branch}/${c}`)), mustUpdate: null };
    }
    case 'rules':
      world.rules = BASE_RULES[command.rules] as RuleSettings;
      return { change: index.setBaseRules(world.rules), allowed: null, mustUpdate: null };
  }
}

describe('ActivityIndex incremental updates', () => {
  it('any sequence of changes gives exactly the activities of a fresh build, and each change touches only its pairs', () => {
    fc.assert(
      fc.property(initialArb, fc.array(commandArb, { minLength: 1, maxLength: 40 }), (initial, commands) => {
        const world: World = {
          branches: new Map(INITIAL_BRANCHES.map((b) => [b.id, b])),
          homes: new Map(CUSTOMER_IDS.map((id, i) => [id, initial.homes[i] ?? ''])),
          bookings: new Map(initial.bookings.map((b) => [b.id, b])),
          asOf: BASE_DAY + initial.asOfOffset,
          rules: DEFAULT_RULES,
        };
        const branches = [...world.branches.values()];
        const index = buildActivityIndex(
          {
            branches,
            customers: CUSTOMER_IDS.map((id) => ({ id, home_branch_id: world.homes.get(id) ?? '' })),
            bookings: factsOf(branches, world.bookings.values()),
          },
          world.asOf,
        );
        // A replica kept current only from the reported changes.
        const replica = new Map(index.sorted().map((a) => [key(a), a]));
        for (const command of commands) {
          const { change, allowed, mustUpdate } = step(index, world, command);
          if (allowed !== null) {
            for (const k of touchedKeys(change)) expect(allowed, `${command.kind} touched ${k}`).toContain(k);
          }
          if (mustUpdate !== null) expect(change.updated.map(key)).toContain(mustUpdate);
          applyChange(replica, change);
          const expected = fresh(world);
          expect(index.sorted()).toEqual(expected);
          expect(sortedValues(replica)).toEqual(expected);
          expect(index.size).toBe(expected.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('ActivityIndex specific changes', () => {
  const branch: Branch = { id: 'b1', name: 'B1', timezone: 'Asia/Manila', active_days: null, at_risk_days: null };
  const other: Branch = { id: 'b2', name: 'B2', timezone: 'Europe/London', active_days: null, at_risk_days: null };
  const asOf = daysFromCivil(2026, 3, 1);
  const visit = (id: string, customer: string, date: string, extra: Partial<Booking> = {}): Booking => ({
    id,
    customer_id: customer,
    branch_id: 'b1',
    service: 'Cut',
    staff: 'Ana',
    start_at: `${date}T10:00:00+08:00`,
    status: 'completed',
    price: 2500,
    ...extra,
  });

  function fixture() {
    const index = new ActivityIndex(asOf);
    index.putBranch(branch);
    index.putBranch(other);
    index.loadCustomers([
      { id: 'c1', home_branch_id: '' },
      { id: 'c2', home_branch_id: '' },
    ]);
    index.recomputeAll();
    return index;
  }

  it('an upsert reports only its own pair', () => {
    const index = fixture();
    index.upsertBooking(visit('k1', 'c1', '2026-02-20'));
    index.upsertBooking(visit('k2', 'c2', '2026-02-21'));
    const change = index.upsertBooking(visit('k3', 'c1', '2026-02-25', { price: 4000 }));
    expect(change.removed).toEqual([]);
    expect(change.updated).toHaveLength(1);
    expect(change.updated[0]).toMatchObject({ branch_id: 'b1', customer_id: 'c1', total_bookings: 2, total_spent: 6500, days_since_last_visit: 4 });
  });

  it('moving a booking to another customer reports both pairs and drops the emptied one', () => {
    const index = fixture();
    index.upsertBooking(visit('k1', 'c1', '2026-02-20'));
    const change = index.upsertBooking(visit('k1', 'c2', '2026-02-20'));
    expect(change.updated.map((a) => a.customer_id)).toEqual(['c2']);
    expect(change.removed).toEqual([{ branch_id: 'b1', customer_id: 'c1' }]);
    expect(index.get('b1', 'c1')).toBeUndefined();
  });

  it('moving a booking to another branch resolves its local date in the new branch zone', () => {
    const index = fixture();
    // 23:30 on 28 February in Manila is 15:30 UTC, 28 February in London too; 00:30 on 1 March Manila is 28 February in London.
    index.upsertBooking(visit('k1', 'c1', '2026-03-01', { start_at: '2026-03-01T00:30:00+08:00' }));
    expect(index.get('b1', 'c1')?.last_visit_date).toBe('2026-03-01');
    const change = index.upsertBooking(visit('k1', 'c1', '2026-03-01', { start_at: '2026-03-01T00:30:00+08:00', branch_id: 'b2' }));
    expect(change.updated.map((a) => [a.branch_id, a.last_visit_date])).toEqual([['b2', '2026-02-28']]);
    expect(change.removed).toEqual([{ branch_id: 'b1', customer_id: 'c1' }]);
  });

  it('a home-branch change creates and drops home-only pairs', () => {
    const index = fixture();
    let change = index.upsertCustomer({ id: 'c1', home_branch_id: 'b1' });
    expect(change.updated).toEqual([expect.objectContaining({ branch_id: 'b1', customer_id: 'c1', status: 'new' })]);
    change = index.upsertCustomer({ id: 'c1', home_branch_id: 'b2' });
    expect(change.removed).toEqual([{ branch_id: 'b1', customer_id: 'c1' }]);
    expect(change.updated).toEqual([expect.objectContaining({ branch_id: 'b2', customer_id: 'c1', status: 'new' })]);
    // A pair that has bookings survives losing the home branch.
    index.upsertBooking(visit('k1', 'c1', '2026-02-27', { branch_id: 'b2', start_at: '2026-02-27T10:00:00Z' }));
    change = index.upsertCustomer({ id: 'c1', home_branch_id: '' });
    expect(change.removed).toEqual([]);
    expect(index.get('b2', 'c1')?.status).toBe('active');
  });

  it('removing the last booking of a pair without a home branch removes the pair', () => {
    const index = fixture();
    index.upsertBooking(visit('k1', 'c1', '2026-02-20'));
    expect(index.removeBooking('k1')).toEqual({ updated: [], removed: [{ branch_id: 'b1', customer_id: 'c1' }] });
    expect(index.size).toBe(0);
    expect(index.removeBooking('k1')).toEqual({ updated: [], removed: [] });
  });

  it('moving the as-of date recomputes every pair', () => {
    const index = fixture();
    index.upsertBooking(visit('k1', 'c1', '2026-02-20'));
    index.upsertBooking(visit('k2', 'c2', '2026-03-05'));
    expect(index.get('b1', 'c2')?.status).toBe('new');
    const change = index.setAsOf(daysFromCivil(2026, 3, 5));
    expect(change.updated).toHaveLength(2);
    expect(index.get('b1', 'c1')).toMatchObject({ status: 'at_risk', days_since_last_visit: 13 });
    expect(index.get('b1', 'c2')).toMatchObject({ status: 'active', days_since_last_visit: 0 });
  });

  it('as of a past date a pair waits for its earliest evidence; a created_at change updates every pair of the customer', () => {
    const index = fixture();
    // b1 is Manila (+08): 16:00Z on 1 March is 00:00 on 2 March there, after the as-of date.
    let change = index.upsertCustomer({ id: 'c1', home_branch_id: 'b1', created_at: '2026-03-01T16:00:00Z' });
    expect(change).toEqual({ updated: [], removed: [] });
    expect(index.get('b1', 'c1')).toBeUndefined();
    index.upsertBooking(visit('k1', 'c1', '2026-03-05'));
    expect(index.get('b1', 'c1')).toBeUndefined();
    change = index.upsertCustomer({ id: 'c1', home_branch_id: 'b1', created_at: '2026-03-01T15:59:00Z' });
    expect(change.updated).toEqual([expect.objectContaining({ branch_id: 'b1', customer_id: 'c1', status: 'new' })]);
    // A booking on or before the date is evidence too, whatever created_at says (an import dated later).
    index.upsertBooking(visit('k2', 'c1', '2026-02-20', { branch_id: 'b2', start_at: '2026-02-20T10:00:00Z' }));
    change = index.upsertCustomer({ id: 'c1', home_branch_id: 'b1', created_at: '2026-03-20T00:00:00Z' });
    expect(change.removed).toEqual([{ branch_id: 'b1', customer_id: 'c1' }]);
    expect(change.updated).toEqual([expect.objectContaining({ branch_id: 'b2', customer_id: 'c1', status: 'active' })]);
    // Moving the date past the evidence brings the pair in.
    index.setAsOf(daysFromCivil(2026, 3, 20));
    expect(index.get('b1', 'c1')).toMatchObject({ status: 'at_risk', days_since_last_visit: 15 });
  });

  it('changing a branch threshold recomputes that branch only', () => {
    const index = fixture();
    index.upsertBooking(visit('k1', 'c1', '2026-02-10'));
    index.upsertBooking(visit('k2', 'c1', '2026-02-10', { branch_id: 'b2', start_at: '2026-02-10T10:00:00Z' }));
    expect(index.get('b1', 'c1')?.status).toBe('at_risk');
    const change = index.putBranch({ ...branch, active_days: 30, at_risk_days: 90 });
    expect(change.updated.map((a) => a.branch_id)).toEqual(['b1']);
    expect(index.get('b1', 'c1')?.status).toBe('active');
    expect(index.get('b2', 'c1')?.status).toBe('at_risk');
  });
});
