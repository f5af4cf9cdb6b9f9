import type { BookingDoc } from '../../../../shared/domain/schemas';
import { hoursConflict } from '../../../../shared/schedule/staff-hours';
import { conflictsFor, type BookingConflict } from '../../../../shared/schedule/booking-conflicts';
import { bookingsAround, editBooking, type BookingChanges } from '../../data/bookings';
import { readStaff } from '../../data/menu';
import type { Replica } from '../../data/replica';
import { isoInZone, shortDateTime } from '../../lib/zoned-time';
import { pastBookingNudge } from './nudges';

export interface PlannedMove {
  booking: BookingDoc;
  changes: BookingChanges;
  startMs: number;
  staff: string;
  conflicts: BookingConflict<BookingDoc>[];
  /** Why the new place is outside the staff member's hours (null: it is not). */
  outside: string | null;
  /** "This booking starts in the past (…)" when the drag moves its start into the past (null: it does not). */
  past: string | null;
}

/**
 * A drag's result as changes to the booking (only what moved), the clashes it would create, and
 * whether it moves the start into the past (only a changed start is asked about: a past booking
 * dragged to another staff column at the same time is not "moved into the past"); null when
 * nothing moves.
 */
export async function planMove(
  db: Replica,
  booking: BookingDoc,
  startMs: number,
  staff: string,
  timeZone: string,
  nowMs: number,
): Promise<PlannedMove | null> {
  const changes: BookingChanges = {};
  if (isoInZone(startMs, timeZone) !== booking.start_at) changes.startMs = startMs;
  if (staff !== booking.staff) changes.staff = staff;
  if (Object.keys(changes).length === 0) return null;
  const candidate = { ...booking, staff, start_at: isoInZone(startMs, timeZone) };
  const conflicts = conflictsFor(candidate, await bookingsAround(db, booking.branch_id, booking.customer_id, startMs));
  const past = changes.startMs === undefined ? null : (pastBookingNudge(startMs, nowMs)?.text ?? null);
  return { booking, changes, startMs, staff, conflicts, outside: hoursConflict(candidate, await readStaff(db, booking.branch_id), timeZone), past };
}

/** True when the move should be asked about first: an overlap, outside the staff member's hours, or into the past. */
export function moveNeedsAsking(move: PlannedMove): boolean {
  return move.conflicts.length > 0 || move.outside !== null || move.past !== null;
}

/** Writes a planned move and says where the booking went ("Moved Maria to Thu 3 Dec, 10:30 with Ana"). */
export async function applyMove(db: Replica, move: PlannedMove, customerName: string, timeZone: string, nowMs: number): Promise<string> {
  await editBooking(db, move.booking.id, move.changes, timeZone, nowMs);
  return `Moved ${customerName} to ${shortDateTime(move.startMs, timeZone)}${move.staff ? ` with ${move.staff}` : ' (unassigned)'}`;
}
