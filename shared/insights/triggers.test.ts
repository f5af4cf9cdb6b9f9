import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computePairActivity, type BookingFact } from '../engine/activity';
import { DEFAULT_RULES } from '../domain/settings';
import { formatDay } from '../time/calendar';
import { automatedChannel, birthdayEvent, dueStatusEvent, milestoneEvent, type TriggerEvent } from './triggers';
import { activity, customer, day } from './test-fixtures';

const T = DEFAULT_RULES.thresholds; // active 12, at risk 30

function visit(date: string, id = date): BookingFact {
  const d = day(date);
  return { id, customer_id: 'cu-1', branch_id: 'br-1', service: 'Cut', staff: 'Ana', status: 'completed', price: 1000, ms: d * 86_400_000, day: d };
}

const pairOn = (visits: BookingFact[], on: number) => computePairActivity('cu-1', 'br-1', visits, on, DEFAULT_RULES);

/**
 * Consecutive-day detection, the meaning of "became at_risk / churned": the pair's status
 * yesterday and today differ and today's is at_risk or churned; the event began today.
 */
function becameOn(visits: BookingFact[], today: number): string | null {
  const status = pairOn(visits, today).status;
  if (status === pairOn(visits, today - 1).status || (status !== 'at_risk' && status !== 'churned')) return null;
  return `${status}:br-1:cu-1:${formatDay(today)}`;
}

describe('status triggers', () => {
  it('finds "became at_risk" and "became churned" from the status on consecutive days, keyed by the day it began', () => {
    const visits = [visit('2026-01-01')];
    const events: TriggerEvent[] = [];
    for (let d = day('2026-01-01'); d <= day('2026-03-01'); d += 1) {
      const e = dueStatusEvent(pairOn(visits, d), T, d, 1);
      if (e !== null) events.push(e);
    }
    expect(events.map((e) => e.key)).toEqual(['at_risk:br-1:cu-1:2026-01-14', 'churned:br-1:cu-1:2026-02-01']);
    expect(events[0]).toMatchObject({ kind: 'at_risk', date: '2026-01-14', branch_id: 'br-1', customer_id: 'cu-1' });
  });

  it('gives the same key whichever day or process finds the event, and a new key after the next lapse', () => {
    const visits = [visit('2026-01-01')];
    const keys = new Set<string>();
    for (let d = day('2026-01-14'); d < day('2026-01-21'); d += 1) keys.add(dueStatusEvent(pairOn(visits, d), T, d, 7)?.key ?? 'none');
    expect([...keys]).toEqual(['at_risk:br-1:cu-1:2026-01-14']);
    expect(dueStatusEvent(pairOn(visits, day('2026-01-21')), T, day('2026-01-21'), 7)).toBeNull();
    const later = [...visits, visit('2026-01-25')];
    expect(dueStatusEvent(pairOn(later, day('2026-02-07')), T, day('2026-02-07'), 1)?.key).toBe('at_risk:br-1:cu-1:2026-02-07');
  });

  it('agrees with consecutive-day detection for any visit history (lookback 1)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 6 }), fc.integer({ min: 1, max: 160 }), (offsets, at) => {
        const base = day('2026-01-01');
        const visits = offsets.map((o) => visit(formatDay(base + o)));
        const today = base + at;
        expect(dueStatusEvent(pairOn(visits, today), T, today, 1)?.key ?? null).toBe(becameOn(visits, today));
      }),
      { numRuns: 300 },
    );
  });

  it('knows when a status began', () => {
    const churned = activity({ status: 'churned', last_visit_date: '2026-01-01' });
    expect(dueStatusEvent(churned, T, day('2026-03-01'), 365)?.date).toBe('2026-02-01');
    expect(dueStatusEvent(churned, T, day('2026-01-31'), 365)).toBeNull(); // not begun yet
    expect(dueStatusEvent(activity({ status: 'active' }), T, day('2026-03-01'), 365)).toBeNull();
  });
});

describe('birthday and milestone triggers', () => {
  it('greets once per person and year', () => {
    const c = customer({ birthday: '1990-03-01' });
    expect(birthdayEvent(c, 'br-1', day('2026-03-01'))).toMatchObject({ kind: 'birthday', key: 'birthday:cu-1:2026', date: '2026-03-01' });
    expect(birthdayEvent(c, 'br-2', day('2026-03-01'))?.key).toBe('birthday:cu-1:2026');
    expect(birthdayEvent(c, 'br-1', day('2026-03-02'))).toBeNull();
    expect(birthdayEvent({ ...c, erased_at: '2026-01-01T00:00:00Z' }, 'br-1', day('2026-03-01'))).toBeNull();
  });

  it('fires when lifetime spend crosses a milestone, the highest one only, never again for the same amount', () => {
    const amounts = [50_000, 100_000, 250_000];
    const today = day('2026-03-01');
    expect(milestoneEvent(activity({ total_spent: 45_000 }), activity({ total_spent: 52_000 }), amounts, today)).toMatchObject({ key: 'milestone:br-1:cu-1:50000', milestone: 50_000 });
    expect(milestoneEvent(activity({ total_spent: 40_000 }), activity({ total_spent: 120_000 }), amounts, today)?.milestone).toBe(100_000);
    expect(milestoneEvent(null, activity({ total_spent: 50_000 }), amounts, today)?.milestone).toBe(50_000);
    expect(milestoneEvent(activity({ total_spent: 50_000 }), activity({ total_spent: 60_000 }), amounts, today)).toBeNull();
    expect(milestoneEvent(activity({ total_spent: 60_000 }), activity({ total_spent: 40_000 }), amounts, today)).toBeNull();
  });
});

describe('automated channel', () => {
  const no = { granted: false, at: '' };
  const yes = { granted: true, at: '2026-01-01T00:00:00Z' };
  it('uses the preferred channel with consent and an address, else the other, else none', () => {
    expect(automatedChannel(customer({ preferred_contact: 'email' }))).toBe('email');
    expect(automatedChannel(customer({ preferred_contact: 'sms' }))).toBe('sms');
    expect(automatedChannel(customer({ preferred_contact: 'email', email: '' }))).toBe('sms');
    expect(automatedChannel(customer({ preferred_contact: 'push', consent: { sms: no, email: yes, push: yes } }))).toBe('email');
    expect(automatedChannel(customer({ consent: { sms: no, email: no, push: yes } }))).toBeNull();
    expect(automatedChannel(customer({ opted_in_marketing: false }))).toBeNull();
  });
});
