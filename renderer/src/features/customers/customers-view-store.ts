import { create } from 'zustand';
import type { SegmentCriteria } from '../../../../shared/domain/schemas';
import type { CustomerStatus, FrequencyTier, SpendingTier } from '../../../../shared/domain/types';
import { criteria as makeCriteria, criteriaFromListFilters, listFiltersOf } from '../../../../shared/domain/criteria';
import { formatMoney } from '../../../../shared/money';
import { LIKELY_TO_LAPSE_BELOW } from '../../../../shared/predict/outlook';
import type { CustomerFilters, FilterKey } from './customer-filters';
import { DEFAULT_SORT, type SortOrder } from './customer-sort';
import type { OutlookFilter } from './outlook-filters';
import { EMPTY_INPUTS, parseFilterInputs, type FilterInputs, type InputErrors } from './filter-inputs';

/**
 * The Customers list's search, filters, sort, scope and selection: a store outside the screen so
 * they survive going to a customer and back.
 */
export interface CustomersView {
  query: string;
  allBranches: boolean;
  sort: SortOrder;
  /**
   * While searching, best matches come first (in `sort` order within each match quality) until
   * the user picks a sort; a new search starts with best match again.
   */
  bestMatch: boolean;
  statuses: CustomerStatus[];
  spendingTiers: SpendingTier[];
  frequencyTiers: FrequencyTier[];
  tags: string[];
  inputs: FilterInputs;
  /** Filters on predictions (not part of a saved segment's criteria). */
  outlook: OutlookFilter[];
  /** The highlighted customer (keyboard selection), kept across navigation. */
  selectedId: string | null;
  /**
   * A saved segment applied to the list. Its criteria the list's own filters can show fill them
   * (and stay editable); `extra` holds the rest (RFM, value, consent, dates, future booking),
   * which filters the rows too until the segment is removed. Null: no segment applied.
   */
  segment: AppliedSegment | null;
}

export interface AppliedSegment {
  /** The saved segment's id ('' for criteria that were never saved). */
  id: string;
  name: string;
  /** Criteria beyond the list's filters (null when the list's filters say everything). */
  extra: SegmentCriteria | null;
}

const initial: CustomersView = {
  query: '',
  allBranches: false,
  sort: DEFAULT_SORT,
  bestMatch: true,
  statuses: [],
  spendingTiers: [],
  frequencyTiers: [],
  tags: [],
  inputs: EMPTY_INPUTS,
  outlook: [],
  selectedId: null,
  segment: null,
};

export const useCustomersView = create<CustomersView>(() => initial);

function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export const customersView = {
  /** A new search also drops the selection: the first match is the one Enter opens. */
  setQuery: (query: string): void =>
    useCustomersView.setState((v) => ({ query, selectedId: null, bestMatch: query.trim() === '' ? true : v.bestMatch })),
  setAllBranches: (allBranches: boolean): void => useCustomersView.setState({ allBranches }),
  setSort: (sort: SortOrder): void => useCustomersView.setState({ sort, bestMatch: false }),
  sortByBestMatch: (): void => useCustomersView.setState({ bestMatch: true }),
  toggleStatus: (s: CustomerStatus): void => useCustomersView.setState((v) => ({ statuses: toggled(v.statuses, s) })),
  toggleSpendingTier: (t: SpendingTier): void => useCustomersView.setState((v) => ({ spendingTiers: toggled(v.spendingTiers, t) })),
  toggleFrequencyTier: (t: FrequencyTier): void => useCustomersView.setState((v) => ({ frequencyTiers: toggled(v.frequencyTiers, t) })),
  toggleOutlook: (f: OutlookFilter): void => useCustomersView.setState((v) => ({ outlook: toggled(v.outlook, f) })),
  toggleTag: (tag: string): void => useCustomersView.setState((v) => ({ tags: toggled(v.tags, tag) })),
  setInput: (field: keyof FilterInputs, value: string): void => useCustomersView.setState((v) => ({ inputs: { ...v.inputs, [field]: value } })),
  select: (selectedId: string | null): void => useCustomersView.setState({ selectedId }),
  /** Clears one filter. */
  clearFilter: (key: FilterKey): void =>
    useCustomersView.setState((v) => {
      switch (key) {
        case 'status':
          return { statuses: [] };
        case 'spending':
          return { spendingTiers: [] };
        case 'frequency':
          return { frequencyTiers: [] };
        case 'tags':
          return { tags: [] };
        case 'minVisits':
          return { inputs: { ...v.inputs, minVisits: '' } };
        case 'minSpent':
          return { inputs: { ...v.inputs, minSpent: '' } };
        case 'daysSince':
          return { inputs: { ...v.inputs, daysFrom: '', daysTo: '' } };
      }
    }),
  /** Clears every filter (not the search, sort or scope). */
  clearFilters: (): void => useCustomersView.setState({ statuses: [], spendingTiers: [], frequencyTiers: [], tags: [], inputs: EMPTY_INPUTS, outlook: [], segment: null }),
  /** Clears the search and every filter. */
  clearAll: (): void =>
    useCustomersView.setState({ query: '', bestMatch: true, statuses: [], spendingTiers: [], frequencyTiers: [], tags: [], inputs: EMPTY_INPUTS, outlook: [], segment: null }),
  /**
   * Shows this branch's customers matching a segment: no search, the segment's criteria as the
   * list's filters plus its other criteria (see `AppliedSegment`).
   */
  applySegment: (segment: { id: string; name: string; criteria: SegmentCriteria }): void => {
    const { filters, extra } = listFiltersOf(segment.criteria);
    useCustomersView.setState({
      ...initial,
      sort: useCustomersView.getState().sort,
      statuses: [...filters.statuses],
      spendingTiers: [...filters.spendingTiers],
      frequencyTiers: [...filters.frequencyTiers],
      tags: [...filters.tags],
      inputs: {
        minVisits: filters.minVisits === null ? '' : String(filters.minVisits),
        minSpent: filters.minSpentCents === null ? '' : formatMoney(filters.minSpentCents),
        daysFrom: filters.daysSinceMin === null ? '' : String(filters.daysSinceMin),
        daysTo: filters.daysSinceMax === null ? '' : String(filters.daysSinceMax),
      },
      segment: { id: segment.id, name: segment.name, extra: extra ? extraCriteria(segment.criteria) : null },
    });
  },
  /** Removes the applied segment's extra criteria (the list's own filters stay). */
  removeSegment: (): void => useCustomersView.setState({ segment: null }),
  /** This branch's customers of one status, nothing else filtered (links from the dashboard). */
  showStatus: (status: CustomerStatus, sort: SortOrder = DEFAULT_SORT): void =>
    useCustomersView.setState({ ...initial, statuses: [status], sort }),
  reset: (): void => useCustomersView.setState(initial, true),
};

/** The filters a view applies (fields with a typing problem left out) and those problems. */
export function filtersOf(view: Pick<CustomersView, 'statuses' | 'spendingTiers' | 'frequencyTiers' | 'tags' | 'inputs'>): {
  filters: CustomerFilters;
  errors: InputErrors;
} {
  const { values, errors } = parseFilterInputs(view.inputs);
  return {
    filters: { statuses: view.statuses, spendingTiers: view.spendingTiers, frequencyTiers: view.frequencyTiers, tags: view.tags, ...values },
    errors,
  };
}

/** The part of criteria the list's filters cannot show (those fields emptied). */
export function extraCriteria(c: SegmentCriteria): SegmentCriteria {
  return { ...c, statuses: [], spending_tiers: [], frequency_tiers: [], tags: [], min_visits: null, min_spent: null, days_since_min: null, days_since_max: null };
}

/**
 * The list's current filters (typing problems left out), its ticked prediction filters ("Likely to
 * lapse" = chance of return below 50 %, "Overdue for them") and the applied segment's extra, as one
 * set of criteria.
 */
export function currentCriteria(view: Pick<CustomersView, 'statuses' | 'spendingTiers' | 'frequencyTiers' | 'tags' | 'inputs' | 'segment' | 'outlook'>): SegmentCriteria {
  const own = criteriaFromListFilters(filtersOf(view).filters);
  const extra = view.segment?.extra;
  const c =
    extra === null || extra === undefined
      ? own
      : makeCriteria({ ...extra, statuses: own.statuses, spending_tiers: own.spending_tiers, frequency_tiers: own.frequency_tiers, tags: own.tags, min_visits: own.min_visits, min_spent: own.min_spent, days_since_min: own.days_since_min, days_since_max: own.days_since_max });
  if (view.outlook.includes('likely_to_lapse')) {
    const below = Math.round(LIKELY_TO_LAPSE_BELOW * 100);
    c.chance_below_pct = c.chance_below_pct === null ? below : Math.min(c.chance_below_pct, below);
  }
  if (view.outlook.includes('overdue')) c.overdue_for_them = true;
  return c;
}
