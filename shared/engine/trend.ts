import type { Thresholds } from '../domain/settings';
import { formatDay } from '../time/calendar';
import { compareCodePoints } from '../util/compare';
import type { BookingFact } from './activity';
import type { PairHistory } from './activity-index';
import { divideHalfUp } from '../money';
import type { BranchMetrics } from './metrics';

/**
 * Branch metrics for every day of a range in one pass over the history (docs/DESIGN.md §2).
 *
 * A pair's status as of D is a step function of D that changes only on known days: the day it
 * starts to exist, each visit day, and the threshold crossings after each visit (active_days + 1,
 * at_risk_days + 1 days later). So a pair is a handful of intervals, and every figure of
 * "Branch metrics" is a sum over pairs of such interval contributions. Each interval is added to
 * difference arrays over the range (two writes); one prefix sum per branch then yields every
 * day. Cost: O(bookings + pairs + branches × days), never pairs × days.
 */

/** Counters per day, as difference arrays over the range (index 0 = `from`). */
const F_CUSTOMERS = 0;
const F_NEW = 1;
const F_ACTIVE = 2;
const F_WIN_BACK = 3;
const F_AT_RISK = 4;
const F_CHURNED = 5;
const F_NEW_30D = 6;
const F_WITH_VISITS = 7;
const F_SPENT = 8;
const F_VISITS = 9;
const FIELDS = 10;

/** Days a first visit keeps counting in `new_customers_30d` (D−29..D). */
const NEW_WINDOW_DAYS = 30;

export interface TrendDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Every branch (ids as given), including branches without pairs (zeros). */
  branches: Map<string, BranchMetrics>;
  all: BranchMetrics;
}

export interface TrendInput {
  /** Every branch id, so a branch without pairs still reports zeros. */
  branchIds: Iterable<string>;
  /** Every pair's history (ActivityIndex.histories()). */
  histories: Iterable<PairHistory>;
  /** The effective thresholds of a branch. */
  thresholdsOf: (branchId: string) => Thresholds;
}

/** Per-branch difference arrays. */
class BranchDiff {
  /** FIELDS interleaved per day: cell (day, field) at day * FIELDS + field; length (days + 1) * FIELDS. */
  readonly cells: Float64Array;
  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    this.cells = new Float64Array((to - from + 2) * FIELDS);
  }

  /** Adds `value` to `field` on every day of [a, b] ∩ [from, to]. */
  add(field: number, a: number, b: number, value: number): void {
    const lo = a < this.from ? this.from : a;
    const hi = b > this.to ? this.to : b;
    if (lo > hi) return;
    const start = (lo - this.from) * FIELDS + field;
    const end = (hi - this.from + 1) * FIELDS + field;
    this.cells[start] = (this.cells[start] as number) + value;
    this.cells[end] = (this.cells[end] as number) - value;
  }
}

/** Day totals of one pair's completed visits dated on or before `to`, in day order. */
interface VisitDay {
  day: number;
  count: number;
  cents: number;
}

function visitDays(bookings: readonly BookingFact[], to: number, into: VisitDay[]): VisitDay[] {
  into.length = 0;
  for (const b of bookings) {
    if (b.status !== 'completed' || b.day > to) continue;
    into.push({ day: b.day, count: 1, cents: b.price });
  }
  if (into.length < 2) return into;
  into.sort((x, y) => x.day - y.day);
  let w = 0;
  for (let r = 1; r < into.length; r += 1) {
    const cur = into[r] as VisitDay;
    const kept = into[w] as VisitDay;
    if (cur.day === kept.day) {
      kept.count += cur.count;
      kept.cents += cur.cents;
    } else {
      w += 1;
      into[w] = cur;
    }
  }
  into.length = w + 1;
  return into;
}

/** Receives one interval contribution: `value` added to `field` on every day of [a, b] (b may be +Infinity). */
export type IntervalSink = (field: number, a: number, b: number, value: number) => void;

/**
 * One pair's contributions as intervals: the pair exists from `since`; `days` are its visit days
 * (visitDays). Every interval ends at `end` at the latest (+Infinity = open-ended).
 */
function pairIntervals(since: number, days: readonly VisitDay[], t: Thresholds, end: number, add: IntervalSink): void {
  if (since > end) return;
  add(F_CUSTOMERS, since, end, 1);
  const first = days[0];
  if (first === undefined) {
    add(F_NEW, since, end, 1);
    return;
  }
  add(F_NEW, since, first.day - 1, 1);
  add(F_WITH_VISITS, first.day, end, 1);
  add(F_NEW_30D, first.day, first.day + NEW_WINDOW_DAYS - 1, 1);
  for (let i = 0; i < days.length; i += 1) {
    const v = days[i] as VisitDay;
    add(F_SPENT, v.day, end, v.cents);
    add(F_VISITS, v.day, end, v.count);
    // Status from this visit day until the day before the next visit day.
    const until = i + 1 < days.length ? (days[i + 1] as VisitDay).day - 1 : end;
    // The last two visits: two on this day → gap 0; otherwise this day and the previous visit day.
    const previous = i > 0 ? (days[i - 1] as VisitDay) : undefined;
    const winBack = v.count < 2 && previous !== undefined && v.day - previous.day > t.atRiskDays;
    const activeEnd = Math.min(until, v.day + t.activeDays);
    add(winBack ? F_WIN_BACK : F_ACTIVE, v.day, activeEnd, 1);
    const riskEnd = Math.min(until, v.day + t.atRiskDays);
    add(F_AT_RISK, v.day + t.activeDays + 1, riskEnd, 1);
    add(F_CHURNED, v.day + t.atRiskDays + 1, until, 1);
  }
}

/** Adds one pair's contributions over [from, to]. */
function addPair(diff: BranchDiff, since: number, days: readonly VisitDay[], t: Thresholds): void {
  pairIntervals(since, days, t, diff.to, (field, a, b, value) => diff.add(field, a, b, value));
}

/** Counters per day, in this order: the columns of a stored delta row (see pairDeltas). */
export const TREND_FIELDS = FIELDS;

/**
 * The first day a stored delta may name: a pair without a dated start (a customer without
 * created_at) exists "always", which a store writes as existing from this day.
 */
export const ORIGIN_DAY = -1_000_000;

/** One pair's change to a branch's counters from `day` on: `values[f]` is added to field f. */
export interface DayDelta {
  day: number;
  values: number[];
}

/**
 * One pair's contributions as absolute difference entries, merged per day and sorted: the value
 * of every counter as of D is the sum of the entries dated on or before D (over every pair of the
 * branch). Independent of any range, so a store can keep them and move them when a pair changes.
 */
export function pairDeltas(since: number, bookings: readonly BookingFact[], t: Thresholds): DayDelta[] {
  const days = visitDays(bookings, Number.POSITIVE_INFINITY, []);
  const byDay = new Map<number, number[]>();
  const put = (day: number, field: number, value: number) => {
    let row = byDay.get(day);
    if (row === undefined) byDay.set(day, (row = new Array<number>(FIELDS).fill(0)));
    row[field] = (row[field] as number) + value;
  };
  pairIntervals(Math.max(since, ORIGIN_DAY), days, t, Number.POSITIVE_INFINITY, (field, a, b, value) => {
    if (a > b) return;
    put(a, field, value);
    if (Number.isFinite(b)) put(b + 1, field, -value);
  });
  const out: DayDelta[] = [];
  for (const day of [...byDay.keys()].sort((x, y) => x - y)) {
    const values = byDay.get(day) as number[];
    if (values.some((v) => v !== 0)) out.push({ day, values });
  }
  return out;
}

/** Stored deltas of a branch for trendFromDeltas: their sum dated before `from`, then each day's. */
export interface BranchDeltas {
  branchId: string;
  /** Sum of every entry dated before the range (length TREND_FIELDS). */
  before: readonly number[];
  /** Entries dated inside the range, any order. */
  days: readonly DayDelta[];
}

/**
 * Every day of [fromDay, toDay] from stored deltas (pairDeltas summed per branch and day): equal
 * to computeTrend over the same histories. Branches in id order; throws like computeTrend.
 */
export function trendFromDeltas(branches: readonly BranchDeltas[], fromDay: number, toDay: number): TrendDay[] {
  checkRange(fromDay, toDay);
  const ids = branches.map((b) => b.branchId).sort(compareCodePoints);
  const diffs = new Map<string, BranchDiff>();
  const running = new Map<string, Float64Array>();
  for (const b of branches) {
    const diff = new BranchDiff(fromDay, toDay);
    for (const d of b.days) {
      if (d.day < fromDay || d.day > toDay) continue;
      const offset = (d.day - fromDay) * FIELDS;
      for (let f = 0; f < FIELDS; f += 1) diff.cells[offset + f] = (diff.cells[offset + f] as number) + (d.values[f] ?? 0);
    }
    diffs.set(b.branchId, diff);
    running.set(b.branchId, Float64Array.from({ length: FIELDS }, (_, f) => b.before[f] ?? 0));
  }
  return sumDays(ids, diffs, running, fromDay, toDay);
}

function checkRange(fromDay: number, toDay: number): void {
  if (!Number.isInteger(fromDay) || !Number.isInteger(toDay)) throw new RangeError('trend: from and to must be day numbers');
  if (fromDay > toDay) throw new RangeError(`trend: from ${formatDay(fromDay)} is after to ${formatDay(toDay)}`);
}

/** finishMetrics of the counters in `c`: the same figures (property-tested against computeMetrics), without an accumulator per day. */
function metricsOfCells(c: Float64Array): BranchMetrics {
  const withVisits = c[F_WITH_VISITS] as number;
  return {
    customers: c[F_CUSTOMERS] as number,
    new: c[F_NEW] as number,
    active: c[F_ACTIVE] as number,
    win_back: c[F_WIN_BACK] as number,
    at_risk: c[F_AT_RISK] as number,
    churned: c[F_CHURNED] as number,
    new_customers_30d: c[F_NEW_30D] as number,
    churn_rate: divideHalfUp(c[F_CHURNED] as number, withVisits, 4),
    avg_clv: divideHalfUp(c[F_SPENT] as number, withVisits, 0) / 100,
    avg_visits: divideHalfUp(c[F_VISITS] as number, withVisits, 2),
  };
}

function sumDays(ids: readonly string[], diffs: Map<string, BranchDiff>, running: Map<string, Float64Array>, fromDay: number, toDay: number): TrendDay[] {
  const out: TrendDay[] = [];
  const order = ids.map((id) => ({ id, sums: running.get(id) as Float64Array, cells: (diffs.get(id) as BranchDiff).cells }));
  const all = new Float64Array(FIELDS);
  for (let d = fromDay; d <= toDay; d += 1) {
    const offset = (d - fromDay) * FIELDS;
    const branches = new Map<string, BranchMetrics>();
    all.fill(0);
    for (const { id, sums, cells } of order) {
      for (let f = 0; f < FIELDS; f += 1) {
        const v = (sums[f] as number) + (cells[offset + f] as number);
        sums[f] = v;
        all[f] = (all[f] as number) + v;
      }
      branches.set(id, metricsOfCells(sums));
    }
    out.push({ date: formatDay(d), branches, all: metricsOfCells(all) });
  }
  return out;
}


/**
 * Metrics for every day of [fromDay, toDay] (inclusive), each equal to `computeMetrics` as of
 * that day over the pairs existing then. Throws a RangeError when fromDay > toDay.
 */
export function computeTrend(input: TrendInput, fromDay: number, toDay: number): TrendDay[] {
  checkRange(fromDay, toDay);
  const diffs = new Map<string, BranchDiff>();
  const diffOf = (branchId: string): BranchDiff => {
    let diff = diffs.get(branchId);
    if (diff === undefined) {
      diff = new BranchDiff(fromDay, toDay);
      diffs.set(branchId, diff);
    }
    return diff;
  };
  for (const id of input.branchIds) diffOf(id);

  const scratch: VisitDay[] = [];
  let lastBranch = '';
  let diff: BranchDiff | undefined;
  let thresholds: Thresholds | undefined;
  for (const pair of input.histories) {
    if (diff === undefined || thresholds === undefined || pair.branchId !== lastBranch) {
      lastBranch = pair.branchId;
      diff = diffOf(pair.branchId);
      thresholds = input.thresholdsOf(pair.branchId);
    }
    addPair(diff, pair.since, visitDays(pair.bookings, toDay, scratch), thresholds);
  }

  const ids = [...diffs.keys()].sort(compareCodePoints);
  const running = new Map<string, Float64Array>(ids.map((id) => [id, new Float64Array(FIELDS)]));
  return sumDays(ids, diffs, running, fromDay, toDay);
}
