import { useState } from 'react';
import { formatDay } from '../../../../shared/time/calendar';
import { createBooking } from '../../data/bookings';
import { useCurrentBranch, useDesk, useToday } from '../../data/hooks';
import { now } from '../../data/session';
import { bookingDateTime } from '../../lib/zoned-time';
import { formatPrice } from '../../lib/format';
import { farPriceNudge, usualPriceOf } from './nudges';
import { NudgeNotice, useNudgeCheck } from './use-nudge-check';
import { Modal, SubmitFooter } from '../../ui/Modal';
import { toast } from '../../ui/toasts';
import { prefillFromQuery, type CustomerFormValues } from '../customers';
import { RegisterForBooking } from './RegisterForBooking';
import { showSaveError } from './save-error';
import { BOOKING_FORM_FIELDS, validateBookingForm, type BookingFormErrors, type BookingFormValues } from './booking-form-model';
import { BookingDetailsFields } from './BookingDetailsFields';
import { ChosenCustomer, CustomerPicker } from './CustomerPicker';
import { useBranchCatalog } from './use-branch-catalog';

/**
 * Walk-in: find the customer (or register them quickly), then what they are having — creates a
 * booking that starts now and is already checked in.
 */
export function WalkInDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const { day, timeZone } = useToday();
  const catalog = useBranchCatalog(branch?.id ?? '', day);
  const [registering, setRegistering] = useState<Partial<CustomerFormValues> | null>(null);
  const [values, setValues] = useState<BookingFormValues>({ customerId: null, service: '', staff: '', date: formatDay(day), time: '', duration: '30', price: '' });
  const [errors, setErrors] = useState<BookingFormErrors>({});
  const [busy, setBusy] = useState(false);
  const nudge = useNudgeCheck();
  const set = (field: keyof BookingFormValues, value: string | null): void => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    nudge.reset();
  };
  if (branch === undefined) return null;

  if (registering !== null) {
    const chosen = (customerId: string): void => {
      set('customerId', customerId);
      setRegistering(null);
    };
    return <RegisterForBooking title="Walk-in: register the customer" description="Only the name is required." initial={registering} onClose={onClose} onBack={() => setRegistering(null)} onChosen={chosen} />;
  }

  const submit = async (): Promise<void> => {
    const result = validateBookingForm(values, timeZone, { requireTime: false });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    if (!nudge.check([farPriceNudge(result.output.price, usualPriceOf(result.output.service, catalog.services), formatPrice)])) return;
    setBusy(true);
    try {
      const startMs = Math.floor(now() / 60_000) * 60_000;
      const doc = await createBooking(desk.db, { ...result.output, startMs, branchId: branch.id, timeZone, status: 'checked_in' }, now());
      toast.success(`${desk.customers.get(doc.customer_id)?.name ?? 'Customer'} is checked in · ${bookingDateTime(doc, timeZone)}`);
      onCreated(doc.id);
      onClose();
    } catch (error) {
      showSaveError(error, BOOKING_FORM_FIELDS, setErrors, 'Could not check in the walk-in');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="Walk-in"
      description="Starts now and is checked in straight away."
      onClose={onClose}
      wide
      onSubmit={() => void submit()}
      footer={<SubmitFooter onCancel={onClose} busy={busy} submitLabel={nudge.nudges.length > 0 ? 'Check in anyway' : 'Check in walk-in'} />}
    >
      <div className="form-grid">
        <div className="span-2">
          {values.customerId === null ? (
            <CustomerPicker value={null} onChange={(id) => set('customerId', id)} onRegister={(q) => setRegistering(prefillFromQuery(q))} error={errors.customerId} label="Who is it?" />
          ) : (
            <div className="field">
              <span className="field-label">Customer</span>
              <ChosenCustomer id={values.customerId} onChange={() => set('customerId', null)} />
            </div>
          )}
        </div>
        <BookingDetailsFields values={values} errors={errors} set={set} catalog={catalog} />
        <div className="span-2">
          <NudgeNotice nudges={nudge.nudges} action="Check in anyway" />
        </div>
      </div>
    </Modal>
  );
}
