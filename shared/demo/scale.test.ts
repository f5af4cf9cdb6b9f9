import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../csv/import';
import { normalisePhone } from '../domain/contact';
import { zoneClock } from '../time/zone';
import { CITIES } from './cities';
import {
  BOOKINGS_CSV_HEADER,
  BRANCHES_CSV_HEADER,
  CUSTOMERS_CSV_HEADER,
  DemoGenerator,
  bookingCsvLine,
  bookingId,
  bookingsRange,
  branchCsvLine,
  customerCsvLine,
  demoOptions,
  demoOptionsProblems,
  generateDemoData,
} from './index';

describe('many branches', () => {
  const data = generateDemoData(
    demoOptions('bench-quick', { seed: 11, branches: 40, customers: 3000, targetBookings: 30_000, historyDays: 400, today: '2026-10-25' }),
  );

  it('cycles the cities with distinct ids and names, and every row passes the importer', () => {
    expect(new Set(data.branches.map((b) => b.timezone)).size).toBe(CITIES.length);
    expect(new Set(data.branches.map((b) => b.id)).size).toBe(40);
    expect(new Set(data.branches.map((b) => b.name)).size).toBe(40);
    expect(data.branches.map((b) => b.id)).toContain('br-manila-2');
    expect(data.branches.filter((b) => b.active_days === null).length).toBeGreaterThan(20);
    expect(data.branches.filter((b) => b.active_days === 30 && b.at_risk_days === 90).length).toBeGreaterThan(4);
    for (const b of data.branches) expect(b.staff.length >= 3 && b.staff.length <= 6).toBe(true);
    const outcome = parseDataset({
      branches: [BRANCHES_CSV_HEADER, ...data.branches.map(branchCsvLine)].join('\n'),
      customers: [CUSTOMERS_CSV_HEADER, ...data.customers.map(customerCsvLine)].join('\n'),
      bookings: [BOOKINGS_CSV_HEADER, ...data.bookings.map(bookingCsvLine)].join('\n'),
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 5)));
    expect(outcome.dataset.bookings).toHaveLength(data.bookings.length);
  });

  it('gives every customer a phone of the main branch country and books in branch hours (DST days included)', () => {
    const wrongPhones = data.customers.filter((c) => {
      const phone = normalisePhone(c.phone, c.country);
      return !phone.ok || phone.e164 !== c.phone;
    });
    expect(wrongPhones).toEqual([]);
    const branches = new Map(data.branches.map((b) => [b.id, b]));
    const outside = data.bookings.filter((b) => {
      const branch = branches.get(b.branch_id);
      if (branch === undefined) return true;
      const minute = zoneClock(branch.timezone).localMinuteOfDay(b.ms);
      return minute < branch.opens_at || minute > branch.closes_at - 30;
    });
    expect(outside).toEqual([]);
  });
});

describe('streaming at scale', () => {
  it('generates 2,000,000 bookings through the iterator without accumulating memory, near the target', { timeout: 120_000 }, () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const generator = new DemoGenerator(demoOptions('bench-quick', { customers: 200_000, targetBookings: 2_000_000 }));
    gc();
    const before = process.memoryUsage().heapUsed;
    let bookings = 0;
    let customers = 0;
    let atHalf = 0;
    for (const { customer, bookings: history } of generator.customers()) {
      customers += 1;
      for (const b of history) {
        bookings += 1;
        // Ids run in generation order: checked row by row, nothing kept.
        if (b.id !== bookingId(bookings) || b.customer_id !== customer.id) throw new Error(`out of order at ${b.id}`);
      }
      if (customers === 100_000) {
        gc();
        atHalf = process.memoryUsage().heapUsed;
      }
    }
    gc();
    const after = process.memoryUsage().heapUsed;
    expect(customers).toBe(200_000);
    expect(Math.abs(bookings - 2_000_000)).toBeLessThan(0.02 * 2_000_000);
    // Two million booking objects would take hundreds of MB; the generator keeps per-branch tables only.
    expect(after - before).toBeLessThan(32 * 1024 * 1024);
    expect(after - atHalf).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('options', () => {
  it('name the option that is wrong', () => {
    const good = demoOptions('demo');
    expect(demoOptionsProblems(good)).toEqual([]);
    expect(demoOptionsProblems({ ...good, today: '2026-02-30' })).toEqual(['today "2026-02-30" is not a date (YYYY-MM-DD)']);
    expect(demoOptionsProblems({ ...good, customers: 0 })[0]).toMatch(/^customers /);
    expect(demoOptionsProblems({ ...good, branches: 1.5 })[0]).toMatch(/^branches /);
    expect(demoOptionsProblems({ ...good, targetBookings: -1 })[0]).toMatch(/^bookings /);
    expect(demoOptionsProblems({ ...good, historyDays: 10 })[0]).toMatch(/^historyDays /);
    expect(demoOptionsProblems({ ...good, seed: Number.NaN })[0]).toMatch(/^seed /);
    expect(() => new DemoGenerator({ ...good, nowMinute: 1440 })).toThrow(/nowMinute/);
  });

  it('reach the target anywhere in the allowed range, one branch included', () => {
    // Small sets are what their few customers make them; from a few hundred customers the target holds.
    for (const [customers, historyDays] of [[400, 180], [1000, 1095], [2000, 365]] as const) {
      const [min, max] = bookingsRange(customers, historyDays);
      expect(demoOptionsProblems(demoOptions('demo', { customers, historyDays, targetBookings: min - 1 }))[0]).toMatch(/^bookings must be from/);
      expect(demoOptionsProblems(demoOptions('demo', { customers, historyDays, targetBookings: max + 1 }))[0]).toMatch(/^bookings must be from/);
      for (const target of [min, max]) {
        let n = 0;
        for (const h of new DemoGenerator(demoOptions('demo', { branches: 1, customers, historyDays, targetBookings: target })).customers()) {
          n += h.bookings.length;
        }
        expect(Math.abs(n - target) / target, `${customers} customers, ${historyDays} days, ${target} bookings`).toBeLessThan(0.1);
      }
    }
  });
});
