import type { BookingStatus } from '../domain/types';
import { dayOfWeek } from '../time/calendar';
import { CANCEL_RATE, MULTI_BRANCH_ELIGIBLE, NO_SHOW_PICK, NO_SHOW_RATES, type ArchetypeSpec } from './archetypes';
import type { BranchState } from './branch-state';
import { mix32, Weighted, type Sfc32 } from './prng';
import type { BookingSink } from './sink';
import { FUTURE_DAYS } from './types';
import type { DayTexts } from './zone-days';

/** Customers' preferred weekday (Sunday first): busy Fridays and Saturdays. */
const WEEKDAY_PICK = new Weighted([8, 8, 11, 13, 15, 20, 25]);

/**
 * Booking histories: visit cadences per archetype, laid out on branch-local days and times, with
 * no-shows, cancellations, today's bookings and the next two weeks' scheduled ones.
 */

export interface HistoryContext {
  states: readonly BranchState[];
  branchPick: Weighted;
  today: number;
  /** First day that may hold a booking. */
  firstDay: number;
  historyDays: number;
  nowMinute: number;
  dayTexts: DayTexts;
}

const VISIT = 0;
const NO_SHOW = 1;
const CANCELLED = 2;
const UPCOMING = 3;
type Kind = typeof VISIT | typeof NO_SHOW | typeof CANCELLED | typeof UPCOMING;

/**
 * Builds one customer's bookings at a time. One builder serves a whole pass: it owns the booking
 * counter and the diary of today's and future slots (no two bookings for one chair), and reuses
 * its scratch arrays, so memory does not grow with the number of customers.
 */
export class HistoryBuilder {
  /** Bookings numbered so far (ids are `bk-` + this counter). */
  bookingSeq = 0;
  /** Earliest booking of the last customer built (local day, minute, branch); day is +∞ when none. */
  firstDay = Number.POSITIVE_INFINITY;
  firstMinute = 0;
  firstBranch: BranchState;

  private readonly diary: Uint8Array[];
  private visitDay = new Int32Array(128);
  private visitBranch = new Int32Array(128);
  private visits = 0;
  private emitted = 0;
  private primary: BranchState;
  private second = -1;
  private third = -1;
  private secondShare = 0;
  private prefWeekday = 0;
  private prefTime = 0;
  private favServiceU = 0;
  private staffSalt = 0;
  private noShowRate = 0;
  private minCadence = 0;
  private k = 1;
  private upcoming = -1;

  constructor(
    private readonly ctx: HistoryContext,
    private readonly rng: Sfc32,
    private readonly sink: BookingSink,
  ) {
    this.diary = ctx.states.map((s) => new Uint8Array((FUTURE_DAYS + 1) * s.staffCount * s.slots));
    this.primary = ctx.states[0] as BranchState;
    this.firstBranch = this.primary;
  }

  /**
   * Sends one customer's bookings to the sink, oldest first, and returns how many there were.
   * `k` scales visit counts towards the booking target.
   */
  build(customerId: string, primary: BranchState, spec: ArchetypeSpec, k: number): number {
    const rng = this.rng;
    const archetype = spec.name;
    this.sink.startCustomer(customerId);
    this.primary = primary;
    this.k = k;
    this.emitted = 0;
    this.visits = 0;
    this.upcoming = -1;
    this.firstDay = Number.POSITIVE_INFINITY;
    this.firstMinute = 0;
    this.firstBranch = primary;

    // ~10% of all customers also visit a second branch (usually in the same city), ~2% a third.
    this.second = -1;
    this.third = -1;
    this.secondShare = 0;
    const states = this.ctx.states;
    const settled = archetype !== 'new' && archetype !== 'one_timer' && archetype !== 'newcomer';
    if (settled && states.length > 1 && rng.chance(0.1 / MULTI_BRANCH_ELIGIBLE)) {
      this.second = this.otherBranch(-1);
      if (states.length > 2 && rng.chance(0.2)) this.third = this.otherBranch(this.second);
      this.secondShare = 0.1 + 0.35 * rng.next();
    }

    // Habits: preferred weekday and time of day (skewed to evenings), favourite service and
    // staff, how often they miss appointments.
    this.prefWeekday = WEEKDAY_PICK.sample(rng);
    const u1 = rng.next();
    const u2 = rng.next();
    this.prefTime = rng.chance(0.55) ? (u1 > u2 ? u1 : u2) : u1 * 0.8 + 0.2 * u2;
    this.favServiceU = rng.next();
    this.staffSalt = rng.u32();
    this.noShowRate = NO_SHOW_RATES[NO_SHOW_PICK.sample(rng)] as number;
    this.minCadence = Math.max(6, primary.thresholds.activeDays * 0.5);

    this.plan(spec);
    this.placeOtherBranches();
    this.emitVisits();
    if (this.upcoming >= 0) this.emit(primary, this.upcoming, UPCOMING);
    return this.emitted;
  }

  // ------------------------------------------------------------------ visit plan

  /** Visit days (latest first) and at most one upcoming booking, by archetype. */
  private plan(spec: ArchetypeSpec): void {
    const rng = this.rng;
    const { activeDays: A, atRiskDays: R } = this.primary.thresholds;
    const T = this.ctx.today;
    const p = this.primary.index;
    switch (spec.name) {
      case 'regular': {
        // Every 2–5 weeks at a barbershop (scaled by the branch's thresholds): active or at risk.
        const c = A * (1.15 + 1.75 * rng.next());
        const last = T - Math.floor(rng.next() * c);
        this.addVisit(last, p);
        this.layBack(last, this.count(spec) - 1, c);
        this.maybeUpcoming(last, c, 0.7);
        break;
      }
      case 'occasional': {
        const c = A * (3.5 + 4.5 * rng.next());
        const last = T - Math.floor(rng.next() * c);
        this.addVisit(last, p);
        this.layBack(last, this.count(spec) - 1, c);
        this.maybeUpcoming(last, c, 0.35);
        break;
      }
      case 'one_timer':
        this.addVisit(T - rng.int(this.ctx.historyDays), p);
        break;
      case 'lapsing': {
        // A regular who stopped coming a little while ago: at risk today.
        const c = A * (1.15 + 1.05 * rng.next());
        const last = T - rng.range(A + 1, Math.max(A + 1, R));
        this.addVisit(last, p);
        this.layBack(last, this.count(spec) - 1, c);
        break;
      }
      case 'churned': {
        const c = A * (1.15 + 4.85 * rng.next());
        const last = T - rng.range(R + 1, Math.max(R + 1, Math.floor(this.ctx.historyDays * 0.75)));
        this.addVisit(last, p);
        this.layBack(last, this.count(spec) - 1, c);
        break;
      }
      case 'win_back': {
        // Stayed away longer than at_risk_days, then came back recently.
        const c = A * (1.15 + 1.85 * rng.next());
        const back = T - rng.range(0, A);
        this.addVisit(back, p);
        let beforeGap = back;
        if (rng.chance(0.25)) {
          // Came back twice: active again, the long gap further back in the history.
          beforeGap = back - rng.range(7, Math.max(8, Math.round(c)));
          this.addVisit(beforeGap, p);
        }
        const gap = rng.range(R + 4, Math.max(R + 4, Math.min(4 * R, Math.floor(this.ctx.historyDays / 3))));
        if (beforeGap - gap >= this.ctx.firstDay) {
          this.addVisit(beforeGap - gap, p);
          this.layBack(beforeGap - gap, this.count(spec) - 1, c);
        }
        this.maybeUpcoming(back, c, 0.4);
        break;
      }
      case 'newcomer': {
        // First visit in the last two months, coming back at a regular's pace since.
        const c = A * (1.15 + 1.75 * rng.next());
        const days: number[] = [];
        for (let d = T - rng.range(0, 60); d <= T && days.length < 4; d += this.jitter(c)) days.push(d);
        for (let v = days.length - 1; v >= 0; v -= 1) this.addVisit(days[v] as number, p);
        this.maybeUpcoming(days[days.length - 1] as number, c, 0.6);
        break;
      }
      case 'new':
        // Registered, not yet visited; many have a first booking coming up (some today).
        if (rng.chance(0.6)) this.upcoming = T + (rng.chance(0.25) ? 0 : rng.range(1, FUTURE_DAYS));
        break;
    }
  }

  /**
   * How many visits: uniform from `min` to twice the (scaled) mean, as for customers acquired at
   * a steady rate over the years: some started last month, the longest-standing are the VIPs.
   */
  private count(spec: ArchetypeSpec): number {
    return Math.max(spec.min, Math.round(this.k * spec.base * 2 * this.rng.next()));
  }

  private jitter(c: number): number {
    return Math.max(1, Math.round(c * (0.75 + 0.5 * this.rng.next())));
  }

  private addVisit(day: number, branch: number): void {
    if (this.visits === this.visitDay.length) {
      const days = new Int32Array(this.visits * 2);
      days.set(this.visitDay);
      this.visitDay = days;
      const branches = new Int32Array(this.visits * 2);
      branches.set(this.visitBranch);
      this.visitBranch = branches;
    }
    this.visitDay[this.visits] = day;
    this.visitBranch[this.visits] = branch;
    this.visits += 1;
  }

  /**
   * `count` visits before `from`, every ~c days, often moved to the preferred weekday. A history
   * too long for the data set's span comes more often instead (down to about weekly), so heavy
   * booking targets stay reachable.
   */
  private layBack(from: number, count: number, cadence: number): void {
    const rng = this.rng;
    const room = (from - this.ctx.firstDay) / (count + 0.5);
    const c = count > 0 && room < cadence ? Math.max(this.minCadence, room) : cadence;
    let prev = from;
    for (let j = 0; j < count; j += 1) {
      let d = prev - this.jitter(c);
      if (rng.chance(0.55)) {
        const delta = ((((this.prefWeekday - dayOfWeek(d)) % 7) + 10) % 7) - 3;
        if (d + delta < prev - 1) d += delta;
      }
      if (d < this.ctx.firstDay) return;
      this.addVisit(d, -1);
      prev = d;
    }
  }

  /** The next visit after `last`, booked ahead with probability p when it falls in the next two weeks. */
  private maybeUpcoming(last: number, c: number, p: number): void {
    const d = last + this.jitter(c);
    const T = this.ctx.today;
    if (d >= T && d <= T + FUTURE_DAYS && this.rng.chance(p)) this.upcoming = d;
  }

  private otherBranch(taken: number): number {
    const rng = this.rng;
    const nearby = this.primary.siblings.filter((s) => s !== taken);
    if (nearby.length > 0 && rng.chance(0.7)) return rng.pick(nearby);
    for (;;) {
      const candidate = this.ctx.branchPick.sample(rng);
      if (candidate !== this.primary.index && candidate !== taken) return candidate;
    }
  }

  /** A customer with a second (third) branch has at least one visit there. */
  private placeOtherBranches(): void {
    for (const branch of [this.second, this.third]) {
      if (branch < 0) continue;
      let free = 0;
      for (let v = 0; v < this.visits; v += 1) if ((this.visitBranch[v] as number) < 0) free += 1;
      if (free === 0) return;
      let pick = this.rng.int(free);
      for (let v = 0; v < this.visits; v += 1) {
        if ((this.visitBranch[v] as number) >= 0) continue;
        if (pick === 0) {
          this.visitBranch[v] = branch;
          break;
        }
        pick -= 1;
      }
    }
  }

  // ------------------------------------------------------------------ bookings

  private emitVisits(): void {
    const rng = this.rng;
    const states = this.ctx.states;
    let prevDay = this.ctx.firstDay - 1;
    for (let v = this.visits - 1; v >= 0; v -= 1) {
      const day = this.visitDay[v] as number;
      const fixed = this.visitBranch[v] as number;
      let state = this.primary;
      if (fixed >= 0) state = states[fixed] as BranchState;
      else if (this.second >= 0 && rng.chance(this.secondShare)) {
        state = states[this.third >= 0 && rng.chance(0.35) ? this.third : this.second] as BranchState;
      }
      // A missed or cancelled appointment shortly before the visit that did happen.
      const noShowDay = rng.chance(this.noShowRate) ? day - rng.range(1, 6) : prevDay;
      const cancelDay = rng.chance(CANCEL_RATE) ? day - rng.range(1, 10) : prevDay;
      if (cancelDay > prevDay && cancelDay <= noShowDay) this.emit(state, cancelDay, CANCELLED);
      if (noShowDay > prevDay) this.emit(state, noShowDay, NO_SHOW);
      if (cancelDay > prevDay && cancelDay > noShowDay) this.emit(state, cancelDay, CANCELLED);
      this.emit(state, day, VISIT);
      prevDay = day;
    }
  }

  private emit(state: BranchState, day: number, kind: Kind): void {
    const zone = state.zone;
    if (!zone.isUsable(day)) return;
    const rng = this.rng;
    const T = this.ctx.today;
    const staffCount = state.staffCount;
    let staff = rng.chance(0.75) ? mix32(this.staffSalt ^ state.index) % staffCount : rng.int(staffCount);
    const service = rng.chance(0.7) ? state.serviceWeights.at(this.favServiceU) : state.serviceWeights.sample(rng);
    let slot = Math.round(this.prefTime * (state.slots - 1)) + (rng.chance(0.6) ? rng.range(-3, 3) : 0);
    if (slot < 0) slot = 0;
    else if (slot >= state.slots) slot = state.slots - 1;
    const item = state.branch.services[service] as (typeof state.branch.services)[number];
    if (day >= T) {
      const cell = this.reserve(state, day, staff, slot, Math.ceil(item.duration_min / 15));
      staff = Math.floor(cell / state.slots);
      slot = cell % state.slots;
    }
    const minute = state.branch.opens_at + slot * 15;
    let price = item.price;
    let status: BookingStatus;
    if (kind === NO_SHOW) status = 'no_show';
    else if (kind === CANCELLED) status = 'cancelled';
    else if (day > T) status = rng.chance(0.92) ? 'scheduled' : 'cancelled';
    else if (day === T) status = this.todayStatus(minute, item.duration_min);
    else status = 'completed';
    if (status === 'completed') {
      // Occasional loyalty discounts and freebies; tips on some visits.
      const p = rng.next();
      if (p < 0.04) price = (price * 9) / 10;
      else if (p < 0.06) price = (price * 8) / 10;
      else if (p < 0.065) price = 0;
      else if (p < 0.2) price += 50 * rng.range(2, 12);
    }
    this.bookingSeq += 1;
    this.emitted += 1;
    this.sink.booking(this.bookingSeq, state, day, minute, staff, service, status, price);
    if (day < this.firstDay || (day === this.firstDay && minute < this.firstMinute)) {
      this.firstDay = day;
      this.firstMinute = minute;
      this.firstBranch = state;
    }
  }

  /** Status of a booking today relative to "now": done, in the chair, or still to come. */
  private todayStatus(minute: number, duration: number): BookingStatus {
    const rng = this.rng;
    const now = this.ctx.nowMinute;
    if (minute + duration <= now) {
      const p = rng.next();
      return p < 0.88 ? 'completed' : p < 0.94 ? 'no_show' : 'cancelled';
    }
    if (minute <= now) return 'checked_in';
    if (minute - now <= 30 && rng.chance(0.5)) return 'checked_in';
    return rng.chance(0.93) ? 'scheduled' : 'cancelled';
  }

  /**
   * A free chair from today on: `span` consecutive 15-minute slots of one staff member (the
   * service's length), as near the wished start and staff as possible; returns
   * `staff * slots + slot`. When the day is full the wish is kept (a double booking).
   */
  private reserve(state: BranchState, day: number, staff: number, slot: number, span: number): number {
    const diary = this.diary[state.index] as Uint8Array;
    const slots = state.slots;
    const base = (day - this.ctx.today) * state.staffCount * slots;
    for (let shift = 0; shift <= 12; shift += 1) {
      const s = slot + (shift % 2 === 0 ? shift / 2 : -(shift + 1) / 2);
      if (s < 0 || s >= slots) continue;
      const end = Math.min(slots, s + span);
      for (let t = 0; t < state.staffCount; t += 1) {
        const st = (staff + t) % state.staffCount;
        const row = base + st * slots;
        let free = true;
        for (let x = s; x < end && free; x += 1) free = diary[row + x] === 0;
        if (free) {
          for (let x = s; x < end; x += 1) diary[row + x] = 1;
          return st * slots + s;
        }
      }
    }
    return staff * slots + slot;
  }
}
