import { useEffect, useMemo, useState } from 'react';
import type { BookingDoc, StaffDoc } from '../../../../shared/domain/schemas';
import { nextFreeSlots, staffNamed, type FreeSlot } from '../../../../shared/schedule/staff-hours';
import { formatDay, parseDay } from '../../../../shared/time/calendar';
import { zoneClock } from '../../../../shared/time/zone';
import { useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { formatClockTime, parseClockTime, shortDate } from '../../lib/zoned-time';

/** Days searched for a free slot. */
const SEARCH_DAYS = 14;

/** The branch's bookings from `fromDay` over the searched days (live); null while loading. */
function useBookingsFrom(branchId: string, fromDay: number | null): BookingDoc[] | null {
  const desk = useDesk();
  const [state, setState] = useState<{ key: string; docs: BookingDoc[] } | null>(null);
  const key = `${branchId}|${fromDay ?? ''}`;
  useEffect(() => {
    if (fromDay === null) return;
    const query = desk.db.bookings.find({ selector: { branch_id: branchId, start_at: { $gte: formatDay(fromDay - 1), $lt: formatDay(fromDay + SEARCH_DAYS + 1) } } });
    const subscription = query.$.subscribe((docs) => setState({ key: `${branchId}|${fromDay}`, docs: docs.map((d) => d.toJSON() as BookingDoc) }));
    return () => subscription.unsubscribe();
  }, [desk, branchId, fromDay]);
  return state !== null && state.key === key ? state.docs : null;
}

/** "15:30 with Ana", or "Tue 3 Dec, 15:30 with Ana" on another day than the form's. */
export function slotText(slot: FreeSlot, formDay: number): string {
  return `${slot.day === formDay ? '' : `${shortDate(slot.day)}, `}${formatClockTime(slot.minute)} with ${slot.staff}`;
}

/**
 * Free slots for the booking being made: from the form's date and time (never before now) for its
 * duration, among the staff with hours (the chosen staff member first). A button per slot fills
 * date, time and staff. Shown only when the branch has staff with hours.
 */
export function FreeSlots({
  branchId,
  team,
  timeZone,
  date,
  time,
  duration,
  staff,
  ignoreId,
  onPick,
}: {
  branchId: string;
  team: readonly StaffDoc[];
  timeZone: string;
  date: string;
  time: string;
  duration: string;
  staff: string;
  /** The booking being edited (its own slot is free). */
  ignoreId?: string;
  onPick: (slot: { date: string; time: string; staff: string }) => void;
}) {
  const day = parseDay(date);
  const bookings = useBookingsFrom(branchId, team.length === 0 ? null : day);
  const minutes = /^\d+$/.test(duration.trim()) ? Number(duration.trim()) : null;
  const chosen = staffNamed(team, staff);
  const slots = useMemo(() => {
    if (day === null || bookings === null || minutes === null || minutes < 5 || minutes > 24 * 60) return [];
    const clock = zoneClock(timeZone);
    const nowMs = now();
    const today = clock.localDay(nowMs);
    let fromDay = day;
    let fromMinute = parseClockTime(time) ?? 0;
    if (fromDay < today || (fromDay === today && fromMinute < clock.localMinuteOfDay(nowMs))) {
      fromDay = today;
      fromMinute = clock.localMinuteOfDay(nowMs);
    }
    const order = chosen === undefined ? team : [chosen, ...team.filter((s) => s !== chosen)];
    const found = nextFreeSlots({ staff: order, bookings, timeZone, durationMin: minutes, fromDay, fromMinute, days: SEARCH_DAYS, ...(ignoreId !== undefined ? { ignoreId } : {}) });
    if (chosen === undefined) return found.slice(0, 3);
    const mine = found.filter((s) => s.staff === chosen.name);
    return [...mine, ...found.filter((s) => s.staff !== chosen.name).slice(0, 2)];
  }, [day, bookings, minutes, time, timeZone, team, chosen, ignoreId]);
  if (team.length === 0 || day === null) return null;
  const [first, ...rest] = slots;
  return (
    <div className="free-slots" role="group" aria-label="Free slots">
      {bookings === null ? (
        <span className="muted">Looking for free slots…</span>
      ) : first === undefined ? (
        <span className="muted">No free slot for {minutes ?? '…'} minutes in the next {SEARCH_DAYS} days{chosen ? ` with ${chosen.name}` : ''}.</span>
      ) : (
        <>
          <button type="button" className="btn btn-small free-slot" onClick={() => onPick({ date: formatDay(first.day), time: formatClockTime(first.minute), staff: first.staff })}>
            Next free: {slotText(first, day)}
          </button>
          {rest.map((s) => (
            <button key={`${s.staff}|${s.day}|${s.minute}`} type="button" className="btn btn-small btn-ghost free-slot" onClick={() => onPick({ date: formatDay(s.day), time: formatClockTime(s.minute), staff: s.staff })}>
              or {slotText(s, day)}
            </button>
          ))}
        </>
      )}
    </div>
  );
}
