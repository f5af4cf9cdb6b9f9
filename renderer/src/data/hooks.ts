import { useMemo } from 'react';
import type { BranchDoc, CustomerDoc } from '../../../shared/domain/schemas';
import type { PairActivity } from '../../../shared/engine/activity';
import type { DeskData } from './desk-data';
import type { PairOutlook } from '../../../shared/predict/outlook';
import type { OutlookModelState } from './outlook';
import type { DeskSettings } from './desk-settings';
import type { SearchHit, SearchOptions } from './search-index';
import { deskTimeZone } from './session';
import { useDeskStore } from './store';

/**
 * React access to the local replica. Each hook subscribes to the version counter of what it
 * reads, so a component re-renders when that kind of data changes and selectors return the same
 * object identity while the underlying record is unchanged.
 */

/** The open desk (only under the app shell, which renders screens once the replica is open). */
export function useDesk(): DeskData {
  const desk = useDeskStore((s) => s.desk);
  if (desk === null) throw new Error('useDesk() used before the local replica was opened');
  return desk;
}

export function useDeskSettings(): DeskSettings {
  const desk = useDesk();
  useDeskStore((s) => s.versions.settings);
  return desk.settings;
}

/** The branch this desk serves (undefined before onboarding). */
export function useCurrentBranch(): BranchDoc | undefined {
  const desk = useDesk();
  useDeskStore((s) => s.versions.settings);
  return useDeskStore(() => desk.currentBranch);
}

/** Every branch in the replica, sorted by name. */
export function useBranches(): BranchDoc[] {
  const desk = useDesk();
  const version = useDeskStore((s) => s.versions.branches);
  return useMemo(() => {
    void version;
    return [...desk.branches.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [desk, version]);
}

export function useCustomer(id: string | undefined): CustomerDoc | undefined {
  const desk = useDesk();
  return useDeskStore(() => (id === undefined ? undefined : desk.customers.get(id)));
}

/** A customer's activity at a branch (the desk's branch when omitted). */
export function useActivity(customerId: string | undefined, branchId?: string): PairActivity | undefined {
  const desk = useDesk();
  return useDeskStore(() => {
    const branch = branchId ?? desk.settings.branchId;
    return customerId === undefined ? undefined : desk.activityOf(branch, customerId);
  });
}

/** A pair's predicted outlook (undefined without a visit, or while there is no model). */
export function useOutlook(customerId: string | undefined, branchId?: string): PairOutlook | undefined {
  const desk = useDesk();
  useActivityVersion();
  const branch = branchId ?? desk.settings.branchId;
  return customerId === undefined ? undefined : desk.outlook.get(branch, customerId);
}

/** Where the outlook's model stands: pending, ready (from the desk's fit or the server) or failed. */
export function useOutlookState(): OutlookModelState {
  const desk = useDesk();
  useActivityVersion();
  return desk.outlook.state;
}

/** Re-renders on every activity change; use with `desk.activity` for lists and aggregates. */
export function useActivityVersion(): number {
  return useDeskStore((s) => s.versions.activity);
}

export function useCustomersVersion(): number {
  return useDeskStore((s) => s.versions.customers);
}

export function useBookingsVersion(): number {
  return useDeskStore((s) => s.versions.bookings);
}

/** Customers matching a query (name, phone or email), best first; recomputed on customer changes. */
export function useCustomerSearch(query: string, options: SearchOptions = {}): SearchHit[] {
  const desk = useDesk();
  const version = useCustomersVersion();
  const { limit, accept } = options;
  return useMemo(() => {
    void version;
    return desk.search.search(query, { limit, accept });
  }, [desk, version, query, limit, accept]);
}

/** The desk's local date (day number) and zone; changes at local midnight. */
export function useToday(): { day: number; timeZone: string } {
  const desk = useDesk();
  const day = useDeskStore(() => desk.asOfDay);
  useDeskStore((s) => s.versions.settings);
  return { day, timeZone: deskTimeZone(desk) };
}

/**
 * Whether every customer (and every status) is in memory. At start-up Today shows first with
 * only the customers of its bookings; lists, searches and duplicate checks over all customers
 * wait for this.
 */
export function useCustomersLoaded(): boolean {
  const desk = useDesk();
  return useDeskStore(() => desk.stage === 'bookings' || desk.stage === 'done');
}
