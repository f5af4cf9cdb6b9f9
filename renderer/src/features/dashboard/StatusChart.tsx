import { Doughnut } from 'react-chartjs-2';
import type { CustomerStatus } from '../../../../shared/domain/types';
import type { BranchMetrics } from '../../../../shared/engine/metrics';
import { STATUS_LABELS } from '../../lib/format';
import '../../ui/chart-setup';
import { tokenColour } from '../../ui/token-colour';
import { percent } from './dashboard-model';

const ORDER: CustomerStatus[] = ['active', 'win_back', 'at_risk', 'churned', 'new'];

/** Status mix as a doughnut, with a legend that carries the numbers (the canvas is labelled too). */
export function StatusChart({ metrics }: { metrics: BranchMetrics }) {
  const total = metrics.customers;
  const values = ORDER.map((s) => metrics[s]);
  const description = ORDER.map((s) => `${metrics[s]} ${STATUS_LABELS[s].toLowerCase()}`).join(', ');
  return (
    <section className="card dash-chart" aria-labelledby="status-mix-title">
      <header className="card-header">
        <h2 id="status-mix-title">Status mix</h2>
        <p className="muted dash-list-sub">Shares of all {total.toLocaleString('en')} customers, new ones included (the churn rate counts only customers with a visit)</p>
      </header>
      <div className="status-mix">
        <div className="status-doughnut">
          <Doughnut
            aria-label={`Status mix: ${description}`}
            role="img"
            data={{
              labels: ORDER.map((s) => STATUS_LABELS[s]),
              datasets: [{ data: values, backgroundColor: ORDER.map((s) => tokenColour(`--status-${s}`)), borderWidth: 2, borderColor: '#fff' }],
            }}
            options={{ maintainAspectRatio: false, cutout: '68%', plugins: { legend: { display: false }, tooltip: { enabled: true } } }}
          />
          <div className="status-doughnut-centre" aria-hidden="true">
            <span className="nums">{total.toLocaleString('en')}</span>
            <span>customers</span>
          </div>
        </div>
        <ul className="status-legend">
          {ORDER.map((s) => (
            <li key={s}>
              <span className={`cdot cdot-${s}`} aria-hidden="true" />
              <span className="status-legend-label">{STATUS_LABELS[s]}</span>
              <span className="nums status-legend-value">{metrics[s].toLocaleString('en')}</span>
              <span className="nums status-legend-share" title={`of all ${total.toLocaleString('en')} customers`}>
                {total === 0 ? '—' : percent(metrics[s] / total)}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
