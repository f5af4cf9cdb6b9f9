import { Fragment } from 'react';
import type { BookingDoc, Payment } from '../../../../shared/domain/schemas';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { formatPrice } from '../../lib/format';
import { bookingDateTime } from '../../lib/zoned-time';
import { Modal } from '../../ui/Modal';
import { displayName } from '../customers';
import { TENDER_LABELS } from './payment-text';

/**
 * The receipt of one paid visit (docs/DESIGN.md §18): branch, when, who, what, the price, the
 * discount with its reason, the tip and each tender. Print is the browser's print (the same in
 * Electron), with the print stylesheet printing the receipt alone.
 */
export function ReceiptDialog({ booking, payment, onClose }: { booking: BookingDoc; payment: Payment; onClose: () => void }) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const timeZone = branch?.timezone ?? 'UTC';
  const d = payment.discount;
  return (
    <Modal
      title="Receipt"
      description={`${displayName(desk.customers.get(booking.customer_id))} · ${bookingDateTime(booking, timeZone)}`}
      onClose={onClose}
      footer={
        <div className="cash-up-actions">
          <button type="button" className="btn" data-autofocus onClick={() => window.print()}>
            Print receipt
          </button>
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Close
          </button>
        </div>
      }
    >
      <section className="receipt print-root" aria-label="Receipt of the visit">
        <h3>{branch?.name ?? 'Branchdesk'}</h3>
        <p>{bookingDateTime(booking, timeZone)}</p>
        <p>{displayName(desk.customers.get(booking.customer_id))}</p>
        <dl>
          <dt>
            {booking.service || 'Visit'}
            {booking.staff ? ` with ${booking.staff}` : ''}
          </dt>
          <dd>{formatPrice(payment.subtotal)}</dd>
          {d !== null && (
            <>
              <dt>
                Discount{d.kind === 'percent' ? ` ${d.percent ?? 0} %` : ''} ({d.reason})
              </dt>
              <dd>−{formatPrice(d.amount)}</dd>
            </>
          )}
          {payment.tip > 0 && (
            <>
              <dt>Tip</dt>
              <dd>{formatPrice(payment.tip)}</dd>
            </>
          )}
          <dt className="receipt-total">Total paid</dt>
          <dd className="receipt-total">{formatPrice(booking.price + payment.tip)}</dd>
          {payment.tenders.map((t) => (
            <Fragment key={t.method}>
              <dt>Paid by {TENDER_LABELS[t.method].toLowerCase()}</dt>
              <dd>{formatPrice(t.amount)}</dd>
            </Fragment>
          ))}
        </dl>
        <p className="muted">Thank you for your visit</p>
      </section>
    </Modal>
  );
}
