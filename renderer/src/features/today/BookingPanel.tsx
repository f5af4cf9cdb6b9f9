import type { BookingDoc } from '../../../../shared/domain/schemas';
import { formatPhone } from '../../../../shared/domain/contact';
import { parseInstant } from '../../../../shared/time/instant';
import { zoneClock } from '../../../../shared/time/zone';
import type { BookingConflict } from '../../../../shared/schedule/booking-conflicts';
import { canEdit, canMove } from '../../data/bookings';
import { useActivity, useCustomer, useDesk } from '../../data/hooks';
import { formatDuration, formatPrice } from '../../lib/format';
import { formatClockTime } from '../../lib/zoned-time';
import { routeHref } from '../../app/router';
import { BookingStatusTag, FrequencyTierTag, SpendingTierTag, StatusBadge } from '../../ui/StatusBadge';
import { initials } from '../../lib/format';
import { displayName } from '../customers';
import { conflictLines } from './ConflictNotice';
import { isFinished } from '../../../../shared/schedule/corrections';
import { seriesLabel } from '../../../../shared/schedule/recurrence';
import { AmendmentList } from './AmendmentList';
import { discountLine, tenderLine } from './payment-text';
import { useCorrector } from './corrector';
import { useMemberGate } from '../../sync/permissions';

export type BookingAction = 'check_in' | 'complete' | 'no_show' | 'cancel' | 'edit' | 'correct' | 'receipt';

/** The selected booking: who, their status here, the details, and the moves allowed from its status. */
export function BookingPanel({
  booking,
  timeZone,
  conflicts,
  reply,
  outside = null,
  onAction,
}: {
  booking: BookingDoc;
  timeZone: string;
  /** Other bookings this one overlaps (same staff or same customer), derived from the data. */
  conflicts: readonly BookingConflict<BookingDoc>[];
  /** The customer's reply to a reminder ("Confirmed by SMS 14:02"), '' without one. */
  reply: string;
  /** Why it is outside its staff member's hours (null: it is not, or the hours are unknown). */
  outside?: string | null;
  onAction: (action: BookingAction) => void;
}) {
  const desk = useDesk();
  const customer = useCustomer(booking.customer_id);
  const activity = useActivity(booking.customer_id, booking.branch_id);
  const ms = parseInstant(booking.start_at) ?? 0;
  const start = zoneClock(timeZone).localMinuteOfDay(ms);
  const name = displayName(customer);
  const { allowed: mayCorrect, reason: cannotCorrect } = useCorrector();
  const correctGate = useMemberGate('correct_visit');
  return (
    <aside className="card booking-panel" aria-label="Booking details">
      <div className="booking-panel-head">
        <span className="avatar avatar-l" aria-hidden="true">
          {initials(name)}
        </span>
        <div className="stack-tight">
          <h2>
            <a href={routeHref({ name: 'customer', id: booking.customer_id })}>{name}</a>
          </h2>
          <span className="muted">{customer ? formatPhone(customer.phone) || customer.email || 'No contact details' : ''}</span>
        </div>
      </div>
      {activity !== undefined && (
        <div className="booking-panel-status">
          <StatusBadge status={activity.status} days={activity.days_since_last_visit} detailed />
          <div className="row">
            <SpendingTierTag tier={activity.spending_tier} />
            <FrequencyTierTag tier={activity.frequency_tier} />
          </div>
          <p className="muted nums">
            {activity.total_bookings} visit{activity.total_bookings === 1 ? '' : 's'} · {formatPrice(activity.total_spent)} spent
            {activity.no_shows > 0 ? ` · ${activity.no_shows} no-show${activity.no_shows === 1 ? '' : 's'}` : ''}
          </p>
        </div>
      )}
      <dl className="facts">
        <dt>Time</dt>
        <dd>
          {formatClockTime(start)} · {formatDuration(booking.duration_min)}
        </dd>
        <dt>Service</dt>
        <dd>{booking.service || '—'}</dd>
        <dt>Staff</dt>
        <dd>{booking.staff || 'Unassigned'}</dd>
        <dt>Price</dt>
        <dd>{formatPrice(booking.price)}</dd>
        <dt>Status</dt>
        <dd>
          <BookingStatusTag status={booking.status} />
        </dd>
        {booking.payment !== null && (
          <>
            <dt>Paid</dt>
            <dd className="nums booking-panel-payment">
              <span>{tenderLine(booking.payment)}</span>
              {booking.payment.tip > 0 && <span>incl. {formatPrice(booking.payment.tip)} tip</span>}
              {booking.payment.discount !== null && <span>Discount {discountLine(booking.payment)}</span>}
            </dd>
          </>
        )}
        {booking.status === 'completed' && booking.payment === null && (
          <>
            <dt>Paid</dt>
            <dd>Not recorded</dd>
          </>
        )}
        {booking.series !== null && (
          <>
            <dt>Repeats</dt>
            <dd className="nums">{seriesLabel(booking.series)} in a series</dd>
          </>
        )}
        {reply !== '' && (
          <>
            <dt>Reply to reminder</dt>
            <dd>{reply}</dd>
          </>
        )}
      </dl>
      {booking.amendments.length > 0 && (
        <section className="booking-panel-corrections" aria-labelledby="booking-corrections-title">
          <h3 id="booking-corrections-title">
            {booking.amendments.length === 1 ? 'Corrected once' : `Corrected ${booking.amendments.length} times`}
          </h3>
          <AmendmentList amendments={booking.amendments} timeZone={timeZone} />
        </section>
      )}
      {booking.notes ? <p className="booking-panel-notes">Booking note: {booking.notes}</p> : null}
      {customer?.notes ? <p className="booking-panel-notes">{customer.notes}</p> : null}
      {conflicts.length > 0 && (
        <div className="conflict-notice" role="status" aria-label="Overlapping bookings">
          <strong>Overlaps {conflicts.length === 1 ? 'another booking' : `${conflicts.length} bookings`}</strong>
          <ul>
            {conflictLines(conflicts, (id) => displayName(desk.customers.get(id)), timeZone).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {outside !== null && (
        <div className="conflict-notice" role="status" aria-label="Outside working hours">
          <strong>Outside working hours</strong>
          <p>{outside}</p>
        </div>
      )}
      <div className="booking-actions">
        {canMove(booking.status, 'checked_in') && (
          <button type="button" className="btn btn-primary btn-large btn-block" onClick={() => onAction('check_in')}>
            Check in
          </button>
        )}
        {canMove(booking.status, 'completed') && (
          <button
            type="button"
            className={booking.status === 'checked_in' ? 'btn btn-primary btn-large btn-block' : 'btn btn-block'}
            onClick={() => onAction('complete')}
          >
            Complete…
          </button>
        )}
        {canEdit(booking.status) && (
          <button type="button" className="btn btn-block" onClick={() => onAction('edit')}>
            Edit or move…
          </button>
        )}
        {canMove(booking.status, 'no_show') && (
          <button type="button" className="btn" onClick={() => onAction('no_show')}>
            No-show
          </button>
        )}
        {canMove(booking.status, 'cancelled') && (
          <button type="button" className="btn" onClick={() => onAction('cancel')}>
            Cancel booking
          </button>
        )}
        {booking.status === 'completed' && booking.payment !== null && (
          <button type="button" className="btn btn-block" onClick={() => onAction('receipt')}>
            Receipt…
          </button>
        )}
        {isFinished(booking) && mayCorrect && (
          <button
            type="button"
            className="btn btn-block"
            onClick={() => {
              void correctGate.ensure().then((ok) => ok && onAction('correct'));
            }}
          >
            Correct this visit…
          </button>
        )}
        {isFinished(booking) && (
          <p className="muted">{mayCorrect ? 'This visit is finished: a correction keeps what was recorded and why it changed.' : `This visit is finished. ${cannotCorrect}`}</p>
        )}
      </div>
    </aside>
  );
}
