import { describe, expect, it } from 'vitest';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { editChanges, editValuesOf } from './booking-edit-model';

const booking: BookingDoc = {
  id: 'bk-1',
  customer_id: 'cu-1',
  branch_id: 'br-1',
  service: 'Haircut',
  staff: 'Ana',
  start_at: '2026-12-03T10:00:00+08:00',
  duration_min: 30,
  status: 'scheduled',
  price: 25_000,
  notes: '',
  created_at: '',
  updated_at: '',
  amendments: [],
  series: null,
  payment: null,
};

describe('booking edit form', () => {
  it("opens with the booking's details at the branch's wall clock", () => {
    expect(editValuesOf(booking, 'Asia/Manila')).toEqual({ customerId: 'cu-1', service: 'Haircut', staff: 'Ana', date: '2026-12-03', time: '10:00', duration: '30', price: '250.00', notes: '' });
    expect(editValuesOf(booking, 'UTC')).toMatchObject({ date: '2026-12-03', time: '02:00' });
  });

  it('returns nothing to write when nothing changed', () => {
    const result = editChanges(booking, editValuesOf(booking, 'Asia/Manila'), 'Asia/Manila');
    expect(result).toMatchObject({ ok: true, changes: {} });
  });

  it('returns only the changed fields', () => {
    const values = { ...editValuesOf(booking, 'Asia/Manila'), time: '11:30', staff: 'Ben', notes: ' bring photo ' };
    const result = editChanges(booking, values, 'Asia/Manila');
    expect(result).toEqual({ ok: true, changes: { staff: 'Ben', startMs: Date.UTC(2026, 11, 3, 3, 30), notes: 'bring photo' }, startMs: Date.UTC(2026, 11, 3, 3, 30), durationMin: 30 });
  });

  it('names each bad field', () => {
    const values = { ...editValuesOf(booking, 'Asia/Manila'), time: '25:00', duration: '2', notes: 'x'.repeat(5001) };
    const result = editChanges(booking, values, 'Asia/Manila');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['duration', 'notes', 'time']);
  });
});
