import { useEffect, useState } from 'react';
import { pairedApi } from '../../sync/sync-session';
import type { RetentionOutlookResponse } from '../../sync/api';
import { useHqStore } from './hq-store';

const visits = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en');

/**
 * HQ: per branch, what the business's retention model predicts — expected visits and predicted
 * revenue in the next 30 and 90 days, the value at risk — from the server
 * (`GET /api/retention/outlook`), computed as of each branch's local today with the same model
 * and shared code as that branch's desk, so the figures are the desks'. Fetched with the report
 * (not kept offline yet).
 */
export function HqOutlook() {
  const names = useHqStore((s) => s.report?.branchNames ?? null);
  const fetchedAt = useHqStore((s) => s.report?.fetchedAt ?? 0);
  const [data, setData] = useState<RetentionOutlookResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const api = pairedApi();
    if (api === null) return;
    const abort = new AbortController();
    api
      .retentionOutlook(abort.signal)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => abort.abort();
  }, [fetchedAt]);

  const rows = data?.branches === null || data === null ? [] : Object.entries(data.branches).sort(([a], [b]) => ((names?.[a] ?? a) < (names?.[b] ?? b) ? -1 : 1));
  return (
    <section className="card hq-outlook" aria-labelledby="hq-outlook-title">
      <header className="card-header">
        <div>
          <h2 id="hq-outlook-title">Predicted, next 30 and 90 days</h2>
          <p className="muted">
            {data?.model?.ok === true
              ? `Business-wide model fitted as of ${data.model.as_of} over ${whole.format(data.model.model.pairs)} customer–branch pairs; each branch as of its own today.`
              : data?.model?.ok === false
                ? `No predictions: ${data.model.reason}.`
                : data === null
                  ? error === null
                    ? 'Loading the predictions…'
                    : `The predictions could not be loaded: ${error}`
                  : 'No predictions yet: the server fits the model nightly and after an import.'}
          </p>
        </div>
      </header>
      {rows.length > 0 && (
        <table className="cmp-table hq-outlook-table" aria-label="Predicted figures per branch">
          <thead>
            <tr>
              <th scope="col">Branch</th>
              <th scope="col" className="num">Visits, 30 d</th>
              <th scope="col" className="num">Visits, 90 d</th>
              <th scope="col" className="num">Revenue, 30 d</th>
              <th scope="col" className="num">Revenue, 90 d</th>
              <th scope="col" className="num">Value at risk</th>
              <th scope="col" className="num">Likely to lapse</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, b]) => (
              <tr key={id} data-branch={id}>
                <th scope="row">{names?.[id] ?? id}</th>
                <td className="num nums">{visits.format(b.expected_visits_30)}</td>
                <td className="num nums">{visits.format(b.expected_visits_90)}</td>
                <td className="num nums">{money.format(b.predicted_value_30)}</td>
                <td className="num nums">{money.format(b.predicted_value_90)}</td>
                <td className="num nums">{money.format(b.value_at_risk_90)}</td>
                <td className="num nums">{whole.format(b.likely_to_lapse)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
