import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_INSIGHT_RULES } from '../../../../shared/insights/business-rules';
import { useActivityVersion, useBookingsVersion, useCustomersVersion, useDesk, useToday } from '../../data/hooks';
import { viewContextOf } from '../segments/model';
import { runQuery, type CustomerFilters, type QueryResult, type RowMatcher } from './customer-filters';
import { buildRows, tagCounts, type CustomerRow } from './customer-rows';
import { sortRows } from './customer-sort';
import { filterByOutlook, outlookCounts, type OutlookFilter } from './outlook-filters';
import { filtersOf, useCustomersView } from './customers-view-store';
import type { InputErrors } from './filter-inputs';
import { timedFilter } from './filter-timing';
import { MatchCache } from './match-cache';
import { rowsInSegment } from './segment-rows';

export interface CustomerList {
  /** Every row of the scope (before search and filters). */
  rows: CustomerRow[];
  /** The rows of the applied segment's extra criteria (all rows when none is applied). */
  inSegment: CustomerRow[];
  result: QueryResult;
  /** Best matches first (a search is on and no sort was picked for it). */
  byBestMatch: boolean;
  filters: CustomerFilters;
  inputErrors: InputErrors;
  tags: { tag: string; count: number }[];
  /** Ticked prediction filters and, per filter, how many rows of the scope meet it. */
  outlook: OutlookFilter[];
  outlookCounts: Record<OutlookFilter, number>;
}

/**
 * The Customers list for the current view. Rows are built when the data or the scope changes and
 * sorted when the order changes; a keystroke only re-runs `runQuery` over the sorted rows.
 */
export function useCustomerList(branchId: string): CustomerList {
  const desk = useDesk();
  const activityVersion = useActivityVersion();
  const customersVersion = useCustomersVersion();
  const bookingsVersion = useBookingsVersion();
  const { day } = useToday();
  const segment = useCustomersView((v) => v.segment);
  const allBranches = useCustomersView((v) => v.allBranches);
  const sort = useCustomersView((v) => v.sort);
  const query = useCustomersView((v) => v.query);
  const bestMatch = useCustomersView((v) => v.bestMatch);
  const outlook = useCustomersView((v) => v.outlook);
  const picked = useCustomersView(
    useShallow((v) => ({ statuses: v.statuses, spendingTiers: v.spendingTiers, frequencyTiers: v.frequencyTiers, tags: v.tags, inputs: v.inputs })),
  );

  const rows = useMemo(() => {
    void activityVersion;
    void customersVersion;
    return buildRows(
      desk.customers,
      desk.activity.activities(),
      allBranches ? { kind: 'all', preferredBranchId: branchId } : { kind: 'branch', branchId },
      (id) => desk.search.entry(id),
      (b, c) => desk.outlook.get(b, c),
    );
  }, [desk, activityVersion, customersVersion, allBranches, branchId]);

  // A segment's RFM, value, consent, date and future-booking criteria: applied to the rows before
  // the list's own filters (computed only while such a segment is applied).
  const extra = segment?.extra ?? null;
  const inSegment = useMemo(() => {
    void bookingsVersion;
    if (extra === null) return rows;
    const context = viewContextOf({
      activities: [...desk.activity.activities()],
      branchId: allBranches ? null : branchId,
      today: day,
      rules: DEFAULT_INSIGHT_RULES,
      bookingsOf: (b, c) => desk.activity.bookingsOf(b, c),
      outlookOf: (b, c) => desk.outlook.get(b, c),
    });
    return rowsInSegment(rows, extra, context, day);
  }, [desk, rows, extra, allBranches, branchId, day, bookingsVersion]);

  const tags = useMemo(() => tagCounts(rows), [rows]);
  const sorted = useMemo(() => filterByOutlook(sortRows(inSegment, sort), outlook), [inSegment, sort, outlook]);
  const counts = useMemo(() => outlookCounts(inSegment), [inSegment]);
  const match = useMemo((): RowMatcher | null => {
    const score = desk.search.entryMatcher(query);
    return score === null ? null : (row) => (row.entry === undefined ? 0 : score(row.entry));
  }, [desk, query]);
  const { filters, errors } = useMemo(() => filtersOf(picked), [picked]);
  // Typing on narrows the search (only the last matches are searched again) and clearing it
  // returns the list kept for these filters: same results, less work.
  const [cache] = useState(() => new MatchCache());
  const result = useMemo(
    () =>
      timedFilter(() => {
        if (match === null) {
          cache.remember(sorted, query, sorted);
          return cache.withoutSearch(sorted, filters, () => runQuery(sorted, null, filters));
        }
        const found = runQuery(cache.source(sorted, query), match, filters, { bestMatchFirst: bestMatch });
        cache.remember(sorted, query, found.matchedRows);
        return found;
      }),
    [cache, sorted, query, match, filters, bestMatch],
  );

  return { rows, inSegment, result, byBestMatch: bestMatch && match !== null, filters, inputErrors: errors, tags, outlook, outlookCounts: counts };
}
