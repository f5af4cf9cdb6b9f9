import { useEffect, useMemo, useRef } from 'react';
import { useDeskSettings } from '../../data/hooks';
import { forgetRevokedSignIn } from '../../sync/pairing';
import { pairedApi } from '../../sync/sync-session';
import { useSyncStore } from '../../sync/sync-store';
import { BranchComparisonTable } from './BranchComparisonTable';
import { StatusMixChart, TrendChart } from './HqCharts';
import { branchRows, sortRows } from './hq-model';
import { HqSession, useHqStore } from './hq-store';
import { HqMoney } from './HqMoney';
import { HqRevenue } from './HqRevenue';
import { HqBranchCustomers } from './HqBranchCustomers';
import { HqOutlook } from './HqOutlook';
import { HqTotals } from './HqTotals';
import { PeriodTable, RangeComparisonTable, RangeControl } from './HqRange';

const stamp = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "As of …" line: which date the figures are for, when they were fetched, and whether they are live. */
function ReportLabel() {
  const report = useHqStore((s) => s.report);
  const offline = useHqStore((s) => s.offline);
  const error = useHqStore((s) => s.error);
  const live = useHqStore((s) => s.live);
  const loading = useHqStore((s) => s.loading);
  if (report === null) return <p className="muted">{loading ? 'Loading the report…' : offline ? 'Offline — no report saved on this computer yet.' : ''}</p>;
  const date = report.asOf === '' ? `today (${report.metrics.as_of})` : report.metrics.as_of;
  const fetched = stamp.format(report.fetchedAt);
  // A past date's figures are that date's, not live ones (they still follow late data on refresh).
  const past = report.asOf !== '' && (typeof report.trend.today !== 'string' || report.asOf < report.trend.today);
  return (
    <p className="hq-report-label" data-testid="hq-report-label" role="status">
      Figures for {date} · {offline ? <strong>offline — showing the report from {fetched}</strong> : error !== null ? <strong>{error} — showing the report from {fetched}</strong> : <>as of {fetched}</>}
      {past ? <span className="hq-past"> · a past date</span> : live && !offline && error === null && <span className="hq-live"> · live</span>}
    </p>
  );
}

/**
 * HQ dashboard: organisation totals, every branch side by side (sortable), status mix per
 * branch, the churn, new-customer, win-back and at-risk trends over the chosen range (computed
 * from the bookings for every day), every branch over the range with a drill-down to one
 * branch, and period over period. The last report is kept on this computer and shown when the
 * server cannot be reached.
 */
export function HqScreen() {
  const pairing = useSyncStore((s) => s.pairing);
  const report = useHqStore((s) => s.report);
  const asOf = useHqStore((s) => s.asOf);
  const loading = useHqStore((s) => s.loading);
  const range = useHqStore((s) => s.range);
  const rangeProblem = useHqStore((s) => s.rangeProblem);
  const focus = useHqStore((s) => s.focus);
  const session = useRef<HqSession | null>(null);
  const currency = useDeskSettings().currency ?? '';
  const serverUrl = pairing?.serverUrl ?? '';
  const pairedAt = pairing?.pairedAt ?? '';
  const signedOut = useSyncStore((s) => s.signedOut);

  // A new session for every sign-in (signing in again gives a new token; signed out, the
  // cached report only).
  useEffect(() => {
    if (serverUrl === '') return;
    const s = new HqSession(signedOut ? null : pairedApi(), serverUrl, undefined, () => void forgetRevokedSignIn());
    session.current = s;
    void s.start();
    return () => {
      session.current = null;
      void s.stop();
    };
  }, [serverUrl, pairedAt, signedOut]);

  const rows = useMemo(() => (report === null ? [] : sortRows(branchRows(report.metrics, report.branchNames), 'name', 'asc')), [report]);
  const focused = rows.find((r) => r.id === focus);
  // revenue over the charts' range (the days the trend covers)
  const revenueRange = report === null || report.trend.days.length === 0 ? null : { from: report.trend.days[0]?.date ?? '', to: report.trend.days.at(-1)?.date ?? '' };
  const chartRows = focused === undefined ? rows : [focused];
  const setFocus = (id: string) => {
    useHqStore.setState({ focus: id });
    window.scrollTo?.({ top: 0 });
  };

  return (
    <div className="page hq">
      <div className="page-header">
        <div>
          <h1>HQ dashboard</h1>
          <ReportLabel />
        </div>
        <div className="row hq-controls">
          <label className="hq-date">
            <span>As of</span>
            <input
              className="input"
              type="date"
              aria-label="Report date"
              value={asOf}
              onChange={(e) => void session.current?.setAsOf(e.target.value)}
            />
          </label>
          {asOf !== '' && (
            <button type="button" className="btn btn-ghost" onClick={() => void session.current?.setAsOf('')}>
              Today
            </button>
          )}
          <button type="button" className="btn" disabled={loading} onClick={() => void session.current?.refresh()}>
            {loading ? 'Refreshing…' : 'Refresh'}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => window.print()}>
            Print
          </button>
          <RangeControl range={range} end={report?.metrics.as_of ?? ''} problem={rangeProblem} onChange={(r) => void session.current?.setRange(r)} />
        </div>
      </div>
      {report === null ? (
        <div className="empty-state">
          <h2>No report yet</h2>
          <p>{pairedApi() === null ? 'Sign in with an enrolment code to load the report.' : 'The first report appears as soon as the server answers.'}</p>
        </div>
      ) : (
        // keyed by the business's currency: every figure redraws when HQ changes it
        <div className="hq-grid" key={currency}>
          {focused !== undefined && (
            <section className="card hq-focus" aria-labelledby="hq-focus-title">
              <h2 id="hq-focus-title">{focused.name}</h2>
              <p className="muted">The charts and the period comparison show this branch only.</p>
              <button type="button" className="btn" onClick={() => setFocus('')}>
                Back to all branches
              </button>
            </section>
          )}
          <HqTotals total={focused ?? report.metrics.all} />
          {focused === undefined && <BranchComparisonTable rows={rows} total={report.metrics.all} date={report.metrics.as_of} />}
          {focused === undefined && <HqOutlook />}
          {focused === undefined && <StatusMixChart rows={rows} />}
          <TrendChart id="hq-churn-trend" title="Churn trend" subtitle="Churn rate per branch" metric="churn_rate" trend={report.trend} rows={chartRows} showAll={focused === undefined} />
          <TrendChart id="hq-new-trend" title="New customers" subtitle="First visit in the last 30 days, per branch" metric="new_customers_30d" trend={report.trend} rows={chartRows} showAll={focused === undefined} />
          <TrendChart id="hq-winback-trend" title="Win-backs" subtitle="Customers who came back after churning" metric="win_back" trend={report.trend} rows={chartRows} showAll={focused === undefined} />
          <TrendChart id="hq-atrisk-trend" title="At risk" subtitle="Customers overdue for a visit" metric="at_risk" trend={report.trend} rows={chartRows} showAll={focused === undefined} />
          <RangeComparisonTable trend={report.trend} rows={chartRows} onFocus={setFocus} showAll={focused === undefined} />
          {focused !== undefined && <HqBranchCustomers branchId={focused.id} branchName={focused.name} pastDate={asOf !== ''} report={report} />}
          {revenueRange !== null && <HqRevenue from={revenueRange.from} to={revenueRange.to} rows={chartRows} report={report} showAll={focused === undefined} />}
          {report.earlier !== undefined && <PeriodTable current={report.metrics} lastMonth={report.earlier.lastMonth} lastYear={report.earlier.lastYear} focus={focus} focusName={focused?.name ?? ''} />}
        </div>
      )}
      <HqMoney />
    </div>
  );
}
