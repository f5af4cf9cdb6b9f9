/**
 * Visit days of (customer, branch) pairs as of a local date D (docs/DESIGN.md §2, "Predictive
 * retention"): the distinct branch-local dates of completed bookings dated ≤ D; a visit day's
 * spend is the sum of that day's prices (two services on one day are one visit day).
 */
import type { BookingStatus } from '../domain/types';
import { pairKey } from '../engine/activity-index';
import { compareCodePoints } from '../util/compare';
import type { RfmPoint } from './bgnbd';

/** What the models read from a booking. */
export interface VisitFact {
  customer_id: string;
  branch_id: string;
  status: BookingStatus;
  /** Cents. */
  price: number;
  /** Branch-local day number. */
  day: number;
}

export interface VisitHistory {
  customer_id: string;
  branch_id: string;
  /** Distinct visit days, ascending (at least one). */
  days: number[];
  /** Cents spent on each of `days`. */
  spend: number[];
}

/** Every pair with ≥ 1 visit as of `asOfDay`, sorted by branch_id then customer_id (code points). */
export function visitHistories(bookings: Iterable<VisitFact>, asOfDay: number): VisitHistory[] {
  const pairs = new Map<string, { customer_id: string; branch_id: string; byDay: Map<number, number> }>();
  for (const b of bookings) {
    if (b.status !== 'completed' || b.day > asOfDay) continue;
    const key = pairKey(b.branch_id, b.customer_id);
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = { customer_id: b.customer_id, branch_id: b.branch_id, byDay: new Map() };
      pairs.set(key, pair);
    }
    pair.byDay.set(b.day, (pair.byDay.get(b.day) ?? 0) + b.price);
  }
  const out: VisitHistory[] = [];
  for (const pair of pairs.values()) {
    const days = [...pair.byDay.keys()].sort((a, b) => a - b);
    out.push({ customer_id: pair.customer_id, branch_id: pair.branch_id, days, spend: days.map((d) => pair.byDay.get(d) as number) });
  }
  return out.sort((a, b) => compareCodePoints(a.branch_id, b.branch_id) || compareCodePoints(a.customer_id, b.customer_id));
}

/** x = visit days − 1, t_x = last − first visit day, T = D − first visit day, in days. */
export function rfmPoint(history: VisitHistory, asOfDay: number): RfmPoint {
  const first = history.days[0] as number;
  const last = history.days[history.days.length - 1] as number;
  return { x: history.days.length - 1, t_x: last - first, T: asOfDay - first };
}

/** m_x: mean spend of the repeat visit days (the first left out), in major units; 0 without repeats. */
export function meanRepeatSpend(history: VisitHistory): number {
  const x = history.days.length - 1;
  if (x === 0) return 0;
  let cents = 0;
  for (let i = 1; i < history.spend.length; i += 1) cents += history.spend[i] as number;
  return cents / x / 100;
}
