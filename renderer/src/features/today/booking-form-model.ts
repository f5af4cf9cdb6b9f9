import { LIMITS } from '../../../../shared/domain/schemas';
import { formatMoneyInput, parseMoneyInput } from '../../../../shared/money-input';
import { inputLocale } from '../../lib/input-locale';
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

/** Which form field shows a problem the shared write rules find in a booking document's field. */
export const BOOKING_FORM_FIELDS: Readonly<Partial<Record<string, BookingField>>> = {
  customer_id: 'customerId',
  service: 'service',
  staff: 'staff',
  start_at: 'date',
  duration_min: 'duration',
  price: 'price',
};

export interface BookingFormOutput {
  customerId: string;
  service: string;
  staff: string;
  startMs: number;
  durationMin: number;
  price: number;
}

/**
 * A typed price → cents, read in the desk's locale ("12,50" is 12.50 where the locale writes a
 * decimal comma; an entry that could mean two amounts is refused, never guessed).
 */
export function parsePriceInput(text: string, locale: string = inputLocale()): { ok: true; cents: number } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: false, message: 'Enter a price (0 for free)' };
  const parsed = parseMoneyInput(text, locale);
  if (parsed.ok) return parsed;
  if (/negative/.test(parsed.message)) return { ok: false, message: 'A price cannot be negative' };
  return parsed;
}

/** Cents as the price field shows them ("250.00", or "250,00" in a decimal-comma locale). */
export function priceText(cents: number, locale: string = inputLocale()): string {
  return formatMoneyInput(cents, locale);
}

/** Checks a booking form; date and time are wall-clock at the branch (its zone). */
export function validateBookingForm(
  values: BookingFormValues,
  timeZone: string,
  options: { requireTime?: boolean; locale?: string } = {},
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

  const price = parsePriceInput(values.price, options.locale);
  if (!price.ok) errors.price = price.message;

  if (Object.keys(errors).length > 0 || values.customerId === null || !price.ok) return { ok: false, errors };
  return { ok: true, output: { customerId: values.customerId, service, staff, startMs, durationMin: duration, price: price.cents } };
}
