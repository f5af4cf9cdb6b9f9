import type { BranchMetrics } from '../../../../shared/engine/metrics';
import { formatMetric } from './hq-model';

const FIGURES: { key: keyof BranchMetrics; label: string; hint: string }[] = [
  { key: 'customers', label: 'Customer–branch pairs', hint: 'a customer of two branches counts twice' },
  { key: 'active', label: 'Active', hint: 'visited recently' },
  { key: 'win_back', label: 'Win-backs', hint: 'came back after churning' },
  { key: 'at_risk', label: 'At risk', hint: 'overdue for a visit' },
  { key: 'churned', label: 'Churned', hint: 'gone past the at-risk window' },
  { key: 'new_customers_30d', label: 'New in 30 days', hint: 'first visit in the last 30 days' },
  { key: 'churn_rate', label: 'Churn rate', hint: 'churned of customers with a visit' },
  { key: 'avg_clv', label: 'Avg. lifetime value', hint: 'spent per customer with a visit' },
];

/** The organisation's figures (every pair of every branch). */
export function HqTotals({ total }: { total: BranchMetrics }) {
  return (
    <section className="card hq-totals" aria-labelledby="hq-totals-title">
      <h2 id="hq-totals-title" className="visually-hidden">
        Organisation totals
      </h2>
      <ul className="hq-figures">
        {FIGURES.map((f) => (
          <li key={f.key} className="hq-figure">
            <span className="hq-figure-label">{f.label}</span>
            <span className="hq-figure-value nums" data-testid={`hq-total-${f.key}`}>
              {formatMetric(f.key, total[f.key])}
            </span>
            <span className="hq-figure-hint">{f.hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
