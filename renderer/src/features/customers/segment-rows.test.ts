import { describe, expect, it } from 'vitest';
import { DEFAULT_INSIGHT_RULES } from '../../../../shared/insights/business-rules';
import { criteria } from '../../../../shared/domain/criteria';
import { activity, customer, day } from '../../../../shared/insights/test-fixtures';
import { buildRows } from './customer-rows';
import { rowsInSegment } from './segment-rows';

/** The criteria that match everyone: criteria() with nothing set. */
const EMPTY_CRITERIA = criteria();

describe('rows in a segment', () => {
  const today = day('2026-03-02');
  const customers = new Map([
    ['a', customer({ id: 'a', birthday: '1990-03-20' })],
    ['b', customer({ id: 'b', birthday: '1990-07-01', opted_in_marketing: false })],
    ['c', customer({ id: 'c', birthday: '1990-03-05', name: '', erased_at: '2026-01-01T00:00:00Z' })],
  ]);
  const rows = buildRows(customers, [activity({ customer_id: 'a' }), activity({ customer_id: 'b' }), activity({ customer_id: 'c' })], { kind: 'branch', branchId: 'br-1' });
  const context = { rules: DEFAULT_INSIGHT_RULES, highValueFrom: new Map(), withFutureBooking: new Set(['a']) };

  it('applies criteria the list cannot show (dates, consent, future bookings), never erased customers', () => {
    expect(rowsInSegment(rows, criteria({ birthday: 'month' }), context, today).map((r) => r.id)).toEqual(['a']);
    expect(rowsInSegment(rows, criteria({ opted_in: false }), context, today).map((r) => r.id)).toEqual(['b']);
    expect(rowsInSegment(rows, criteria({ has_future_booking: false }), context, today).map((r) => r.id)).toEqual(['b']);
    expect(rowsInSegment(rows, EMPTY_CRITERIA, context, today).map((r) => r.id)).toEqual(['a', 'b']);
  });
});
