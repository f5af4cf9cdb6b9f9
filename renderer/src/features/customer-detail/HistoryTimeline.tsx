import { useState } from 'react';
import { MS_PER_DAY } from '../../../../shared/time/calendar';
import { formatPrice } from '../../lib/format';
import { formatClockTime } from '../../lib/zoned-time';
import { BookingStatusTag } from '../../ui/StatusBadge';
import { CHANNEL_LABELS } from '../campaigns';
import { DeliveryTag } from '../campaigns';
import type { Amendment } from '../../../../shared/domain/schemas';
import { AmendmentList } from '../today';
import { byMonth, type ContactEntry, type HistoryEntry, type TimelineEntry } from './timeline-model';

const FIRST_SHOWN = 40;
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekdayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
const dateFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

type Filter = 'all' | 'bookings' | 'contacts';

function When({ day, minute, zone }: { day: number; minute: number; zone: string }) {
  const dayMs = day * MS_PER_DAY;
  const time = formatClockTime(minute);
  return (
    <time className="timeline-date" dateTime={`${new Date(dayMs).toISOString().slice(0, 10)}T${time}`} title={`${dateFormat.format(dayMs)}, ${time} (${zone.replace(/_/g, ' ')})`}>
      <span className="timeline-day nums">{new Date(dayMs).getUTCDate()}</span>
      <span className="timeline-weekday">{weekdayFormat.format(dayMs)}</span>
    </time>
  );
}

function BookingLine({ e, branchName, zone, showBranch, corrections }: { e: TimelineEntry; branchName: string; zone: string; showBranch: boolean; corrections: readonly Amendment[] }) {
  const muted = e.status === 'cancelled' || e.status === 'no_show';
  return (
    <li className={`timeline-entry${muted ? ' is-muted' : ''}${e.upcoming ? ' is-upcoming' : ''}`} data-kind="booking">
      <When day={e.day} minute={e.minute} zone={zone} />
      <div className="timeline-main">
        <span className="timeline-service">{e.service || 'Visit'}</span>
        <span className="timeline-meta">
          <span className="nums">{formatClockTime(e.minute)}</span>
          {e.staff !== '' && <> · with {e.staff}</>}
          {showBranch && <> · {branchName}</>}
        </span>
        <AmendmentList amendments={corrections} timeZone={zone} compact />
      </div>
      {e.upcoming && <span className="mark mark-upcoming">Upcoming</span>}
      {corrections.length > 0 && <span className="mark">Corrected</span>}
      <BookingStatusTag status={e.status} />
      <span className="timeline-price nums">{formatPrice(e.price)}</span>
    </li>
  );
}

function ContactLine({ e, branchName, zone, showBranch }: { e: ContactEntry; branchName: string; zone: string; showBranch: boolean }) {
  const c = e.communication;
  const title = c.campaign_id !== '' ? `Campaign message${c.variant === 'holdout' ? ' (holdout)' : c.variant !== '' ? ` · variant ${c.variant}` : ''}` : c.trigger_key !== '' ? 'Automated message' : c.purpose || 'Contact';
  return (
    <li className="timeline-entry timeline-contact" data-kind="contact">
      <When day={e.day} minute={e.minute} zone={zone} />
      <div className="timeline-main">
        <span className="timeline-service">
          {CHANNEL_LABELS[c.channel]} · {title}
        </span>
        <span className="timeline-meta">
          <span className="nums">{formatClockTime(e.minute)}</span> · {c.direction === 'inbound' ? 'from the customer' : 'to the customer'}
          {c.campaign_id !== '' || c.trigger_key !== '' ? (c.purpose !== '' ? ` · ${c.purpose}` : '') : ''}
          {showBranch && <> · {branchName}</>}
        </span>
        {c.message !== '' && <span className="timeline-message">{c.message}</span>}
        {c.error !== '' && <span className="timeline-error">{c.error}</span>}
      </div>
      <DeliveryTag status={c.status} />
    </li>
  );
}

/**
 * The customer's history on one timeline: every booking at every branch and every contact
 * (messages with their delivery status, calls, notes), newest first by month, times as they were
 * at the branch. Filter to bookings or contacts; log a new contact.
 */
export function HistoryTimeline({
  entries,
  branchNameOf,
  zoneOf,
  showBranch,
  onLogContact,
  correctionsOf = () => [],
}: {
  entries: readonly HistoryEntry[];
  /** The corrections of a booking (finished visits corrected by a manager). */
  correctionsOf?: (bookingId: string) => readonly Amendment[];
  branchNameOf: (id: string) => string;
  zoneOf: (id: string) => string;
  showBranch: boolean;
  onLogContact?: () => void;
}) {
  const [all, setAll] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');
  const bookings = entries.filter((e) => e.kind === 'booking').length;
  const contacts = entries.length - bookings;
  const filtered = filter === 'all' ? entries : entries.filter((e) => (filter === 'bookings' ? e.kind === 'booking' : e.kind === 'contact'));
  const shown = all ? filtered : filtered.slice(0, FIRST_SHOWN);
  const tabs: [Filter, string, number][] = [
    ['all', 'All', entries.length],
    ['bookings', 'Bookings', bookings],
    ['contacts', 'Contacts', contacts],
  ];
  return (
    <section className="card timeline" aria-labelledby="timeline-title">
      <header className="card-header">
        <div>
          <h2 id="timeline-title">History</h2>
          <span className="muted nums">
            {bookings.toLocaleString('en')} {bookings === 1 ? 'booking' : 'bookings'}
            {showBranch ? ' at all branches' : ''}
          </span>
          <span className="muted nums">
            {' '}
            · {contacts.toLocaleString('en')} {contacts === 1 ? 'contact' : 'contacts'}
          </span>
        </div>
        <div className="row">
          <div className="seg-tabs" role="radiogroup" aria-label="Show">
            {tabs.map(([key, label, n]) => (
              <label key={key} className={filter === key ? 'seg-tab is-on' : 'seg-tab'}>
                <input type="radio" className="visually-hidden" name="history-filter" checked={filter === key} onChange={() => setFilter(key)} />
                {label} <span className="nums seg-tab-count">{n.toLocaleString('en')}</span>
              </label>
            ))}
          </div>
          {onLogContact !== undefined && (
            <button type="button" className="btn btn-small" onClick={onLogContact}>
              Log a contact
            </button>
          )}
        </div>
      </header>
      {filtered.length === 0 ? (
        <p className="timeline-empty muted">{filter === 'contacts' ? 'No contacts yet. Log a call, message or conversation with “Log a contact”.' : 'No bookings yet. Book a first visit with “New booking”.'}</p>
      ) : (
        <div className="timeline-body">
          {byMonth(shown).map((m) => (
            <section key={m.key} className="timeline-month" aria-label={monthFormat.format(Date.UTC(m.year, m.month - 1, 1))}>
              <h3 className="timeline-month-title">{monthFormat.format(Date.UTC(m.year, m.month - 1, 1))}</h3>
              <ol className="timeline-list">
                {m.entries.map((e) =>
                  e.kind === 'booking' ? (
                    <BookingLine key={e.id} e={e} branchName={branchNameOf(e.branchId)} zone={zoneOf(e.branchId)} showBranch={showBranch} corrections={correctionsOf(e.id)} />
                  ) : (
                    <ContactLine key={e.id} e={e} branchName={branchNameOf(e.branchId)} zone={zoneOf(e.branchId)} showBranch={showBranch} />
                  ),
                )}
              </ol>
            </section>
          ))}
          {filtered.length > FIRST_SHOWN && (
            <button type="button" className="btn btn-ghost timeline-more" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? 'Show recent only' : `Show all ${filtered.length.toLocaleString('en')}`}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
