import type { CustomerDoc } from '../../../../shared/domain/schemas';
import type { PairActivity } from '../../../../shared/engine/activity';
import type { PairOutlook } from '../../../../shared/predict/outlook';
import type { SearchEntry } from '../../data/search-index';
import { normaliseText } from '../../data/search-text';

/** Whose customers the list shows: one branch's, or everyone's in the replica. */
export type ListScope = { kind: 'branch'; branchId: string } | { kind: 'all'; preferredBranchId: string };

/** One line of the Customers list. */
export interface CustomerRow {
  id: string;
  customer: CustomerDoc;
  /**
   * The (customer, branch) pair the row shows: the list's branch; across all branches, the
   * branch visited most recently (the desk's own branch, then the home branch, when there is no
   * visit). `null` for a customer with no pair anywhere.
   */
  activity: PairActivity | null;
  /** The shown pair's predicted outlook (null or absent without a visit there or without a model). */
  outlook?: PairOutlook | null;
  /** Lower-case, accent-free name: the name sort's key. */
  nameKey: string;
  /** The customer's search index entry (scored per keystroke without a lookup). */
  entry: SearchEntry | undefined;
}

/** Where rows find their search entries (the data layer's `CustomerSearchIndex.entry`). */
export type EntryLookup = (id: string) => SearchEntry | undefined;

const noEntries: EntryLookup = () => undefined;

/** Where rows find their pair's outlook (the data layer's `OutlookIndex.get`). */
export type OutlookLookup = (branchId: string, customerId: string) => PairOutlook | undefined;

const noOutlooks: OutlookLookup = () => undefined;

const nameKeys = new WeakMap<CustomerDoc, string>();

/** The name sort key, cached per document (documents are replaced, never mutated, on change). */
function nameKeyOf(customer: CustomerDoc): string {
  let key = nameKeys.get(customer);
  if (key === undefined) {
    key = normaliseText(customer.name);
    nameKeys.set(customer, key);
  }
  return key;
}

function preference(a: PairActivity, customer: CustomerDoc, preferredBranchId: string): number {
  if (a.branch_id === preferredBranchId) return 2;
  return a.branch_id === customer.home_branch_id ? 1 : 0;
}

/** Whether `a` should represent the customer rather than `b` in the all-branches list. */
export function representsBetter(a: PairActivity, b: PairActivity, customer: CustomerDoc, preferredBranchId: string): boolean {
  const lastA = a.last_visit_date ?? '';
  const lastB = b.last_visit_date ?? '';
  if (lastA !== lastB) return lastA > lastB;
  const prefA = preference(a, customer, preferredBranchId);
  const prefB = preference(b, customer, preferredBranchId);
  if (prefA !== prefB) return prefA > prefB;
  return a.branch_id < b.branch_id;
}

/**
 * The rows of a scope, unordered. A branch lists its pairs (customers who booked there or have it
 * as home branch); "all branches" lists every customer once.
 */
export function buildRows(
  customers: ReadonlyMap<string, CustomerDoc>,
  activities: Iterable<PairActivity>,
  scope: ListScope,
  entryOf: EntryLookup = noEntries,
  outlookOf: OutlookLookup = noOutlooks,
): CustomerRow[] {
  const rows: CustomerRow[] = [];
  if (scope.kind === 'branch') {
    for (const a of activities) {
      if (a.branch_id !== scope.branchId) continue;
      const customer = customers.get(a.customer_id);
      if (customer !== undefined) {
        rows.push({ id: customer.id, customer, activity: a, outlook: outlookOf(a.branch_id, a.customer_id) ?? null, nameKey: nameKeyOf(customer), entry: entryOf(customer.id) });
      }
    }
    return rows;
  }
  const best = new Map<string, PairActivity>();
  for (const a of activities) {
    const customer = customers.get(a.customer_id);
    if (customer === undefined) continue;
    const current = best.get(a.customer_id);
    if (current === undefined || representsBetter(a, current, customer, scope.preferredBranchId)) best.set(a.customer_id, a);
  }
  for (const customer of customers.values()) {
    const a = best.get(customer.id) ?? null;
    const outlook = a === null ? null : (outlookOf(a.branch_id, a.customer_id) ?? null);
    rows.push({ id: customer.id, customer, activity: a, outlook, nameKey: nameKeyOf(customer), entry: entryOf(customer.id) });
  }
  return rows;
}

/** Every tag used by the rows, with how many rows carry it, most used first, then by name. */
export function tagCounts(rows: readonly CustomerRow[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const tag of row.customer.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}
