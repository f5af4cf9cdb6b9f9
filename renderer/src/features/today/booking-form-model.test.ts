import { describe, expect, it } from 'vitest';
import { parsePriceInput, validateBookingForm, type BookingFormValues } from './booking-form-model';

const base: BookingFormValues = { customerId: 'cu-1', service: ' Haircut ', staff: 'Ana', date: '2026-03-01', time: '09:30', duration: '30', price: '250' };

describe('booking form', () => {
  it('produces a booking at the branch wall-clock time', () => {
    expect(validateBookingForm(base, 'Asia/Manila')).toEqual({
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

  it('parses prices people type', () => {
    expect(parsePriceInput('1,250.5')).toEqual({ ok: true, cents: 125_050 });
    expect(parsePriceInput('0')).toEqual({ ok: true, cents: 0 });
    expect(parsePriceInput('12.345')).toEqual({ ok: false, message: 'Enter an amount like 25 or 25.50' });
    expect(parsePriceInput('')).toEqual({ ok: false, message: 'Enter a price (0 for free)' });
    expect(parsePriceInput('99999999')).toEqual({ ok: false, message: 'That price is too large — check for a typo' });
  });
});
