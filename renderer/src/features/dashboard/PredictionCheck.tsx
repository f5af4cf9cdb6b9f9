import { useState } from 'react';
import type { BacktestOutcome } from '../../../../shared/predict/backtest';
import { branchBacktest } from '../../data/outlook';
import { useDesk } from '../../data/hooks';
import { longDate } from '../../lib/zoned-time';

/** The holdout a manager measures: the last 90 days. */
export const CHECK_DAYS = 90;

const oneDecimal = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en');

function aucText(v: number | null): string {
  return v === null ? 'n/a' : v.toFixed(2);
}

type Result = BacktestOutcome & { ms: number; from: number; to: number; scope: string };

/**
 * "How good are these predictions for my branch": on demand, the business model is fitted on the
 * history as it stood 90 days ago, and its predictions for the branch's customers are compared
 * with the visits that happened since — in total, per tenth of customers, and by how well the
 * chance of return and the rule-based status told who came back (AUC).
 */
export function PredictionCheck({ branchId, branchName }: { branchId: string; branchName: string }) {
  const desk = useDesk();
  const [result, setResult] = useState<Result | null>(null);
  const [running, setRunning] = useState(false);
  const shown = result !== null && result.scope === branchId ? result : null;

  const measure = (): void => {
    setRunning(true);
    // Let "Measuring…" paint first: the fit and the past statuses are one task.
    setTimeout(() => {
      const to = desk.asOfDay;
      const from = to - CHECK_DAYS;
      const outcome = branchBacktest(desk.activity, desk.indexAsOf(from), branchId, from, to);
      setResult({ ...outcome, from, to, scope: branchId });
      setRunning(false);
    }, 0);
  };

  return (
    <section className="card prediction-check" aria-labelledby="prediction-check-title">
      <header className="card-header">
        <div>
          <h2 id="prediction-check-title">How good are these predictions?</h2>
          <p className="muted dash-list-sub">
            Fits the model on the history up to {CHECK_DAYS} days ago, predicts the visits of {branchName}’s customers since, and compares with what happened.
          </p>
        </div>
        <button type="button" className="btn btn-small" disabled={running} onClick={measure}>
          {running ? 'Measuring…' : shown === null ? `Measure the last ${CHECK_DAYS} days` : 'Measure again'}
        </button>
      </header>
      {shown !== null && !shown.ok && (
        <p className="card-body" role="alert">
          Cannot measure: {shown.reason}.
        </p>
      )}
      {shown?.ok === true && <Report result={shown} report={shown.report} />}
    </section>
  );
}

function Report({ result, report }: { result: Result; report: Extract<BacktestOutcome, { ok: true }>['report'] }) {
  const facts: [string, string][] = [
    ['Predicted visits', oneDecimal.format(report.total.predicted)],
    ['Actual visits', whole.format(report.total.actual)],
    ['Customers who came back', `${whole.format(report.came_back)} of ${whole.format(report.pairs)}`],
    ['Chance of return, AUC', aucText(report.auc.p_alive)],
    ['Expected visits, AUC', aucText(report.auc.expected_visits)],
    ['Rule-based status, AUC', aucText(report.auc.rule_status)],
  ];
  return (
    <div className="card-body prediction-report" role="region" aria-label="Prediction check result">
      <p className="muted">
        Calibrated to {longDate(result.from)}; measured to {longDate(result.to)} ({result.ms} ms). AUC: how often a customer who came back was ranked above
        one who did not — 1.00 is perfect, 0.50 is no better than a coin.
      </p>
      <dl className="branch-facts prediction-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="branch-fact">
            <dt>{label}</dt>
            <dd className="nums">{value}</dd>
          </div>
        ))}
      </dl>
      <table className="cmp-table prediction-deciles">
        <caption>Per tenth of customers, most predicted visits first</caption>
        <thead>
          <tr>
            <th scope="col">Tenth</th>
            <th scope="col" className="num">
              Customers
            </th>
            <th scope="col" className="num">
              Predicted
            </th>
            <th scope="col" className="num">
              Actual
            </th>
          </tr>
        </thead>
        <tbody>
          {report.deciles.map((d) => (
            <tr key={d.decile}>
              <td className="nums">{d.decile}</td>
              <td className="num nums">{whole.format(d.pairs)}</td>
              <td className="num nums">{oneDecimal.format(d.predicted)}</td>
              <td className="num nums">{whole.format(d.actual)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
