import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { BookingDoc } from '../domain/schemas';
import { BOOKING_STATUSES } from '../domain/types';
import { parseDay } from '../time/calendar';
import { buildPayment } from './payment';
import { cashUp, cashUpCsv } from './cash-up';

const ZONE = 'Asia/Manila'; // UTC+8: 16:30Z is 00:30 the next local day
const DAY = parseDay('2026-03-02') as number;
let n = 0;

function visit(over: Partial<BookingDoc>): BookingDoc {
  n += 1;
  return {
    id: `bk-${String(n).padStart(3, '0')}`, customer_id: 'cu-1', branch_id: 'br-1', service: 'Haircut', staff: 'Ana', start_at: '2026-03-02T02:00:00Z', duration_min: 30,
    status: 'completed', price: 2500, notes: '', created_at: '', updated_at: '', amendments: [], series: null, payment: null, ...over,
  };
}
function paidVisit(input: Parameters<typeof buildPayment>[0], over: Partial<BookingDoc> = {}): BookingDoc {
  const { payment, price } = buildPayment(input, '2026-03-02T03:00:00Z');
  return visit({ price, payment, ...over });
}

describe('cash-up of a branch and day', () => {
  const day = [
    paidVisit({ subtotal: 5000, discount: { kind: 'percent', value: 10, reason: 'Loyalty card' }, tip: 500, tenders: [{ method: 'cash', amount: 2000 }, { method: 'card', amount: 3000 }] }, { service: 'Colour' }),
    paidVisit({ subtotal: 2500, tenders: [{ method: 'card', amount: 2500 }] }, { staff: 'Ben' }),
    paidVisit({ subtotal: 2500, tip: 300, tenders: [{ method: 'other', amount: 2800 }] }, { staff: 'Ben', start_at: '2026-03-02T15:59:00Z' }), // 23:59 local
    visit({ id: 'bk-unpaid', customer_id: 'cu-2', price: 3000, start_at: '2026-03-02T05:00:00Z' }),
    visit({ status: 'no_show', price: 4000 }),
    visit({ status: 'no_show', price: 1500, staff: 'Ben' }),
    visit({ status: 'cancelled', price: 9900 }),
    visit({ status: 'scheduled', price: 9900 }),
    paidVisit({ subtotal: 9900, tenders: [{ method: 'cash', amount: 9900 }] }, { branch_id: 'br-2' }),
    paidVisit({ subtotal: 9900, tenders: [{ method: 'cash', amount: 9900 }] }, { start_at: '2026-03-02T16:30:00Z' }), // 00:30 next day
    { ...paidVisit({ subtotal: 9900, tenders: [{ method: 'cash', amount: 9900 }] }), _deleted: true },
  ];

  it('takings by tender, staff and service; tips; discounts; no-shows; unpaid visits', () => {
    const c = cashUp(day, 'br-1', DAY, ZONE);
    expect(c).toMatchObject({
      day: '2026-03-02', visits: 4, paid_visits: 3, sales: 4500 + 2500 + 2500, tips: 800,
      takings: { cash: 2000, card: 5500, other: 2800, total: 10_300 },
      discounts: { count: 1, amount: 500 },
      no_shows: { count: 2, booked_value: 5500 },
    });
    expect(c.by_staff).toEqual([{ name: 'Ana', visits: 1, sales: 4500, tips: 500 }, { name: 'Ben', visits: 2, sales: 5000, tips: 300 }]);
    expect(c.by_service).toEqual([{ name: 'Colour', visits: 1, sales: 4500, tips: 500 }, { name: 'Haircut', visits: 2, sales: 5000, tips: 300 }]);
    expect(c.discounts.lines.map((d) => d.reason)).toEqual(['Loyalty card']);
    expect(c.unpaid).toEqual([{ booking_id: 'bk-unpaid', customer_id: 'cu-2', start_at: '2026-03-02T05:00:00Z', service: 'Haircut', staff: 'Ana', price: 3000 }]);
  });

  it('as CSV: one line per figure, amounts in major units, quoted where needed', () => {
    const csv = cashUpCsv(cashUp(day, 'br-1', DAY, ZONE), (id) => (id === 'cu-2' ? 'Santos, Maria' : '?'));
    const rows = Papa.parse<string[]>(csv.trimEnd()).data;
    expect(rows[0]).toEqual(['section', 'name', 'count', 'amount', 'tips']);
    const find = (section: string, name: string) => rows.find((r) => r[0] === section && r[1] === name);
    expect(find('takings', 'cash')?.[3]).toBe('20.00');
    expect(find('takings', 'total')).toEqual(['takings', 'total', '3', '103.00', '']);
    expect(find('staff', 'Ben')).toEqual(['staff', 'Ben', '2', '50.00', '3.00']);
    expect(find('no_shows', 'total')).toEqual(['no_shows', 'total', '2', '55.00', '']);
    expect(find('unpaid', 'Santos, Maria · Haircut with Ana')).toEqual(['unpaid', 'Santos, Maria · Haircut with Ana', '1', '30.00', '']);
    expect(csv).toContain('"Santos, Maria · Haircut with Ana"');
  });

  it('property: every total equals a recomputation from the bookings', () => {
    const booking = fc.record({
      branch: fc.constantFrom('br-1', 'br-2'),
      hour: fc.integer({ min: -30, max: 60 }),
      status: fc.constantFrom(...BOOKING_STATUSES),
      subtotal: fc.integer({ min: 0, max: 50_000 }),
      percent: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
      tip: fc.integer({ min: 0, max: 3_000 }),
      cashShare: fc.integer({ min: 0, max: 100 }),
      paid: fc.boolean(),
      staff: fc.constantFrom('Ana', 'Ben', ''),
      service: fc.constantFrom('Haircut', 'Colour', ''),
    });
    fc.assert(
      fc.property(fc.array(booking, { maxLength: 40 }), (specs) => {
        const docs = specs.map((s) => {
          const start_at = new Date(Date.UTC(2026, 2, 1, 16) + s.hour * 3_600_000).toISOString(); // 00:00 local on 2 March + hour
          const base = { branch_id: s.branch, start_at, status: s.status, staff: s.staff, service: s.service };
          if (s.status !== 'completed' || !s.paid) return visit({ ...base, price: s.subtotal });
          const discount = s.percent === undefined ? undefined : { kind: 'percent' as const, value: s.percent, reason: 'r' };
          const due = s.subtotal - (discount ? Math.floor((s.subtotal * discount.value * 2 + 100) / 200) : 0) + s.tip;
          const cash = Math.floor((due * s.cashShare) / 100);
          const tenders = [...(cash > 0 ? [{ method: 'cash' as const, amount: cash }] : []), ...(due - cash > 0 ? [{ method: 'card' as const, amount: due - cash }] : [])];
          return paidVisit({ subtotal: s.subtotal, ...(discount ? { discount } : {}), tip: s.tip, tenders }, base);
        });
        const c = cashUp(docs, 'br-1', DAY, ZONE);
        // the recomputation: the local day of 2 March in Manila is 16:00Z on 1 March to 16:00Z on 2 March
        const from = Date.UTC(2026, 2, 1, 16);
        const mine = docs.filter((d) => d.branch_id === 'br-1' && Date.parse(d.start_at) >= from && Date.parse(d.start_at) < from + 86_400_000);
        const completed = mine.filter((d) => d.status === 'completed');
        const paid = completed.filter((d) => d.payment !== null);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(c.visits).toBe(completed.length);
        expect(c.sales).toBe(sum(paid.map((d) => d.price)));
        expect(c.tips).toBe(sum(paid.map((d) => (d.payment?.tip ?? 0))));
        expect(c.takings.total).toBe(c.sales + c.tips);
        expect(c.takings.cash + c.takings.card + c.takings.other).toBe(c.takings.total);
        expect(c.takings.cash).toBe(sum(paid.flatMap((d) => (d.payment?.tenders ?? []).filter((t) => t.method === 'cash').map((t) => t.amount))));
        expect(sum(c.by_staff.map((l) => l.sales))).toBe(c.sales);
        expect(sum(c.by_service.map((l) => l.sales + l.tips))).toBe(c.takings.total);
        expect(sum(c.by_staff.map((l) => l.visits))).toBe(c.paid_visits);
        expect(c.paid_visits + c.unpaid.length).toBe(c.visits);
        expect(c.discounts.amount).toBe(sum(paid.map((d) => d.payment?.discount?.amount ?? 0)));
        expect(c.no_shows).toEqual({ count: mine.filter((d) => d.status === 'no_show').length, booked_value: sum(mine.filter((d) => d.status === 'no_show').map((d) => d.price)) });
        expect(sum(c.unpaid.map((u) => u.price))).toBe(sum(completed.filter((d) => d.payment === null).map((d) => d.price)));
      }),
    );
  });
});
