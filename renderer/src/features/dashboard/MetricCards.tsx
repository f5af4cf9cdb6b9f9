import type { CustomerStatus } from '../../../../shared/domain/types';
import type { BranchMetrics } from '../../../../shared/engine/metrics';
import { formatPrice, STATUS_LABELS } from '../../lib/format';
import { headline, headlineDetail, percent } from './dashboard-model';

const STATUSES: CustomerStatus[] = ['active', 'win_back', 'at_risk', 'churned', 'new'];

/** "23 active, 8 at risk, 12 churned", a big number per status, then the branch's key figures. */
export function MetricCards({ metrics, onStatus }: { metrics: BranchMetrics; onStatus?: (status: CustomerStatus) => void }) {
  const figures: { key: string; label: string; value: string; hint: string }[] = [
    { key: 'customers', label: 'Customers', value: metrics.customers.toLocaleString('en'), hint: 'booked here or call it home' },
    { key: 'new_customers_30d', label: 'New in 30 days', value: metrics.new_customers_30d.toLocaleString('en'), hint: 'first visit in the last 30 days' },
    { key: 'churn_rate', label: 'Churn rate', value: percent(metrics.churn_rate), hint: 'churned ÷ customers with a visit (the status mix counts every customer)' },
    { key: 'avg_clv', label: 'Avg. lifetime value', value: formatPrice(Math.round(metrics.avg_clv * 100)), hint: 'spent per customer with a visit' },
    { key: 'avg_visits', label: 'Avg. visits', value: metrics.avg_visits.toFixed(2), hint: 'per customer with a visit' },
  ];
  return (
    <>
      <section className="card dash-glance" aria-labelledby="glance-title">
        <div className="dash-headline">
          <h2 id="glance-title" className="dash-headline-text" data-testid="dashboard-headline">
            {headline(metrics)}
          </h2>
          <p className="muted">{headlineDetail(metrics)}</p>
        </div>
        <ul className="dash-statuses">
          {STATUSES.map((s) => {
            const body = (
              <>
                <span className="dash-status-label">
                  <span className={`cdot cdot-${s}`} aria-hidden="true" />
                  {STATUS_LABELS[s]}
                </span>
                <span className="dash-status-value nums" data-testid={`metric-${s}`}>
                  {metrics[s].toLocaleString('en')}
                </span>
              </>
            );
            return (
              <li key={s} className={`dash-status dash-status-${s}`}>
                {onStatus === undefined ? (
                  <div className="dash-status-inner">{body}</div>
                ) : (
                  <button type="button" className="dash-status-inner" onClick={() => onStatus(s)} aria-label={`${STATUS_LABELS[s]}: ${metrics[s]} — show them in Customers`}>
                    {body}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <dl className="dash-figures">
        {figures.map((f) => (
          <div key={f.key} className="card dash-figure">
            <dt>{f.label}</dt>
            <dd className="nums" data-testid={`metric-${f.key}`}>
              {f.value}
            </dd>
            <dd className="dash-figure-hint">{f.hint}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
