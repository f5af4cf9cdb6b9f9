import { useCallback, useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { hoursConflict } from '../../../../shared/schedule/staff-hours';
import { conflictsFor, type BookingConflict, type SlotBooking } from '../../../../shared/schedule/booking-conflicts';
import { parseInstant } from '../../../../shared/time/instant';
import { bookingsAround } from '../../data/bookings';
import { useDesk } from '../../data/hooks';
import { readStaff } from '../../data/menu';

export interface ConflictCheck {
  /** Conflicts found for the last checked booking, shown until the person changes something. */
  conflicts: BookingConflict<BookingDoc>[];
  /** Why the last checked booking is outside its staff member's hours (null: it is not). */
  outside: string | null;
  /**
   * True when `candidate` may be saved: no conflict, or the same booking was already flagged and
   * the person pressed "book anyway" (a second submit of an unchanged form). With `hoursZone`,
   * also whether it falls outside the staff member's hours (read from the replica at the time).
   */
  check: (candidate: SlotBooking, branchId: string, hoursZone?: string) => Promise<boolean>;
  /** Forget the flagged conflicts (call when a field changes). */
  reset: () => void;
}

function keyOf(c: SlotBooking): string {
  return `${c.customer_id}|${c.staff.trim()}|${c.start_at}|${c.duration_min}`;
}

/** Flags a double-booking, or a booking outside the staff member's hours, before it is saved, with an explicit second step to book anyway. */
export function useConflictCheck(): ConflictCheck {
  const desk = useDesk();
  const [flagged, setFlagged] = useState<{ key: string; conflicts: BookingConflict<BookingDoc>[]; outside: string | null } | null>(null);
  const check = useCallback(
    async (candidate: SlotBooking, branchId: string, hoursZone?: string): Promise<boolean> => {
      const key = keyOf(candidate);
      if (flagged !== null && flagged.key === key) return true;
      const start = parseInstant(candidate.start_at) ?? 0;
      const around = await bookingsAround(desk.db, branchId, candidate.customer_id, start);
      const conflicts = conflictsFor(candidate, around);
      const outside = hoursZone === undefined ? null : hoursConflict(candidate, await readStaff(desk.db, branchId), hoursZone);
      if (conflicts.length === 0 && outside === null) return true;
      setFlagged({ key, conflicts, outside });
      return false;
    },
    [desk, flagged],
  );
  const reset = useCallback(() => setFlagged(null), []);
  return { conflicts: flagged?.conflicts ?? [], outside: flagged?.outside ?? null, check, reset };
}
