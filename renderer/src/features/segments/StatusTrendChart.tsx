import { Line } from 'react-chartjs-2';
import { formatDay } from '../../../../shared/time/calendar';
import { STATUS_LABELS } from '../../lib/format';
import { tokenColour } from '../../ui/token-colour';
import { TREND_STATUSES, type StatusTrend } from './segments-model';
import '../../ui/chart-setup';

const short = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Customers per status at the end of each of the last weeks, from the desk's own history. */
export function StatusTrendChart({ trend }: { trend: StatusTrend }) {
  const labels = trend.days.map((d) => short.format(d * 86_400_000));
  const last = trend.days.length - 1;
  const description = TREND_STATUSES.map((s) => `${STATUS_LABELS[s]} ${trend.counts[s][0] ?? 0} → ${trend.counts[s][last] ?? 0}`).join(', ');
  return (
    <section className="card dash-chart" aria-labelledby="trend-title">
      <header className="card-header">
        <h2 id="trend-title">Status trend</h2>
        <span className="muted">last {trend.days.length} weeks, from {formatDay(trend.days[0] ?? 0)}</span>
      </header>
      <div className="seg-trend">
        <Line
          role="img"
          aria-label={`Status trend over ${trend.days.length} weeks: ${description}`}
          data={{
            labels,
            datasets: TREND_STATUSES.map((s) => ({
              label: STATUS_LABELS[s],
              data: trend.counts[s],
              borderColor: tokenColour(`--status-${s}`),
              backgroundColor: tokenColour(`--status-${s}`),
              borderWidth: 2,
              pointRadius: 2,
              tension: 0.25,
            })),
          }}
          options={{
            maintainAspectRatio: false,
            interaction: { mode: 'index', intersect: false },
            plugins: { legend: { position: 'bottom', labels: { boxWidth: 10, boxHeight: 10, usePointStyle: true } } },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#eef0f3' } }, x: { grid: { display: false } } },
          }}
        />
      </div>
    </section>
  );
}
