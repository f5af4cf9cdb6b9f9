import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOOKING_STATUSES } from '../domain/types';
import { conflictMap, conflictsFor, type SlotBooking } from './booking-conflicts';

function booking(overrides: Partial<SlotBooking> = {}): SlotBooking {
  return { id: 'bk-1', customer_id: 'cu-1', staff: 'Ana', start_at: '2026-12-03T10:00:00+08:00', duration_min: 30, status: 'scheduled', ...overrides };
}

describe('conflictsFor', () => {
  it('flags the same staff member at an overlapping time, not touching ends', () => {
    const candidate = booking({ id: 'new', customer_id: 'cu-9', start_at: '2026-12-03T10:15:00+08:00' });
    const overlapping = booking({ id: 'a' });
    const touching = booking({ id: 'b', start_at: '2026-12-03T10:45:00+08:00' });
    const otherStaff = booking({ id: 'c', staff: 'Ben', customer_id: 'cu-2' });
    expect(conflictsFor(candidate, [overlapping, touching, otherStaff])).toEqual([{ kind: 'staff', other: overlapping }]);
  });

  it('compares instants, not wall-clock strings, across offsets', () => {
    const candidate = booking({ id: 'new', customer_id: 'cu-9', start_at: '2026-12-03T02:10:00Z' });
    expect(conflictsFor(candidate, [booking({ id: 'a' })]).map((c) => c.other.id)).toEqual(['a']);
  });

  it('flags the same customer with another staff member, and names both kinds when both apply', () => {
    const candidate = booking({ id: 'new', staff: 'ana ' });
    const sameCustomer = booking({ id: 'a', staff: 'Ben' });
    const both = booking({ id: 'b' });
    expect(conflictsFor(candidate, [sameCustomer, both]).map((c) => `${c.kind}:${c.other.id}`)).toEqual(['staff:b', 'customer:a', 'customer:b']);
  });

  it('ignores unassigned staff, freed slots (cancelled, no-show) and the booking itself', () => {
    const candidate = booking({ id: 'a', staff: '', customer_id: 'cu-9' });
    expect(conflictsFor(candidate, [booking({ id: 'a' }), booking({ id: 'b', staff: '' }), booking({ id: 'c', customer_id: 'cu-9', status: 'cancelled' }), booking({ id: 'd', customer_id: 'cu-9', status: 'no_show' })])).toEqual([]);
    expect(conflictsFor(booking({ status: 'cancelled' }), [booking({ id: 'b' })])).toEqual([]);
  });
});

const arbBooking = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  customer_id: fc.constantFrom('cu-1', 'cu-2', 'cu-3'),
  staff: fc.constantFrom('', 'Ana', 'ana', 'Ben'),
  start_at: fc.integer({ min: 0, max: 40 }).map((q) => new Date(Date.UTC(2026, 11, 3, 8) + q * 15 * 60_000).toISOString()),
  duration_min: fc.constantFrom(5, 15, 30, 45, 60, 120),
  status: fc.constantFrom(...BOOKING_STATUSES),
});

describe('conflictMap', () => {
  it('marks exactly the bookings conflictsFor finds a conflict for, with the same kinds (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbBooking, { selector: (b) => b.id, maxLength: 8 }), (list) => {
        const map = conflictMap(list);
        for (const b of list) {
          const kinds = new Set(conflictsFor(b, list).map((c) => c.kind));
          expect([...(map.get(b.id) ?? [])].sort()).toEqual([...kinds].sort());
        }
      }),
    );
  });

  it('a conflict is symmetric: both offline desks see it on both bookings', () => {
    const fromDeskA = booking({ id: 'bk-a', customer_id: 'cu-1' });
    const fromDeskB = booking({ id: 'bk-b', customer_id: 'cu-2', start_at: '2026-12-03T10:20:00+08:00' });
    const map = conflictMap([fromDeskB, fromDeskA]);
    expect([...(map.get('bk-a') ?? [])]).toEqual(['staff']);
    expect([...(map.get('bk-b') ?? [])]).toEqual(['staff']);
  });
});
