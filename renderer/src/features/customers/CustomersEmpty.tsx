import { Icon } from '../../ui/Icon';
import { activeFilterKeys, type CustomerFilters, type QueryResult } from './customer-filters';
import { customersView } from './customers-view-store';
import { describeFilter, FILTER_NAMES } from './filter-summary';

const count = new Intl.NumberFormat('en');

/** Nobody in this scope yet: register the first customer (or look at every branch). */
export function NoCustomersYet({ branchName, othersHaveCustomers, onRegister }: { branchName: string; othersHaveCustomers: boolean; onRegister: () => void }) {
  return (
    <div className="empty-state customers-empty">
      <span className="empty-illustration" aria-hidden="true">
        <Icon name="customers" size={26} />
      </span>
      <h2>No customers at {branchName} yet</h2>
      <p>Register customers as they come in: their visits, spending and status show up here.</p>
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={onRegister}>
          <Icon name="plus" />
          Register a customer
        </button>
        {othersHaveCustomers && (
          <button type="button" className="btn" onClick={() => customersView.setAllBranches(true)}>
            Show all branches
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * Nothing matches: say whether the search finds nobody or which filters hide the customers it
 * finds (with how many each one alone hides), and offer to clear them.
 */
export function NoMatches({
  query,
  filters,
  result,
  money,
  onRegister,
}: {
  query: string;
  filters: CustomerFilters;
  result: QueryResult;
  money: (cents: number) => string;
  onRegister: (query: string) => void;
}) {
  const q = query.trim();
  const active = activeFilterKeys(filters);
  if (result.matched === 0) {
    return (
      <div className="empty-state customers-empty" role="status">
        <span className="empty-illustration" aria-hidden="true">
          <Icon name="search" size={26} />
        </span>
        <h2>No customer matches “{q}”</h2>
        <p>Search looks at names, phone numbers and email addresses{active.length > 0 ? ', before any filter' : ''}.</p>
        <div className="row">
          <button type="button" className="btn" onClick={() => customersView.setQuery('')}>
            Clear search
          </button>
          <button type="button" className="btn btn-primary" onClick={() => onRegister(q)}>
            <Icon name="plus" />
            Register “{q.length > 24 ? `${q.slice(0, 24)}…` : q}”
          </button>
        </div>
      </div>
    );
  }
  const found = `${count.format(result.matched)} ${result.matched === 1 ? 'customer' : 'customers'}`;
  return (
    <div className="empty-state customers-empty" role="status">
      <span className="empty-illustration" aria-hidden="true">
        <Icon name="search" size={26} />
      </span>
      <h2>No customers match these filters</h2>
      <p>
        {q === '' ? `${found} are hidden by:` : `${found} match “${q}”, but the filters hide them:`}
      </p>
      <ul className="hiding-filters">
        {active.map((key) => (
          <li key={key}>
            <span className="hiding-filter-text">
              <strong>{describeFilter(key, filters, money)}</strong>
              {result.hiddenBy[key] > 0 && (
                <span className="muted"> — clearing it alone shows {count.format(result.hiddenBy[key])}</span>
              )}
            </span>
            <button type="button" className="btn btn-small" onClick={() => customersView.clearFilter(key)} aria-label={`Remove filter: ${FILTER_NAMES[key]}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-primary" onClick={customersView.clearFilters}>
        Clear filters
      </button>
    </div>
  );
}
