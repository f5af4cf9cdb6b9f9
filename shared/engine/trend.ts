import type { Thresholds } from '../domain/settings';
import { formatDay } from '../time/calendar';
import { compareCodePoints } from '../util/compare';
import type { BookingFact } from './activity';
import type { PairHistory } from './activity-index';
import { emptyAccumulator, finishMetrics, mergeAccumulators, type BranchMetrics, type MetricsAccumulator } from './metrics';

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

/** Adds one pair's contributions over [from, to]. */
function addPair(diff: BranchDiff, since: number, days: readonly VisitDay[], t: Thresholds): void {
  const to = diff.to;
  if (since > to) return;
  diff.add(F_CUSTOMERS, since, to, 1);
  const first = days[0];
  if (first === undefined) {
    diff.add(F_NEW, since, to, 1);
    return;
  }
  diff.add(F_NEW, since, first.day - 1, 1);
  diff.add(F_WITH_VISITS, first.day, to, 1);
  diff.add(F_NEW_30D, first.day, first.day + NEW_WINDOW_DAYS - 1, 1);
  for (let i = 0; i < days.length; i += 1) {
    const v = days[i] as VisitDay;
    diff.add(F_SPENT, v.day, to, v.cents);
    diff.add(F_VISITS, v.day, to, v.count);
    // Status from this visit day until the day before the next visit day.
    const end = i + 1 < days.length ? (days[i + 1] as VisitDay).day - 1 : to;
    // The last two visits: two on this day → gap 0; otherwise this day and the previous visit day.
    const previous = i > 0 ? (days[i - 1] as VisitDay) : undefined;
    const winBack = v.count < 2 && previous !== undefined && v.day - previous.day > t.atRiskDays;
    const activeEnd = Math.min(end, v.day + t.activeDays);
    diff.add(winBack ? F_WIN_BACK : F_ACTIVE, v.day, activeEnd, 1);
    const riskEnd = Math.min(end, v.day + t.atRiskDays);
    diff.add(F_AT_RISK, v.day + t.activeDays + 1, riskEnd, 1);
    diff.add(F_CHURNED, v.day + t.atRiskDays + 1, end, 1);
  }
}

function accumulatorOf(row: Float64Array, offset: number): MetricsAccumulator {
  const acc = emptyAccumulator();
  acc.customers = row[offset + F_CUSTOMERS] as number;
  acc.statuses.new = row[offset + F_NEW] as number;
  acc.statuses.active = row[offset + F_ACTIVE] as number;
  acc.statuses.win_back = row[offset + F_WIN_BACK] as number;
  acc.statuses.at_risk = row[offset + F_AT_RISK] as number;
  acc.statuses.churned = row[offset + F_CHURNED] as number;
  acc.newCustomers30d = row[offset + F_NEW_30D] as number;
  acc.withVisits = row[offset + F_WITH_VISITS] as number;
  acc.spentCents = row[offset + F_SPENT] as number;
  acc.visits = row[offset + F_VISITS] as number;
  return acc;
}

/**
 * Metrics for every day of [fromDay, toDay] (inclusive), each equal to `computeMetrics` as of
 * that day over the pairs existing then. Throws a RangeError when fromDay > toDay.
 */
export function computeTrend(input: TrendInput, fromDay: number, toDay: number): TrendDay[] {
  if (!Number.isInteger(fromDay) || !Number.isInteger(toDay)) throw new RangeError('trend: from and to must be day numbers');
  if (fromDay > toDay) throw new RangeError(`trend: from ${formatDay(fromDay)} is after to ${formatDay(toDay)}`);
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
  const out: TrendDay[] = [];
  for (let d = fromDay; d <= toDay; d += 1) {
    const offset = (d - fromDay) * FIELDS;
    const branches = new Map<string, BranchMetrics>();
    const all = emptyAccumulator();
    for (const id of ids) {
      const sums = running.get(id) as Float64Array;
      const cells = (diffs.get(id) as BranchDiff).cells;
      for (let f = 0; f < FIELDS; f += 1) sums[f] = (sums[f] as number) + (cells[offset + f] as number);
      const acc = accumulatorOf(sums, 0);
      mergeAccumulators(all, acc);
      branches.set(id, finishMetrics(acc));
    }
    out.push({ date: formatDay(d), branches, all: finishMetrics(all) });
  }
  return out;
}
