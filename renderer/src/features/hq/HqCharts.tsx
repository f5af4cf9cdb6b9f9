import './hq-chart-setup';
import type { ReactNode } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import type { BranchMetrics } from '../../../../shared/engine/metrics';
import type { TrendResponse } from '../../../../shared/sync/protocol';
import { STATUS_LABELS } from '../../lib/format';
import { tokenColour } from '../../ui/token-colour';
import { branchColour } from './hq-chart-setup';
import { CsvButton, tableCsv } from './HqExport';
import { formatMetric, lastValue, statusMix, trendSeries, type BranchRow } from './hq-model';

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2026-03-01" → "1 Mar 2026" (a calendar date: no zone shift). */
function shortDate(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : dayFormat.format(ms);
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "2026-03-01" → "1 Mar" for axis labels. */
function shortDay(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : dayMonth.format(ms);
}

function ChartCard({ id, title, subtitle, children, after }: { id: string; title: string; subtitle: string; children: ReactNode; after?: ReactNode }) {
  return (
    <section className="card hq-chart" aria-labelledby={id}>
      <header className="card-header">
        <div>
          <h2 id={id}>{title}</h2>
          <p className="muted">{subtitle}</p>
        </div>
      </header>
      <div className="hq-chart-canvas">{children}</div>
      {after}
    </section>
  );
}

/** Customers per status for every branch, stacked. */
export function StatusMixChart({ rows }: { rows: BranchRow[] }) {
  const mix = statusMix(rows);
  const description = rows.map((r) => `${r.name}: ${mix.map((s) => `${r[s.status]} ${STATUS_LABELS[s.status].toLowerCase()}`).join(', ')}`).join('; ');
  return (
    <ChartCard id="hq-status-mix" title="Status mix per branch" subtitle="Customers of each branch by status">
      <Bar
        role="img"
        aria-label={`Status mix per branch. ${description}`}
        data={{
          labels: rows.map((r) => r.name),
          datasets: mix.map((s) => ({ label: STATUS_LABELS[s.status], data: s.values, backgroundColor: tokenColour(`--status-${s.status}`), borderWidth: 0 })),
        }}
        options={{
          maintainAspectRatio: false,
          indexAxis: 'y',
          scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } },
          plugins: { legend: { position: 'bottom' } },
        }}
      />
    </ChartCard>
  );
}

/** The chart's figures as a table (its text alternative), every day of the range. */
function TrendTable({ title, metric, labels, series, rows, all }: { title: string; metric: keyof BranchMetrics; labels: string[]; series: { values: (number | null)[] }[]; rows: BranchRow[]; all: number[] | null }) {
  return (
    <details className="hq-chart-table">
      <summary>Show the figures as a table</summary>
      <CsvButton
        name={`${title} by day`}
        fileName={`${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${labels[0] ?? ''}-${labels.at(-1) ?? ''}.csv`}
        csv={() => tableCsv(['date', ...rows.map((r) => r.id), ...(all !== null ? ['all'] : [])], labels.map((date, i) => [date, ...rows.map((_, j) => series[j]?.values[i] ?? ''), ...(all !== null ? [all[i] ?? ''] : [])]))}
      />
      <div className="hq-table-scroll">
        <table className="hq-table" aria-label={`${title} by day`}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {rows.map((r) => (
                <th key={r.id} scope="col" className="num">
                  {r.name}
                </th>
              ))}
              {all !== null && (
                <th scope="col" className="num">
                  All branches
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {labels.map((date, i) => (
              <tr key={date} data-date={date}>
                <th scope="row">{date}</th>
                {rows.map((r, j) => {
                  const v = series[j]?.values[i];
                  return (
                    <td key={r.id} className="num nums" data-branch={r.id}>
                      {v === null || v === undefined ? '—' : formatMetric(metric, v)}
                    </td>
                  );
                })}
                {all !== null && (
                  <td className="num nums" data-branch="all">
                    {formatMetric(metric, all[i] ?? 0)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * One metric over the range (computed from the bookings for every day), a line per branch (and
 * the organisation, dashed, unless one branch is drilled into). With a single day the branches
 * are compared as bars instead. A table of the same figures is one click away.
 */
export function TrendChart({
  id,
  title,
  subtitle,
  metric,
  trend,
  rows,
  showAll = true,
}: {
  id: string;
  title: string;
  subtitle: string;
  metric: keyof BranchMetrics;
  trend: TrendResponse;
  rows: BranchRow[];
  /** Draw the organisation's line (false when one branch is drilled into). */
  showAll?: boolean;
}) {
  const series = trendSeries(trend, metric, rows.map((r) => r.id));
  const scale = metric === 'churn_rate' ? 100 : 1;
  const tick = metric === 'churn_rate' ? (v: number | string) => `${v}%` : undefined;
  const last = (values: readonly (number | null)[]): string => {
    const v = lastValue(values);
    return v === null ? '—' : formatMetric(metric, v);
  };
  const description = rows.map((r, i) => `${r.name} ${last(series.branches[i]?.values ?? [])}`).join(', ');
  if (series.labels.length < 2) {
    return (
      <ChartCard id={id} title={title} subtitle={`${subtitle} — one day in this range`}>
        <Bar
          role="img"
          aria-label={`${title}: ${description}`}
          data={{ labels: rows.map((r) => r.name), datasets: [{ label: title, data: rows.map((r) => r[metric] * scale), backgroundColor: rows.map((_, i) => branchColour(i)) }] }}
          options={{ maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: tick ? { callback: tick } : {} } } }}
        />
      </ChartCard>
    );
  }
  return (
    <ChartCard
      id={id}
      title={title}
      subtitle={`${subtitle}, ${shortDate(series.labels[0] ?? '')} – ${shortDate(series.labels[series.labels.length - 1] ?? '')}`}
      after={<TrendTable title={title} metric={metric} labels={series.labels} series={series.branches} rows={rows} all={showAll ? series.all : null} />}
    >
      <Line
        role="img"
        aria-label={`${title} over ${series.labels.length} days; latest: ${description}${showAll ? `, all branches ${last(series.all)}` : ''}`}
        data={{
          labels: series.labels.map(shortDay),
          datasets: [
            ...series.branches.map((s, i) => ({
              label: rows[i]?.name ?? s.id,
              data: s.values.map((v) => (v === null ? null : v * scale)),
              pointStyle: 'line' as const,
              borderColor: branchColour(i),
              backgroundColor: branchColour(i),
              pointRadius: series.labels.length > 40 ? 0 : 2,
              borderWidth: 2,
              tension: 0.25,
            })),
            ...(showAll
              ? [{ label: 'All branches', data: series.all.map((v) => v * scale), borderColor: '#252b35', backgroundColor: '#252b35', borderDash: [6, 4], pointRadius: 0, borderWidth: 2, pointStyle: 'line' as const }]
              : []),
          ],
        }}
        options={{
          maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
          scales: { y: { beginAtZero: true, ticks: tick ? { callback: tick } : {} }, x: { ticks: { maxTicksLimit: 8, maxRotation: 0 } } },
        }}
      />
    </ChartCard>
  );
}
