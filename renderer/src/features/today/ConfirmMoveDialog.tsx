import { useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { cancelBookings, moveBooking } from '../../data/bookings';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { bookingDateTime } from '../../lib/zoned-time';
import { now } from '../../data/session';
import { Modal } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { SeriesScope, useFollowing, type SeriesScopeValue } from './SeriesScope';

const TEXT = {
  no_show: { title: 'Mark as no-show?', action: 'Mark no-show', done: 'marked as no-show' },
  cancelled: { title: 'Cancel this booking?', action: 'Cancel booking', done: 'cancelled' },
} as const;

/**
 * Confirms a final, irreversible move (no-show, cancel): bookings only ever move forward. Cancelling
 * an occurrence of a series with later scheduled ones offers "This and all following"
 * (docs/DESIGN.md §17); the button says how many bookings it cancels.
 */
export function ConfirmMoveDialog({ booking, to, onClose }: { booking: BookingDoc; to: 'no_show' | 'cancelled'; onClose: () => void }) {
  const desk = useDesk();
  const [busy, setBusy] = useState(false);
  const name = desk.customers.get(booking.customer_id)?.name ?? 'Customer';
  const timeZone = useCurrentBranch()?.timezone ?? 'UTC';
  const text = TEXT[to];
  const following = useFollowing(booking);
  const [scope, setScope] = useState<SeriesScopeValue>('this');
  const several = to === 'cancelled' && scope === 'following' && following !== null && following.length > 0 ? following : null;
  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      if (several !== null) {
        await cancelBookings(desk.db, [booking.id, ...several.map((b) => b.id)], now());
        toast.success(`Cancelled ${several.length + 1} bookings of ${name}'s series from ${bookingDateTime(booking, timeZone)}`);
        onClose();
        return;
      }
      await moveBooking(desk.db, booking.id, to, now());
      toast.success(`${name}'s booking of ${bookingDateTime(booking, timeZone)} ${text.done}`);
      onClose();
    } catch (error) {
      toast.error(errorMessage(error));
      setBusy(false);
    }
  };
  return (
    <Modal
      title={text.title}
      description={`${name} · ${booking.service || 'Visit'}. This cannot be undone.`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Keep booking
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void confirm()}>
            {several !== null ? `Cancel ${several.length + 1} bookings` : text.action}
          </button>
        </>
      }
    >
      {to === 'cancelled' && (
        <div className="form-grid">
          <SeriesScope verb="Cancel" following={following} value={scope} onChange={setScope} />
        </div>
      )}
      <p className="muted">
        {to === 'no_show' ? 'No-shows count in the customer’s history.' : several !== null ? `This booking and ${several.length === 1 ? 'the later one' : `the ${several.length} later ones`} of the series still to come are cancelled; their slots become free again.` : 'The slot becomes free again.'}
      </p>
    </Modal>
  );
}
