/**
 * The end-of-day cash-up of one branch and one local day (docs/DESIGN.md §18, issue 12 item 2):
 * takings by tender, by staff and by service, tips, discounts, no-shows (count and booked value)
 * and the completed visits with no payment recorded. Pure: the desk's Cash-up dialog shows it,
 * prints it and exports it as CSV (`cashUpCsv`).
 *
 * A visit belongs to the local day (in the branch's zone) it started on, like every count of the
 * engine, whenever it was paid. Sales are the final prices (after discounts) of the paid visits;
 * takings are what the tenders took in, i.e. sales plus tips. Unpaid visits are listed, never
 * counted in takings. Amounts in minor units.
 */
import type { BookingDoc } from '../domain/schemas';
import { TENDER_METHODS, type TenderMethod } from '../domain/types';
import { csvLine } from '../csv/table';
import { formatMoney } from '../money';
import { parseInstant } from '../time/instant';
import { zoneClock } from '../time/zone';
import { formatDay } from '../time/calendar';

export interface CashUpLine {
  /** The staff member or service ('' for a visit without one). */
  name: string;
  visits: number;
  /** Final prices of the paid visits. */
  sales: number;
  tips: number;
}

export interface CashUpDiscount {
  booking_id: string;
  reason: string;
  /** What the discount took off. */
  amount: number;
}

export interface CashUpVisit {
  booking_id: string;
  customer_id: string;
  start_at: string;
  service: string;
  staff: string;
  price: number;
}

export interface CashUp {
  branch_id: string;
  /** YYYY-MM-DD at the branch. */
  day: string;
  /** Completed visits of the day, paid or not. */
  visits: number;
  paid_visits: number;
  /** Sales (final prices) of the paid visits. */
  sales: number;
  tips: number;
  /** What the tenders took in, per tender and in all (= sales + tips). */
  takings: Record<TenderMethod, number> & { total: number };
  by_staff: CashUpLine[];
  by_service: CashUpLine[];
  discounts: { count: number; amount: number; lines: CashUpDiscount[] };
  no_shows: { count: number; booked_value: number };
  /** Completed visits without a recorded payment, in order of time. */
  unpaid: CashUpVisit[];
}

type Booking = Pick<BookingDoc, 'id' | 'customer_id' | 'branch_id' | 'service' | 'staff' | 'start_at' | 'status' | 'price' | 'payment'> & { _deleted?: boolean };

/** Code-point order, then by the given number: the same on every desk. */
const byName = (a: CashUpLine, b: CashUpLine): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function addTo(lines: Map<string, CashUpLine>, name: string, sales: number, tips: number): void {
  let line = lines.get(name);
  if (line === undefined) lines.set(name, (line = { name, visits: 0, sales: 0, tips: 0 }));
  line.visits += 1;
  line.sales += sales;
  line.tips += tips;
}

/** The cash-up of `branchId` on local day `day` (days since 1970-01-01 at the branch, `timeZone`). */
export function cashUp(bookings: Iterable<Booking>, branchId: string, day: number, timeZone: string): CashUp {
  const clock = zoneClock(timeZone);
  const takings = { cash: 0, card: 0, other: 0, total: 0 };
  const staff = new Map<string, CashUpLine>();
  const services = new Map<string, CashUpLine>();
  const discounts: CashUpDiscount[] = [];
  const unpaid: CashUpVisit[] = [];
  let visits = 0;
  let paidVisits = 0;
  let sales = 0;
  let tips = 0;
  let noShows = 0;
  let noShowValue = 0;
  for (const b of bookings) {
    if (b._deleted === true || b.branch_id !== branchId) continue;
    const ms = parseInstant(b.start_at);
    if (ms === null || clock.localDay(ms) !== day) continue;
    if (b.status === 'no_show') {
      noShows += 1;
      noShowValue += b.price;
      continue;
    }
    if (b.status !== 'completed') continue;
    visits += 1;
    const p = b.payment;
    if (p === null) {
      unpaid.push({ booking_id: b.id, customer_id: b.customer_id, start_at: b.start_at, service: b.service, staff: b.staff, price: b.price });
      continue;
    }
    paidVisits += 1;
    sales += b.price;
    tips += p.tip;
    for (const t of p.tenders) {
      takings[t.method] += t.amount;
      takings.total += t.amount;
    }
    addTo(staff, b.staff, b.price, p.tip);
    addTo(services, b.service, b.price, p.tip);
    if (p.discount !== null) discounts.push({ booking_id: b.id, reason: p.discount.reason, amount: p.discount.amount });
  }
  unpaid.sort((a, b) => (parseInstant(a.start_at) ?? 0) - (parseInstant(b.start_at) ?? 0) || (a.booking_id < b.booking_id ? -1 : 1));
  discounts.sort((a, b) => (a.booking_id < b.booking_id ? -1 : a.booking_id > b.booking_id ? 1 : 0));
  return {
    branch_id: branchId,
    day: formatDay(day),
    visits,
    paid_visits: paidVisits,
    sales,
    tips,
    takings,
    by_staff: [...staff.values()].sort(byName),
    by_service: [...services.values()].sort(byName),
    discounts: { count: discounts.length, amount: discounts.reduce((s, d) => s + d.amount, 0), lines: discounts },
    no_shows: { count: noShows, booked_value: noShowValue },
    unpaid,
  };
}

const CASH_UP_CSV_HEADER = ['section', 'name', 'count', 'amount', 'tips'] as const;

/**
 * The cash-up as CSV (RFC 4180, one line each, amounts as `1234.50`): header
 * `section,name,count,amount,tips`, then the takings per tender and their total, sales, tips,
 * each staff member and service (visits, sales, tips), each discount (its reason), the no-shows
 * (count, booked value) and each unpaid visit (`customerName` names its customer).
 */
export function cashUpCsv(c: CashUp, customerName: (id: string) => string): string {
  const m = formatMoney;
  const rows: string[][] = [[...CASH_UP_CSV_HEADER]];
  const tenderCount = (method: TenderMethod): number => c.takings[method];
  for (const method of TENDER_METHODS) rows.push(['takings', method, '', m(tenderCount(method)), '']);
  rows.push(['takings', 'total', String(c.paid_visits), m(c.takings.total), '']);
  rows.push(['sales', 'total', String(c.paid_visits), m(c.sales), '']);
  rows.push(['tips', 'total', '', m(c.tips), '']);
  for (const s of c.by_staff) rows.push(['staff', s.name, String(s.visits), m(s.sales), m(s.tips)]);
  for (const s of c.by_service) rows.push(['service', s.name, String(s.visits), m(s.sales), m(s.tips)]);
  for (const d of c.discounts.lines) rows.push(['discount', d.reason, '1', m(d.amount), '']);
  rows.push(['discounts', 'total', String(c.discounts.count), m(c.discounts.amount), '']);
  rows.push(['no_shows', 'total', String(c.no_shows.count), m(c.no_shows.booked_value), '']);
  for (const u of c.unpaid) rows.push(['unpaid', `${customerName(u.customer_id)} · ${u.service || 'visit'}${u.staff ? ` with ${u.staff}` : ''}`, '1', m(u.price), '']);
  return rows.map((r) => csvLine(r)).join('\n') + '\n';
}
