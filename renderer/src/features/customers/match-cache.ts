import { narrows } from '../../data/search-index';
import type { CustomerFilters, QueryResult } from './customer-filters';
import type { CustomerRow } from './customer-rows';

/**
 * Remembers the rows the last search matched, so that typing on (a query that narrows the last
 * one, over the same rows) searches only those instead of every customer, and the unsearched list
 * of the current filters, so that clearing the search costs nothing. Results are the same either
 * way; only the work shrinks.
 */
export class MatchCache {
  private last: { rows: readonly CustomerRow[]; query: string; matched: readonly CustomerRow[] } | null = null;
  private unsearched: { rows: readonly CustomerRow[]; filters: CustomerFilters; result: QueryResult } | null = null;

  /** The list without a search, computed once per rows and filters. */
  withoutSearch(rows: readonly CustomerRow[], filters: CustomerFilters, compute: () => QueryResult): QueryResult {
    const kept = this.unsearched;
    if (kept !== null && kept.rows === rows && kept.filters === filters) return kept.result;
    const result = compute();
    this.unsearched = { rows, filters, result };
    return result;
  }

  /** The rows to search for `query`: the last matches when that is safe, else all `rows`. */
  source(rows: readonly CustomerRow[], query: string): readonly CustomerRow[] {
    const last = this.last;
    return last !== null && last.rows === rows && narrows(last.query, query) ? last.matched : rows;
  }

  /** What `query` matched among `rows` (every row's order kept). */
  remember(rows: readonly CustomerRow[], query: string, matched: readonly CustomerRow[]): void {
    this.last = query.trim() === '' ? null : { rows, query, matched };
  }
}
