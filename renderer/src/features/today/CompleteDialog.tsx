import { useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { moveBooking } from '../../data/bookings';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { bookingDateTime } from '../../lib/zoned-time';
import { now } from '../../data/session';
import { formatPrice } from '../../lib/format';
import { Field } from '../../ui/Field';
import { Modal, SubmitFooter } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { parsePriceInput, priceText } from './booking-form-model';
import { farPriceNudge } from './nudges';
import { NudgeNotice, useNudgeCheck } from './use-nudge-check';

/** Completes a visit, asking for the final price (prefilled with the booked price). */
export function CompleteDialog({ booking, onClose }: { booking: BookingDoc; onClose: () => void }) {
  const desk = useDesk();
  const [price, setPrice] = useState(priceText(booking.price));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const name = desk.customers.get(booking.customer_id)?.name ?? 'Customer';
  const timeZone = useCurrentBranch()?.timezone ?? 'UTC';
  const nudge = useNudgeCheck();

  const submit = async (): Promise<void> => {
    const parsed = parsePriceInput(price);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    // A final price far from the booked one is usually a slip ("12,50" typed as 1,250.00): ask once.
    if (!nudge.check([farPriceNudge(parsed.cents, { service: booking.service || 'this visit', price: booking.price }, formatPrice, 'booked')])) return;
    setBusy(true);
    try {
      await moveBooking(desk.db, booking.id, 'completed', now(), parsed.cents);
      toast.success(`Completed ${name}'s ${booking.service || 'visit'} · ${formatPrice(parsed.cents)} · ${bookingDateTime(booking, timeZone)}`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`Complete ${name}'s visit`}
      description={`${booking.service || 'Visit'}${booking.staff ? ` with ${booking.staff}` : ''}. Booked at ${formatPrice(booking.price)}.`}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={<SubmitFooter onCancel={onClose} busy={busy} submitLabel={nudge.nudges.length > 0 ? 'Complete anyway' : 'Complete visit'} />}
    >
      <Field label="Final price" error={error} hint="What the customer paid, including any extras or discounts">
        {(p) => (
          <input
            {...p}
            className="input input-large"
            inputMode="decimal"
            autoFocus
            value={price}
            onChange={(e) => {
              setPrice(e.target.value);
              setError('');
              nudge.reset();
            }}
          />
        )}
      </Field>
      <NudgeNotice nudges={nudge.nudges} action="Complete anyway" />
    </Modal>
  );
}
