import { describe, expect, it } from 'vitest';
import { bookingFact } from '../../../../shared/engine/activity-index';
import { parseDay } from '../../../../shared/time/calendar';
import { bookingFixture } from '../../data/test-fixtures';
import { byMonth, timelineOf } from './timeline-model';

const zones: Record<string, string> = { 'br-mnl': 'Asia/Manila', 'br-ny': 'America/New_York' };
const fact = (over: Parameters<typeof bookingFixture>[0]) => {
  const b = bookingFixture(over);
  return bookingFact(b, zones[b.branch_id] ?? 'UTC');
};
const today = parseDay('2026-03-02') ?? 0;

describe('timelineOf', () => {
  const facts = [
    fact({ id: 'b1', branch_id: 'br-mnl', start_at: '2026-01-31T23:30:00+08:00', status: 'completed' }),
    // the same instant as b3: evening of 28 February in New York, morning of 1 March in Manila
    fact({ id: 'b2', branch_id: 'br-ny', start_at: '2026-02-28T20:00:00-05:00', status: 'no_show' }),
    fact({ id: 'b3', branch_id: 'br-mnl', start_at: '2026-03-01T09:00:00+08:00', status: 'completed' }),
    fact({ id: 'b4', branch_id: 'br-mnl', start_at: '2026-03-02T16:00:00+08:00', status: 'scheduled' }),
    fact({ id: 'b5', branch_id: 'br-mnl', start_at: '2026-03-02T09:00:00+08:00', status: 'completed' }),
  ];

  it('orders newest first (instant, then id) with the local date and time of each booking’s branch', () => {
    const t = timelineOf(facts, (id) => zones[id] ?? 'UTC', today);
    // b2 and b3 are the same instant (01:00 UTC on 1 March): the larger id first
    expect(t.map((e) => e.id)).toEqual(['b4', 'b5', 'b3', 'b2', 'b1']);
    const ny = t.find((e) => e.id === 'b2');
    expect(ny && [ny.day === parseDay('2026-02-28'), ny.minute]).toEqual([true, 20 * 60]);
    const late = t.find((e) => e.id === 'b1');
    expect(late && [late.day === parseDay('2026-01-31'), late.minute]).toEqual([true, 23 * 60 + 30]);
  });

  it('flags bookings still to come (later today or after today)', () => {
    const t = timelineOf(facts, (id) => zones[id] ?? 'UTC', today);
    expect(t.filter((e) => e.upcoming).map((e) => e.id)).toEqual(['b4']);
  });

  it('groups consecutive entries by the local month of their branch', () => {
    const months = byMonth(timelineOf(facts, (id) => zones[id] ?? 'UTC', today));
    expect(months.map((m) => [m.key, m.entries.map((e) => e.id)])).toEqual([
      ['2026-03', ['b4', 'b5', 'b3']],
      ['2026-02', ['b2']],
      ['2026-01', ['b1']],
    ]);
  });
});

describe('history of bookings and contacts', () => {
  it('one timeline, newest first, contacts at their branch\u2019s local time', async () => {
    const { historyOf, byMonth } = await import('./timeline-model');
    const booking = { id: 'bk-1', branchId: 'br-1', service: 'Cut', staff: 'Ana', status: 'completed' as const, price: 1000, ms: Date.parse('2026-02-10T02:00:00Z'), day: 0, minute: 600, upcoming: false };
    const contact = {
      id: 'co-1', customer_id: 'cu-1', branch_id: 'br-1', channel: 'phone' as const, purpose: 'follow-up', status: 'logged' as const, message: 'Called, will book', at: '2026-02-28T17:30:00Z',
      campaign_id: '', variant: '', trigger_key: '', direction: 'outbound' as const, attempts: 0, next_attempt_at: '', error: '', updated_at: '',
    };
    const history = historyOf([booking], [contact, { ...contact, id: 'co-bad', at: 'not a time' }], () => 'Asia/Manila');
    expect(history.map((e) => [e.kind, e.id])).toEqual([['contact', 'co-1'], ['booking', 'bk-1']]);
    const first = history[0];
    expect(first?.kind === 'contact' && first.minute).toBe(90); // 01:30 on 1 March in Manila
    expect(byMonth(history).map((m) => m.key)).toEqual(['2026-03', '1970-01']);
  });
});
