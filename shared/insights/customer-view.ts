/**
 * What the insight rules know about one customer at one branch (or across branches): the
 * customer document, the pair's activity, and the derived flags. Built once per screen refresh
 * with `customerView`, then matched against any number of segments.
 */
import type { CustomerDoc } from '../domain/schemas';
import type { PairActivity } from '../engine/activity';
import type { Cadence } from '../predict/cadence';
import type { PairOutlook } from '../predict/outlook';
import type { InsightRules } from './business-rules';
import { rfmScores, type RfmScores } from './rfm';
import { isHighValue, isVip } from './value';

export interface CustomerView {
  customer: CustomerDoc;
  /** The pair the view is about (the branch's, or the representative pair across branches); null: no pair. */
  activity: PairActivity | null;
  rfm: RfmScores | null;
  highValue: boolean;
  vip: boolean;
  /** A booking dated after today (any status but cancelled/no_show) at the view's branch. */
  hasFutureBooking: boolean;
  /** The pair's predictions with the business model (null: no visit, or no fitted model). */
  outlook: PairOutlook | null;
  /** The pair's personal cadence (≥ 3 visit days; history only, no model needed), or null. */
  cadence: Cadence | null;
}

export interface ViewContext {
  rules: InsightRules;
  /** High-value threshold of each branch (`highValueThresholds`). */
  highValueFrom: ReadonlyMap<string, number | null>;
  /** Customers with a future booking (`futureBookingCustomers`). */
  withFutureBooking: ReadonlySet<string>;
  /** A pair's outlook with the business model, when there is one (desk: `OutlookIndex`). */
  outlookOf?: (activity: PairActivity) => PairOutlook | null;
  /** A pair's cadence from its visit days (`cadenceOf` of shared/predict/cadence.ts). */
  cadenceOf?: (activity: PairActivity) => Cadence | null;
}

export function customerView(customer: CustomerDoc, activity: PairActivity | null, ctx: ViewContext): CustomerView {
  const threshold = activity === null ? null : ctx.highValueFrom.get(activity.branch_id);
  return {
    customer,
    activity,
    rfm: activity === null ? null : rfmScores(activity, ctx.rules.rfm),
    highValue: isHighValue(activity, threshold),
    vip: isVip(activity, threshold),
    hasFutureBooking: ctx.withFutureBooking.has(customer.id),
    outlook: activity === null ? null : (ctx.outlookOf?.(activity) ?? null),
    cadence: activity === null ? null : (ctx.cadenceOf?.(activity) ?? null),
  };
}

/** A booking as far as "has a future booking" needs it. */
export interface FutureBookingFact {
  customer_id: string;
  status: string;
  /** Branch-local day of start_at. */
  day: number;
}

/**
 * Customers with a booking after `today` that may still happen (scheduled or checked in). Pass
 * the bookings of one branch for a branch view, or all the desk holds.
 */
export function futureBookingCustomers(bookings: Iterable<FutureBookingFact>, today: number): Set<string> {
  const out = new Set<string>();
  for (const b of bookings) if (b.day > today && (b.status === 'scheduled' || b.status === 'checked_in')) out.add(b.customer_id);
  return out;
}
