import { useCallback, useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { conflictsFor, type BookingConflict, type SlotBooking } from '../../../../shared/schedule/booking-conflicts';
import { parseInstant } from '../../../../shared/time/instant';
import { bookingsAround } from '../../data/bookings';
import { useDesk } from '../../data/hooks';

export interface ConflictCheck {
  /** Conflicts found for the last checked booking, shown until the person changes something. */
  conflicts: BookingConflict<BookingDoc>[];
  /**
   * True when `candidate` may be saved: no conflict, or the same booking was already flagged and
   * the person pressed "book anyway" (a second submit of an unchanged form).
   */
  check: (candidate: SlotBooking, branchId: string) => Promise<boolean>;
  /** Forget the flagged conflicts (call when a field changes). */
  reset: () => void;
}

function keyOf(c: SlotBooking): string {
  return `${c.customer_id}|${c.staff.trim()}|${c.start_at}|${c.duration_min}`;
}

/** Flags a double-booking before it is saved, with an explicit second step to book anyway. */
export function useConflictCheck(): ConflictCheck {
  const desk = useDesk();
  const [flagged, setFlagged] = useState<{ key: string; conflicts: BookingConflict<BookingDoc>[] } | null>(null);
  const check = useCallback(
    async (candidate: SlotBooking, branchId: string): Promise<boolean> => {
      const key = keyOf(candidate);
      if (flagged !== null && flagged.key === key) return true;
      const start = parseInstant(candidate.start_at) ?? 0;
      const around = await bookingsAround(desk.db, branchId, candidate.customer_id, start);
      const conflicts = conflictsFor(candidate, around);
      if (conflicts.length === 0) return true;
      setFlagged({ key, conflicts });
      return false;
    },
    [desk, flagged],
  );
  const reset = useCallback(() => setFlagged(null), []);
  return { conflicts: flagged?.conflicts ?? [], check, reset };
}
