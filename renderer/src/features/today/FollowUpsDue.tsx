import { useMemo, useState } from 'react';
import { formatPhone } from '../../../../shared/domain/contact';
import { routeHref } from '../../app/router';
import { useActivityVersion, useCustomersLoaded, useCustomersVersion, useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { LogContactDialog } from '../customer-detail';
import { withFollowUp } from '../customer-detail';
import { saveEdit } from '../customer-detail';
import { dueText, followUpsDue } from './follow-ups';

const SHOWN = 6;

/** Reminders: customers of this branch to follow up with today (and ones not done yet). */
export function FollowUpsDue({ branchId, today }: { branchId: string; today: number }) {
  const desk = useDesk();
  const loaded = useCustomersLoaded();
  const customersVersion = useCustomersVersion();
  const activityVersion = useActivityVersion();
  const [all, setAll] = useState(false);
  const [logging, setLogging] = useState<{ id: string; name: string } | null>(null);
  const due = useMemo(() => {
    void customersVersion;
    void activityVersion;
    // Until every customer is read (start-up) the list would miss some: shown once complete.
    return loaded ? followUpsDue(desk.customers.values(), (id) => desk.activityOf(branchId, id) !== undefined, today) : [];
  }, [desk, loaded, branchId, today, customersVersion, activityVersion]);
  if (due.length === 0) return null;
  const shown = all ? due : due.slice(0, SHOWN);
  return (
    <section className="card followups" aria-labelledby="followups-title">
      <header className="card-header">
        <h2 id="followups-title">Follow-ups due today</h2>
        <span className="muted nums">{due.length.toLocaleString('en')}</span>
      </header>
      <ul className="followup-list" aria-label="Follow-ups due">
        {shown.map(({ customer: c, overdueDays }) => (
          <li key={c.id} className="followup-item">
            <span className="followup-main">
              <a className="action-name" href={routeHref({ name: 'customer', id: c.id })}>
                {c.name}
              </a>
              <span className="action-meta">
                <span className={overdueDays > 0 ? 'followup-late' : undefined}>{dueText(overdueDays)}</span>
                {c.phone !== '' && <> · {formatPhone(c.phone)}</>}
                {c.notes !== '' && <> · {c.notes.slice(0, 80)}</>}
              </span>
            </span>
            <button type="button" className="btn btn-small" onClick={() => setLogging({ id: c.id, name: c.name })}>
              Log contact
            </button>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              aria-label={`Done: clear the follow-up of ${c.name}`}
              onClick={() => void saveEdit(desk.db, withFollowUp(c, '', today, now()), `Follow-up with ${c.name} done`)}
            >
              Done
            </button>
          </li>
        ))}
      </ul>
      {due.length > SHOWN && (
        <button type="button" className="btn btn-ghost btn-small followup-more" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${due.length}`}
        </button>
      )}
      {logging !== null && <LogContactDialog customerId={logging.id} customerName={logging.name} onClose={() => setLogging(null)} />}
    </section>
  );
}
