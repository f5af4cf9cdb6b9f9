import { describe, expect, it } from 'vitest';
import type { BookingFact } from '../../../../shared/engine/activity';
import { DEFAULT_INSIGHT_RULES } from '../../../../shared/insights/business-rules';
import { activity, customer, day } from '../../../../shared/insights/test-fixtures';
import { buildSnapshot } from './insight-snapshot';

describe('insight snapshot of a branch', () => {
  it('one view per pair of the branch, with high value per branch and future bookings', () => {
    const today = day('2026-03-01');
    const customers = new Map(['a', 'b', 'c'].map((id) => [id, customer({ id })]));
    const activities = [
      activity({ customer_id: 'a', total_spent: 90_000, frequency_tier: 'frequent' }),
      activity({ customer_id: 'b', total_spent: 10_000 }),
      activity({ customer_id: 'c', branch_id: 'br-2', total_spent: 5_000 }),
      activity({ customer_id: 'z', total_spent: 1 }), // no customer document (not synced yet)
    ];
    const facts: Record<string, BookingFact[]> = {
      b: [{ id: 'bk', customer_id: 'b', branch_id: 'br-1', service: '', staff: '', status: 'scheduled', price: 0, ms: 0, day: today + 3 }],
    };
    const snap = buildSnapshot({ customers, activities, branchId: 'br-1', today, rules: DEFAULT_INSIGHT_RULES, bookingsOf: (_b, c) => facts[c] ?? [] });
    expect(snap.views.map((v) => v.customer.id).sort()).toEqual(['a', 'b']);
    expect(snap.viewOf.get('a')).toMatchObject({ highValue: true, vip: true, hasFutureBooking: false });
    expect(snap.viewOf.get('b')).toMatchObject({ highValue: false, vip: false, hasFutureBooking: true });
    expect(snap.context.highValueFrom.get('br-2')).toBe(5_000);
  });
});
