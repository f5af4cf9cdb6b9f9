import type { RuleSettings } from '../../../../shared/domain/settings';
import type { CustomerStatus } from '../../../../shared/domain/types';
import { statusOn, visitDaysOf, type BookingFact, type PairActivity } from '../../../../shared/engine/activity';
import type { CustomerView } from '../../../../shared/insights/customer-view';
import { nextOccurrence, yearsSince } from '../../../../shared/insights/dates';
import { preferredBranch } from '../../../../shared/insights/preferred-branch';
import { isErased } from '../../../../shared/privacy/erase';
import { civilFromDays, daysFromCivil, daysInMonth, parseDay } from '../../../../shared/time/calendar';

/** Statuses a customer can have once they visited (the trend leaves out "new": no visit yet). */
export const TREND_STATUSES = ['active', 'win_back', 'at_risk', 'churned'] as const satisfies readonly CustomerStatus[];
export type TrendStatus = (typeof TREND_STATUSES)[number];

export interface StatusTrend {
  /** Local day numbers, oldest first, one week apart, the last one `today`. */
  days: number[];
  counts: Record<TrendStatus, number[]>;
}

/**
 * How many of the branch's customers had each status on each of the last `weeks` weeks, from the
 * desk's own history (bookings dated after a point are ignored for it, as the rules say). The
 * last point equals today's figures.
 */
export function statusTrend(pairs: Iterable<{ facts: readonly BookingFact[] }>, rules: RuleSettings, today: number, weeks = 12): StatusTrend {
  const days = Array.from({ length: weeks }, (_, i) => today - 7 * (weeks - 1 - i));
  const counts = Object.fromEntries(TREND_STATUSES.map((s) => [s, days.map(() => 0)])) as Record<TrendStatus, number[]>;
  for (const pair of pairs) {
    const visits = visitDaysOf(pair.facts);
    if (visits.length === 0) continue;
    days.forEach((day, i) => {
      const status = statusOn(visits, day, rules.thresholds);
      if (status !== 'new') (counts[status] as number[])[i] = ((counts[status] as number[])[i] ?? 0) + 1;
    });
  }
  return { days, counts };
}

/** Favourite services of the branch's customers (pairs whose favourite it is), most first. */
export function favouriteServices(activities: Iterable<PairActivity>, limit = 8): { service: string; customers: number }[] {
  const counts = new Map<string, number>();
  for (const a of activities) if (a.favorite_service !== '') counts.set(a.favorite_service, (counts.get(a.favorite_service) ?? 0) + 1);
  return [...counts]
    .map(([service, customers]) => ({ service, customers }))
    .sort((x, y) => y.customers - x.customers || (x.service < y.service ? -1 : x.service > y.service ? 1 : 0))
    .slice(0, limit);
}

/**
 * Where the branch's customers (with a visit) prefer to go: their preferred branch across every
 * branch the desk knows of (most visits, then most recent, then branch id), counted per branch.
 */
export function preferredBranchMix(views: Iterable<CustomerView>, pairsOf: (customerId: string) => readonly PairActivity[]): { branchId: string; customers: number }[] {
  const counts = new Map<string, number>();
  for (const v of views) {
    if ((v.activity?.total_bookings ?? 0) === 0) continue;
    const preferred = preferredBranch(pairsOf(v.customer.id));
    if (preferred !== '') counts.set(preferred, (counts.get(preferred) ?? 0) + 1);
  }
  return [...counts].map(([branchId, customers]) => ({ branchId, customers })).sort((x, y) => y.customers - x.customers || (x.branchId < y.branchId ? -1 : 1));
}

export interface RfmGrid {
  /** cells[r - 1][f - 1]: customers with that recency and frequency score. */
  cells: number[][];
  /** Average monetary score per cell (null when the cell is empty). */
  monetary: (number | null)[][];
  scored: number;
  /** Customers without a visit (no RFM score). */
  unscored: number;
  max: number;
}

export function rfmGrid(views: Iterable<CustomerView>): RfmGrid {
  const cells = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const mSum = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  let scored = 0;
  let unscored = 0;
  for (const v of views) {
    if (v.rfm === null) {
      unscored += 1;
      continue;
    }
    scored += 1;
    (cells[v.rfm.r - 1] as number[])[v.rfm.f - 1] = ((cells[v.rfm.r - 1] as number[])[v.rfm.f - 1] ?? 0) + 1;
    (mSum[v.rfm.r - 1] as number[])[v.rfm.f - 1] = ((mSum[v.rfm.r - 1] as number[])[v.rfm.f - 1] ?? 0) + v.rfm.m;
  }
  const monetary = cells.map((row, r) => row.map((n, f) => (n === 0 ? null : Math.round((((mSum[r] as number[])[f] ?? 0) / n) * 10) / 10)));
  return { cells, monetary, scored, unscored, max: Math.max(0, ...cells.flat()) };
}

function bySpend(a: CustomerView, b: CustomerView): number {
  return (b.activity?.total_spent ?? 0) - (a.activity?.total_spent ?? 0) || (a.customer.name < b.customer.name ? -1 : a.customer.name > b.customer.name ? 1 : 0);
}

/** High-value customers and top regulars (high value and frequent) of the branch (not erased), biggest spenders first. */
export function valueLists(views: Iterable<CustomerView>): { highValue: CustomerView[]; vip: CustomerView[] } {
  const highValue: CustomerView[] = [];
  const vip: CustomerView[] = [];
  for (const v of views) {
    if (isErased(v.customer)) continue;
    if (v.highValue) highValue.push(v);
    if (v.vip) vip.push(v);
  }
  return { highValue: highValue.sort(bySpend), vip: vip.sort(bySpend) };
}

export interface DateEvent {
  view: CustomerView;
  /** The local day it falls on. */
  day: number;
  /** Age turned (birthdays, when the year is known) or years since the first visit. */
  years: number | null;
}

/** The day a yearly date falls on in the month of `today` (29 February → 28th in other years). */
function inMonthOf(date: string, today: number): number | null {
  const d = parseDay(date);
  if (d === null) return null;
  const t = civilFromDays(today);
  const { month, day } = civilFromDays(d);
  if (month !== t.month) return null;
  return daysFromCivil(t.year, t.month, Math.min(day, daysInMonth(t.year, t.month)));
}

function dateEvents(views: Iterable<CustomerView>, dateOf: (v: CustomerView) => string, today: number, window: 'week' | 'month', anniversary: boolean): DateEvent[] {
  const out: DateEvent[] = [];
  for (const v of views) {
    if (isErased(v.customer)) continue;
    const date = dateOf(v);
    if (date === '') continue;
    let day: number | null;
    if (window === 'week') {
      const next = nextOccurrence(date, today);
      day = next !== null && next.day <= today + 6 ? next.day : null;
    } else {
      day = inMonthOf(date, today);
    }
    if (day === null) continue;
    const years = yearsSince(date, day);
    if (anniversary && (years === null || years < 1)) continue;
    out.push({ view: v, day, years });
  }
  return out.sort((a, b) => a.day - b.day || (a.view.customer.name < b.view.customer.name ? -1 : 1));
}

/** Birthdays in the next seven days (today included) or in this calendar month. */
export function birthdays(views: Iterable<CustomerView>, today: number, window: 'week' | 'month'): DateEvent[] {
  return dateEvents(views, (v) => v.customer.birthday, today, window, false);
}

/** First-visit anniversaries (one year or more) in the next seven days or this month. */
export function anniversaries(views: Iterable<CustomerView>, today: number, window: 'week' | 'month'): DateEvent[] {
  return dateEvents(views, (v) => v.activity?.first_visit_date ?? '', today, window, true);
}
