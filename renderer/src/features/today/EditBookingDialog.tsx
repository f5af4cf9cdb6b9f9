import { useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { editBooking } from '../../data/bookings';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { formatPrice } from '../../lib/format';
import { isoInZone, shortDateTime } from '../../lib/zoned-time';
import { Field } from '../../ui/Field';
import { Modal, SubmitFooter } from '../../ui/Modal';
import { toast } from '../../ui/toasts';
import { displayName } from '../customers';
import { EDIT_FORM_FIELDS, editChanges, editValuesOf, type EditFormErrors, type EditFormValues } from './booking-edit-model';
import { BookingDetailsFields, BookingSlotFields, BookingWhenFields } from './BookingDetailsFields';
import { ConflictNotice } from './ConflictNotice';
import { useBranchCatalog } from './use-branch-catalog';
import { showSaveError } from './save-error';
import { useConflictCheck } from './use-conflict-check';
import { NudgeNotice, useNudgeCheck } from './use-nudge-check';
import { farPriceNudge, pastBookingNudge, usualPriceOf } from './nudges';

/**
 * Edit or move a scheduled booking (the keyboard path for what dragging does on the agenda):
 * date, time, staff, service, duration, price, notes. Saves only what changed, on the same booking.
 */
export function EditBookingDialog({ booking, day, onClose }: { booking: BookingDoc; day: number; onClose: () => void }) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const timeZone = branch?.timezone ?? 'UTC';
  const catalog = useBranchCatalog(branch?.id ?? '', day);
  const [values, setValues] = useState<EditFormValues>(() => editValuesOf(booking, timeZone));
  const [errors, setErrors] = useState<EditFormErrors>({});
  const [busy, setBusy] = useState(false);
  const conflict = useConflictCheck();
  const nudge = useNudgeCheck();
  const name = displayName(desk.customers.get(booking.customer_id));
  const set = (field: keyof EditFormValues, value: string | null): void => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    conflict.reset();
    nudge.reset();
  };
  const anyway = 'Save anyway';

  const submit = async (): Promise<void> => {
    const result = editChanges(booking, values, timeZone);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    if (Object.keys(result.changes).length === 0) {
      onClose();
      return;
    }
    // Asked only about what this edit changes: a move into the past, a new price far from the usual.
    const { startMs, price } = result.changes;
    const service = result.changes.service ?? booking.service;
    const nudged = nudge.check([startMs === undefined ? null : pastBookingNudge(startMs, now()), price === undefined ? null : farPriceNudge(price, usualPriceOf(service, catalog.services), formatPrice)]);
    setBusy(true);
    try {
      const candidate = { ...booking, staff: result.changes.staff ?? booking.staff, start_at: isoInZone(result.startMs, timeZone), duration_min: result.durationMin };
      // the hours are checked when the booking moves in time or to someone else, not for a note
      const moved = result.changes.startMs !== undefined || result.changes.staff !== undefined || result.changes.durationMin !== undefined;
      if (!(await conflict.check(candidate, booking.branch_id, moved ? timeZone : undefined)) || !nudged) return;
      await editBooking(desk.db, booking.id, result.changes, timeZone, now());
      const staff = candidate.staff ? ` with ${candidate.staff}` : '';
      toast.success(`Saved ${name}'s booking: ${shortDateTime(result.startMs, timeZone)}${staff}`);
      onClose();
    } catch (error) {
      showSaveError(error, EDIT_FORM_FIELDS, setErrors, 'Could not save the booking');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="Edit booking"
      description={`${name} · times are in ${timeZone.replace(/_/g, ' ')}`}
      onClose={onClose}
      wide
      onSubmit={() => void submit()}
      footer={<SubmitFooter onCancel={onClose} busy={busy} submitLabel={conflict.conflicts.length > 0 || conflict.outside !== null || nudge.nudges.length > 0 ? anyway : 'Save changes'} />}
    >
      <div className="form-grid">
        <BookingWhenFields values={values} errors={errors} set={set} />
        <BookingDetailsFields values={values} errors={errors} set={set} catalog={catalog} />
        <BookingSlotFields values={values} set={set} branchId={booking.branch_id} team={catalog.team} timeZone={timeZone} ignoreId={booking.id} />
        <Field label="Notes" optional error={errors.notes} className="span-2">
          {(p) => <textarea {...p} name="notes" className="textarea" rows={2} value={values.notes} onChange={(e) => set('notes', e.target.value)} />}
        </Field>
        <div className="span-2">
          <NudgeNotice nudges={nudge.nudges} action={anyway} />
          <ConflictNotice conflicts={conflict.conflicts} outside={conflict.outside} timeZone={timeZone} action={anyway} />
        </div>
      </div>
    </Modal>
  );
}
