import { describe, expect, it } from 'vitest';
import { bookingDoc, canMove } from './bookings';
import { DocumentRejected } from './write-errors';

describe('bookings', () => {
  it('moves forward only', () => {
    expect(canMove('scheduled', 'checked_in')).toBe(true);
    expect(canMove('scheduled', 'completed')).toBe(true);
    expect(canMove('checked_in', 'no_show')).toBe(true);
    expect(canMove('checked_in', 'scheduled')).toBe(false);
    expect(canMove('completed', 'cancelled')).toBe(false);
    expect(canMove('no_show', 'completed')).toBe(false);
  });

  it('writes start_at with the branch offset and validates', () => {
    const doc = bookingDoc(
      { customerId: 'cu-1', branchId: 'br-1', timeZone: 'Asia/Manila', service: ' Haircut ', staff: 'Ana', startMs: Date.UTC(2026, 2, 1, 1, 30), durationMin: 30, price: 25_000 },
      Date.UTC(2026, 2, 1, 0),
      'bk-1',
    );
    expect(doc).toMatchObject({ id: 'bk-1', start_at: '2026-03-01T09:30:00+08:00', service: 'Haircut', status: 'scheduled', created_at: '2026-03-01T00:00:00.000Z' });
    expect(() =>
      bookingDoc({ customerId: 'cu-1', branchId: 'br-1', timeZone: 'UTC', service: 'x', staff: '', startMs: 0, durationMin: 2, price: 0 }, 0, 'bk-2'),
    ).toThrow(DocumentRejected);
  });

  it('refuses a booking more than 5 years from now (year 1900 or 3000) when it is written, naming start_at', () => {
    const now = Date.UTC(2026, 2, 2, 6, 30);
    const at = (startMs: number) => () => bookingDoc({ customerId: 'cu-1', branchId: 'br-1', timeZone: 'UTC', service: 'Cut', staff: '', startMs, durationMin: 30, price: 0 }, now, 'bk-3');
    for (const startMs of [Date.UTC(1900, 0, 1, 10), Date.UTC(3000, 0, 1, 10), Date.UTC(2031, 2, 10)]) {
      expect(at(startMs)).toThrow(DocumentRejected);
      expect(at(startMs)).toThrow('bookings bk-3: start_at must be within 5 years of today');
    }
    expect(at(Date.UTC(2031, 1, 20))).not.toThrow();
    expect(at(Date.UTC(2021, 2, 10))).not.toThrow();
  });
});
