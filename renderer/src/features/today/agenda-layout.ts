import type { BookingDoc } from '../../../../shared/domain/schemas';
import { parseInstant } from '../../../../shared/time/instant';
import { zoneClock } from '../../../../shared/time/zone';
import { compareCodePoints } from '../../../../shared/util/compare';

export interface PlacedBooking {
  booking: BookingDoc;
  ms: number;
  /** Local minutes since midnight of the start and the end (end capped at 24:00). */
  start: number;
  end: number;
  /** Side-by-side lane within its staff column when bookings overlap, and the lane count. */
  lane: number;
  lanes: number;
}

export interface AgendaColumn {
  staff: string;
  bookings: PlacedBooking[];
}

export interface AgendaLayout {
  columns: AgendaColumn[];
  /** Visible minutes of the day: whole hours around the bookings, at least `open`–`close`. */
  from: number;
  to: number;
}

export const UNASSIGNED = '';

/**
 * Places a day's bookings on a time grid, one column per staff member (alphabetical, unassigned
 * last), overlapping bookings side by side. Cancelled bookings keep their slot (shown faded).
 * Known staff without bookings that day get an empty column.
 */
export function layoutAgenda(
  bookings: readonly BookingDoc[],
  timeZone: string,
  options: { open?: number; close?: number; /** Staff who get a column even without a booking that day (somewhere to drag to). */ staff?: readonly string[] } = {},
): AgendaLayout {
  const { open = 9 * 60, close = 19 * 60, staff = [] } = options;
  const clock = zoneClock(timeZone);
  const byStaff = new Map<string, PlacedBooking[]>();
  for (const name of staff) if (name.trim() !== '') byStaff.set(name, []);
  let from = open;
  let to = close;
  for (const booking of bookings) {
    const ms = parseInstant(booking.start_at);
    if (ms === null) continue;
    const start = clock.localMinuteOfDay(ms);
    const end = Math.min(24 * 60, start + booking.duration_min);
    from = Math.min(from, Math.floor(start / 60) * 60);
    to = Math.max(to, Math.ceil(end / 60) * 60);
    const list = byStaff.get(booking.staff) ?? [];
    list.push({ booking, ms, start, end, lane: 0, lanes: 1 });
    byStaff.set(booking.staff, list);
  }
  const staffNames = [...byStaff.keys()].sort((a, b) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b)));
  const columns = staffNames.map((staff) => {
    const list = (byStaff.get(staff) ?? []).sort((a, b) => a.ms - b.ms || compareCodePoints(a.booking.id, b.booking.id));
    assignLanes(list);
    return { staff, bookings: list };
  });
  return { columns, from, to };
}

/** Greedy interval colouring within clusters of overlapping bookings. */
function assignLanes(list: PlacedBooking[]): void {
  let cluster: PlacedBooking[] = [];
  let clusterEnd = -1;
  const laneEnds: number[] = [];
  const close = (): void => {
    const lanes = Math.max(1, laneEnds.length);
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
    laneEnds.length = 0;
  };
  for (const p of list) {
    if (p.start >= clusterEnd && cluster.length > 0) close();
    let lane = laneEnds.findIndex((end) => end <= p.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(p.end);
    } else {
      laneEnds[lane] = p.end;
    }
    p.lane = lane;
    cluster.push(p);
    clusterEnd = Math.max(clusterEnd, p.end);
  }
  if (cluster.length > 0) close();
}

/** Minutes a dragged booking snaps to. */
export const DROP_SNAP_MIN = 15;

/**
 * The local start minute a booking dropped on the grid gets: where its top edge lands
 * (`offsetPx` from the top of the grid, `pxPerMinute` scale, grid starting at minute `from`),
 * snapped to the nearest quarter hour and kept within the day.
 */
export function dropMinute(offsetPx: number, pxPerMinute: number, from: number, durationMin: number): number {
  const raw = from + offsetPx / pxPerMinute;
  const snapped = Math.round(raw / DROP_SNAP_MIN) * DROP_SNAP_MIN;
  const latest = Math.floor((24 * 60 - Math.min(durationMin, 24 * 60)) / DROP_SNAP_MIN) * DROP_SNAP_MIN;
  return Math.max(0, Math.min(latest, snapped));
}
