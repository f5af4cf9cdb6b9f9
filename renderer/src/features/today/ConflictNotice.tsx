import type { BookingDoc } from '../../../../shared/domain/schemas';
import type { BookingConflict } from '../../../../shared/schedule/booking-conflicts';
import { parseInstant } from '../../../../shared/time/instant';
import { useDesk } from '../../data/hooks';
import { shortDateTime } from '../../lib/zoned-time';
import { displayName } from '../customers';

/** One line per clash: who else is in that chair, or where else the customer is booked. */
export function conflictLines(conflicts: readonly BookingConflict<BookingDoc>[], nameOf: (customerId: string) => string, timeZone: string): string[] {
  return conflicts.map(({ kind, other }) => {
    const when = shortDateTime(parseInstant(other.start_at) ?? 0, timeZone);
    return kind === 'staff'
      ? `${other.staff} already has ${nameOf(other.customer_id)} at ${when} (${other.duration_min} min)`
      : `${nameOf(other.customer_id)} is already booked at ${when}${other.staff ? ` with ${other.staff}` : ''}`;
  });
}

/**
 * The double-booking (or off-hours) warning shown before saving; the form's primary button
 * becomes "… anyway".
 */
export function ConflictNotice({ conflicts, outside = null, timeZone, action }: { conflicts: readonly BookingConflict<BookingDoc>[]; outside?: string | null; timeZone: string; action: string }) {
  const desk = useDesk();
  if (conflicts.length === 0 && outside === null) return null;
  const nameOf = (id: string): string => displayName(desk.customers.get(id));
  const title =
    conflicts.length === 0
      ? 'This is outside the staff member’s hours'
      : `This overlaps ${conflicts.length === 1 ? 'another booking' : `${conflicts.length} bookings`}${outside !== null ? ' and is outside the staff member’s hours' : ''}`;
  return (
    <div className="conflict-notice" role="alert">
      <strong>{title}</strong>
      <ul>
        {conflictLines(conflicts, nameOf, timeZone).map((line) => (
          <li key={line}>{line}</li>
        ))}
        {outside !== null && <li>{outside}</li>}
      </ul>
      <span>Change the time or staff, or press “{action}”.</span>
    </div>
  );
}
