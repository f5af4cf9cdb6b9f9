import { Fragment, useState } from 'react';
import type { BookingDoc, Payment } from '../../../../shared/domain/schemas';
import { receiptCommunication, receiptText } from '../../../../shared/schedule/receipt';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { assertValid } from '../../data/write-errors';
import { formatPrice } from '../../lib/format';
import { activeRole, useSyncStore } from '../../sync/sync-store';
import { errorMessage, toast } from '../../ui/toasts';
import { bookingDateTime } from '../../lib/zoned-time';
import { Modal } from '../../ui/Modal';
import { displayName } from '../customers';
import { TENDER_LABELS } from './payment-text';

/**
 * The receipt of one paid visit (docs/DESIGN.md §18): branch, when, who, what, the price, the
 * discount with its reason, the tip and each tender. Print is the browser's print (the same in
 * Electron), with the print stylesheet printing the receipt alone. "Email receipt" queues it in
 * the server's outbox (a transactional message to the address on file, no marketing consent
 * needed), so it goes out by sync — also after the desk is switched off.
 */
export function ReceiptDialog({ booking, payment, onClose }: { booking: BookingDoc; payment: Payment; onClose: () => void }) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const timeZone = branch?.timezone ?? 'UTC';
  const d = payment.discount;
  const paired = useSyncStore(activeRole) !== null;
  const customer = desk.customers.get(booking.customer_id);
  const email = customer?.email ?? '';
  const [sent, setSent] = useState(false);
  const emailProblem = !paired ? 'Emailing a receipt needs a server: this desk is not paired, so nothing could send it.' : email === '' ? 'No email address on file for this customer.' : '';

  const emailReceipt = async (): Promise<void> => {
    try {
      const at = new Date(now()).toISOString();
      const text = receiptText(booking, payment, { branchName: branch?.name ?? 'Branchdesk', customerName: displayName(customer), when: bookingDateTime(booking, timeZone), money: formatPrice });
      const doc = receiptCommunication(booking, text, at);
      assertValid('communications', doc);
      await desk.db.communications.insert(doc);
      setSent(true);
      toast.success(`Receipt queued for ${email} — the server sends it`);
    } catch (error) {
      toast.error(`Could not queue the receipt: ${errorMessage(error)}`);
    }
  };

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
          <button type="button" className="btn" disabled={emailProblem !== '' || sent} aria-describedby={emailProblem === '' ? undefined : 'receipt-email-problem'} onClick={() => void emailReceipt()}>
            {sent ? 'Receipt queued' : 'Email receipt'}
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
      {emailProblem !== '' && (
        <p className="muted" id="receipt-email-problem">
          {emailProblem}
        </p>
      )}
    </Modal>
  );
}
