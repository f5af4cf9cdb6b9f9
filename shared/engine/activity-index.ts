import type { Booking, Branch } from '../domain/types';
import { branchThresholds, DEFAULT_RULES, type RuleSettings } from '../domain/settings';
import { parseInstant } from '../time/instant';
import { zoneClock } from '../time/zone';
import { compareCodePoints } from '../util/compare';
import { computePairActivity, pairExists, type BookingFact, type PairActivity } from './activity';
import { activityFromVisits, pairVisits, type PairVisits } from './pair-visits';

/** Pair key: branch, then customer, separated by a character that cannot occur in an id (for callers keying pairs in one Map). */
export function pairKey(branchId: string, customerId: string): string {
  return `${branchId}\u0000${customerId}`;
}

interface PairState {
  branchId: string;
  customerId: string;
  /** The branch is the customer's home branch (the pair exists without bookings). */
  home: boolean;
  /** The pair's bookings, unordered (pairs are small: a linear scan beats a Map per pair). */
  bookings: BookingFact[];
  /** Stored visit facts standing in for the bookings until they are read (see `seedVisits`). */
  seed: PairVisits | undefined;
  activity: PairActivity | null;
}

/** Where a booking was before a change, when the caller knows it (`null`: it is new). */
export type PreviousPair = { branch_id: string; customer_id: string } | null;

export interface CustomerLink {
  id: string;
  home_branch_id: string;
  /**
   * When the customer was created (ISO instant). As of a past date a pair exists only once its
   * earliest evidence (this, as a branch-local date, or a booking at the branch) is on or before
   * that date (docs/DESIGN.md §2). Empty or absent: no known creation date, so the customer's
   * pairs are not held back on any date (as before the rule; a future booking still makes a pair).
   */
  created_at?: string;
}

/** A pair as the trend engine reads it: its bookings (unordered) and its creation evidence. */
export interface PairHistory {
  readonly branchId: string;
  readonly customerId: string;
  readonly bookings: readonly BookingFact[];
  /** The branch-local day from which the pair exists (earliest evidence); -Infinity when undated. */
  readonly since: number;
}

export interface ActivityChange {
  /** Pairs whose activity was (re)computed, with their new activity. */
  updated: PairActivity[];
  /** Pairs that no longer exist (`branch_id`, `customer_id`). */
  removed: { branch_id: string; customer_id: string }[];
}

/** A branch's rules: its own thresholds where it sets them, the business-wide ones and tiers otherwise. */
export function branchRules(branch: Branch, base: RuleSettings): RuleSettings {
  return { thresholds: branchThresholds(branch, base.thresholds), tiers: base.tiers };
}

/** Epoch ms of a customer's created_at; undefined when it has none (or none that parses). */
export function createdMs(customer: CustomerLink): number | undefined {
  if (customer.created_at === undefined || customer.created_at === '') return undefined;
  return parseInstant(customer.created_at) ?? undefined;
}

/**
 * The branch-local day from which a pair exists (docs/DESIGN.md §2): the earliest of the
 * customer's created_at, as a local day of the branch (`timeZone`), and the pair's bookings of
 * any status and date (`earliestBookingDay`, null without). A customer without created_at, or a
 * branch not known, is not dated at all (-Infinity): nothing says when they started, so the pair
 * is not held back on any date.
 */
export function pairSince(created: number | undefined, timeZone: string | undefined, earliestBookingDay: number | null): number {
  if (created === undefined || timeZone === undefined) return Number.NEGATIVE_INFINITY;
  const since = zoneClock(timeZone).localDay(created);
  return earliestBookingDay === null ? since : Math.min(since, earliestBookingDay);
}

/** Turns a booking into the fact the rules read, resolving its branch-local day. */
export function bookingFact(booking: Booking, timeZone: string): BookingFact {
  const ms = parseInstant(booking.start_at);
  if (ms === null) throw new RangeError(`booking ${booking.id}: start_at "${booking.start_at}" is not an ISO 8601 instant`);
  return {
    id: booking.id,
    customer_id: booking.customer_id,
    branch_id: booking.branch_id,
    service: booking.service,
    staff: booking.staff,
    status: booking.status,
    price: booking.price,
    ms,
    day: zoneClock(timeZone).localDay(ms),
  };
}

/**
 * Activity of every (customer, branch) pair, kept current under changes. A booking change
 * recomputes only its pair; a new as-of date or new thresholds recompute everything (or one
 * branch). The same class serves the CLI (one full pass), the renderer's replica and the server.
 *
 * Layout, chosen by measurement: pairs in a Map per branch (no per-booking key strings), each
 * pair's bookings in a plain array. The booking → pair map that moves need is built lazily, only
 * when a change arrives without the caller saying where the booking was before.
 */
export class ActivityIndex {
  private readonly pairsByBranch = new Map<string, Map<string, PairState>>();
  private pairCount = 0;
  private bookingPair: Map<string, PairState> | null = null;
  private readonly customerHome = new Map<string, string>();
  /** Epoch ms of each customer's created_at, for customers that have one. */
  private readonly customerCreated = new Map<string, number>();
  private readonly branches = new Map<string, Branch>();
  private readonly rules = new Map<string, RuleSettings>();
  private asOfDay: number;
  private baseRules: RuleSettings;

  constructor(asOfDay: number, baseRules: RuleSettings = DEFAULT_RULES) {
    this.asOfDay = asOfDay;
    this.baseRules = baseRules;
  }

  get asOf(): number {
    return this.asOfDay;
  }

  get size(): number {
    return this.pairCount;
  }

  branch(id: string): Branch | undefined {
    return this.branches.get(id);
  }

  rulesFor(branchId: string): RuleSettings {
    return this.rules.get(branchId) ?? this.baseRules;
  }

  // ---------------------------------------------------------------- loading (no recompute)

  /** Registers or updates a branch; returns the change when its zone or thresholds moved. */
  putBranch(branch: Branch): ActivityChange {
    const before = this.branches.get(branch.id);
    this.branches.set(branch.id, branch);
    this.rules.set(branch.id, branchRules(branch, this.baseRules));
    if (before === undefined) return emptyChange();
    if (before.timezone !== branch.timezone) {
      const clock = zoneClock(branch.timezone);
      for (const state of this.pairsByBranch.get(branch.id)?.values() ?? []) {
        state.bookings = state.bookings.map((fact) => ({ ...fact, day: clock.localDay(fact.ms) }));
      }
      this.bookingPair = null;
    }
    if (
      before.timezone !== branch.timezone ||
      before.active_days !== branch.active_days ||
      before.at_risk_days !== branch.at_risk_days
    ) {
      return this.recomputeBranches([branch.id]);
    }
    return emptyChange();
  }

  /** Sets the business-wide defaults (thresholds a branch does not override, tier boundaries). */
  setBaseRules(rules: RuleSettings): ActivityChange {
    this.baseRules = rules;
    for (const branch of this.branches.values()) {
      this.rules.set(branch.id, branchRules(branch, rules));
    }
    return this.recomputeAll();
  }

  /**
   * Adds many bookings without computing anything; call `recomputeAll` afterwards.
   * Each booking id must be new to the index (a bulk load, not an update).
   */
  loadFacts(facts: Iterable<BookingFact>): void {
    this.bookingPair = null;
    // Bookings usually come grouped by customer (CSV exports, the generator, a pull page):
    // consecutive facts of the same pair skip the two Map lookups.
    let last: PairState | undefined;
    for (const fact of facts) {
      if (last === undefined || last.customerId !== fact.customer_id || last.branchId !== fact.branch_id) {
        last = this.stateFor(fact.branch_id, fact.customer_id);
      }
      last.bookings.push(fact);
    }
  }

  /**
   * Stored visit facts of pairs whose bookings are not loaded (a desk starting up shows every
   * status from these before reading its bookings); call `recomputeAll` afterwards. A pair's
   * seed counts only while the index holds none of its bookings: an index is either seeded or
   * loaded with facts, and the desk replaces a seeded index once the bookings are read.
   */
  seedVisits(rows: Iterable<PairVisits>): void {
    for (const row of rows) this.stateFor(row.branch_id, row.customer_id).seed = row;
  }

  /** Sets home branches without computing anything; call `recomputeAll` afterwards. */
  loadCustomers(customers: Iterable<CustomerLink>): void {
    for (const c of customers) this.placeHome(c);
  }

  // ---------------------------------------------------------------- incremental changes

  /** Adds or changes one booking; recomputes only the affected pair(s). */
  upsertBooking(booking: Booking, previous?: PreviousPair): ActivityChange {
    const branch = this.branches.get(booking.branch_id);
    if (branch === undefined) throw new RangeError(`booking ${booking.id}: unknown branch "${booking.branch_id}"`);
    return this.upsertFact(bookingFact(booking, branch.timezone), previous);
  }

  /**
   * Adds or changes one booking fact. `previous` says where the booking was (`null`: it is new);
   * without it the index finds out itself.
   */
  upsertFact(fact: BookingFact, previous?: PreviousPair): ActivityChange {
    const target = this.stateFor(fact.branch_id, fact.customer_id);
    const old = this.locate(fact.id, target, previous);
    if (old !== undefined) removeFrom(old, fact.id);
    target.bookings.push(fact);
    this.bookingPair?.set(fact.id, target);
    return this.recompute(old === undefined || old === target ? [target] : [target, old]);
  }

  /** Removes one booking; `previous` says where it was, when known. */
  removeBooking(bookingId: string, previous?: PreviousPair): ActivityChange {
    const old = this.locate(bookingId, undefined, previous);
    if (old === undefined) return emptyChange();
    removeFrom(old, bookingId);
    this.bookingPair?.delete(bookingId);
    return this.recompute([old]);
  }

  /** Adds or changes a customer's home branch; recomputes the pairs that appear or vanish. */
  upsertCustomer(customer: CustomerLink): ActivityChange {
    const previousHome = this.customerHome.get(customer.id) ?? '';
    const createdBefore = this.customerCreated.get(customer.id);
    this.placeHome(customer);
    if (this.customerCreated.get(customer.id) !== createdBefore) {
      // The creation date bounds the customer's pairs at every branch (as of a past date).
      return this.recompute(this.pairsOfCustomer(customer.id));
    }
    const touched: PairState[] = [];
    const before = previousHome === '' ? undefined : this.find(previousHome, customer.id);
    if (before !== undefined) touched.push(before);
    if (customer.home_branch_id !== '' && customer.home_branch_id !== previousHome) {
      const after = this.find(customer.home_branch_id, customer.id);
      if (after !== undefined) touched.push(after);
    }
    return this.recompute(touched);
  }

  /** Forgets a customer's home branch (their bookings must be removed separately). */
  removeCustomer(customerId: string): ActivityChange {
    const home = this.customerHome.get(customerId) ?? '';
    this.customerHome.delete(customerId);
    this.customerCreated.delete(customerId);
    if (home === '') return emptyChange();
    const state = this.find(home, customerId);
    if (state === undefined) return emptyChange();
    state.home = false;
    return this.recompute([state]);
  }

  /** Moves the as-of date (start-up, local midnight) and recomputes every pair. */
  setAsOf(asOfDay: number): ActivityChange {
    this.asOfDay = asOfDay;
    return this.recomputeAll();
  }

  recomputeAll(): ActivityChange {
    return this.recomputeBranches(this.pairsByBranch.keys());
  }

  // ---------------------------------------------------------------- reading

  get(branchId: string, customerId: string): PairActivity | undefined {
    return this.find(branchId, customerId)?.activity ?? undefined;
  }

  /** Every pair's activity, unordered. */
  *activities(): IterableIterator<PairActivity> {
    for (const pairs of this.pairsByBranch.values()) {
      for (const state of pairs.values()) if (state.activity !== null) yield state.activity;
    }
  }

  /** Every pair's activity sorted by branch_id then customer_id in byte order. */
  sorted(): PairActivity[] {
    const all = [...this.activities()];
    all.sort((a, b) => compareCodePoints(a.branch_id, b.branch_id) || compareCodePoints(a.customer_id, b.customer_id));
    return all;
  }

  /** A customer's activity at every branch where the pair exists. */
  forCustomer(customerId: string): PairActivity[] {
    const out: PairActivity[] = [];
    for (const pairs of this.pairsByBranch.values()) {
      const a = pairs.get(customerId)?.activity;
      if (a) out.push(a);
    }
    return out;
  }

  /** Every pair with its bookings and the day it starts to exist, unordered (for the trend engine). */
  *histories(): IterableIterator<PairHistory> {
    for (const pairs of this.pairsByBranch.values()) {
      for (const state of pairs.values()) {
        if (!pairExists(state.bookings.length, state.home)) continue;
        yield { branchId: state.branchId, customerId: state.customerId, bookings: state.bookings, since: this.since(state) };
      }
    }
  }

  /** A pair's visit facts (date-independent; see `pair-visits.ts`), if the pair exists. */
  visitsOf(branchId: string, customerId: string): PairVisits | undefined {
    const state = this.find(branchId, customerId);
    if (state === undefined) return undefined;
    if (state.bookings.length === 0 && state.seed !== undefined) return state.seed;
    return pairVisits(customerId, branchId, state.bookings, this.rulesFor(branchId));
  }

  /** Every pair's visit facts, unordered (one pass over the bookings). */
  *visits(): IterableIterator<PairVisits> {
    for (const [branchId, pairs] of this.pairsByBranch) {
      const rules = this.rulesFor(branchId);
      for (const state of pairs.values()) {
        if (state.bookings.length === 0 && state.seed !== undefined) yield state.seed;
        else if (pairExists(state.bookings.length, state.home)) yield pairVisits(state.customerId, branchId, state.bookings, rules);
      }
    }
  }

  /** A pair's bookings (facts) in visit order. */
  bookingsOf(branchId: string, customerId: string): BookingFact[] {
    const state = this.find(branchId, customerId);
    if (state === undefined) return [];
    return [...state.bookings].sort((a, b) => a.ms - b.ms || compareCodePoints(a.id, b.id));
  }

  // ---------------------------------------------------------------- internals

  private find(branchId: string, customerId: string): PairState | undefined {
    return this.pairsByBranch.get(branchId)?.get(customerId);
  }

  private stateFor(branchId: string, customerId: string): PairState {
    let pairs = this.pairsByBranch.get(branchId);
    if (pairs === undefined) {
      pairs = new Map();
      this.pairsByBranch.set(branchId, pairs);
    }
    let state = pairs.get(customerId);
    if (state === undefined) {
      state = { branchId, customerId, home: false, bookings: [], seed: undefined, activity: null };
      pairs.set(customerId, state);
      this.pairCount += 1;
    }
    return state;
  }

  /** The pair currently holding a booking, if any. */
  private locate(bookingId: string, likely: PairState | undefined, previous: PreviousPair | undefined): PairState | undefined {
    if (previous === null) return undefined;
    if (previous !== undefined) {
      const state = this.find(previous.branch_id, previous.customer_id);
      if (state !== undefined && state.bookings.some((b) => b.id === bookingId)) return state;
    }
    if (likely !== undefined && likely.bookings.some((b) => b.id === bookingId)) return likely;
    return this.bookingIndex().get(bookingId);
  }

  private bookingIndex(): Map<string, PairState> {
    if (this.bookingPair === null) {
      const index = new Map<string, PairState>();
      for (const pairs of this.pairsByBranch.values()) {
        for (const state of pairs.values()) for (const b of state.bookings) index.set(b.id, state);
      }
      this.bookingPair = index;
    }
    return this.bookingPair;
  }

  private pairsOfCustomer(customerId: string): PairState[] {
    const out: PairState[] = [];
    for (const pairs of this.pairsByBranch.values()) {
      const state = pairs.get(customerId);
      if (state !== undefined) out.push(state);
    }
    return out;
  }

  /** The branch-local day from which a pair exists (`pairSince`, from its seed or its bookings). */
  private since(state: PairState): number {
    const created = this.customerCreated.get(state.customerId);
    const branch = this.branches.get(state.branchId);
    if (created === undefined || branch === undefined) return Number.NEGATIVE_INFINITY;
    if (state.bookings.length === 0 && state.seed !== undefined) return pairSince(created, branch.timezone, state.seed.earliest_day);
    let earliest: number | null = null;
    for (const b of state.bookings) if (earliest === null || b.day < earliest) earliest = b.day;
    return pairSince(created, branch.timezone, earliest);
  }

  private placeHome(customer: CustomerLink): void {
    const created = createdMs(customer);
    if (created === undefined) this.customerCreated.delete(customer.id);
    else this.customerCreated.set(customer.id, created);
    const previous = this.customerHome.get(customer.id) ?? '';
    if (previous !== '' && previous !== customer.home_branch_id) {
      const old = this.find(previous, customer.id);
      if (old !== undefined) old.home = false;
    }
    this.customerHome.set(customer.id, customer.home_branch_id);
    if (customer.home_branch_id !== '') this.stateFor(customer.home_branch_id, customer.id).home = true;
  }

  /** `null` only for a seeded pair whose visit facts cannot answer for the as-of date (a counted booking after it). */
  private compute(state: PairState): PairActivity | null {
    const rules = this.rulesFor(state.branchId);
    if (state.bookings.length === 0 && state.seed !== undefined) return activityFromVisits(state.seed, this.asOfDay, rules);
    return computePairActivity(state.customerId, state.branchId, state.bookings, this.asOfDay, rules);
  }

  /** Recomputes the given pairs; pairs left without bookings and home branch are dropped. */
  private recompute(states: Iterable<PairState>): ActivityChange {
    const change = emptyChange();
    for (const state of states) this.refresh(state, change);
    return change;
  }

  private recomputeBranches(branchIds: Iterable<string>): ActivityChange {
    const change = emptyChange();
    for (const branchId of [...branchIds]) {
      for (const state of [...(this.pairsByBranch.get(branchId)?.values() ?? [])]) this.refresh(state, change);
    }
    return change;
  }

  private refresh(state: PairState, change: ActivityChange): void {
    if (!pairExists(state.bookings.length, state.home) && state.seed === undefined) {
      const pairs = this.pairsByBranch.get(state.branchId);
      if (pairs?.get(state.customerId) === state) {
        pairs.delete(state.customerId);
        this.pairCount -= 1;
        change.removed.push({ branch_id: state.branchId, customer_id: state.customerId });
      }
      return;
    }
    if (this.since(state) > this.asOfDay) {
      // As of a past date the pair does not exist yet (docs/DESIGN.md §2).
      if (state.activity !== null) {
        state.activity = null;
        change.removed.push({ branch_id: state.branchId, customer_id: state.customerId });
      }
      return;
    }
    const before = state.activity;
    state.activity = this.compute(state);
    if (state.activity !== null) change.updated.push(state.activity);
    else if (before !== null) change.removed.push({ branch_id: state.branchId, customer_id: state.customerId });
  }
}

function removeFrom(state: PairState, bookingId: string): void {
  const i = state.bookings.findIndex((b) => b.id === bookingId);
  if (i !== -1) state.bookings.splice(i, 1);
}

function emptyChange(): ActivityChange {
  return { updated: [], removed: [] };
}
