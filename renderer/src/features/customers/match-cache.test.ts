import { describe, expect, it } from 'vitest';
import { demoOptions, generateDemoData } from '../../../../shared/demo';
import { CustomerSearchIndex } from '../../data/search-index';
import { customerFixture } from '../../data/test-fixtures';
import { runQuery, type RowMatcher } from './customer-filters';
import { NO_FILTERS } from './test-rows';
import { buildRows, type CustomerRow } from './customer-rows';
import { MatchCache } from './match-cache';

const demo = generateDemoData(demoOptions('sample-like'));
const index = new CustomerSearchIndex();
for (const c of demo.customers) index.put(c);
const docs = demo.customers.map((c) => customerFixture({ id: c.id, name: c.name, phone: c.phone, email: c.email }));
const rows: CustomerRow[] = buildRows(new Map(docs.map((d) => [d.id, d])), [], { kind: 'all', preferredBranchId: '' }, (id) => index.entry(id));
const matcherFor = (query: string): RowMatcher | null => {
  const score = index.entryMatcher(query);
  return score === null ? null : (row) => (row.entry === undefined ? 0 : score(row.entry));
};

describe('MatchCache', () => {
  it('gives exactly the full search’s result while typing, deleting and retyping, searching fewer rows as the query grows', () => {
    const cache = new MatchCache();
    const typed = ['m', 'ma', 'mar', 'mari', 'maria', 'mari', 'mar', 'mart', '', '0', '09', '091', '0917', '09171', 'j', 'jo', 'jo.', 'jo.s'];
    const searched: number[] = [];
    for (const query of typed) {
      const match = matcherFor(query);
      const source = match === null ? rows : cache.source(rows, query);
      searched.push(source.length);
      const result = runQuery(source, match, NO_FILTERS, { bestMatchFirst: true });
      cache.remember(rows, query, result.matchedRows);
      const full = runQuery(rows, match, NO_FILTERS, { bestMatchFirst: true });
      expect(result.visible.map((r) => r.id), query).toEqual(full.visible.map((r) => r.id));
      expect(result.matched, query).toBe(full.matched);
    }
    // "ma" searched only what "m" matched; deleting a letter ("mari" after "maria") searches everyone
    expect(searched[1]).toBeLessThan(rows.length);
    expect(searched[5]).toBe(rows.length);
    expect(searched[2]).toBeLessThanOrEqual(searched[1] ?? 0);
  });

  it('starts over when the rows change', () => {
    const cache = new MatchCache();
    const result = runQuery(rows, matcherFor('ma'), NO_FILTERS);
    cache.remember(rows, 'ma', result.matchedRows);
    expect(cache.source(rows, 'mar')).toBe(result.matchedRows);
    const fresh = rows.slice();
    expect(cache.source(fresh, 'mar')).toBe(fresh);
  });

  it('keeps the unsearched list per rows and filters', () => {
    const cache = new MatchCache();
    let runs = 0;
    const compute = () => {
      runs += 1;
      return runQuery(rows, null, NO_FILTERS);
    };
    const first = cache.withoutSearch(rows, NO_FILTERS, compute);
    expect(cache.withoutSearch(rows, NO_FILTERS, compute)).toBe(first);
    expect(runs).toBe(1);
    cache.withoutSearch(rows, { ...NO_FILTERS, minVisits: 1 }, compute);
    cache.withoutSearch(rows.slice(), NO_FILTERS, compute);
    expect(runs).toBe(3);
  });
});
