import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOOKING_STATUSES, type Branch } from '../domain/types';
import { bookingColumns, parseDataset } from '../csv/import';
import { daysFromCivil } from '../time/calendar';
import { activitiesOfColumns, BookingColumns } from './booking-columns';
import { buildActivityIndex } from './dataset';
import type { BookingFact } from './activity';
import type { CustomerLink } from './activity-index';

const BASE_DAY = daysFromCivil(2026, 3, 8); // New York springs forward that day
const MS_PER_DAY = 86_400_000;

const BRANCHES: Branch[] = [
  { id: 'b1', name: 'Auckland', timezone: 'Pacific/Auckland', active_days: 14, at_risk_days: 45 },
  { id: 'b2', name: 'New York', timezone: 'America/New_York', active_days: null, at_risk_days: null },
  { id: 'b10', name: 'Kathmandu', timezone: 'Asia/Kathmandu', active_days: 3, at_risk_days: 5 },
];
// ids whose code-point order differs from insertion order and from UTF-16 order (U+FF5E vs U+1F600)
const CUSTOMER_IDS = ['c2', 'c10', 'c1', 'c～', 'c😀', 'c3'];

const customerArb = fc.record({
  id: fc.constantFrom(...CUSTOMER_IDS),
  home_branch_id: fc.constantFrom('', 'b1', 'b2', 'b10'),
  created_at: fc.constantFrom(undefined, '', 'not a date', '2026-02-20T10:00:00Z', '2026-03-07T23:30:00-05:00', '2026-04-01T00:00:00+13:00'),
});

const factArb = fc.record({
  customer: fc.constantFrom(...CUSTOMER_IDS, 'c-unlisted'),
  branch: fc.constantFrom('b1', 'b2', 'b10', 'b-unknown'),
  service: fc.constantFrom('', 'Cut', 'Colour', 'Cut'),
  staff: fc.constantFrom('', 'Ana', 'Ben'),
  status: fc.constantFrom(...BOOKING_STATUSES),
  price: fc.integer({ min: 0, max: 50_000 }),
  // whole hours over ±60 days, so equal instants (ties broken by id) are common
  hour: fc.integer({ min: -60 * 24, max: 60 * 24 }),
});

/** The columns and the objects of the same facts (the day as the engine would have it: any number will do). */
function both(facts: { customer: string; branch: string; service: string; staff: string; status: BookingFact['status']; price: number; hour: number }[]): [BookingColumns, BookingFact[]] {
  const columns = new BookingColumns();
  const objects: BookingFact[] = [];
  facts.forEach((f, i) => {
    const ms = BASE_DAY * MS_PER_DAY + f.hour * 3_600_000;
    const day = Math.floor(ms / MS_PER_DAY);
    const id = `k${(i * 7) % facts.length}-${i}`;
    columns.push(id, f.customer, f.branch, f.service, f.staff, f.status, f.price, ms, day);
    objects.push({ id, customer_id: f.customer, branch_id: f.branch, service: f.service, staff: f.staff, status: f.status, price: f.price, ms, day });
  });
  return [columns, objects];
}

describe('activitiesOfColumns', () => {
  it('is buildActivityIndex(…).sorted() of the same data set, on any data and as-of day', () => {
    fc.assert(
      fc.property(
        fc.array(customerArb, { maxLength: 8 }),
        fc.array(factArb, { maxLength: 60 }),
        fc.integer({ min: -70, max: 70 }),
        (customers: CustomerLink[], facts, offset) => {
          const [columns, objects] = both(facts);
          const asOfDay = BASE_DAY + offset;
          const expected = buildActivityIndex({ branches: BRANCHES, customers, bookings: objects }, asOfDay).sorted();
          expect(activitiesOfColumns({ branches: BRANCHES, customers, bookings: columns }, asOfDay)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the sample fixture what the object path gives, on the contract date and around it', () => {
    const dir = new URL('../../../shared/fixtures/sample/', import.meta.url);
    const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
    const files = { branches: read('branches.csv'), customers: read('customers.csv'), bookings: read('bookings.csv') };
    const objects = parseDataset(files);
    const columns = parseDataset(files, bookingColumns());
    if (!objects.ok || !columns.ok) throw new Error('the sample fixture does not parse');
    expect(columns.dataset.bookings.length).toBe(objects.dataset.bookings.length);
    const fact = { id: '', customer_id: '', branch_id: '', service: '', staff: '', status: 'scheduled', price: 0, ms: 0, day: 0 } satisfies BookingFact;
    objects.dataset.bookings.forEach(({ start_at: _, ...b }, r) => expect({ ...columns.dataset.bookings.factAt(r, fact) }).toEqual(b));
    for (const day of [daysFromCivil(2025, 1, 1), daysFromCivil(2026, 3, 1), daysFromCivil(2027, 1, 1)]) {
      const expected = buildActivityIndex(objects.dataset, day).sorted();
      expect(expected.length).toBeGreaterThan(0);
      expect(activitiesOfColumns(columns.dataset, day)).toEqual(expected);
    }
  });
});
