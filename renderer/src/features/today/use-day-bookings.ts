import { useEffect, useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { formatDay } from '../../../../shared/time/calendar';
import { parseInstant } from '../../../../shared/time/instant';
import { zoneClock } from '../../../../shared/time/zone';
import { useDesk } from '../../data/hooks';

/**
 * A branch's bookings on one local day, live (RxDB reactive query on [branch_id+start_at]).
 * `start_at` strings may carry any offset, so the index range is widened by a day each side and
 * the exact local day is checked on the instant.
 */
export function useDayBookings(branchId: string, day: number, timeZone: string): BookingDoc[] | null {
  const desk = useDesk();
  const key = `${branchId}|${day}|${timeZone}`;
  // At start-up the day's bookings the desk read first show until the live query answers: its
  // cursor otherwise waits behind the reads of every customer.
  const [result, setResult] = useState<{ key: string; list: BookingDoc[] } | null>(() => {
    const first = desk.firstBookings;
    if (first === null || first.branchId !== branchId || first.asOfDay !== day) return null;
    return { key, list: onDay(first.docs, day, timeZone) };
  });
  useEffect(() => {
    const query = desk.db.bookings.find({
      selector: { branch_id: branchId, start_at: { $gte: formatDay(day - 1), $lt: formatDay(day + 2) } },
      sort: [{ start_at: 'asc' }],
    });
    const subscription = query.$.subscribe((docs) => {
      setResult({ key: `${branchId}|${day}|${timeZone}`, list: onDay(docs.map((doc) => doc.toJSON() as BookingDoc), day, timeZone) });
    });
    return () => subscription.unsubscribe();
  }, [desk, branchId, day, timeZone]);
  return result !== null && result.key === key ? result.list : null;
}

/** The bookings (sorted by `start_at`) whose start is on `day` in `timeZone`. */
function onDay(docs: readonly BookingDoc[], day: number, timeZone: string): BookingDoc[] {
  const clock = zoneClock(timeZone);
  const list: BookingDoc[] = [];
  for (const data of docs) {
    const ms = parseInstant(data.start_at);
    if (ms !== null && clock.localDay(ms) === day) list.push(data);
  }
  return list;
}
