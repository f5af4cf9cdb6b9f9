import { useId, useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { FINAL_BOOKING_STATUSES } from '../../../../shared/domain/types';
import { correctBooking } from '../../data/bookings';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { BOOKING_STATUS_LABELS } from '../../lib/format';
import { shortDateTime } from '../../lib/zoned-time';
import { parseInstant } from '../../../../shared/time/instant';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { displayName } from '../customers';
import { useBranchCatalog } from './use-branch-catalog';
import { correctionFromForm, correctionValuesOf, type CorrectionFormErrors, type CorrectionFormValues } from './correction-model';
import { amendmentChanges } from './correction-text';
import { useCorrector } from './corrector';

/**
 * Corrects a finished visit (a manager's action): outcome, final price, service, staff, and the
 * reason, kept with the booking as an amendment. Saves only what the person changed.
 */
export function CorrectBookingDialog({ booking, day, onClose }: { booking: BookingDoc; day: number; onClose: () => void }) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const timeZone = branch?.timezone ?? 'UTC';
  const catalog = useBranchCatalog(branch?.id ?? '', day);
  const { corrector } = useCorrector();
  const [opened] = useState<CorrectionFormValues>(() => correctionValuesOf(booking));
  const [values, setValues] = useState<CorrectionFormValues>(opened);
  const [errors, setErrors] = useState<CorrectionFormErrors>({});
  const [busy, setBusy] = useState(false);
  const servicesId = useId();
  const staffId = useId();
  const name = displayName(desk.customers.get(booking.customer_id));
  const set = (field: keyof CorrectionFormValues, value: string): void => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
  };

  const submit = async (): Promise<void> => {
    const result = correctionFromForm(booking, opened, values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setBusy(true);
    try {
      const saved = await correctBooking(desk.db, booking.id, result.input, corrector, now());
      const last = saved.amendments.at(-1);
      toast.success(`Corrected ${name}'s visit of ${shortDateTime(parseInstant(booking.start_at) ?? 0, timeZone)}${last ? `: ${amendmentChanges(last)}` : ''}`);
      onClose();
    } catch (error) {
      setErrors({ form: `Could not save the correction: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`Correct ${name}'s visit`}
      description={`${shortDateTime(parseInstant(booking.start_at) ?? 0, timeZone)} · ${BOOKING_STATUS_LABELS[booking.status]}. The correction is kept with the booking: what changed, why, who and when.`}
      onClose={onClose}
      wide
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Save correction
          </button>
        </>
      }
    >
      <div className="form-grid">
        <Field label="Outcome" error={errors.status}>
          {(p) => (
            <select {...p} name="status" className="select" data-autofocus value={values.status} onChange={(e) => set('status', e.target.value)}>
              {FINAL_BOOKING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {BOOKING_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Final price" error={errors.price} hint="What the customer paid">
          {(p) => <input {...p} name="price" className="input" inputMode="decimal" value={values.price} onChange={(e) => set('price', e.target.value)} />}
        </Field>
        <Field label="Service" optional error={errors.service}>
          {(p) => <input {...p} name="service" className="input" list={servicesId} autoComplete="off" value={values.service} onChange={(e) => set('service', e.target.value)} />}
        </Field>
        <datalist id={servicesId}>
          {catalog.services.map((s) => (
            <option key={s.name} value={s.name} />
          ))}
        </datalist>
        <Field label="Staff" optional error={errors.staff}>
          {(p) => <input {...p} name="staff" className="input" list={staffId} autoComplete="off" value={values.staff} onChange={(e) => set('staff', e.target.value)} />}
        </Field>
        <datalist id={staffId}>
          {catalog.staff.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <Field label="Reason" error={errors.reason} className="span-2" hint="Kept with the booking and shown on the customer's history">
          {(p) => <textarea {...p} name="reason" className="textarea" rows={2} value={values.reason} onChange={(e) => set('reason', e.target.value)} />}
        </Field>
        {errors.form !== undefined && (
          <p className="span-2 notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
      </div>
    </Modal>
  );
}
