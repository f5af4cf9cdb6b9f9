import { useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { moveBooking } from '../../data/bookings';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { bookingDateTime } from '../../lib/zoned-time';
import { now } from '../../data/session';
import { Modal } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';

const TEXT = {
  no_show: { title: 'Mark as no-show?', action: 'Mark no-show', done: 'marked as no-show' },
  cancelled: { title: 'Cancel this booking?', action: 'Cancel booking', done: 'cancelled' },
} as const;

/** Confirms a final, irreversible move (no-show, cancel): bookings only ever move forward. */
export function ConfirmMoveDialog({ booking, to, onClose }: { booking: BookingDoc; to: 'no_show' | 'cancelled'; onClose: () => void }) {
  const desk = useDesk();
  const [busy, setBusy] = useState(false);
  const name = desk.customers.get(booking.customer_id)?.name ?? 'Customer';
  const timeZone = useCurrentBranch()?.timezone ?? 'UTC';
  const text = TEXT[to];
  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
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
            {text.action}
          </button>
        </>
      }
    >
      <p className="muted">{to === 'no_show' ? 'No-shows count in the customer’s history.' : 'The slot becomes free again.'}</p>
    </Modal>
  );
}
