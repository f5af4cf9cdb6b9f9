import { useId, useState } from 'react';
import type { BranchMetrics, MetricsReport } from '../../../../shared/engine/metrics';
import { comparisonDates, formatChange, formatMetric, rangeComparison, type BranchRow, type RangeChoice } from './hq-model';
import type { TrendResponse } from '../../../../shared/sync/protocol';
import { CsvButton, tableCsv } from './HqExport';

const RANGE_OPTIONS = [
  { value: 'last-30', label: 'Last 30 days' },
  { value: 'last-90', label: 'Last 90 days' },
  { value: 'last-365', label: 'Last 365 days' },
] as const;

function choiceValue(c: RangeChoice): string {
  return c.kind === 'last' ? `last-${c.days}` : c.kind === 'year' ? `year-${c.year}` : 'custom';
}

/**
 * The range every chart and the range tables cover: the last 30/90/365 days or a calendar year,
 * ending on the report's date (`end`: the as-of date or today), or two dates as given.
 */
export function RangeControl({ range, end, problem, onChange }: { range: RangeChoice; end: string; problem: string | null; onChange: (r: RangeChoice) => void }) {
  const endYear = Number(end.slice(0, 4)) || new Date().getUTCFullYear();
  const years = [0, 1, 2, 3, 4].map((i) => endYear - i);
  const [from, setFrom] = useState(range.kind === 'custom' ? range.from : '');
  const [to, setTo] = useState(range.kind === 'custom' ? range.to : end);
  const problemId = useId();
  return (
    <div className="hq-range" role="group" aria-label="Range of the charts">
      <label className="hq-date">
        <span>Range</span>
        <select
          className="input"
          aria-label="Chart range"
          value={choiceValue(range)}
          onChange={(e) => {
            const v = e.target.value;
            if (v.startsWith('last-')) onChange({ kind: 'last', days: Number(v.slice(5)) as 30 | 90 | 365 });
            else if (v.startsWith('year-')) onChange({ kind: 'year', year: Number(v.slice(5)) });
            else onChange({ kind: 'custom', from: from || `${endYear}-01-01`, to: to || end });
          }}
        >
          {RANGE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {years.map((y) => (
            <option key={y} value={`year-${y}`}>
              Year {y}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {range.kind === 'custom' && (
        <form
          className="hq-custom-range"
          aria-label="Custom range"
          onSubmit={(e) => {
            e.preventDefault();
            onChange({ kind: 'custom', from, to });
          }}
        >
          <label className="hq-date">
            <span>From</span>
            <input className="input" type="date" aria-label="Range from" value={from} onChange={(e) => setFrom(e.target.value)} aria-describedby={problem ? problemId : undefined} />
          </label>
          <label className="hq-date">
            <span>To</span>
            <input className="input" type="date" aria-label="Range to" value={to} onChange={(e) => setTo(e.target.value)} aria-describedby={problem ? problemId : undefined} />
          </label>
          <button type="submit" className="btn">
            Show
          </button>
        </form>
      )}
      {problem !== null && (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

const RANGE_KEYS: { key: keyof BranchMetrics; label: string }[] = [
  { key: 'customers', label: 'Customers' },
  { key: 'churn_rate', label: 'Churn rate' },
  { key: 'at_risk', label: 'At risk' },
  { key: 'win_back', label: 'Win-backs' },
  { key: 'avg_clv', label: 'Avg. lifetime value' },
];

/** Every branch at the start and the end of the range, with the change; a branch's name drills down. */
export function RangeComparisonTable({ trend, rows, onFocus, showAll = true }: { trend: TrendResponse; rows: BranchRow[]; onFocus: (id: string) => void; showAll?: boolean }) {
  const { rows: ranged, all } = rangeComparison(trend, rows);
  const first = trend.days[0]?.date ?? '';
  const last = trend.days.at(-1)?.date ?? '';
  return (
    <section className="card hq-table-card" aria-labelledby="hq-range-title">
      <header className="card-header">
        <div>
          <h2 id="hq-range-title">Branches over the range</h2>
          <p className="muted">
            {first} → {last}: each figure on the first and the last day, and the change
          </p>
        </div>
        <CsvButton
          name="Branches over the range"
          fileName={`branches-${first}-${last}.csv`}
          csv={() =>
            tableCsv(
              ['branch_id', 'branch', ...RANGE_KEYS.flatMap((k) => [`${k.key}_${first}`, `${k.key}_${last}`])],
              [
                ...ranged.map((r) => [r.id, r.name, ...RANGE_KEYS.flatMap((k) => [r.start[k.key], r.end[k.key]])]),
                ...(all !== null && showAll ? [['all', 'All branches', ...RANGE_KEYS.flatMap((k) => [all.start[k.key], all.end[k.key]])]] : []),
              ],
            )
          }
        />
      </header>
      {all === null ? (
        <p className="empty-state">No days in this range.</p>
      ) : (
        <div className="hq-table-scroll">
          <table className="hq-table" aria-labelledby="hq-range-title">
            <thead>
              <tr>
                <th scope="col">Branch</th>
                {RANGE_KEYS.map((k) => (
                  <th key={k.key} scope="col" className="num">
                    {k.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ranged.map((r) => (
                <tr key={r.id} data-branch={r.id}>
                  <th scope="row">
                    <button type="button" className="btn-link" onClick={() => onFocus(r.id)} aria-label={`Drill down into ${r.name}`}>
                      {r.name}
                    </button>
                  </th>
                  {RANGE_KEYS.map((k) => (
                    <td key={k.key} className="num nums" data-metric={k.key}>
                      {formatMetric(k.key, r.start[k.key])} → {formatMetric(k.key, r.end[k.key])} <span className="muted">({formatChange(k.key, r.start[k.key], r.end[k.key])})</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {showAll && (
              <tfoot>
                <tr data-branch="all">
                  <th scope="row">All branches</th>
                  {RANGE_KEYS.map((k) => (
                    <td key={k.key} className="num nums" data-metric={k.key}>
                      {formatMetric(k.key, all.start[k.key])} → {formatMetric(k.key, all.end[k.key])} <span className="muted">({formatChange(k.key, all.start[k.key], all.end[k.key])})</span>
                    </td>
                  ))}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  );
}

const PERIOD_KEYS: { key: keyof BranchMetrics; label: string }[] = [
  { key: 'customers', label: 'Customers' },
  { key: 'active', label: 'Active' },
  { key: 'at_risk', label: 'At risk' },
  { key: 'churned', label: 'Churned' },
  { key: 'churn_rate', label: 'Churn rate' },
  { key: 'new_customers_30d', label: 'New in 30 days' },
  { key: 'win_back', label: 'Win-backs' },
  { key: 'avg_clv', label: 'Avg. lifetime value' },
];

/** The report's date against the same day a month and a year before (the branch drilled into, or every branch). */
export function PeriodTable({ current, lastMonth, lastYear, focus, focusName }: { current: MetricsReport; lastMonth: MetricsReport; lastYear: MetricsReport; focus: string; focusName: string }) {
  const dates = comparisonDates(current.as_of);
  const pick = (r: MetricsReport) => (focus === '' ? r.all : r.branches[focus]);
  const now = pick(current);
  const month = pick(lastMonth);
  const year = pick(lastYear);
  return (
    <section className="card hq-table-card" aria-labelledby="hq-period-title">
      <header className="card-header">
        <div>
          <h2 id="hq-period-title">Period over period</h2>
          <p className="muted">{focus === '' ? 'All branches' : focusName}: this month against last month and the same month last year (same day of the month)</p>
        </div>
        <CsvButton
          name="Period over period"
          fileName={`period-${focus === '' ? 'all' : focus}-${dates.current}.csv`}
          csv={() => tableCsv(['figure', dates.current, dates.lastMonth, dates.lastYear], PERIOD_KEYS.map((k) => [k.key, now?.[k.key] ?? '', month?.[k.key] ?? '', year?.[k.key] ?? '']))}
        />
      </header>
      <div className="hq-table-scroll">
        <table className="hq-table" aria-labelledby="hq-period-title">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="num">
                {dates.current}
              </th>
              <th scope="col" className="num">
                {dates.lastMonth}
              </th>
              <th scope="col" className="num">
                vs last month
              </th>
              <th scope="col" className="num">
                {dates.lastYear}
              </th>
              <th scope="col" className="num">
                vs last year
              </th>
            </tr>
          </thead>
          <tbody>
            {PERIOD_KEYS.map((k) => (
              <tr key={k.key} data-metric={k.key}>
                <th scope="row">{k.label}</th>
                <td className="num nums">{now === undefined ? '—' : formatMetric(k.key, now[k.key])}</td>
                <td className="num nums">{month === undefined ? '—' : formatMetric(k.key, month[k.key])}</td>
                <td className="num nums">{now === undefined || month === undefined ? '—' : formatChange(k.key, month[k.key], now[k.key])}</td>
                <td className="num nums">{year === undefined ? '—' : formatMetric(k.key, year[k.key])}</td>
                <td className="num nums">{now === undefined || year === undefined ? '—' : formatChange(k.key, year[k.key], now[k.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
