import type { BookingDoc } from '../../../../shared/domain/schemas';
import { FINAL_BOOKING_STATUSES, type FinalBookingStatus } from '../../../../shared/domain/types';
import { correctionProblems, type CorrectionInput } from '../../../../shared/schedule/corrections';
import { parsePriceInput, priceText } from './booking-form-model';

/** The correction form as typed. */
export interface CorrectionFormValues {
  status: FinalBookingStatus;
  price: string;
  service: string;
  staff: string;
  reason: string;
}

export type CorrectionFormErrors = Partial<Record<keyof CorrectionFormValues | 'form', string>>;

function finalStatus(status: BookingDoc['status']): FinalBookingStatus {
  return (FINAL_BOOKING_STATUSES as readonly string[]).includes(status) ? (status as FinalBookingStatus) : 'completed';
}

/** The form opened on a finished booking: its current values and an empty reason. */
export function correctionValuesOf(booking: BookingDoc, locale?: string): CorrectionFormValues {
  return { status: finalStatus(booking.status), price: priceText(booking.price, locale), service: booking.service, staff: booking.staff, reason: '' };
}

/**
 * What the person asks to correct: only the fields they changed from what the form opened with
 * (a price left as shown is not re-parsed, so a value the locale prints differently never counts
 * as a change), with the reason. Errors name the field.
 */
export function correctionFromForm(
  booking: BookingDoc,
  opened: CorrectionFormValues,
  values: CorrectionFormValues,
  locale?: string,
): { ok: true; input: CorrectionInput } | { ok: false; errors: CorrectionFormErrors } {
  const errors: CorrectionFormErrors = {};
  const input: CorrectionInput = { reason: values.reason };
  if (values.status !== opened.status) input.status = values.status;
  if (values.price.trim() !== opened.price.trim()) {
    const parsed = parsePriceInput(values.price, locale);
    if (parsed.ok) input.price = parsed.cents;
    else errors.price = parsed.message;
  }
  if (values.service.trim() !== opened.service.trim()) input.service = values.service;
  if (values.staff.trim() !== opened.staff.trim()) input.staff = values.staff;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  for (const p of correctionProblems(booking, input)) {
    const field = p.field === '' || p.field === 'amendments' ? 'form' : (p.field as keyof CorrectionFormValues);
    errors[field] ??= field === 'form' ? capitalise(p.message) : p.message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
