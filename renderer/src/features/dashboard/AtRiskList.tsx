import { useState } from 'react';
import { formatPhone } from '../../../../shared/domain/contact';
import { routeHref } from '../../app/router';
import { formatPrice } from '../../lib/format';
import { cadenceText, chanceText, valueText } from '../../lib/outlook-format';
import { Icon } from '../../ui/Icon';
import { dayCount, displayName, shortDate } from '../customers';
import type { ActionItem } from './dashboard-model';

const FIRST_SHOWN = 8;

/**
 * At-risk customers, who to call today before they drift away: ranked by value at risk (the
 * predicted value lost if they lapse) when the predictions are ready, else by spend with the
 * reason shown. Each opens the customer.
 */
export function AtRiskList({
  items,
  ranked,
  note,
  branchNameOf,
  showBranch,
  onShowAll,
}: {
  items: ActionItem[];
  ranked: boolean;
  /** Why the list is not ranked by prediction (null when it is). */
  note: string | null;
  branchNameOf: (id: string) => string;
  showBranch: boolean;
  onShowAll?: () => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? items : items.slice(0, FIRST_SHOWN);
  return (
    <section className="card dash-list" aria-labelledby="at-risk-title">
      <header className="card-header">
        <div>
          <h2 id="at-risk-title">At risk: call them back</h2>
          <p className="muted dash-list-sub">
            {items.length === 0
              ? 'Nobody is at risk right now.'
              : `${items.length.toLocaleString('en')} at risk, ${ranked ? 'most value at risk first' : 'biggest spenders first'}`}
          </p>
          {note !== null && items.length > 0 && (
            <p className="muted dash-list-note" role="note">
              {note}
            </p>
          )}
        </div>
        {onShowAll !== undefined && items.length > 0 && (
          <button type="button" className="btn btn-small" onClick={onShowAll}>
            Open in Customers
          </button>
        )}
      </header>
      {items.length === 0 ? (
        <div className="empty-state dash-empty">
          <span className="empty-illustration" aria-hidden="true">
            <Icon name="check" size={26} />
          </span>
          <p>Everyone who visits is coming back on time.</p>
        </div>
      ) : (
        <ol className="action-list" aria-label="At-risk customers">
          {shown.map(({ activity: a, customer: c, outlook: o }) => (
            <li key={`${a.branch_id}/${c.id}`} className="action-item">
              <span className="action-main">
                <a className="action-name" href={routeHref({ name: 'customer', id: c.id })}>
                  {displayName(c)}
                </a>
                <span className="action-meta">
                  Last visit {shortDate(a.last_visit_date)} · {dayCount(a.days_since_last_visit ?? 0)} ago
                  {showBranch && <> · {branchNameOf(a.branch_id)}</>}
                </span>

              </span>
              <span className="action-phone nums">{formatPhone(c.phone) || c.email || 'No contact details'}</span>
              {ranked ? (
                <span className="action-value nums" title={`Spent ${formatPrice(a.total_spent)} so far`}>
                  {o === undefined ? '—' : valueText(o.value_at_risk_90)}
                  <span className="action-value-label">at risk</span>
                </span>
              ) : (
                <span className="action-value nums">{formatPrice(a.total_spent)}</span>
              )}
              {o !== undefined && (
                <span className="action-outlook">
                  {chanceText(o.p_alive)} chance of return{o.cadence !== null && <> · {cadenceText(o.cadence)}</>}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {items.length > FIRST_SHOWN && (
        <button type="button" className="btn btn-ghost dash-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${items.length.toLocaleString('en')}`}
        </button>
      )}
    </section>
  );
}
