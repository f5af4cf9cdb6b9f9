import type { RevenueFigures, RevenueResponse } from '../../../../shared/sync/protocol';
import { formatPrice } from '../../lib/format';
import { CsvButton, tableCsv } from './HqExport';
import { percentChange, previousPeriod, type BranchRow } from './hq-model';
import { useServerRead } from './use-server-read';

const integer = new Intl.NumberFormat('en');

const NONE: RevenueFigures = { takings: 0, visits: 0, avg_ticket: 0 };

function RevenueRow({ id, name, now = NONE, before = NONE }: { id: string; name: string; now?: RevenueFigures | undefined; before?: RevenueFigures | undefined }) {
  return (
    <tr data-branch={id}>
      <th scope="row">{name}</th>
      <td className="num nums" data-metric="takings">
        {formatPrice(now.takings)}
      </td>
      <td className="num nums muted">{percentChange(now.takings, before.takings)}</td>
      <td className="num nums" data-metric="visits">
        {integer.format(now.visits)}
      </td>
      <td className="num nums" data-metric="avg_ticket">
        {now.visits === 0 ? '—' : formatPrice(now.avg_ticket)}
      </td>
    </tr>
  );
}

/**
 * Revenue next to the churn figures (issue 14, item 5): takings, visits and average ticket per
 * branch over the dashboard's range, against the period of the same length just before. Read from
 * the server's bookings at each refresh of the report (a new `report` object), so a visit pushed late counts.
 */
export function HqRevenue({ from, to, rows, report, showAll = true }: { from: string; to: string; rows: BranchRow[]; report: object; showAll?: boolean }) {
  const read = useServerRead(
    `${from}|${to}`,
    async (api, signal) => {
      const earlier = previousPeriod(from, to);
      const [now, before] = await Promise.all([api.revenue(from, to, signal), api.revenue(earlier.from, earlier.to, signal)]);
      return { now, before };
    },
    report,
  );
  const loaded = read === null ? null : 'problem' in read ? read : read.value;

  const earlier = from === '' ? null : previousPeriod(from, to);
  const lines = loaded !== null && 'now' in loaded ? [...rows.map((r) => ({ id: r.id, name: r.name })), ...(showAll ? [{ id: 'all', name: 'All branches' }] : [])] : [];
  const figures = (response: RevenueResponse, id: string): RevenueFigures | undefined => (id === 'all' ? response.all : response.branches[id]);

  return (
    <section className="card hq-table-card" aria-labelledby="hq-revenue-title">
      <header className="card-header">
        <div>
          <h2 id="hq-revenue-title">Revenue</h2>
          <p className="muted">
            Completed visits {from} → {to}
            {earlier !== null && `, against ${earlier.from} → ${earlier.to}`}
          </p>
        </div>
        {loaded !== null && 'now' in loaded && (
          <CsvButton
            name="Revenue"
            fileName={`revenue-${from}-${to}.csv`}
            csv={() =>
              tableCsv(
                ['branch_id', 'branch', 'takings', 'visits', 'avg_ticket', 'takings_before', 'visits_before', 'avg_ticket_before'],
                lines.map((l) => {
                  const n = figures(loaded.now, l.id);
                  const b = figures(loaded.before, l.id);
                  const major = (cents: number | undefined) => ((cents ?? 0) / 100).toFixed(2);
                  return [l.id, l.name, major(n?.takings), n?.visits ?? 0, major(n?.avg_ticket), major(b?.takings), b?.visits ?? 0, major(b?.avg_ticket)];
                }),
              )
            }
          />
        )}
      </header>
      {loaded === null ? (
        <p className="muted" role="status">
          Reading the revenue…
        </p>
      ) : 'problem' in loaded ? (
        <p className="muted" role="status">
          Revenue is read from the server: {loaded.problem}
        </p>
      ) : (
        <div className="hq-table-scroll">
          <table className="hq-table" aria-labelledby="hq-revenue-title">
            <thead>
              <tr>
                <th scope="col">Branch</th>
                <th scope="col" className="num">
                  Takings
                </th>
                <th scope="col" className="num">
                  vs before
                </th>
                <th scope="col" className="num">
                  Visits
                </th>
                <th scope="col" className="num">
                  Average ticket
                </th>
              </tr>
            </thead>
            <tbody>
              {lines
                .filter((l) => l.id !== 'all')
                .map((l) => (
                  <RevenueRow key={l.id} id={l.id} name={l.name} now={figures(loaded.now, l.id)} before={figures(loaded.before, l.id)} />
                ))}
            </tbody>
            {showAll && (
              <tfoot>
                <RevenueRow id="all" name="All branches" now={loaded.now.all} before={loaded.before.all} />
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  );
}
