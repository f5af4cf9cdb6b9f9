import { describe, expect, it } from 'vitest';
import { parsePriceInput, validateBookingForm, type BookingFormValues } from './booking-form-model';

const base: BookingFormValues = { customerId: 'cu-1', service: ' Haircut ', staff: 'Ana', date: '2026-03-01', time: '09:30', duration: '30', price: '250' };

describe('booking form', () => {
  it('produces a booking at the branch wall-clock time', () => {
    expect(validateBookingForm(base, 'Asia/Manila', { locale: 'en-GB' })).toEqual({
      ok: true,
      output: { customerId: 'cu-1', service: 'Haircut', staff: 'Ana', startMs: Date.UTC(2026, 2, 1, 1, 30), durationMin: 30, price: 25_000 },
    });
  });

  it('names each problem', () => {
    const result = validateBookingForm({ customerId: null, service: '', staff: '', date: '2026-13-01', time: '9h', duration: '2', price: '-3' }, 'UTC');
    expect(result).toEqual({
      ok: false,
      errors: {
        customerId: 'Choose a customer or register a new one',
        service: 'Enter the service',
        date: 'Enter a date like 2026-03-01',
        duration: 'Enter minutes between 5 and 1440',
        price: 'A price cannot be negative',
      },
    });
  });

  it('parses prices people type, in their locale', () => {
    expect(parsePriceInput('1,250.5', 'en-GB')).toEqual({ ok: true, cents: 125_050 });
    expect(parsePriceInput('0', 'en-GB')).toEqual({ ok: true, cents: 0 });
    expect(parsePriceInput('12,50', 'de-DE')).toEqual({ ok: true, cents: 1250 });
    expect(parsePriceInput('12,50', 'en-GB')).toEqual({ ok: false, message: '“12,50” is unclear here: write decimals with “.” (like 25.50)' });
    expect(parsePriceInput('12.345', 'en-GB')).toEqual({ ok: false, message: '“12.345” is unclear: write at most two decimals after “.” (like 25.50)' });
    expect(parsePriceInput('', 'de-DE')).toEqual({ ok: false, message: 'Enter a price (0 for free)' });
    expect(parsePriceInput('-3', 'de-DE')).toEqual({ ok: false, message: 'A price cannot be negative' });
    expect(parsePriceInput('99999999', 'en-GB')).toEqual({ ok: false, message: 'That amount is too large (at most 1000000.00) — check for a typo' });
    expect(validateBookingForm({ ...base, price: '12,50' }, 'UTC', { locale: 'de-DE' })).toMatchObject({ ok: true, output: { price: 1250 } });
  });
});
