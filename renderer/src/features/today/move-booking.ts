import type { BookingDoc, StaffDoc } from '../../../../shared/domain/schemas';
import { hoursConflict } from '../../../../shared/schedule/staff-hours';
import { conflictsFor, type BookingConflict } from '../../../../shared/schedule/booking-conflicts';
import { bookingsAround, editBooking, type BookingChanges } from '../../data/bookings';
import type { Replica } from '../../data/replica';
import { isoInZone, shortDateTime } from '../../lib/zoned-time';

export interface PlannedMove {
  booking: BookingDoc;
  changes: BookingChanges;
  startMs: number;
  staff: string;
  conflicts: BookingConflict<BookingDoc>[];
  /** Why the new place is outside the staff member's hours (null: it is not). */
  outside: string | null;
}

/** A drag's result as changes to the booking (only what moved) and the clashes it would create; null when nothing moves. */
export async function planMove(db: Replica, booking: BookingDoc, startMs: number, staff: string, timeZone: string, team: readonly StaffDoc[] = []): Promise<PlannedMove | null> {
  const changes: BookingChanges = {};
  if (isoInZone(startMs, timeZone) !== booking.start_at) changes.startMs = startMs;
  if (staff !== booking.staff) changes.staff = staff;
  if (Object.keys(changes).length === 0) return null;
  const candidate = { ...booking, staff, start_at: isoInZone(startMs, timeZone) };
  const conflicts = conflictsFor(candidate, await bookingsAround(db, booking.branch_id, booking.customer_id, startMs));
  return { booking, changes, startMs, staff, conflicts, outside: hoursConflict(candidate, team, timeZone) };
}

/** Writes a planned move and says where the booking went ("Moved Maria to Thu 3 Dec, 10:30 with Ana"). */
export async function applyMove(db: Replica, move: PlannedMove, customerName: string, timeZone: string, nowMs: number): Promise<string> {
  await editBooking(db, move.booking.id, move.changes, timeZone, nowMs);
  return `Moved ${customerName} to ${shortDateTime(move.startMs, timeZone)}${move.staff ? ` with ${move.staff}` : ' (unassigned)'}`;
}
