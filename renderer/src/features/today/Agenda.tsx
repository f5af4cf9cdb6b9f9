import { useEffect, useMemo, useRef, useState, type CSSProperties, type DragEvent } from 'react';
import type { BookingDoc, StaffDoc } from '../../../../shared/domain/schemas';
import { conflictMap, type ConflictKind } from '../../../../shared/schedule/booking-conflicts';
import { seriesLabel } from '../../../../shared/schedule/recurrence';
import type { Confirmation } from '../../../../shared/schedule/reminders';
import { parseInstant } from '../../../../shared/time/instant';
import { zoneClock } from '../../../../shared/time/zone';
import { hoursConflict, staffNamed, workingSpans, type MinuteSpan } from '../../../../shared/schedule/staff-hours';
import { canEdit } from '../../data/bookings';
import { useActivity, useCustomer } from '../../data/hooks';
import { BOOKING_STATUS_LABELS, formatPrice, STATUS_LABELS } from '../../lib/format';
import { formatClockTime } from '../../lib/zoned-time';
import { dropMinute, layoutAgenda, UNASSIGNED, type PlacedBooking } from './agenda-layout';
import { displayName } from '../customers';

const PX_PER_MINUTE = 1.6;

/** Where a booking is dropped: the staff column (its name, '' = unassigned) and the local start minute. */
export interface AgendaMove {
  staff: string;
  minute: number;
}

const CONFLICT_TEXT: Record<ConflictKind, string> = { staff: 'staff double-booked', customer: 'customer double-booked' };

/** "Confirmed by SMS 14:02" (the reply's local time at the branch). */
export function confirmationText(c: Confirmation, timeZone: string): string {
  const ms = parseInstant(c.at);
  const time = ms === null ? '' : ` ${formatClockTime(zoneClock(timeZone).localMinuteOfDay(ms))}`;
  return `${c.action === 'confirm' ? 'Confirmed' : 'Cancelled'} by ${c.channel === 'sms' ? 'SMS' : 'email'}${time}`;
}

interface BlockProps {
  placed: PlacedBooking;
  from: number;
  selected: boolean;
  conflicts: ReadonlySet<ConflictKind> | undefined;
  /** "Confirmed by SMS 14:02", '' without a reply. */
  confirmed: string;
  /** Why the booking is outside its staff member's hours (null: it is not). */
  outside: string | null;
  onSelect: () => void;
  onOpen: () => void;
  onDragStart: (event: DragEvent<HTMLButtonElement>) => void;
}

function BookingBlock({ placed, from, selected, conflicts, confirmed, outside, onSelect, onOpen, onDragStart }: BlockProps) {
  const { booking } = placed;
  const customer = useCustomer(booking.customer_id);
  const activity = useActivity(booking.customer_id, booking.branch_id);
  const name = displayName(customer);
  const time = `${formatClockTime(placed.start)}–${formatClockTime(placed.end % (24 * 60))}`;
  const style: CSSProperties = {
    top: (placed.start - from) * PX_PER_MINUTE,
    height: Math.max(28, (placed.end - placed.start) * PX_PER_MINUTE - 4),
    left: `calc(${(placed.lane / placed.lanes) * 100}% + 4px)`,
    width: `calc(${100 / placed.lanes}% - 8px)`,
  };
  const conflictText = [...(conflicts === undefined ? [] : [...conflicts].map((k) => CONFLICT_TEXT[k])), ...(outside !== null ? ['outside staff hours'] : [])].join(' and ');
  const flagged = conflicts !== undefined || outside !== null;
  const series = booking.series === null ? '' : seriesLabel(booking.series);
  const label = [time, name, booking.service, BOOKING_STATUS_LABELS[booking.status], series === '' ? '' : `repeats, ${series}`, confirmed, activity ? STATUS_LABELS[activity.status] : '', conflictText]
    .filter(Boolean)
    .join(', ');
  const movable = canEdit(booking.status);
  return (
    <button
      type="button"
      className={`agenda-booking agenda-booking-${booking.status}${flagged ? ' agenda-booking-conflict' : ''}`}
      style={style}
      aria-pressed={selected}
      aria-label={label}
      data-booking-id={booking.id}
      draggable={movable}
      onDragStart={movable ? onDragStart : undefined}
      onClick={onSelect}
      onDoubleClick={movable ? onOpen : undefined}
      title={movable ? 'Drag to move · double-click to edit' : undefined}
    >
      <span className="agenda-booking-line">
        {activity && <span className={`status-dot status-dot-${activity.status}`} aria-hidden="true" />}
        <span className="agenda-booking-name">{name}</span>
        {confirmed !== '' && (
          <span className={`reply-badge${confirmed.startsWith('Cancelled') ? ' reply-badge-cancel' : ''}`} aria-hidden="true">
            {confirmed}
          </span>
        )}
        {conflicts && (
          <span className="conflict-badge" aria-hidden="true">
            Overlap
          </span>
        )}
        {outside !== null && (
          <span className="conflict-badge" aria-hidden="true" title={outside}>
            Off hours
          </span>
        )}
      </span>
      <span className="agenda-booking-meta">
        <span className="nums">{formatClockTime(placed.start)}</span> · {booking.service || 'Visit'} · <span className="nums">{formatPrice(booking.price)}</span>
        {series !== '' && (
          <span className="series-badge nums" aria-hidden="true" title={`Repeats: ${series}`}>
            ↻ {series}
          </span>
        )}
      </span>
    </button>
  );
}

const LEGEND_STATUSES = ['new', 'active', 'win_back', 'at_risk', 'churned'] as const;

/** What the dots on the bookings mean (the customer's status at this branch). */
export function AgendaLegend() {
  return (
    <ul className="agenda-legend" aria-label="Legend">
      <li className="agenda-legend-title">Customer status</li>
      {LEGEND_STATUSES.map((s) => (
        <li key={s}>
          <span className={`status-dot status-dot-${s}`} aria-hidden="true" />
          {STATUS_LABELS[s]}
        </li>
      ))}
    </ul>
  );
}

/** "09:00–18:00" (first start to last end, breaks shaded in the column) or "Off today". */
function hoursLabel(spans: readonly MinuteSpan[]): string {
  const first = spans[0];
  const last = spans[spans.length - 1];
  return first === undefined || last === undefined ? 'Off today' : `${formatClockTime(first.start)}–${formatClockTime(last.end)}`;
}

/** The parts of [from, to) outside the working spans (all of it on a day off); none when hours are unknown. */
function offSpans(spans: readonly MinuteSpan[] | undefined, from: number, to: number): MinuteSpan[] {
  if (spans === undefined) return [];
  const out: MinuteSpan[] = [];
  let at = from;
  for (const s of spans) {
    if (s.start > at) out.push({ start: at, end: Math.min(s.start, to) });
    at = Math.max(at, s.end);
  }
  if (at < to) out.push({ start: at, end: to });
  return out.filter((s) => s.end > s.start);
}

export function Agenda({
  bookings,
  timeZone,
  nowMinute,
  selectedId,
  staff,
  confirmations,
  day,
  team = [],
  onSelect,
  onOpen,
  onMove,
}: {
  bookings: readonly BookingDoc[];
  /** Customers' replies to reminders, by booking id (`useConfirmations`). */
  confirmations: ReadonlyMap<string, Confirmation>;
  timeZone: string;
  /** Local minute of "now" when the agenda shows today (draws the current-time line). */
  nowMinute: number | null;
  selectedId: string | null;
  /** Known staff: each gets a column, so a booking can be dragged to them. */
  staff: readonly string[];
  /** The local day shown (the staff's hours of that day shade the rest). */
  day: number;
  /** Staff with their hours: off-hours are shaded in their column and bookings there flagged. */
  team?: readonly StaffDoc[];
  onSelect: (id: string) => void;
  /** Open the booking's edit dialog (double-click). */
  onOpen: (booking: BookingDoc) => void;
  /** A scheduled booking dropped on another time or column. */
  onMove: (booking: BookingDoc, to: AgendaMove) => void;
}) {
  const hoursOf = useMemo(() => {
    const out = new Map<string, MinuteSpan[]>();
    for (const name of staff) {
      const member = staffNamed(team, name);
      if (member !== undefined) out.set(name, workingSpans(member, day));
    }
    return out;
  }, [team, staff, day]);
  const worked = [...hoursOf.values()].flat();
  const layout = layoutAgenda(bookings, timeZone, {
    staff,
    open: Math.min(9 * 60, ...worked.map((s) => Math.floor(s.start / 60) * 60)),
    close: Math.max(19 * 60, ...worked.map((s) => Math.ceil(s.end / 60) * 60)),
  });
  const conflicts = useMemo(() => conflictMap(bookings), [bookings]);
  const outside = useMemo(() => new Map(bookings.map((b) => [b.id, hoursConflict(b, team, timeZone)])), [bookings, team, timeZone]);
  const dragged = useRef<{ booking: BookingDoc; grabPx: number } | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const startDrag = (booking: BookingDoc) => (event: DragEvent<HTMLButtonElement>) => {
    dragged.current = { booking, grabPx: event.clientY - event.currentTarget.getBoundingClientRect().top };
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', booking.id);
  };
  const endDrag = (): void => {
    dragged.current = null;
    setDropTarget(null);
  };
  const over = (column: string) => (event: DragEvent<HTMLElement>) => {
    if (dragged.current === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (dropTarget !== column) setDropTarget(column);
  };
  const drop = (column: string) => (event: DragEvent<HTMLElement>) => {
    const drag = dragged.current;
    dragged.current = null;
    setDropTarget(null);
    if (drag === null) return;
    event.preventDefault();
    const top = event.clientY - drag.grabPx - event.currentTarget.getBoundingClientRect().top;
    const minute = dropMinute(top, PX_PER_MINUTE, layout.from, drag.booking.duration_min);
    onMove(drag.booking, { staff: column, minute });
  };
  const hours: number[] = [];
  for (let m = layout.from; m < layout.to; m += 60) hours.push(m);
  const height = (layout.to - layout.from) * PX_PER_MINUTE;
  const showNow = nowMinute !== null && nowMinute >= layout.from && nowMinute <= layout.to;
  const scroller = useRef<HTMLDivElement>(null);
  const firstStart = layout.columns.reduce((m, c) => Math.min(m, c.bookings[0]?.start ?? m), layout.to);
  // Open scrolled to an hour before now (today) or to the first booking (other days).
  const focusMinute = showNow ? nowMinute - 60 : firstStart - 30;
  useEffect(() => {
    const el = scroller.current;
    if (el !== null) el.scrollTop = Math.max(0, (focusMinute - layout.from) * PX_PER_MINUTE);
    // Only when the day (range) changes, not on every minute tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout.from, layout.to, firstStart]);
  return (
    <div ref={scroller} className="agenda" onDragEnd={endDrag} style={{ '--agenda-columns': layout.columns.length } as CSSProperties}>
      <div className="agenda-head">
        <div className="agenda-gutter-head" />
        {layout.columns.map((c) => (
          <div key={c.staff} className="agenda-staff">
            <span className="avatar avatar-s" aria-hidden="true">
              {(c.staff || '?').slice(0, 1).toUpperCase()}
            </span>
            <span>{c.staff === UNASSIGNED ? 'Unassigned' : c.staff}</span>
            {hoursOf.has(c.staff) && <span className="agenda-staff-hours">{hoursLabel(hoursOf.get(c.staff) ?? [])}</span>}
            <span className="agenda-staff-count">{c.bookings.filter((b) => b.booking.status !== 'cancelled').length}</span>
          </div>
        ))}
      </div>
      <div className="agenda-body" style={{ height }}>
        <div className="agenda-gutter" aria-hidden="true">
          {hours.map((m) => (
            <span key={m} className="agenda-hour" style={{ top: (m - layout.from) * PX_PER_MINUTE }}>
              {formatClockTime(m)}
            </span>
          ))}
        </div>
        <div className="agenda-grid">
          {hours.map((m) => (
            <div key={m} className="agenda-line" style={{ top: (m - layout.from) * PX_PER_MINUTE }} aria-hidden="true" />
          ))}
          {layout.columns.map((c) => (
            <section
              key={c.staff}
              className={dropTarget === c.staff ? 'agenda-column agenda-column-drop' : 'agenda-column'}
              aria-label={c.staff === UNASSIGNED ? 'Unassigned bookings' : `${c.staff}'s bookings`}
              onDragOver={over(c.staff)}
              onDragLeave={() => setDropTarget(null)}
              onDrop={drop(c.staff)}
            >
              {offSpans(hoursOf.get(c.staff), layout.from, layout.to).map((s) => (
                <div key={s.start} className="agenda-off" style={{ top: (s.start - layout.from) * PX_PER_MINUTE, height: (s.end - s.start) * PX_PER_MINUTE }} aria-hidden="true" />
              ))}
              {c.bookings.map((p) => (
                <BookingBlock
                  key={p.booking.id}
                  placed={p}
                  from={layout.from}
                  selected={p.booking.id === selectedId}
                  conflicts={conflicts.get(p.booking.id)}
                  confirmed={(() => {
                    const c = confirmations.get(p.booking.id);
                    return c === undefined ? '' : confirmationText(c, timeZone);
                  })()}
                  outside={outside.get(p.booking.id) ?? null}
                  onSelect={() => onSelect(p.booking.id)}
                  onOpen={() => onOpen(p.booking)}
                  onDragStart={startDrag(p.booking)}
                />
              ))}
            </section>
          ))}
          {showNow && (
            <div className="agenda-now" style={{ top: (nowMinute - layout.from) * PX_PER_MINUTE }} role="presentation">
              <span className="agenda-now-label">Now {formatClockTime(nowMinute)}</span>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
