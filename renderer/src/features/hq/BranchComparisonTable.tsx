import { useState } from 'react';
import type { BranchMetrics } from '../../../../shared/engine/metrics';
import { CsvButton, tableCsv } from './HqExport';
import { COLUMNS, formatMetric, nextSort, sortRows, type BranchRow, type SortDirection, type SortKey } from './hq-model';

/** Every branch side by side with the organisation total; click a header to sort. */
export function BranchComparisonTable({ rows, total, date }: { rows: BranchRow[]; total: BranchMetrics; date: string }) {
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'name', direction: 'asc' });
  const sorted = sortRows(rows, sort.key, sort.direction);
  return (
    <section className="card hq-table-card" aria-labelledby="hq-compare-title">
      <header className="card-header">
        <h2 id="hq-compare-title">Branch comparison</h2>
        <CsvButton
          name="Branch comparison"
          fileName={`branch-comparison-${date}.csv`}
          csv={() =>
            tableCsv(
              ['branch_id', 'branch', ...COLUMNS.slice(1).map((c) => c.key)],
              [...sorted.map((r) => [r.id, r.name, ...COLUMNS.slice(1).map((c) => r[c.key as keyof BranchMetrics])]), ['all', 'All branches', ...COLUMNS.slice(1).map((c) => total[c.key as keyof BranchMetrics])]],
            )
          }
        />
      </header>
      <div className="hq-table-scroll">
        <table className="hq-table" aria-labelledby="hq-compare-title">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" className="hq-sort" onClick={() => setSort(nextSort(sort, c.key))}>
                    {c.label}
                    <span className="hq-sort-mark" aria-hidden="true">
                      {sort.key === c.key ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.id} data-branch={r.id}>
                <th scope="row">{r.name}</th>
                {COLUMNS.slice(1).map((c) => (
                  <td key={c.key} className="num nums" data-metric={c.key}>
                    {formatMetric(c.key as keyof BranchMetrics, r[c.key as keyof BranchMetrics])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-branch="all">
              <th scope="row">All branches</th>
              {COLUMNS.slice(1).map((c) => (
                <td key={c.key} className="num nums" data-metric={c.key}>
                  {formatMetric(c.key as keyof BranchMetrics, total[c.key as keyof BranchMetrics])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
