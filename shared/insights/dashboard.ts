/**
 * Figures of the segments dashboard, in one pass over customer views: status mix, tier
 * distributions, favourite services, the RFM grid, high value / VIP counts, birthdays and
 * first-visit anniversaries coming up, and customers per preferred branch.
 */
import { CUSTOMER_STATUSES, FREQUENCY_TIERS, SPENDING_TIERS, type CustomerStatus, type FrequencyTier, type SpendingTier } from '../domain/types';
import type { PairActivity } from '../engine/activity';
import { compareCodePoints } from '../util/compare';
import type { CustomerView } from './customer-view';
import { anniversaryIn, birthdayIn } from './dates';
import { preferredBranch } from './preferred-branch';

export interface DashboardFigures {
  customers: number;
  statuses: Record<CustomerStatus, number>;
  spending: Record<SpendingTier, number>;
  frequency: Record<FrequencyTier, number>;
  /** Favourite services by how many customers have them as favourite, most first (ties by name). */
  favouriteServices: { service: string; customers: number }[];
  /** rfmGrid[r - 1][f - 1] = customers with those recency and frequency scores. */
  rfmGrid: number[][];
  /** Customers per RFM code ("555" …), scored customers only. */
  rfmCodes: Record<string, number>;
  highValue: number;
  vip: number;
  birthdays: { today: number; week: number; month: number };
  anniversaries: { today: number; week: number; month: number };
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** The dashboard over the given views (erased customers are left out), as of `today`. */
export function dashboardFigures(views: Iterable<CustomerView>, today: number, topServices = 10): DashboardFigures {
  const out: DashboardFigures = {
    customers: 0,
    statuses: zeros(CUSTOMER_STATUSES),
    spending: zeros(SPENDING_TIERS),
    frequency: zeros(FREQUENCY_TIERS),
    favouriteServices: [],
    rfmGrid: Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]),
    rfmCodes: {},
    highValue: 0,
    vip: 0,
    birthdays: { today: 0, week: 0, month: 0 },
    anniversaries: { today: 0, week: 0, month: 0 },
  };
  const services = new Map<string, number>();
  for (const v of views) {
    if (v.customer.erased_at !== '') continue;
    out.customers += 1;
    const a = v.activity;
    if (a !== null) out.statuses[a.status] += 1;
    out.spending[a?.spending_tier ?? 'none'] += 1;
    out.frequency[a?.frequency_tier ?? 'none'] += 1;
    if (a !== null && a.favorite_service !== '') services.set(a.favorite_service, (services.get(a.favorite_service) ?? 0) + 1);
    if (v.rfm !== null) {
      const row = out.rfmGrid[v.rfm.r - 1] as number[];
      row[v.rfm.f - 1] = (row[v.rfm.f - 1] ?? 0) + 1;
      out.rfmCodes[v.rfm.code] = (out.rfmCodes[v.rfm.code] ?? 0) + 1;
    }
    if (v.highValue) out.highValue += 1;
    if (v.vip) out.vip += 1;
    for (const w of ['today', 'week', 'month'] as const) {
      if (v.customer.birthday !== '' && birthdayIn(v.customer.birthday, today, w)) out.birthdays[w] += 1;
      if (anniversaryIn(a?.first_visit_date ?? null, today, w)) out.anniversaries[w] += 1;
    }
  }
  out.favouriteServices = [...services]
    .map(([service, customers]) => ({ service, customers }))
    .sort((x, y) => y.customers - x.customers || compareCodePoints(x.service, y.service))
    .slice(0, topServices);
  return out;
}

/** Customers per preferred branch (most visits, then most recent), from every pair of every customer. */
export function preferredBranchCounts(pairs: Iterable<PairActivity>): Map<string, number> {
  const byCustomer = new Map<string, PairActivity[]>();
  for (const p of pairs) {
    const list = byCustomer.get(p.customer_id);
    if (list === undefined) byCustomer.set(p.customer_id, [p]);
    else list.push(p);
  }
  const counts = new Map<string, number>();
  for (const list of byCustomer.values()) {
    const branch = preferredBranch(list);
    if (branch !== '') counts.set(branch, (counts.get(branch) ?? 0) + 1);
  }
  return counts;
}
