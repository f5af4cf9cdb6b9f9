import { useState } from 'react';
import { formatDay } from '../../../../shared/time/calendar';
import { zoneClock } from '../../../../shared/time/zone';
import { createBooking, createSeries } from '../../data/bookings';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { formatDuration, formatPrice } from '../../lib/format';
import { formatClockTime, isoInZone, parseClockTime, shortDateTime } from '../../lib/zoned-time';
import { Field } from '../../ui/Field';
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
import { NO_REPEAT, readRepeat, type RepeatErrors, type RepeatValues } from './repeat-model';
import { SeriesReview, useSeriesCheck } from './SeriesReview';
import { MAX_OCCURRENCES } from '../../../../shared/schedule/recurrence';

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
  const [repeat, setRepeat] = useState<RepeatValues>(NO_REPEAT);
  const [repeatErrors, setRepeatErrors] = useState<RepeatErrors>({});
  const [busy, setBusy] = useState(false);
  const conflict = useConflictCheck();
  const series = useSeriesCheck();
  const nudge = useNudgeCheck();
  const anyway = 'Book anyway';
  const set = (field: keyof BookingFormValues, value: string | null): void => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    conflict.reset();
    series.reset();
    nudge.reset();
  };
  const setRepeatField = (field: keyof RepeatValues, value: string): void => {
    setRepeat((r) => ({ ...r, [field]: value }));
    setRepeatErrors((e) => ({ ...e, [field]: undefined }));
    series.reset();
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
    const clock = zoneClock(timeZone);
    const plan = result.ok ? readRepeat(repeat, { day: clock.localDay(result.output.startMs), minute: clock.localMinuteOfDay(result.output.startMs) }, timeZone) : null;
    setRepeatErrors(plan !== null && !plan.ok ? plan.errors : {});
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    if (plan === null || !plan.ok) return;
    const { startMs, price, service } = result.output;
    // Nudges and overlaps are asked about together: one "Book anyway" goes past both.
    const nudged = nudge.check([pastBookingNudge(startMs, now()), farPriceNudge(price, usualPriceOf(service, catalog.services), formatPrice)]);
    setBusy(true);
    try {
      const out = result.output;
      const candidate = { id: '', customer_id: out.customerId, staff: out.staff, duration_min: out.durationMin, status: 'scheduled' as const };
      const name = (id: string): string => desk.customers.get(id)?.name ?? 'the customer';
      if (plan.occurrences !== null) {
        const occurrences = plan.occurrences;
        if (!(await series.check(occurrences, candidate, branch.id, timeZone)) || !nudged) return;
        const chosen = occurrences.filter((o) => !series.skipped.has(o.index));
        if (chosen.length === 0) {
          setRepeatErrors({ every: 'Every booking of the series is skipped: book at least one, or change the time or staff' });
          return;
        }
        const docs = await createSeries(desk.db, { ...out, branchId: branch.id, timeZone }, chosen, occurrences.length, now());
        const skipped = occurrences.length - chosen.length;
        toast.success(
          `Booked ${name(out.customerId)} · ${chosen.length} of ${occurrences.length} every ${repeat.every.trim() === '1' ? 'week' : `${repeat.every.trim()} weeks`} from ${shortDateTime((chosen[0] as { startMs: number }).startMs, timeZone)}${out.staff ? ` with ${out.staff}` : ''}${skipped > 0 ? ` (${skipped} skipped)` : ''}`,
        );
        onCreated((docs[0] as { id: string }).id);
        onClose();
        return;
      }
      if (!(await conflict.check({ ...candidate, start_at: isoInZone(out.startMs, timeZone) }, branch.id, timeZone)) || !nudged) return;
      const doc = await createBooking(desk.db, { ...out, branchId: branch.id, timeZone }, now());
      toast.success(`Booked ${name(doc.customer_id)} · ${shortDateTime(out.startMs, timeZone)}${out.staff ? ` with ${out.staff}` : ''} (${formatDuration(out.durationMin)})`);
      onCreated(doc.id);
      onClose();
    } catch (error) {
      showSaveError(error, BOOKING_FORM_FIELDS, setErrors, 'Could not save the booking');
    } finally {
      setBusy(false);
    }
  };

  const seriesRows = series.rows;
  const submitLabel =
    seriesRows !== null
      ? `Book ${seriesRows.length - series.skipped.size} of ${seriesRows.length}`
      : conflict.conflicts.length > 0 || conflict.outside !== null || nudge.nudges.length > 0
        ? anyway
        : 'Save booking';
  const repeating = repeat.every.trim() !== '';

  return (
    <Modal
      title="New booking"
      description={`${branch.name} · times are in ${timeZone.replace(/_/g, ' ')}`}
      onClose={onClose}
      wide
      onSubmit={() => void submit()}
      footer={<SubmitFooter onCancel={onClose} busy={busy} submitLabel={submitLabel} />}
    >
      <div className="form-grid">
        <div className="span-2">
          <CustomerPicker value={values.customerId} onChange={(id) => set('customerId', id)} onRegister={(q) => setRegistering(prefillFromQuery(q))} error={errors.customerId} />
        </div>
        <BookingWhenFields values={values} errors={errors} set={set} />
        <BookingDetailsFields values={values} errors={errors} set={set} catalog={catalog} />
        <BookingSlotFields values={values} set={set} branchId={branch.id} team={catalog.team} timeZone={timeZone} />
        <Field label="Repeat every (weeks)" optional error={repeatErrors.every} hint={repeating ? undefined : 'Empty: a single booking'}>
          {(p) => <input {...p} name="repeat-every" className="input" inputMode="numeric" value={repeat.every} onChange={(e) => setRepeatField('every', e.target.value)} />}
        </Field>
        {repeating && (
          <>
            <Field label="Ends">
              {(p) => (
                <select {...p} name="repeat-ends" className="select" value={repeat.ends} onChange={(e) => setRepeatField('ends', e.target.value)}>
                  <option value="count">After a number of bookings</option>
                  <option value="until">On a date</option>
                </select>
              )}
            </Field>
            {repeat.ends === 'count' ? (
              <Field label="Bookings in all" error={repeatErrors.times} hint={`2 to ${MAX_OCCURRENCES}, this one included`}>
                {(p) => <input {...p} name="repeat-times" className="input" inputMode="numeric" value={repeat.times} onChange={(e) => setRepeatField('times', e.target.value)} />}
              </Field>
            ) : (
              <Field label="Last date" error={repeatErrors.until} hint={`Included; at most ${MAX_OCCURRENCES} bookings`}>
                {(p) => <input {...p} name="repeat-until" className="input" type="date" value={repeat.until} onChange={(e) => setRepeatField('until', e.target.value)} />}
              </Field>
            )}
          </>
        )}
        <div className="span-2">
          <NudgeNotice nudges={nudge.nudges} action={seriesRows !== null ? submitLabel : anyway} />
          <ConflictNotice conflicts={conflict.conflicts} outside={conflict.outside} timeZone={timeZone} action={anyway} />
          <SeriesReview check={series} timeZone={timeZone} minute={parseClockTime(values.time) ?? 0} />
        </div>
      </div>
    </Modal>
  );
}
