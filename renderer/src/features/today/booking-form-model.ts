import { LIMITS } from '../../../../shared/domain/schemas';
import { formatMoney, parseMoney } from '../../../../shared/money';
import { parseLocalDateTime } from '../../lib/zoned-time';

export interface BookingFormValues {
  customerId: string | null;
  service: string;
  staff: string;
  date: string;
  time: string;
  duration: string;
  price: string;
}

export type BookingField = keyof BookingFormValues;
export type BookingFormErrors = Partial<Record<BookingField, string>>;

export interface BookingFormOutput {
  customerId: string;
  service: string;
  staff: string;
  startMs: number;
  durationMin: number;
  price: number;
}

/** "25" / "25.5" / "1,250.00" → cents, or the problem in words. */
export function parsePriceInput(text: string): { ok: true; cents: number } | { ok: false; message: string } {
  const cleaned = text.trim().replace(/,/g, '');
  if (cleaned === '') return { ok: false, message: 'Enter a price (0 for free)' };
  const parsed = parseMoney(cleaned);
  if (!parsed.ok) {
    if (/negative/.test(parsed.problem)) return { ok: false, message: 'A price cannot be negative' };
    if (/larger/.test(parsed.problem)) return { ok: false, message: 'That price is too large — check for a typo' };
    return { ok: false, message: 'Enter an amount like 25 or 25.50' };
  }
  return { ok: true, cents: parsed.cents };
}

export function priceText(cents: number): string {
  return formatMoney(cents);
}

/** Checks a booking form; date and time are wall-clock at the branch (its zone). */
export function validateBookingForm(
  values: BookingFormValues,
  timeZone: string,
  options: { requireTime?: boolean } = {},
): { ok: true; output: BookingFormOutput } | { ok: false; errors: BookingFormErrors } {
  const errors: BookingFormErrors = {};
  if (values.customerId === null) errors.customerId = 'Choose a customer or register a new one';
  const service = values.service.trim();
  if (service === '') errors.service = 'Enter the service';
  else if (service.length > LIMITS.shortText) errors.service = `At most ${LIMITS.shortText} characters`;
  const staff = values.staff.trim();
  if (staff.length > LIMITS.shortText) errors.staff = `At most ${LIMITS.shortText} characters`;

  let startMs = 0;
  if (options.requireTime !== false) {
    const when = parseLocalDateTime(values.date, values.time, timeZone);
    if (when.ok) startMs = when.ms;
    else errors[when.field] = when.message;
  }

  const duration = Number(values.duration.trim());
  if (!/^\d+$/.test(values.duration.trim()) || duration < 5 || duration > 24 * 60) errors.duration = 'Enter minutes between 5 and 1440';

  const price = parsePriceInput(values.price);
  if (!price.ok) errors.price = price.message;

  if (Object.keys(errors).length > 0 || values.customerId === null || !price.ok) return { ok: false, errors };
  return { ok: true, output: { customerId: values.customerId, service, staff, startMs, durationMin: duration, price: price.cents } };
}
