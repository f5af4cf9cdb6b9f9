import type { CustomerDoc } from '../../../../shared/domain/schemas';
import { FREQUENCY_TIERS, SPENDING_TIERS, type FrequencyTier, type SpendingTier } from '../../../../shared/domain/types';
import type { PairActivity } from '../../../../shared/engine/activity';
import { computeMetrics, type BranchMetrics } from '../../../../shared/engine/metrics';
import type { PairOutlook } from '../../../../shared/predict/outlook';
import { formatDay } from '../../../../shared/time/calendar';
import { isErased } from '../../../../shared/privacy/erase';

/** What the dashboard shows: one branch, or every branch together (`null`). */
export type DashboardScope = string | null;

function inScope(a: PairActivity, scope: DashboardScope): boolean {
  return scope === null || a.branch_id === scope;
}

/**
 * The scope's metrics exactly as the CLI's `metrics` command computes them (same engine, same
 * rounding): a branch's entry, or `all`.
 */
export function dashboardMetrics(activities: Iterable<PairActivity>, branchIds: Iterable<string>, asOfDay: number, scope: DashboardScope): BranchMetrics {
  const report = computeMetrics(activities, branchIds, formatDay(asOfDay), asOfDay);
  if (scope === null) return report.all;
  return report.branches[scope] ?? computeMetrics([], [scope], formatDay(asOfDay), asOfDay).all;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "23 active, 8 at risk, 12 churned" (win-backs count as active here, and are named when any). */
export function headline(m: BranchMetrics): string {
  const parts = [`${(m.active + m.win_back).toLocaleString('en')} active`];
  parts.push(`${m.at_risk.toLocaleString('en')} at risk`, `${m.churned.toLocaleString('en')} churned`);
  return parts.join(', ');
}

/** The line under the headline: "of 538 customers · 41 came back after churning · 40 not yet visited". */
export function headlineDetail(m: BranchMetrics): string {
  const parts = [`of ${plural(m.customers, 'customer')}`];
  if (m.win_back > 0) parts.push(`${m.win_back.toLocaleString('en')} of the active came back after churning`);
  if (m.new > 0) parts.push(`${plural(m.new, 'customer')} not yet visited`);
  return parts.join(' · ');
}

/** Churn rate (a fraction with 4 decimals) as a percentage with 2 decimals: 0.3893 → "38.93%". */
export function percent(fraction: number): string {
  return `${(Math.round(fraction * 10_000) / 100).toFixed(2)}%`;
}

export interface ActionItem {
  activity: PairActivity;
  customer: CustomerDoc;
  /** The pair's predicted outlook, when the call-back list is ranked by it. */
  outlook?: PairOutlook;
}

/** The pairs kept, with their customers; an erased customer is nobody to call or thank (their totals still count in the metrics). */
function withCustomers(activities: Iterable<PairActivity>, customers: ReadonlyMap<string, CustomerDoc>, keep: (a: PairActivity) => boolean): ActionItem[] {
  const out: ActionItem[] = [];
  for (const a of activities) {
    if (!keep(a)) continue;
    const customer = customers.get(a.customer_id);
    if (customer !== undefined && !isErased(customer)) out.push({ activity: a, customer });
  }
  return out;
}

function byValue(x: ActionItem, y: ActionItem): number {
  return (
    y.activity.total_spent - x.activity.total_spent ||
    y.activity.total_bookings - x.activity.total_bookings ||
    (x.customer.name < y.customer.name ? -1 : x.customer.name > y.customer.name ? 1 : 0) ||
    (x.activity.customer_id < y.activity.customer_id ? -1 : x.activity.customer_id > y.activity.customer_id ? 1 : 0)
  );
}

/**
 * At-risk customers of the scope, who to call first. With predictions (`outlookOf`): by value at
 * risk — the predicted value of the next 90 days lost if they lapse — then spent, visits, name.
 * Without (no model, or the fit failed): by spent, then visits, then name.
 */
export function atRiskActions(
  activities: Iterable<PairActivity>,
  customers: ReadonlyMap<string, CustomerDoc>,
  scope: DashboardScope,
  outlookOf?: (branchId: string, customerId: string) => PairOutlook | undefined,
): ActionItem[] {
  const items = withCustomers(activities, customers, (a) => a.status === 'at_risk' && inScope(a, scope));
  if (outlookOf === undefined) return items.sort(byValue);
  for (const item of items) item.outlook = outlookOf(item.activity.branch_id, item.activity.customer_id);
  return items.sort((x, y) => (y.outlook?.value_at_risk_90 ?? -1) - (x.outlook?.value_at_risk_90 ?? -1) || byValue(x, y));
}

/** The scope's customers who spent most (visits, then name break ties). */
export function topBySpend(activities: Iterable<PairActivity>, customers: ReadonlyMap<string, CustomerDoc>, scope: DashboardScope, limit = 10): ActionItem[] {
  return withCustomers(activities, customers, (a) => a.total_bookings > 0 && inScope(a, scope))
    .sort(byValue)
    .slice(0, limit);
}

/** Pairs per spending and frequency tier in the scope. */
export function tierCounts(activities: Iterable<PairActivity>, scope: DashboardScope): { spending: Record<SpendingTier, number>; frequency: Record<FrequencyTier, number> } {
  const spending = Object.fromEntries(SPENDING_TIERS.map((t) => [t, 0])) as Record<SpendingTier, number>;
  const frequency = Object.fromEntries(FREQUENCY_TIERS.map((t) => [t, 0])) as Record<FrequencyTier, number>;
  for (const a of activities) {
    if (!inScope(a, scope)) continue;
    spending[a.spending_tier] += 1;
    frequency[a.frequency_tier] += 1;
  }
  return { spending, frequency };
}
