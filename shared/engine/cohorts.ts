import { divideHalfUp } from '../money';
import { formatDay, parseDay } from '../time/calendar';
import { compareCodePoints } from '../util/compare';
import type { PairHistory } from './activity-index';

/**
 * Cohort retention (issue 14): customers grouped by the month of their first visit, the share of
 * the cohort who visited again in each following month (the classic triangle), and the cohort's
 * cumulative revenue per customer. Per branch over its pairs (branch-local dates), and for all
 * branches over customers (the first visit anywhere; a month counts when the customer visited
 * any branch). Completed bookings dated on or before the as-of date count; months are calendar
 * months of the branch-local visit dates.
 */
export interface CohortRow {
  /** `YYYY-MM` of the first visit. */
  cohort: string;
  /** Customers whose first visit was in that month. */
  customers: number;
  /**
   * Share of the cohort with a visit in each month from the cohort's own (index 0, always 1) to
   * the as-of month, 4 decimals, rounded half-up.
   */
  retention: number[];
  /** Money spent by the cohort through each of those months, per customer of the cohort (major units, 2 decimals). */
  revenue_per_customer: number[];
}

export interface CohortReport {
  as_of: string;
  branches: Record<string, CohortRow[]>;
  all: CohortRow[];
}

function monthIndex(day: number): number {
  const text = formatDay(day);
  return Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
}

function monthText(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A customer's (or pair's) visits by month: month index → cents. */
type Months = Map<number, number>;

function addVisits(into: Months, pair: PairHistory, asOfDay: number): void {
  for (const b of pair.bookings) {
    if (b.status !== 'completed' || b.day > asOfDay) continue;
    const m = monthIndex(b.day);
    into.set(m, (into.get(m) ?? 0) + b.price);
  }
}

function rowsOf(members: Iterable<Months>, asOfMonth: number): CohortRow[] {
  const cohorts = new Map<number, { customers: number; active: number[]; cents: number[] }>();
  for (const months of members) {
    if (months.size === 0) continue;
    const first = Math.min(...months.keys());
    const span = asOfMonth - first + 1;
    let c = cohorts.get(first);
    if (c === undefined) cohorts.set(first, (c = { customers: 0, active: new Array<number>(span).fill(0), cents: new Array<number>(span).fill(0) }));
    c.customers += 1;
    for (const [m, cents] of months) {
      const k = m - first;
      c.active[k] = (c.active[k] as number) + 1;
      c.cents[k] = (c.cents[k] as number) + cents;
    }
  }
  return [...cohorts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([first, c]) => {
      let cumulative = 0;
      return {
        cohort: monthText(first),
        customers: c.customers,
        retention: c.active.map((n) => divideHalfUp(n, c.customers, 4)),
        revenue_per_customer: c.cents.map((cents) => {
          cumulative += cents;
          return divideHalfUp(cumulative, c.customers, 0) / 100;
        }),
      };
    });
}

/**
 * Cohorts as of `asOf` (YYYY-MM-DD) for every branch in `branchIds` (a branch without visits has
 * no rows) and for all. Throws a RangeError for a date that is not one.
 */
export function computeCohorts(branchIds: Iterable<string>, histories: Iterable<PairHistory>, asOf: string): CohortReport {
  const asOfDay = parseDay(asOf);
  if (asOfDay === null) throw new RangeError(`cohorts: as-of "${asOf}" is not a date (YYYY-MM-DD)`);
  const asOfMonth = monthIndex(asOfDay);
  const byBranch = new Map<string, Months[]>();
  for (const id of branchIds) byBranch.set(id, []);
  const byCustomer = new Map<string, Months>();
  for (const pair of histories) {
    const months: Months = new Map();
    addVisits(months, pair, asOfDay);
    if (months.size === 0) continue;
    let list = byBranch.get(pair.branchId);
    if (list === undefined) byBranch.set(pair.branchId, (list = []));
    list.push(months);
    let customer = byCustomer.get(pair.customerId);
    if (customer === undefined) byCustomer.set(pair.customerId, (customer = new Map()));
    for (const [m, cents] of months) customer.set(m, (customer.get(m) ?? 0) + cents);
  }
  const branches: Record<string, CohortRow[]> = {};
  for (const id of [...byBranch.keys()].sort(compareCodePoints)) branches[id] = rowsOf(byBranch.get(id) as Months[], asOfMonth);
  return { as_of: asOf, branches, all: rowsOf(byCustomer.values(), asOfMonth) };
}
