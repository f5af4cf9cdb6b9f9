import { useEffect, useMemo, useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { formatDay, parseDay } from '../../../../shared/time/calendar';
import { zoneClock } from '../../../../shared/time/zone';
import { conflictsFor } from '../../../../shared/schedule/booking-conflicts';
import { hoursConflict } from '../../../../shared/schedule/staff-hours';
import { moveBooking, seriesBookings } from '../../data/bookings';
import { followingOccurrences } from '../../../../shared/schedule/series-change';
import { useCurrentBranch, useDesk, useToday } from '../../data/hooks';
import { now } from '../../data/session';
import { formatPrice } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { bookingDateTime, formatClockTime, instantAt, longDate } from '../../lib/zoned-time';
import { Icon } from '../../ui/Icon';
import { errorMessage, toast } from '../../ui/toasts';
import { Agenda, AgendaLegend, confirmationText, type AgendaMove } from './Agenda';
import { BookingPanel, type BookingAction } from './BookingPanel';
import { CompleteDialog } from './CompleteDialog';
import { CashUpDialog } from './CashUpDialog';
import { ReceiptDialog } from './ReceiptDialog';
import { FollowUpsDue } from './FollowUpsDue';
import { ConfirmMoveDialog } from './ConfirmMoveDialog';
import { EditBookingDialog } from './EditBookingDialog';
import { CorrectBookingDialog } from './CorrectBookingDialog';
import { MoveConflictDialog } from './MoveConflictDialog';
import { applyMove, moveNeedsAsking, planMove, type PlannedMove } from './move-booking';
import { NewBookingDialog } from './NewBookingDialog';
import { useBranchCatalog } from './use-branch-catalog';
import { useDayBookings } from './use-day-bookings';
import { useConfirmations } from './use-confirmations';
import { WalkInDialog } from './WalkInDialog';
import { earlyCheckInNudge } from './nudges';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { parseInstant } from '../../../../shared/time/instant';

type Open =
  | { kind: 'new' }
  | { kind: 'walk-in' }
  | { kind: 'cash-up' }
  | { kind: 'receipt'; booking: BookingDoc }
  | { kind: 'complete'; booking: BookingDoc }
  | { kind: 'confirm'; booking: BookingDoc; to: 'no_show' | 'cancelled' }
  | { kind: 'edit'; booking: BookingDoc; moveTo?: { date: string; time: string; staff: string } }
  | { kind: 'correct'; booking: BookingDoc }
  | { kind: 'move'; move: PlannedMove }
  | { kind: 'early-check-in'; booking: BookingDoc; nudge: string }
  | null;

function Summary({ bookings }: { bookings: readonly BookingDoc[] }) {
  const live = bookings.filter((b) => b.status !== 'cancelled');
  const waiting = live.filter((b) => b.status === 'scheduled').length;
  const inChair = live.filter((b) => b.status === 'checked_in').length;
  const done = live.filter((b) => b.status === 'completed');
  const noShows = live.filter((b) => b.status === 'no_show').length;
  const taken = done.reduce((sum, b) => sum + b.price, 0);
  const items = [
    { label: 'Bookings', value: String(live.length) },
    { label: 'Still to come', value: String(waiting) },
    { label: 'Checked in', value: String(inChair) },
    { label: 'Completed', value: String(done.length) },
    { label: 'No-shows', value: String(noShows) },
    { label: 'Taken today', value: formatPrice(taken) },
  ];
  return (
    <dl className="day-summary" aria-label="Day summary">
      {items.map((i) => (
        <div key={i.label} className="day-summary-item">
          <dt>{i.label}</dt>
          <dd className="nums">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The day's bookings by time and staff, with check-in, complete, no-show, cancel, new booking and walk-in. */
export function TodayScreen() {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const { day: today, timeZone } = useToday();
  /** Days from today shown (0 = today); follows the date across midnight. */
  const [offset, setOffset] = useState(0);
  const day = today + offset;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const nowMs = useNow(30_000, now);
  const bookings = useDayBookings(branch?.id ?? '', day, timeZone);
  const confirmations = useConfirmations(bookings);
  const catalog = useBranchCatalog(branch?.id ?? '', today);

  const selected = useMemo(() => bookings?.find((b) => b.id === selectedId) ?? null, [bookings, selectedId]);
  const selectedConflicts = useMemo(() => (selected !== null && bookings !== null ? conflictsFor(selected, bookings) : []), [selected, bookings]);
  const selectedOutside = useMemo(() => (selected !== null ? hoursConflict(selected, catalog.team, timeZone) : null), [selected, catalog.team, timeZone]);
  const nowMinute = day === zoneClock(timeZone).localDay(nowMs) ? zoneClock(timeZone).localMinuteOfDay(nowMs) : null;

  const act = (booking: BookingDoc, action: BookingAction): void => {
    if (action === 'complete') setOpen({ kind: 'complete', booking });
    else if (action === 'no_show') setOpen({ kind: 'confirm', booking, to: 'no_show' });
    else if (action === 'cancel') setOpen({ kind: 'confirm', booking, to: 'cancelled' });
    else if (action === 'edit') setOpen({ kind: 'edit', booking });
    else if (action === 'correct') setOpen({ kind: 'correct', booking });
    else if (action === 'receipt') setOpen({ kind: 'receipt', booking });
    else {
      // Hours before the start is usually the wrong booking (or the wrong day): ask first.
      const nudge = earlyCheckInNudge(parseInstant(booking.start_at) ?? 0, now(), bookingDateTime(booking, timeZone));
      if (nudge !== null) setOpen({ kind: 'early-check-in', booking, nudge: nudge.text });
      else void checkIn(booking).catch(() => undefined);
    }
  };
  const checkIn = (booking: BookingDoc): Promise<void> =>
    moveBooking(desk.db, booking.id, 'checked_in', now())
      .then(() => void toast.success(`${desk.customers.get(booking.customer_id)?.name ?? 'Customer'} is checked in · ${bookingDateTime(booking, timeZone)}`))
      .catch((error: unknown) => {
        toast.error(errorMessage(error));
        throw error;
      });

  // "N" opens a new booking from anywhere on Today (not while typing or in a dialog).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      setOpen({ kind: 'new' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /**
   * A booking dragged to another time or staff column: moved in place, or confirmed first when it
   * would double-book, leave the staff member's hours or start in the past. An occurrence of a
   * series with later scheduled ones opens the edit form at the new place instead, which asks
   * "This booking" or "This and all following" (docs/DESIGN.md §17).
   */
  const move = (booking: BookingDoc, to: AgendaMove): void => {
    const name = desk.customers.get(booking.customer_id)?.name ?? 'Customer';
    const run = async (): Promise<void> => {
      if (parseInstant(booking.start_at) === instantAt(day, to.minute, timeZone) && to.staff === booking.staff) return;
      const following = booking.series === null ? [] : followingOccurrences(booking, await seriesBookings(desk.db, booking.customer_id, booking.series.id));
      if (following.length > 0) {
        setSelectedId(booking.id);
        setOpen({ kind: 'edit', booking, moveTo: { date: formatDay(day), time: formatClockTime(to.minute), staff: to.staff } });
        return;
      }
      const planned = await planMove(desk.db, booking, instantAt(day, to.minute, timeZone), to.staff, timeZone, now());
      if (planned === null) return;
      setSelectedId(booking.id);
      if (moveNeedsAsking(planned)) setOpen({ kind: 'move', move: planned });
      else toast.success(await applyMove(desk.db, planned, name, timeZone, now()));
    };
    run().catch((error: unknown) => toast.error(`Could not move the booking: ${errorMessage(error)}`));
  };

  if (branch === undefined) return null;
  const isToday = day === today;

  return (
    <div className="page today">
      <div className="page-header">
        <div>
          <h1>{isToday ? 'Today' : longDate(day)}</h1>
          <p>
            {isToday ? `${longDate(day)} · ` : ''}
            {branch.name}
          </p>
        </div>
        <div className="day-nav" role="group" aria-label="Choose day">
          <button type="button" className="btn btn-icon" aria-label="Previous day" onClick={() => setOffset(offset - 1)}>
            <Icon name="chevronLeft" />
          </button>
          <button type="button" className="btn" disabled={isToday} onClick={() => setOffset(0)}>
            Today
          </button>
          <button type="button" className="btn btn-icon" aria-label="Next day" onClick={() => setOffset(offset + 1)}>
            <Icon name="chevronRight" />
          </button>
          <input
            className="input day-picker"
            type="date"
            aria-label="Go to date"
            value={formatDay(day)}
            onChange={(e) => {
              const picked = parseDay(e.target.value);
              if (picked !== null) setOffset(picked - today);
            }}
          />
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={() => setOpen({ kind: 'cash-up' })}>
            Cash-up
          </button>
          <button type="button" className="btn" onClick={() => setOpen({ kind: 'walk-in' })}>
            <Icon name="walkin" />
            Walk-in
          </button>
          <button type="button" className="btn btn-primary" aria-keyshortcuts="N" title="New booking (N)" onClick={() => setOpen({ kind: 'new' })}>
            <Icon name="plus" />
            New booking
          </button>
        </div>
      </div>

      {bookings !== null && <Summary bookings={bookings} />}
      {isToday && <FollowUpsDue branchId={branch.id} today={today} />}

      <div className="today-layout">
        <section className="card today-agenda" aria-label={`Bookings on ${longDate(day)}`} aria-busy={bookings === null}>
          {bookings !== null && bookings.length === 0 ? (
            <div className="empty-state">
              <span className="empty-illustration" aria-hidden="true">
                <Icon name="today" size={26} />
              </span>
              <h2>No bookings {isToday ? 'today' : 'on this day'}</h2>
              <p>Add a booking, or check in a walk-in when someone arrives.</p>
              <button type="button" className="btn btn-primary" onClick={() => setOpen({ kind: 'new' })}>
                New booking
              </button>
            </div>
          ) : bookings !== null ? (
            <>
              <AgendaLegend />
              <Agenda
                bookings={bookings}
                timeZone={timeZone}
                nowMinute={nowMinute}
                selectedId={selectedId}
                staff={catalog.staff}
                confirmations={confirmations}
                day={day}
                team={catalog.team}
                onSelect={setSelectedId}
                onOpen={(b) => {
                  setSelectedId(b.id);
                  setOpen({ kind: 'edit', booking: b });
                }}
                onMove={move}
              />
            </>
          ) : null}
        </section>
        {selected !== null ? (
          <BookingPanel
            booking={selected}
            timeZone={timeZone}
            conflicts={selectedConflicts}
            outside={selectedOutside}
            reply={(() => {
              const c = confirmations.get(selected.id);
              return c === undefined ? '' : confirmationText(c, timeZone);
            })()}
            onAction={(a) => act(selected, a)}
          />
        ) : (
          <aside className="card booking-panel booking-panel-empty" aria-label="Booking details">
            <span className="empty-illustration" aria-hidden="true">
              <Icon name="clock" size={26} />
            </span>
            <h2>Select a booking</h2>
            <p className="muted">See who is coming, their status with you, and check them in or complete the visit.</p>
          </aside>
        )}
      </div>

      {open?.kind === 'new' && <NewBookingDialog day={day} onClose={() => setOpen(null)} onCreated={setSelectedId} />}
      {open?.kind === 'walk-in' && <WalkInDialog onClose={() => setOpen(null)} onCreated={setSelectedId} />}
      {open?.kind === 'receipt' && open.booking.payment !== null && <ReceiptDialog booking={open.booking} payment={open.booking.payment} onClose={() => setOpen(null)} />}
      {open?.kind === 'cash-up' && <CashUpDialog branchId={branch.id} branchName={branch.name} timeZone={timeZone} day={day} onClose={() => setOpen(null)} />}
      {open?.kind === 'complete' && <CompleteDialog booking={open.booking} onClose={() => setOpen(null)} />}
      {open?.kind === 'confirm' && <ConfirmMoveDialog booking={open.booking} to={open.to} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <EditBookingDialog booking={open.booking} day={day} onClose={() => setOpen(null)} {...(open.moveTo !== undefined ? { moveTo: open.moveTo } : {})} />}
      {open?.kind === 'correct' && <CorrectBookingDialog booking={open.booking} day={day} onClose={() => setOpen(null)} />}
      {open?.kind === 'move' && <MoveConflictDialog move={open.move} timeZone={timeZone} onClose={() => setOpen(null)} />}
      {open?.kind === 'early-check-in' && (
        <ConfirmDialog
          title="Check in early?"
          description={`${desk.customers.get(open.booking.customer_id)?.name ?? 'Customer'} · ${open.booking.service || 'Visit'}. ${open.nudge}`}
          keepLabel="Not yet"
          confirmLabel="Check in now"
          onClose={() => setOpen(null)}
          onConfirm={() => checkIn(open.booking)}
        />
      )}
    </div>
  );
}
