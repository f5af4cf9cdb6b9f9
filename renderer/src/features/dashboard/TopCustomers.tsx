import { routeHref } from '../../app/router';
import { formatPrice } from '../../lib/format';
import { StatusBadge } from '../../ui/StatusBadge';
import type { ActionItem } from './dashboard-model';
import { displayName } from '../customers';

/** The ten customers who spent most. */
export function TopCustomers({ items, branchNameOf, showBranch }: { items: ActionItem[]; branchNameOf: (id: string) => string; showBranch: boolean }) {
  return (
    <section className="card dash-list" aria-labelledby="top-title">
      <header className="card-header">
        <div>
          <h2 id="top-title">Top 10 by spend</h2>
          <p className="muted dash-list-sub">Lifetime spend{showBranch ? ' per branch' : ''}</p>
        </div>
      </header>
      {items.length === 0 ? (
        <p className="dash-empty-line muted">No completed visits yet.</p>
      ) : (
        <table className="top-table">
          <thead>
            <tr>
              <th scope="col" className="visually-hidden">
                Rank
              </th>
              <th scope="col">Customer</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Visits
              </th>
              <th scope="col" className="num">
                Spent
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ activity: a, customer: c }, i) => (
              <tr key={`${a.branch_id}/${c.id}`}>
                <td className="top-rank nums">{i + 1}</td>
                <td>
                  <a className="action-name" href={routeHref({ name: 'customer', id: c.id })}>
                    {displayName(c)}
                  </a>
                  {showBranch && <span className="action-meta"> · {branchNameOf(a.branch_id)}</span>}
                </td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td className="num nums">{a.total_bookings.toLocaleString('en')}</td>
                <td className="num nums top-spent">{formatPrice(a.total_spent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
