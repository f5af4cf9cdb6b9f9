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
});
