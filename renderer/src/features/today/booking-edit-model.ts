import type { BookingDoc } from '../../../../shared/domain/schemas';
import { LIMITS } from '../../../../shared/domain/schemas';
import { parseInstant } from '../../../../shared/time/instant';
import { formatDay } from '../../../../shared/time/calendar';
import { zoneClock } from '../../../../shared/time/zone';
import type { BookingChanges } from '../../data/bookings';
import { formatClockTime } from '../../lib/zoned-time';
import { BOOKING_FORM_FIELDS, priceText, validateBookingForm, type BookingFormErrors, type BookingFormValues } from './booking-form-model';

export interface EditFormValues extends BookingFormValues {
  notes: string;
}

export type EditFormErrors = BookingFormErrors & { notes?: string };

/** Which field of the edit form shows a problem of the shared write rules. */
export const EDIT_FORM_FIELDS: Readonly<Partial<Record<string, keyof EditFormErrors>>> = { ...BOOKING_FORM_FIELDS, notes: 'notes' };

/** The edit form as it opens: the booking's details at the branch's wall clock. */
export function editValuesOf(booking: BookingDoc, timeZone: string): EditFormValues {
  const ms = parseInstant(booking.start_at) ?? 0;
  const clock = zoneClock(timeZone);
  return {
    customerId: booking.customer_id,
    service: booking.service,
    staff: booking.staff,
    date: formatDay(clock.localDay(ms)),
    time: formatClockTime(clock.localMinuteOfDay(ms)),
    duration: String(booking.duration_min),
    price: priceText(booking.price),
    notes: booking.notes,
  };
}

/**
 * Checks the edit form and returns only what the person changed relative to the booking as the
 * dialog opened (`before`): an untouched field is never written, so a change synced in meanwhile
 * from another desk survives.
 */
export function editChanges(
  before: BookingDoc,
  values: EditFormValues,
  timeZone: string,
): { ok: true; changes: BookingChanges; startMs: number; durationMin: number } | { ok: false; errors: EditFormErrors } {
  const result = validateBookingForm(values, timeZone);
  const notes = values.notes.trim();
  const notesError = notes.length > LIMITS.longText ? `At most ${LIMITS.longText} characters` : undefined;
  if (!result.ok || notesError !== undefined) return { ok: false, errors: { ...(result.ok ? {} : result.errors), ...(notesError ? { notes: notesError } : {}) } };
  const out = result.output;
  const changes: BookingChanges = {};
  if (out.service !== before.service) changes.service = out.service;
  if (out.staff !== before.staff) changes.staff = out.staff;
  if (out.startMs !== parseInstant(before.start_at)) changes.startMs = out.startMs;
  if (out.durationMin !== before.duration_min) changes.durationMin = out.durationMin;
  if (out.price !== before.price) changes.price = out.price;
  if (notes !== before.notes) changes.notes = notes;
  return { ok: true, changes, startMs: out.startMs, durationMin: out.durationMin };
}
