import { memo } from 'react';
import { formatPhone } from '../../../../shared/domain/contact';
import { routeHref } from '../../app/router';
import { formatPrice, initials } from '../../lib/format';
import { cadenceText, chanceText, valueText, visitsText } from '../../lib/outlook-format';
import { FrequencyTierTag, SpendingTierTag } from '../../ui/StatusBadge';
import type { CustomerRow } from './customer-rows';
import { shortDate } from './display';
import { StatusDays } from './StatusDays';

const TAGS_IN_ROW = 2;

export interface RowContext {
  branchNameOf: (branchId: string) => string;
  /** The list spans every branch: rows name theirs. */
  showBranch: boolean;
}

interface Props {
  row: CustomerRow;
  index: number;
  domId: string;
  selected: boolean;
  top: number;
  context: RowContext;
  onOpen: (id: string) => void;
  onSelect: (id: string) => void;
}

/** One customer in the virtualised list (positioned absolutely at `top`). */
export const CustomerGridRow = memo(function CustomerGridRow({ row, index, domId, selected, top, context, onOpen, onSelect }: Props) {
  const { customer: c, activity: a } = row;
  const o = row.outlook ?? null;
  const cadence = o?.cadence ?? null;
  const statusLine = [context.showBranch && a !== null ? context.branchNameOf(a.branch_id) : '', cadence === null ? '' : cadenceText(cadence)].filter((x) => x !== '').join(' · ');
  const contact = [formatPhone(c.phone), c.email].filter((x) => x !== '').join(' · ');
  const extraTags = c.tags.length - TAGS_IN_ROW;
  return (
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={selected ? 'clist-row clist-item is-selected' : 'clist-row clist-item'}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => {
        onSelect(row.id);
        onOpen(row.id);
      }}
    >
      <div role="gridcell" className="clist-cell clist-customer">
        <span className="avatar" aria-hidden="true">
          {initials(c.name)}
        </span>
        <span className="clist-customer-text">
          <a className="clist-name" href={routeHref({ name: 'customer', id: c.id })} tabIndex={-1} onClick={(e) => e.preventDefault()}>
            {c.erased_at !== '' ? <span className="erased-name">Erased customer</span> : c.name}
          </a>
          <span className="clist-contact">{c.erased_at !== '' ? 'Personal data erased' : contact || 'No contact details'}</span>
        </span>
      </div>
      <div role="gridcell" className="clist-cell clist-status">
        {a === null ? <span className="faint">No visits anywhere</span> : <StatusDays status={a.status} days={a.days_since_last_visit} />}
        {statusLine !== '' && (
          <span className={cadence?.status === 'overdue' ? 'clist-branch is-overdue' : 'clist-branch'} title={statusLine}>
            {statusLine}
          </span>
        )}
      </div>
      <div role="gridcell" className="clist-cell clist-num clist-outlook nums">
        {o === null ? (
          <span className="faint">—</span>
        ) : (
          <>
            <span className="clist-outlook-value">{valueText(o.predicted_value_90)}</span>
            <span className="clist-outlook-detail" title={`${chanceText(o.p_alive)} chance of return · ${visitsText(o.expected_visits_90)} expected`}>
              {chanceText(o.p_alive)} · {visitsText(o.expected_visits_90)}
            </span>
          </>
        )}
      </div>
      <div role="gridcell" className="clist-cell clist-num nums">
        {a?.total_bookings ?? 0}
      </div>
      <div role="gridcell" className="clist-cell clist-num nums">
        {formatPrice(a?.total_spent ?? 0)}
      </div>
      <div role="gridcell" className="clist-cell nums">
        {a?.last_visit_date ? shortDate(a.last_visit_date) : <span className="faint">Never</span>}
      </div>
      <div role="gridcell" className="clist-cell clist-tiers">
        <SpendingTierTag tier={a?.spending_tier ?? 'none'} />
        <FrequencyTierTag tier={a?.frequency_tier ?? 'none'} />
      </div>
      <div role="gridcell" className="clist-cell clist-tags">
        {c.tags.slice(0, TAGS_IN_ROW).map((t) => (
          <span key={t} className="chip">
            {t}
          </span>
        ))}
        {extraTags > 0 && (
          <span className="chip chip-more" title={c.tags.slice(TAGS_IN_ROW).join(', ')}>
            +{extraTags}
          </span>
        )}
      </div>
    </div>
  );
});
