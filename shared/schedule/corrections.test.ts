import { describe, expect, it } from 'vitest';
import type { Amendment, BookingDoc } from '../domain/schemas';
import { validateDocument } from '../domain/validate';
import {
  amendmentProblems,
  amendmentsKeptByImport,
  applyAmendments,
  buildAmendment,
  correctionProblems,
  CorrectionRefused,
  newAmendments,
  unionAmendments,
  withAmendment,
} from './corrections';

const booking = (over: Partial<BookingDoc> = {}): BookingDoc => ({
  id: 'bk-1',
  customer_id: 'cu-1',
  branch_id: 'br-a',
  service: 'Haircut',
  staff: 'Ana',
  start_at: '2026-03-01T10:00:00+08:00',
  duration_min: 30,
  status: 'completed',
  price: 2500,
  notes: '',
  created_at: '',
  updated_at: '',
  amendments: [],
  series: null,
  payment: null,
  ...over,
});

const manager = { device: 'dev-m', role: 'manager' as const };

function amendment(id: string, at: string, set: Partial<Pick<Amendment, 'price' | 'service' | 'staff' | 'status'>>): Amendment {
  return {
    id,
    at,
    by_device: 'dev',
    by_role: 'manager',
    reason: 'fix',
    price: null,
    service: null,
    staff: null,
    status: null,
    payment: null,
    before: { price: 0, service: '', staff: '', status: 'completed', payment: null },
    ...set,
  };
}

describe('building a correction', () => {
  it('records only what changes, the values before, why, who and when', () => {
    const b = booking({ status: 'no_show', price: 0 });
    const a = buildAmendment(b, { status: 'completed', price: 2500, staff: ' Ana ', reason: '  came in late, was served ' }, manager, '2026-03-02T09:00:00Z', 'am-1');
    expect(a).toEqual({
      id: 'am-1',
      at: '2026-03-02T09:00:00Z',
      by_device: 'dev-m',
      by_role: 'manager',
      reason: 'came in late, was served',
      status: 'completed',
      price: 2500,
      service: null,
      staff: null,
      payment: null,
      before: { status: 'no_show', price: 0, service: 'Haircut', staff: 'Ana', payment: null },
    });
    const corrected = withAmendment(b, a, '2026-03-02T09:00:00Z');
    expect(corrected).toMatchObject({ status: 'completed', price: 2500, staff: 'Ana', updated_at: '2026-03-02T09:00:00Z' });
    expect(validateDocument('bookings', corrected)).toEqual([]);
  });

  it('refuses a booking that is not finished, a missing reason, a non-final outcome and a correction that changes nothing', () => {
    expect(correctionProblems(booking({ status: 'scheduled' }), { price: 100, reason: 'x' }).map((p) => p.field)).toEqual(['status']);
    expect(correctionProblems(booking(), { price: 100, reason: '   ' }).map((p) => p.field)).toEqual(['reason']);
    expect(correctionProblems(booking(), { status: 'scheduled' as never, reason: 'x' }).map((p) => p.field)).toEqual(['status']);
    expect(correctionProblems(booking(), { price: -1, reason: 'x' }).map((p) => p.field)).toEqual(['price']);
    expect(correctionProblems(booking(), { price: 2500, service: 'Haircut', reason: 'x' })).toEqual([{ field: '', message: expect.stringContaining('nothing to correct') }]);
    expect(() => buildAmendment(booking({ status: 'checked_in' }), { price: 1, reason: 'x' }, manager, '2026-03-02T09:00:00Z', 'am-1')).toThrow(CorrectionRefused);
  });
});

describe('the fold', () => {
  it('orders amendments by time (any offset), then id, and the last one per field wins', () => {
    const list = [
      amendment('am-b', '2026-03-02T10:00:00+01:00', { price: 3000 }), // 09:00Z
      amendment('am-c', '2026-03-02T09:30:00Z', { price: 2800, staff: 'Ben' }),
      amendment('am-a', '2026-03-02T09:00:00Z', { status: 'no_show', price: 100 }),
    ];
    const applied = applyAmendments(booking({ amendments: list }));
    expect(applied.amendments.map((a) => a.id)).toEqual(['am-a', 'am-b', 'am-c']);
    expect(applied).toEqual(booking({ amendments: applied.amendments, status: 'no_show', price: 2800, staff: 'Ben' }));
  });

  it('unions two lists by id, append-only, keeping the first side\'s copy of a shared id', () => {
    const x = amendment('am-1', '2026-03-02T09:00:00Z', { price: 1 });
    const y = amendment('am-2', '2026-03-02T08:00:00Z', { price: 2 });
    const xOther = { ...x, reason: 'other copy' };
    expect(unionAmendments([x], [y, xOther])).toEqual([y, x]);
    expect(unionAmendments([y, xOther], [x])).toEqual([y, xOther]);
    expect(newAmendments({ amendments: [x, y] }, { amendments: [x] })).toEqual([y]);
    expect(newAmendments({ amendments: [x] }, undefined)).toEqual([x]);
  });
});

describe('stateless checks of a corrected booking', () => {
  it('names a corrected field that disagrees with its corrections, a corrected booking that is not finished, a repeated id', () => {
    const a = amendment('am-1', '2026-03-02T09:00:00Z', { price: 3000, status: 'completed' });
    expect(amendmentProblems(booking({ price: 3000, amendments: [a] }))).toEqual([]);
    expect(amendmentProblems(booking({ price: 2500, amendments: [a] })).map((p) => p.field)).toEqual(['price']);
    expect(amendmentProblems(booking({ price: 3000, status: 'scheduled', amendments: [a] })).map((p) => p.field)).toEqual(['status', 'status']);
    expect(amendmentProblems(booking({ price: 3000, amendments: [a, a] })).map((p) => p.field)).toEqual(['amendments.1.id']);
    expect(validateDocument('bookings', booking({ price: 1, amendments: [a] }))[0]).toMatchObject({ field: 'price', message: expect.stringContaining('3000') });
  });

  it('a re-import keeps corrections its row agrees with, and drops those it contradicts', () => {
    const a = amendment('am-1', '2026-03-02T09:00:00Z', { price: 3000 });
    expect(amendmentsKeptByImport(booking({ price: 3000 }), { amendments: [a] })).toEqual([a]);
    expect(amendmentsKeptByImport(booking({ price: 2500 }), { amendments: [a] })).toEqual([]);
    expect(amendmentsKeptByImport(booking(), undefined)).toEqual([]);
  });
});
