import { useState } from 'react';
import { formatDay } from '../../../../shared/time/calendar';
import { zoneClock } from '../../../../shared/time/zone';
import { createBooking } from '../../data/bookings';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { formatDuration, formatPrice } from '../../lib/format';
import { formatClockTime, isoInZone, shortDateTime } from '../../lib/zoned-time';
import { Modal, SubmitFooter } from '../../ui/Modal';
import { toast } from '../../ui/toasts';
import { prefillFromQuery, type CustomerFormValues } from '../customers';
import { RegisterForBooking } from './RegisterForBooking';
import { BOOKING_FORM_FIELDS, validateBookingForm, type BookingFormErrors, type BookingFormValues } from './booking-form-model';
import { BookingDetailsFields, BookingSlotFields, BookingWhenFields } from './BookingDetailsFields';
import { ConflictNotice } from './ConflictNotice';
import { CustomerPicker } from './CustomerPicker';
import { useBranchCatalog } from './use-branch-catalog';
import { showSaveError } from './save-error';
import { useConflictCheck } from './use-conflict-check';
import { NudgeNotice, useNudgeCheck } from './use-nudge-check';
import { farPriceNudge, pastBookingNudge, usualPriceOf } from './nudges';

/** A suggested start: the next half hour today, or 10:00 on another day. */
function suggestedTime(day: number, timeZone: string, nowMs: number): string {
  const clock = zoneClock(timeZone);
  if (clock.localDay(nowMs) !== day) return '10:00';
  const minute = Math.min(23 * 60 + 30, Math.ceil((clock.localMinuteOfDay(nowMs) + 1) / 30) * 30);
  return formatClockTime(minute);
}

/** New booking: customer (search or register), service, staff, date and time at the branch, duration, price. */
export function NewBookingDialog({
  day,
  customerId = null,
  onClose,
  onCreated,
}: {
  day: number;
  /** Preselects the customer (booking from the customer's page). */
  customerId?: string | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const timeZone = branch?.timezone ?? 'UTC';
  const catalog = useBranchCatalog(branch?.id ?? '', day);
  const [registering, setRegistering] = useState<Partial<CustomerFormValues> | null>(null);
  const [values, setValues] = useState<BookingFormValues>(() => ({
    customerId,
    service: '',
    staff: '',
    date: formatDay(day),
    time: suggestedTime(day, timeZone, now()),
    duration: '30',
    price: '',
  }));
  const [errors, setErrors] = useState<BookingFormErrors>({});
  const [busy, setBusy] = useState(false);
  const conflict = useConflictCheck();
  const nudge = useNudgeCheck();
  const anyway = 'Book anyway';
  const set = (field: keyof BookingFormValues, value: string | null): void => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    conflict.reset();
    nudge.reset();
  };

  if (branch === undefined) return null;

  if (registering !== null) {
    const chosen = (customerId: string): void => {
      set('customerId', customerId);
      setRegistering(null);
    };
    return <RegisterForBooking title="Register a new customer" description="They will be selected for the booking." initial={registering} onClose={() => setRegistering(null)} onBack={() => setRegistering(null)} onChosen={chosen} />;
  }

  const submit = async (): Promise<void> => {
    const result = validateBookingForm(values, timeZone);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const { startMs, price, service } = result.output;
    // Nudges and overlaps are asked about together: one "Book anyway" goes past both.
    const nudged = nudge.check([pastBookingNudge(startMs, now()), farPriceNudge(price, usualPriceOf(service, catalog.services), formatPrice)]);
    setBusy(true);
    try {
      const out = result.output;
      const candidate = { id: '', customer_id: out.customerId, staff: out.staff, start_at: isoInZone(out.startMs, timeZone), duration_min: out.durationMin, status: 'scheduled' as const };
      if (!(await conflict.check(candidate, branch.id, timeZone)) || !nudged) return;
      const doc = await createBooking(desk.db, { ...out, branchId: branch.id, timeZone }, now());
      const name = desk.customers.get(doc.customer_id)?.name ?? 'the customer';
      toast.success(`Booked ${name} · ${shortDateTime(out.startMs, timeZone)}${out.staff ? ` with ${out.staff}` : ''} (${formatDuration(out.durationMin)})`);
      onCreated(doc.id);
      onClose();
    } catch (error) {
      showSaveError(error, BOOKING_FORM_FIELDS, setErrors, 'Could not save the booking');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="New booking"
      description={`${branch.name} · times are in ${timeZone.replace(/_/g, ' ')}`}
      onClose={onClose}
      wide
      onSubmit={() => void submit()}
      footer={<SubmitFooter onCancel={onClose} busy={busy} submitLabel={conflict.conflicts.length > 0 || conflict.outside !== null || nudge.nudges.length > 0 ? anyway : 'Save booking'} />}
    >
      <div className="form-grid">
        <div className="span-2">
          <CustomerPicker value={values.customerId} onChange={(id) => set('customerId', id)} onRegister={(q) => setRegistering(prefillFromQuery(q))} error={errors.customerId} />
        </div>
        <BookingWhenFields values={values} errors={errors} set={set} />
        <BookingDetailsFields values={values} errors={errors} set={set} catalog={catalog} />
        <BookingSlotFields values={values} set={set} branchId={branch.id} team={catalog.team} timeZone={timeZone} />
        <div className="span-2">
          <NudgeNotice nudges={nudge.nudges} action={anyway} />
          <ConflictNotice conflicts={conflict.conflicts} outside={conflict.outside} timeZone={timeZone} action={anyway} />
        </div>
      </div>
    </Modal>
  );
}
