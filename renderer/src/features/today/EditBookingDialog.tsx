import { useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { bookingsAround, editBooking, editSeriesBookings, type BookingChanges } from '../../data/bookings';
import { readStaff } from '../../data/menu';
import { checkSeriesChange, planSeriesChange } from '../../../../shared/schedule/series-change';
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
import { SeriesReview, useSeriesCheck, type OccurrenceCheck } from './SeriesReview';
import { SeriesScope, useFollowing, type SeriesScopeValue } from './SeriesScope';

/**
 * Edit or move a scheduled booking (the keyboard path for what dragging does on the agenda):
 * date, time, staff, service, duration, price, notes. Saves only what changed, on the same booking.
 * On an occurrence of a series with later scheduled ones, the person chooses "This booking" or
 * "This and all following" (docs/DESIGN.md §17): each following occurrence moves by the same
 * wall-clock change and gets the same values, every one is checked for conflicts first and listed
 * with "Book anyway" / "Skip" when any is flagged, and the chosen ones are written together.
 */
export function EditBookingDialog({
  booking,
  day,
  onClose,
  moveTo,
}: {
  booking: BookingDoc;
  day: number;
  onClose: () => void;
  /** Where an occurrence of a series was dragged to: the form opens with it, asking this one or all following. */
  moveTo?: Pick<EditFormValues, 'date' | 'time' | 'staff'>;
}) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const timeZone = branch?.timezone ?? 'UTC';
  const catalog = useBranchCatalog(branch?.id ?? '', day);
  const [values, setValues] = useState<EditFormValues>(() => ({ ...editValuesOf(booking, timeZone), ...moveTo }));
  const [errors, setErrors] = useState<EditFormErrors>({});
  const [busy, setBusy] = useState(false);
  const conflict = useConflictCheck();
  const nudge = useNudgeCheck();
  const series = useSeriesCheck();
  const following = useFollowing(booking);
  const [scope, setScope] = useState<SeriesScopeValue>('this');
  const [scopeError, setScopeError] = useState<string | null>(null);
  const allFollowing = scope === 'following' && following !== null && following.length > 0;
  const name = displayName(desk.customers.get(booking.customer_id));
  const set = (field: keyof EditFormValues, value: string | null): void => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    conflict.reset();
    series.reset();
    nudge.reset();
    setScopeError(null);
  };

  /** Checks and writes this and all following; false while something is still to be answered. */
  const saveFollowing = async (changes: BookingChanges, nudged: boolean): Promise<boolean> => {
    const rows = planSeriesChange(booking, following ?? [], changes, timeZone);
    const key = JSON.stringify(rows.map((r) => [r.booking.id, r.changes]));
    const reviewed = await series.review(key, async () => {
      const team = await readStaff(desk.db, booking.branch_id);
      const around = new Map<string, BookingDoc>();
      for (const r of rows) for (const b of await bookingsAround(desk.db, booking.branch_id, booking.customer_id, r.startMs)) around.set(b.id, b);
      return checkSeriesChange(rows, [...around.values()], team, timeZone).map(
        (c): OccurrenceCheck => ({ index: c.index, day: c.day, startMs: c.startMs, shifted: c.shifted, minute: c.minute, conflicts: c.conflicts, outside: c.outside }),
      );
    });
    if (!reviewed || !nudged) return false;
    const chosen = rows.filter((r) => !series.skipped.has(r.index));
    if (chosen.length === 0) {
      setScopeError('Every booking is skipped: change at least one, or change the time or staff');
      return false;
    }
    await editSeriesBookings(desk.db, chosen.map((r) => ({ bookingId: r.booking.id, changes: r.changes })), timeZone, now());
    const skipped = rows.length - chosen.length;
    const first = chosen[0] as (typeof chosen)[number];
    toast.success(`Saved ${skipped > 0 ? `${chosen.length} of ${rows.length}` : rows.length} bookings of ${name}'s series from ${shortDateTime(first.startMs, timeZone)}${skipped > 0 ? ` (${skipped} skipped)` : ''}`);
    return true;
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
      if (allFollowing) {
        if (await saveFollowing(result.changes, nudged)) onClose();
        return;
      }
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

  const reviewRows = allFollowing ? series.rows : null;
  const submitLabel =
    reviewRows !== null
      ? `Save ${reviewRows.length - series.skipped.size} of ${reviewRows.length}`
      : conflict.conflicts.length > 0 || conflict.outside !== null || nudge.nudges.length > 0
        ? anyway
        : allFollowing
          ? `Save this and ${(following ?? []).length} following`
          : 'Save changes';

  return (
    <Modal
      title="Edit booking"
      description={`${name} · times are in ${timeZone.replace(/_/g, ' ')}`}
      onClose={onClose}
      wide
      onSubmit={() => void submit()}
      footer={<SubmitFooter onCancel={onClose} busy={busy} submitLabel={submitLabel} />}
    >
      <div className="form-grid">
        <SeriesScope
          verb="Change"
          following={following}
          value={scope}
          onChange={(v) => {
            setScope(v);
            series.reset();
            setScopeError(null);
          }}
        />
        <BookingWhenFields values={values} errors={errors} set={set} />
        <BookingDetailsFields values={values} errors={errors} set={set} catalog={catalog} />
        <BookingSlotFields values={values} set={set} branchId={booking.branch_id} team={catalog.team} timeZone={timeZone} ignoreId={booking.id} />
        <Field label="Notes" optional error={errors.notes} className="span-2">
          {(p) => <textarea {...p} name="notes" className="textarea" rows={2} value={values.notes} onChange={(e) => set('notes', e.target.value)} />}
        </Field>
        <div className="span-2">
          <NudgeNotice nudges={nudge.nudges} action={anyway} />
          <ConflictNotice conflicts={conflict.conflicts} outside={conflict.outside} timeZone={timeZone} action={anyway} />
          {allFollowing && <SeriesReview check={series} timeZone={timeZone} what="bookings this changes" skipNote="A skipped booking is left as it is." />}
          {scopeError !== null && (
            <p className="field-error" role="alert">
              {scopeError}
            </p>
          )}
        </div>
      </div>
    </Modal>
  );
}
