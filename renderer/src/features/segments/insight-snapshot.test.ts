import { describe, expect, it } from 'vitest';
import type { BookingFact } from '../../../../shared/engine/activity';
import { criteria } from '../../../../shared/domain/criteria';
import { DEFAULT_INSIGHT_RULES } from '../../../../shared/insights/business-rules';
import { segmentMembers } from '../../../../shared/insights/segment';
import type { PairOutlook } from '../../../../shared/predict/outlook';
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

  it('views carry the pair\'s predictions when there is a model, and its cadence from the visit days always', () => {
    const today = day('2026-03-01');
    const customers = new Map(['a', 'b'].map((id) => [id, customer({ id })]));
    const activities = [activity({ customer_id: 'a' }), activity({ customer_id: 'b' })];
    const visit = (c: string, d: number): BookingFact => ({ id: `${c}${d}`, customer_id: c, branch_id: 'br-1', service: '', staff: '', status: 'completed', price: 2_000, ms: 0, day: d });
    // a: every 7 days, last 20 days ago → overdue for them; b: two visits, no cadence
    const facts: Record<string, BookingFact[]> = { a: [visit('a', today - 34), visit('a', today - 27), visit('a', today - 20)], b: [visit('b', today - 9), visit('b', today - 2)] };
    const lapsing: PairOutlook = {
      customer_id: 'a', branch_id: 'br-1', p_alive: 0.3, expected_visits_30: 0.2, expected_visits_90: 0.5, expected_spend: 20,
      predicted_value_30: 4, predicted_value_90: 10, value_at_risk_90: 25, cadence: null,
    };
    const input = { customers, activities, branchId: 'br-1', today, rules: DEFAULT_INSIGHT_RULES, bookingsOf: (_b: string, c: string) => facts[c] ?? [] };
    const ids = (snap: ReturnType<typeof buildSnapshot>, c: ReturnType<typeof criteria>) => segmentMembers(c, snap.views, today).map((v) => v.customer.id);
    // No model (pending or failed fit): the prediction filters match nobody; "overdue for them" still works.
    const none = buildSnapshot(input);
    expect(none.viewOf.get('a')?.cadence).toMatchObject({ typical_gap_days: 7, status: 'overdue' });
    expect(none.viewOf.get('b')?.cadence).toBeNull();
    expect(ids(none, criteria({ chance_below_pct: 50 }))).toEqual([]);
    expect(ids(none, criteria({ chance_from_pct: 0 }))).toEqual([]);
    expect(ids(none, criteria({ overdue_for_them: true }))).toEqual(['a']);
    const withModel = buildSnapshot({ ...input, outlookOf: (_b, c) => (c === 'a' ? lapsing : undefined) });
    expect(ids(withModel, criteria({ chance_below_pct: 50, min_predicted_value: 1_000 }))).toEqual(['a']);
    expect(ids(withModel, criteria({ chance_below_pct: 50, min_predicted_value: 1_001 }))).toEqual([]);
  });
});
