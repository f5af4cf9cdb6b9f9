import { describe, expect, it } from 'vitest';
import type { BookingFact } from '../../../../shared/engine/activity';
import { activity, day } from '../../../../shared/insights/test-fixtures';
import { parseInstant } from '../../../../shared/time/instant';
import { zoneClock } from '../../../../shared/time/zone';
import { branchesVisited, dayHourHeatmap, servicesUsed, spendByMonth, visitGaps } from './profile-analytics';

const ZONES: Record<string, string> = { 'br-1': 'Asia/Manila', 'br-2': 'America/New_York' };

function fact(id: string, start: string, over: Partial<BookingFact> = {}): BookingFact {
  const branch = over.branch_id ?? 'br-1';
  const ms = parseInstant(start) ?? 0;
  return { id, customer_id: 'cu-1', branch_id: branch, service: 'Cut', staff: 'Ana', status: 'completed', price: 1000, ms, day: zoneClock(ZONES[branch] ?? 'UTC').localDay(ms), ...over };
}

const facts = [
  fact('b1', '2025-12-05T10:00:00+08:00'),
  fact('b2', '2026-01-09T18:30:00+08:00', { service: 'Beard', price: 500 }),
  fact('b3', '2026-02-06T10:15:00+08:00'),
  fact('b4', '2026-02-20T21:00:00-05:00', { branch_id: 'br-2', price: 3000 }),
  fact('b5', '2026-02-27T10:00:00+08:00', { status: 'no_show' }),
  fact('b6', '2026-03-20T10:00:00+08:00', { status: 'scheduled' }),
];

describe('customer analytics', () => {
  it('services used: completed visits only, count, spend and last time', () => {
    expect(servicesUsed(facts)).toEqual([
      { service: 'Cut', visits: 3, spent: 5000, lastDay: day('2026-02-20') },
      { service: 'Beard', visits: 1, spent: 500, lastDay: day('2026-01-09') },
    ]);
  });

  it('branches visited, most visits first, without branches never visited', () => {
    const pairs = [activity({ branch_id: 'br-2', total_bookings: 1 }), activity({ branch_id: 'br-1', total_bookings: 3 }), activity({ branch_id: 'br-3', total_bookings: 0 })];
    expect(branchesVisited(pairs).map((p) => p.branch_id)).toEqual(['br-1', 'br-2']);
  });

  it('spend per month, months without a visit at zero', () => {
    expect(spendByMonth(facts).map((m) => [m.key, m.spent, m.visits])).toEqual([
      ['2025-12', 1000, 1],
      ['2026-01', 500, 1],
      ['2026-02', 4000, 2],
    ]);
    expect(spendByMonth(facts, 2).map((m) => m.key)).toEqual(['2026-01', '2026-02']);
    expect(spendByMonth([])).toEqual([]);
  });

  it('gaps between visits in local days, with average, median and longest', () => {
    const g = visitGaps(facts);
    expect(g.gaps.map((x) => x.days)).toEqual([35, 28, 14]);
    expect(g).toMatchObject({ average: 25.7, median: 28, longest: 35 });
    expect(visitGaps(facts.slice(0, 1))).toMatchObject({ gaps: [], average: null });
  });

  it('heatmap of weekday and hour in each branch\u2019s own zone', () => {
    const h = dayHourHeatmap(facts, (b) => ZONES[b] ?? 'UTC');
    expect(h.total).toBe(4);
    expect(h.cells[4]?.[10]).toBe(2); // Fridays 10:00 in Manila (5 Dec, 6 Feb)
    expect(h.cells[4]?.[18]).toBe(1); // Friday 9 Jan 18:30
    expect(h.cells[4]?.[21]).toBe(1); // Friday 20 Feb 21:00 in New York
    expect(h.max).toBe(2);
  });
});
