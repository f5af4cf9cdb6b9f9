import type { CustomerStatus } from '../domain/types';
import { parseDay } from '../time/calendar';
import { divideHalfUp } from '../money';
import type { PairActivity } from './activity';

/** Branch metrics as of a date (docs/DESIGN.md §2). Money in major units, rounded half-up. */
export interface BranchMetrics {
  customers: number;
  new: number;
  active: number;
  win_back: number;
  at_risk: number;
  churned: number;
  new_customers_30d: number;
  churn_rate: number;
  avg_clv: number;
  avg_visits: number;
}

/** Running sums from which metrics are derived; additive, so branches can be combined. */
export interface MetricsAccumulator {
  customers: number;
  statuses: Record<CustomerStatus, number>;
  newCustomers30d: number;
  withVisits: number;
  spentCents: number;
  visits: number;
}

export function emptyAccumulator(): MetricsAccumulator {
  return {
    customers: 0,
    statuses: { new: 0, active: 0, win_back: 0, at_risk: 0, churned: 0 },
    newCustomers30d: 0,
    withVisits: 0,
    spentCents: 0,
    visits: 0,
  };
}

/** The earliest first-visit date (`YYYY-MM-DD`) that counts as new within 30 days of `asOf`. */
export function newCustomerWindowStart(asOfDay: number): number {
  return asOfDay - 29;
}

export function accumulate(
  acc: MetricsAccumulator,
  a: Pick<PairActivity, 'status' | 'total_bookings' | 'total_spent' | 'first_visit_date'>,
  asOfDay: number,
): void {
  acc.customers += 1;
  acc.statuses[a.status] += 1;
  if (a.total_bookings > 0) {
    acc.withVisits += 1;
    acc.spentCents += a.total_spent;
    acc.visits += a.total_bookings;
  }
  if (a.first_visit_date !== null) {
    const first = parseDay(a.first_visit_date);
    if (first !== null && first >= newCustomerWindowStart(asOfDay) && first <= asOfDay) {
      acc.newCustomers30d += 1;
    }
  }
}

export function mergeAccumulators(into: MetricsAccumulator, from: MetricsAccumulator): void {
  into.customers += from.customers;
  for (const s of Object.keys(into.statuses) as CustomerStatus[]) into.statuses[s] += from.statuses[s];
  into.newCustomers30d += from.newCustomers30d;
  into.withVisits += from.withVisits;
  into.spentCents += from.spentCents;
  into.visits += from.visits;
}

export function finishMetrics(acc: MetricsAccumulator): BranchMetrics {
  return {
    customers: acc.customers,
    new: acc.statuses.new,
    active: acc.statuses.active,
    win_back: acc.statuses.win_back,
    at_risk: acc.statuses.at_risk,
    churned: acc.statuses.churned,
    new_customers_30d: acc.newCustomers30d,
    churn_rate: divideHalfUp(acc.statuses.churned, acc.withVisits, 4),
    avg_clv: divideHalfUp(acc.spentCents, acc.withVisits, 0) / 100,
    avg_visits: divideHalfUp(acc.visits, acc.withVisits, 2),
  };
}

export interface MetricsReport {
  as_of: string;
  branches: Record<string, BranchMetrics>;
  all: BranchMetrics;
}

/**
 * Metrics for every branch and for all pairs together. `branchIds` lists every branch so that
 * a branch without pairs still reports zeros.
 */
export function computeMetrics(
  activities: Iterable<PairActivity>,
  branchIds: Iterable<string>,
  asOf: string,
  asOfDay: number,
): MetricsReport {
  const perBranch = new Map<string, MetricsAccumulator>();
  for (const id of branchIds) perBranch.set(id, emptyAccumulator());
  const all = emptyAccumulator();
  for (const a of activities) {
    let acc = perBranch.get(a.branch_id);
    if (acc === undefined) {
      acc = emptyAccumulator();
      perBranch.set(a.branch_id, acc);
    }
    accumulate(acc, a, asOfDay);
    accumulate(all, a, asOfDay);
  }
  const branches: Record<string, BranchMetrics> = {};
  for (const [id, acc] of perBranch) branches[id] = finishMetrics(acc);
  return { as_of: asOf, branches, all: finishMetrics(all) };
}
