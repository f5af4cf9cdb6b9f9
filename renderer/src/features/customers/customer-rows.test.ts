import { describe, expect, it } from 'vitest';
import { ActivityIndex, bookingFact } from '../../../../shared/engine/activity-index';
import { parseDay } from '../../../../shared/time/calendar';
import { bookingFixture, customerFixture } from '../../data/test-fixtures';
import { buildRows, tagCounts } from './customer-rows';

function scenario() {
  const asOf = parseDay('2026-03-01') ?? 0;
  const index = new ActivityIndex(asOf);
  for (const id of ['br-1', 'br-2', 'br-3']) index.putBranch({ id, name: id, timezone: 'Asia/Manila', active_days: null, at_risk_days: null });
  const customers = new Map(
    [
      customerFixture({ id: 'cu-1', name: 'Maria Santos', home_branch_id: 'br-1', tags: ['kids', 'walk-in'] }),
      customerFixture({ id: 'cu-2', name: 'José Rizal', home_branch_id: 'br-2', tags: ['kids'] }),
      customerFixture({ id: 'cu-3', name: 'Ana Cruz', home_branch_id: '' }),
      customerFixture({ id: 'cu-4', name: 'Lone Home', home_branch_id: 'br-3' }),
    ].map((c) => [c.id, c]),
  );
  index.loadCustomers(customers.values());
  const bookings = [
    bookingFixture({ id: 'b1', customer_id: 'cu-1', branch_id: 'br-1', start_at: '2026-02-01T10:00:00+08:00' }),
    bookingFixture({ id: 'b2', customer_id: 'cu-1', branch_id: 'br-2', start_at: '2026-02-20T10:00:00+08:00' }),
    bookingFixture({ id: 'b3', customer_id: 'cu-2', branch_id: 'br-2', start_at: '2026-02-10T10:00:00+08:00' }),
    bookingFixture({ id: 'b4', customer_id: 'cu-2', branch_id: 'br-1', start_at: '2026-02-10T12:00:00+08:00' }),
  ];
  index.loadFacts(bookings.map((b) => bookingFact(b, 'Asia/Manila')));
  index.recomputeAll();
  return { customers, index };
}

describe('buildRows', () => {
  it('a branch lists its pairs: customers who booked there or call it home', () => {
    const { customers, index } = scenario();
    const rows = buildRows(customers, index.activities(), { kind: 'branch', branchId: 'br-1' });
    expect(rows.map((r) => r.id).sort()).toEqual(['cu-1', 'cu-2']);
    expect(rows.every((r) => r.activity?.branch_id === 'br-1')).toBe(true);
    expect(buildRows(customers, index.activities(), { kind: 'branch', branchId: 'br-3' }).map((r) => [r.id, r.activity?.status])).toEqual([['cu-4', 'new']]);
  });

  it('all branches lists every customer once, at the branch visited last (then the desk, then home)', () => {
    const { customers, index } = scenario();
    const rows = buildRows(customers, index.activities(), { kind: 'all', preferredBranchId: 'br-1' });
    const shown = Object.fromEntries(rows.map((r) => [r.id, r.activity?.branch_id ?? null]));
    // cu-1 visited br-2 last; cu-2 visited both on the same local date: the desk's branch wins;
    // cu-3 has no pair anywhere; cu-4 only its home branch
    expect(shown).toEqual({ 'cu-1': 'br-2', 'cu-2': 'br-1', 'cu-3': null, 'cu-4': 'br-3' });
    const fromBr2 = buildRows(customers, index.activities(), { kind: 'all', preferredBranchId: 'br-2' });
    expect(fromBr2.find((r) => r.id === 'cu-2')?.activity?.branch_id).toBe('br-2');
  });

  it('keys names for sorting without case or accents', () => {
    const { customers, index } = scenario();
    const rows = buildRows(customers, index.activities(), { kind: 'all', preferredBranchId: 'br-1' });
    expect(rows.find((r) => r.id === 'cu-2')?.nameKey).toBe('jose rizal');
  });
});

describe('tagCounts', () => {
  it('counts tags, most used first, then by name', () => {
    const { customers, index } = scenario();
    const rows = buildRows(customers, index.activities(), { kind: 'all', preferredBranchId: 'br-1' });
    expect(tagCounts(rows)).toEqual([
      { tag: 'kids', count: 2 },
      { tag: 'walk-in', count: 1 },
    ]);
  });
});
