/**
 * Demo and scale data: a deterministic generator of a realistic multi-branch business.
 *
 * Pure TypeScript (no DOM, no Node): the renderer's one-click demo, the `generate` CLI command
 * and the benchmarks all use it. Same options → byte-identical output on every platform (seeded
 * sfc32 and integer/IEEE arithmetic only, no `Math.random`, no wall clock: "today" is an
 * option); the one outside input is the runtime's time-zone database, read through `Intl` for
 * the offsets of the 16 demo zones (identical wherever those zones' rules are).
 *
 * Customers follow archetypes (`ARCHETYPES`): regulars (every 2–5 weeks at a barbershop,
 * scaled by the branch's thresholds), occasional, one-timers, lapsing (stopped recently: at
 * risk), churned, win-backs (a gap longer than at_risk_days, then back), newcomers (first visit
 * in the last two months) and brand new (registered, no visit yet, often a booking coming up).
 *
 * ## Public API
 *
 * Options and presets
 * - `demoOptions(preset, overrides?)` → `DemoOptions`. Presets (`PRESET_NAMES`):
 *   `demo` (4 branches, 1,500 customers, ~24k bookings; generates in ~0.1 s),
 *   `sample-like` (4 branches, 130 customers, ~2.5k bookings), `bench-quick` (20 branches,
 *   100k customers, 1M bookings), `bench-full` (200 branches, 1M customers, 10M bookings).
 *   `today` defaults to `DEFAULT_TODAY` ('2026-03-01'); the app passes the desk's local date:
 *   `demoOptions('demo', { today: '2026-05-14' })`.
 * - `DemoOptions`: `{ seed, today: 'YYYY-MM-DD', branches, customers, targetBookings | null,
 *   historyDays, nowMinute }` (`nowMinute`: local minute of "now" on `today`, default 780 = 13:00;
 *   bookings earlier today are completed / no-show, the current ones checked in, later ones scheduled).
 * - `demoOptionsProblems(options)` → string[] (each names the option; empty = usable).
 *   `bookingsRange(customers, historyDays)` → [min, max] reachable `targetBookings`
 *   (3 per customer … one per customer every 15 days of history).
 *
 * In memory (small presets: the app's demo)
 * - `generateDemoData(options)` → `DemoData { options, branches: DemoBranch[],
 *   customers: GeneratedCustomer[], bookings: GeneratedBooking[], nowMs: { [branchId]: ms } }`.
 * - `demoDocuments(data)` → `{ branches: BranchDoc[], customers: CustomerDoc[],
 *   bookings: BookingDoc[] }`: documents of `shared/domain/schemas.ts`, ready for the replica
 *   (every field filled; they pass `validateDocument`). Also per row: `toBranchDoc`,
 *   `toCustomerDoc`, `toBookingDoc(booking, nowMs)`.
 *
 * Streaming (any size; memory = one customer's history + per-branch tables)
 * - `new DemoGenerator(options)`: `.branches` (DemoBranch[]; cheap: constructing the generator
 *   makes no customers, so it also answers "which zone is branch 0 in"), `.customers()` → generator of
 *   `{ customer, bookings }` (`CustomerHistory`) in id order; each call restarts identically.
 *   `.csvChunks(chunkBytes?)` → generator of `{ file: 'branches.csv'|'customers.csv'|'bookings.csv',
 *   bytes: Uint8Array (UTF-8), rows }`: the three import files, byte-identical to the line helpers
 *   below, written without per-row strings (the `generate` CLI command streams these).
 *   `.today` (day number), `.nowMs(branchIndex)`.
 *
 * Rows
 * - `DemoBranch` = `Branch` + `{ city, country (ISO alpha-2), kind: 'barbershop'|'salon',
 *   opens_at, closes_at (local minutes), staff: string[], services: { name, price (cents),
 *   duration_min, popularity }[], busyness }`. Ids `br-<city>` (`br-manila`, `br-new-york`,
 *   then `br-manila-2` …), names "Manila Makati", "New York SoHo" ….
 * - `GeneratedCustomer` = `Customer` + `{ country, referred_by, registered_branch_id,
 *   follow_up_date, archetype }`. Ids `cu-000001` …; phones E.164 in the main branch's country.
 * - `GeneratedBooking` = `Booking` + `{ ms, day (branch-local day number), duration_min }`: it is
 *   a `ParsedBooking`/`BookingFact`, so `buildActivityIndex({ branches, customers, bookings }, day)`
 *   reads generated data directly. Ids `bk-0000001` …; `start_at` carries the branch's local
 *   offset (`2026-03-01T18:30:00+08:00`, `Z` when the offset is zero).
 *
 * CSV (import format of docs/DESIGN.md §3; lines without the line break)
 * - `BRANCHES_CSV_HEADER`, `CUSTOMERS_CSV_HEADER`, `BOOKINGS_CSV_HEADER`,
 *   `branchCsvLine(branch)`, `customerCsvLine(customer)`, `bookingCsvLine(booking)`.
 */
import { toBookingDoc, toBranchDoc, toCustomerDoc } from './docs';
import { DemoGenerator } from './generator';
import type { GeneratedBooking, GeneratedCustomer } from './types';
import type { DemoBranch } from './branches';
import type { DemoOptions } from './options';
import type { BookingDoc, BranchDoc, CustomerDoc } from '../domain/schemas';

export { CSV_FILES, DemoGenerator } from './generator';
export type { CsvChunk, CsvFileName } from './generator';
export { ARCHETYPES, FUTURE_DAYS, customerId, bookingId } from './types';
export type { Archetype, CustomerHistory, GeneratedBooking, GeneratedCustomer } from './types';
export type { DemoBranch, DemoService } from './branches';
export type { BranchKind } from './services';
export {
  DEFAULT_TODAY,
  bookingsRange,
  LIMITS as DEMO_LIMITS,
  PRESET_NAMES,
  demoOptions,
  demoOptionsProblems,
  isPresetName,
} from './options';
export type { DemoOptions, PresetName } from './options';
export {
  BOOKINGS_CSV_HEADER,
  BRANCHES_CSV_HEADER,
  CUSTOMERS_CSV_HEADER,
  bookingCsvLine,
  branchCsvLine,
  customerCsvLine,
} from './csv';
export { toBookingDoc, toBranchDoc, toCustomerDoc } from './docs';

export interface DemoData {
  options: DemoOptions;
  branches: DemoBranch[];
  customers: GeneratedCustomer[];
  bookings: GeneratedBooking[];
  /** "Now" per branch id (today at nowMinute, branch-local), epoch ms. */
  nowMs: Record<string, number>;
}

/** A whole data set in memory (for the demo and tests; stream with DemoGenerator at scale). */
export function generateDemoData(options: DemoOptions): DemoData {
  const generator = new DemoGenerator(options);
  const customers: GeneratedCustomer[] = [];
  const bookings: GeneratedBooking[] = [];
  for (const history of generator.customers()) {
    customers.push(history.customer);
    for (const b of history.bookings) bookings.push(b);
  }
  const nowMs: Record<string, number> = {};
  generator.branches.forEach((b, i) => {
    nowMs[b.id] = generator.nowMs(i);
  });
  return { options: { ...options }, branches: [...generator.branches], customers, bookings, nowMs };
}

export interface DemoDocuments {
  branches: BranchDoc[];
  customers: CustomerDoc[];
  bookings: BookingDoc[];
}

/** The data set as schema documents, ready for the local replica. */
export function demoDocuments(data: DemoData): DemoDocuments {
  return {
    branches: data.branches.map(toBranchDoc),
    customers: data.customers.map(toCustomerDoc),
    bookings: data.bookings.map((b) => toBookingDoc(b, data.nowMs[b.branch_id] ?? b.ms)),
  };
}
