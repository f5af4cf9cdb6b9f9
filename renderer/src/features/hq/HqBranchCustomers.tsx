import { useId, useState } from 'react';
import { formatPrice, SPENDING_TIER_LABELS } from '../../lib/format';
import { CsvButton, tableCsv } from './HqExport';
import { useServerRead } from './use-server-read';

const LISTS = [
  { status: 'at_risk', label: 'At risk' },
  { status: 'churned', label: 'Churned' },
] as const;

type ListStatus = (typeof LISTS)[number]['status'];

const integer = new Intl.NumberFormat('en');

/**
 * The drill-down from a branch to the customers behind its at-risk and churned figures (issue 14,
 * item 3): today's statuses from the server (HQ may read every branch's customers), most spent
 * first, with how to reach them; CSV like every HQ table.
 */
export function HqBranchCustomers({ branchId, branchName, pastDate, report }: { branchId: string; branchName: string; pastDate: boolean; report: object }) {
  const [status, setStatus] = useState<ListStatus>('at_risk');
  const read = useServerRead(`${branchId}|${status}`, (api, signal) => api.branchCustomers(branchId, status, signal), report);
  const loaded = read === null ? null : 'problem' in read ? read : { list: read.value };
  const titleId = useId();

  const label = LISTS.find((l) => l.status === status)?.label ?? status;
  return (
    <section className="card hq-table-card" aria-labelledby={titleId}>
      <header className="card-header">
        <div>
          <h2 id={titleId}>Customers of {branchName}</h2>
          <p className="muted">{pastDate ? 'Today’s statuses (the lists are not kept for past dates), most spent first' : 'Most spent first, to call back or win back'}</p>
        </div>
        {loaded !== null && 'list' in loaded && (
          <CsvButton
            name={`${label} customers of ${branchName}`}
            fileName={`${branchId}-${status}-customers.csv`}
            csv={() =>
              tableCsv(
                ['customer_id', 'name', 'phone', 'email', 'last_visit_date', 'days_since_last_visit', 'total_bookings', 'total_spent', 'spending_tier'],
                loaded.list.customers.map((c) => [c.customer_id, c.name, c.phone, c.email, c.last_visit_date ?? '', c.days_since_last_visit ?? '', c.total_bookings, (c.total_spent / 100).toFixed(2), c.spending_tier]),
              )
            }
          />
        )}
      </header>
      <div className="row hq-list-controls" role="radiogroup" aria-label="Which customers">
        {LISTS.map((l) => (
          <label key={l.status} className="filter-check">
            <input type="radio" name={`${titleId}-status`} checked={status === l.status} onChange={() => setStatus(l.status)} />
            <span>{l.label}</span>
          </label>
        ))}
      </div>
      {loaded === null ? (
        <p className="muted" role="status">
          Reading the customers…
        </p>
      ) : 'problem' in loaded ? (
        <p className="muted" role="status">
          The customer lists are read from the server: {loaded.problem}
        </p>
      ) : loaded.list.customers.length === 0 ? (
        <p className="empty-state">No {label.toLowerCase()} customers at this branch today.</p>
      ) : (
        <div className="hq-table-scroll">
          <p className="muted hq-list-count" role="status">
            {loaded.list.total > loaded.list.customers.length ? `The ${integer.format(loaded.list.customers.length)} who spent most of ${integer.format(loaded.list.total)}` : `${integer.format(loaded.list.total)} customers`}
          </p>
          <table className="hq-table" aria-label={`${label} customers of ${branchName}`}>
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Phone</th>
                <th scope="col">Email</th>
                <th scope="col">Last visit</th>
                <th scope="col" className="num">
                  Visits
                </th>
                <th scope="col" className="num">
                  Spent
                </th>
                <th scope="col" className="hq-col-gap">
                  Tier
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.list.customers.map((c) => (
                <tr key={c.customer_id} data-customer={c.customer_id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.phone}</td>
                  <td>{c.email}</td>
                  <td>{c.last_visit_date === null ? '—' : `${c.last_visit_date} (${c.days_since_last_visit ?? 0} days ago)`}</td>
                  <td className="num nums">{integer.format(c.total_bookings)}</td>
                  <td className="num nums">{formatPrice(c.total_spent)}</td>
                  <td className="hq-col-gap">{SPENDING_TIER_LABELS[c.spending_tier as keyof typeof SPENDING_TIER_LABELS] ?? c.spending_tier}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
