import { useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import type { TenderMethod } from '../../../../shared/domain/types';
import { moveBooking } from '../../data/bookings';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { bookingDateTime } from '../../lib/zoned-time';
import { now } from '../../data/session';
import { formatPrice } from '../../lib/format';
import { inputLocale } from '../../lib/input-locale';
import { Field } from '../../ui/Field';
import { Modal, SubmitFooter } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { priceText } from './booking-form-model';
import { checkoutTotals, initialCheckout, readCheckout, SPLIT_METHODS, TENDER_MODES, type CheckoutErrors, type CheckoutValues, type TenderMode } from './checkout-model';
import { farPriceNudge } from './nudges';
import { NudgeNotice, useNudgeCheck } from './use-nudge-check';

/**
 * Completes a visit and records how it was paid (docs/DESIGN.md §18): the price (prefilled with the
 * booked one), an optional discount with its reason, an optional tip, and the tender — all cash,
 * all card, other, a split, or not paid yet (the visit then shows as unpaid in the cash-up).
 */
export function CompleteDialog({ booking, onClose }: { booking: BookingDoc; onClose: () => void }) {
  const desk = useDesk();
  const locale = inputLocale();
  const [values, setValues] = useState<CheckoutValues>(() => initialCheckout(priceText(booking.price)));
  const [errors, setErrors] = useState<CheckoutErrors>({});
  const [busy, setBusy] = useState(false);
  const name = desk.customers.get(booking.customer_id)?.name ?? 'Customer';
  const timeZone = useCurrentBranch()?.timezone ?? 'UTC';
  const nudge = useNudgeCheck();
  const totals = checkoutTotals(values, locale);

  const change = (patch: Partial<CheckoutValues>, cleared: (keyof CheckoutErrors)[]): void => {
    setValues((v) => ({ ...v, ...patch }));
    const drop = new Set<string>([...cleared, 'tenders']);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !drop.has(k))) as CheckoutErrors);
    nudge.reset();
  };
  const setSplit = (method: TenderMethod, text: string): void => change({ split: { ...values.split, [method]: text } }, [method]);

  const submit = async (): Promise<void> => {
    const nowMs = now();
    const read = readCheckout(values, locale, new Date(nowMs).toISOString());
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    // A final price far from the booked one is usually a slip ("12,50" typed as 1,250.00): ask once.
    if (!nudge.check([farPriceNudge(read.price, { service: booking.service || 'this visit', price: booking.price }, formatPrice, 'booked')])) return;
    setBusy(true);
    try {
      await moveBooking(desk.db, booking.id, 'completed', nowMs, read.price, read.payment);
      const paid = read.payment === null ? ' · not paid yet' : read.payment.tip > 0 ? ` + ${formatPrice(read.payment.tip)} tip` : '';
      toast.success(`Completed ${name}'s ${booking.service || 'visit'} · ${formatPrice(read.price)}${paid} · ${bookingDateTime(booking, timeZone)}`);
      onClose();
    } catch (e) {
      setErrors({ tenders: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const paying = values.mode !== 'unpaid';
  const left = totals.due === null ? null : totals.due - totals.entered;
  return (
    <Modal
      title={`Complete ${name}'s visit`}
      description={`${booking.service || 'Visit'}${booking.staff ? ` with ${booking.staff}` : ''}. Booked at ${formatPrice(booking.price)}.`}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={<SubmitFooter onCancel={onClose} busy={busy} submitLabel={nudge.nudges.length > 0 ? 'Complete anyway' : 'Complete visit'} />}
    >
      <Field label="Price" error={errors.price} hint="Before any discount, including extras">
        {(p) => (
          <input {...p} className="input input-large nums" inputMode="decimal" autoFocus value={values.price} onChange={(e) => change({ price: e.target.value }, ['price'])} />
        )}
      </Field>
      <fieldset className="checkout-tenders">
        <legend className="field-label">Paid by</legend>
        <div className="seg-toggles" role="radiogroup" aria-label="Paid by">
          {TENDER_MODES.map(({ mode, label }) => (
            <label key={mode} className="seg-toggle">
              <input type="radio" name="tender-mode" value={mode} checked={values.mode === mode} onChange={() => change({ mode: mode as TenderMode }, ['cash', 'card', 'other'])} />
              {label}
            </label>
          ))}
        </div>
        {values.mode === 'split' && (
          <div className="checkout-split">
            {SPLIT_METHODS.map(({ method, label }) => (
              <Field key={method} label={label} error={errors[method]}>
                {(p) => <input {...p} className="input nums" inputMode="decimal" value={values.split[method]} onChange={(e) => setSplit(method, e.target.value)} />}
              </Field>
            ))}
          </div>
        )}
        {errors.tenders !== undefined && (
          <p className="field-error" role="alert">
            {errors.tenders}
          </p>
        )}
      </fieldset>
      <div className="checkout-row">
        <Field label="Discount" error={errors.discount} optional>
          {(p) => <input {...p} className="input nums" inputMode="decimal" value={values.discount} disabled={!paying} onChange={(e) => change({ discount: e.target.value }, ['discount'])} />}
        </Field>
        <Field label="Discount in">
          {(p) => (
            <select {...p} className="input" value={values.discountKind} disabled={!paying} onChange={(e) => change({ discountKind: e.target.value === 'percent' ? 'percent' : 'amount' }, ['discount'])}>
              <option value="amount">Amount</option>
              <option value="percent">Percent (%)</option>
            </select>
          )}
        </Field>
        <Field label="Tip" error={errors.tip} optional>
          {(p) => <input {...p} className="input nums" inputMode="decimal" value={values.tip} disabled={!paying} onChange={(e) => change({ tip: e.target.value }, ['tip'])} />}
        </Field>
      </div>
      {values.discount.trim() !== '' && (
        <Field label="Reason for the discount" error={errors.discountReason} hint="Kept with the visit and shown in the cash-up">
          {(p) => <input {...p} className="input" value={values.discountReason} maxLength={200} onChange={(e) => change({ discountReason: e.target.value }, ['discountReason'])} />}
        </Field>
      )}
      <p className="checkout-total nums" aria-live="polite">
        {totals.due === null
          ? 'Enter the price to see what is due'
          : !paying
            ? `${formatPrice(totals.final ?? 0)} to be paid later`
            : `To pay ${formatPrice(totals.final ?? 0)}${totals.tip > 0 ? ` + ${formatPrice(totals.tip)} tip = ${formatPrice(totals.due)}` : ''}${
                values.mode === 'split' && left !== null ? ` · ${left === 0 ? 'split adds up' : left > 0 ? `${formatPrice(left)} left to split` : `${formatPrice(-left)} too much`}` : ''
              }`}
      </p>
      <NudgeNotice nudges={nudge.nudges} action="Complete anyway" />
    </Modal>
  );
}
