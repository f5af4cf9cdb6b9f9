import type { CustomerDoc } from '../../../../shared/domain/schemas';
import type { BookingFact, PairActivity } from '../../../../shared/engine/activity';
import type { InsightRules } from '../../../../shared/insights/business-rules';
import { customerView, futureBookingCustomers, type CustomerView, type ViewContext } from '../../../../shared/insights/customer-view';
import { highValueThresholds } from '../../../../shared/insights/value';
import { cadenceOf } from '../../../../shared/predict/cadence';
import { visitHistories } from '../../../../shared/predict/history';
import type { PairOutlook } from '../../../../shared/predict/outlook';

/**
 * What the insight screens (segments, campaigns, the list's segment filter) know about one
 * branch on one local day: a `CustomerView` per (customer, branch) pair of the branch — the same
 * rows as the Customers list — with RFM scores, high value / VIP, future bookings, the pair's
 * predictions (when the desk has a fitted model) and its personal cadence.
 */
export interface InsightSnapshot {
  branchId: string;
  today: number;
  rules: InsightRules;
  /** The branch's pairs as views, in no particular order. */
  views: CustomerView[];
  viewOf: ReadonlyMap<string, CustomerView>;
  /** Context to build a view for any pair (e.g. a list row across branches). */
  context: ViewContext;
}

export interface SnapshotInput {
  customers: ReadonlyMap<string, CustomerDoc>;
  /** Every pair the desk holds (high value is decided per branch over all of its pairs). */
  activities: Iterable<PairActivity>;
  branchId: string;
  today: number;
  rules: InsightRules;
  /** A pair's bookings (the data layer's `ActivityIndex.bookingsOf`). */
  bookingsOf: (branchId: string, customerId: string) => readonly BookingFact[];
  /** A pair's predictions (the data layer's `OutlookIndex.get`; none without a fitted model). */
  outlookOf?: (branchId: string, customerId: string) => PairOutlook | undefined;
}

/**
 * The context views are built with: high-value thresholds per branch (over all pairs) and the
 * customers with a future booking at `branchId` (every branch when null).
 */
export function viewContextOf(input: Omit<SnapshotInput, 'customers' | 'activities' | 'branchId'> & { activities: readonly PairActivity[]; branchId: string | null }): ViewContext {
  const future: BookingFact[] = [];
  for (const a of input.activities) {
    if (input.branchId !== null && a.branch_id !== input.branchId) continue;
    for (const b of input.bookingsOf(a.branch_id, a.customer_id)) if (b.day > input.today) future.push(b);
  }
  const { outlookOf, bookingsOf, today } = input;
  return {
    rules: input.rules,
    highValueFrom: highValueThresholds(input.activities, input.rules.high_value_pct),
    withFutureBooking: futureBookingCustomers(future, input.today),
    ...(outlookOf ? { outlookOf: (a: PairActivity) => outlookOf(a.branch_id, a.customer_id) ?? null } : {}),
    cadenceOf: (a: PairActivity) => {
      const [history] = visitHistories(bookingsOf(a.branch_id, a.customer_id), today);
      return history === undefined ? null : cadenceOf(history, today);
    },
  };
}

export function buildSnapshot(input: SnapshotInput): InsightSnapshot {
  const all = [...input.activities];
  const context = viewContextOf({ ...input, activities: all });
  const views: CustomerView[] = [];
  const viewOf = new Map<string, CustomerView>();
  for (const a of all) {
    if (a.branch_id !== input.branchId) continue;
    const customer = input.customers.get(a.customer_id);
    if (customer === undefined) continue;
    const view = customerView(customer, a, context);
    views.push(view);
    viewOf.set(customer.id, view);
  }
  return { branchId: input.branchId, today: input.today, rules: input.rules, views, viewOf, context };
}
