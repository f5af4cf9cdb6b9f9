import {
  BOOKING_STATUSES,
  CONTACT_CHANNELS,
  type Booking,
  type BookingStatus,
  type Branch,
  type Customer,
  type PreferredContact,
} from '../domain/types';
import { MAX_THRESHOLD_DAYS, thresholdsProblem, branchThresholds } from '../domain/settings';
import { parseMoney } from '../money';
import { parseDay } from '../time/calendar';
import { parseInstant } from '../time/instant';
import { resolveTimeZone, zoneClock, type ZoneClock } from '../time/zone';
import { BookingColumns } from '../engine/booking-columns';
import { IdTable } from './id-table';
import { ProblemSink, readTable, TableReader, type InputProblem, type TableRow } from './table';

export const BRANCH_COLUMNS = ['id', 'name', 'timezone', 'active_days', 'at_risk_days'] as const;
export const CUSTOMER_COLUMNS = [
  'id',
  'name',
  'phone',
  'email',
  'birthday',
  'opted_in_marketing',
  'preferred_contact',
  'created_at',
  'home_branch_id',
] as const;
export const BOOKING_COLUMNS = ['id', 'customer_id', 'branch_id', 'service', 'staff', 'start_at', 'status', 'price'] as const;

/** Longest id accepted (ids are indexed keys everywhere). */
export const MAX_ID_LENGTH = 100;

/** A set of ids (a Set, or the Map of first-seen lines, which answers `has` the same way). */
export interface IdSet {
  has(id: string): boolean;
}

export interface ParseOutcome<T> {
  rows: T[];
  /**
   * Every well-formed id in the file with the line it was first seen on, valid row or not (so
   * references to a bad row are not reported a second time as unknown).
   */
  ids: ReadonlyMap<string, number>;
  problems: InputProblem[];
  moreProblems: number;
}

const STATUS_SET: ReadonlySet<string> = new Set(BOOKING_STATUSES);
const CONTACT_SET: ReadonlySet<string> = new Set(CONTACT_CHANNELS);

function checkId(row: TableRow, column: string, sink: ProblemSink, at = row.columnIndex(column)): string | null {
  const id = row.at(at).trim();
  if (id === '') {
    sink.add(row.line, `${column} is empty`, column);
    return null;
  }
  if (id.length > MAX_ID_LENGTH) {
    sink.add(row.line, `${column} is longer than ${MAX_ID_LENGTH} characters`, column);
    return null;
  }
  return id;
}

/** A row's own id, which must also fit the shared document schema (no whitespace or NUL inside). */
function checkOwnId(row: TableRow, sink: ProblemSink, at = row.columnIndex('id')): string | null {
  const id = checkId(row, 'id', sink, at);
  if (id !== null && (/\s/.test(id) || id.includes('\u0000'))) {
    sink.add(row.line, `id "${id}" contains whitespace`, 'id');
    return null;
  }
  return id;
}

/**
 * One string per distinct value of a column (a branch id, a service, a staff name, a status, a
 * customer id): a million bookings otherwise hold a million copies of the same few words, and
 * fields cut from the file's text can keep all of it alive.
 */
class Interner {
  private readonly values = new Map<string, string>();

  get(value: string): string {
    let v = this.values.get(value);
    if (v === undefined) {
      // a fresh flat copy: never a slice that would keep the whole chunk of text alive
      v = value.length < 13 ? value : (` ${value}`).slice(1);
      this.values.set(v, v);
    }
    return v;
  }
}

function checkUnique(id: string, line: number, seen: { get(id: string): number | undefined; set(id: string, line: number): unknown }, sink: ProblemSink, what: string): boolean {
  const first = seen.get(id);
  if (first !== undefined) {
    sink.add(line, `duplicate ${what} id "${id}" (first seen on line ${first})`, 'id');
    return false;
  }
  seen.set(id, line);
  return true;
}

function parseThreshold(row: TableRow, column: string, sink: ProblemSink): number | null | undefined {
  const text = row.get(column).trim();
  if (text === '') return null;
  if (!/^\d+$/.test(text) || Number(text) > MAX_THRESHOLD_DAYS) {
    sink.add(row.line, `${column} "${text}" is not a whole number of days between 0 and ${MAX_THRESHOLD_DAYS}`, column);
    return undefined;
  }
  return Number(text);
}

function parseBranches(text: string, file = 'branches.csv'): ParseOutcome<Branch> {
  const sink = new ProblemSink(file);
  const rows: Branch[] = [];
  const seen = new Map<string, number>();
  readTable(text, BRANCH_COLUMNS, sink, (row) => {
    const before = sink.count;
    const id = checkOwnId(row, sink);
    const zoneText = row.get('timezone').trim();
    const timezone = resolveTimeZone(zoneText);
    if (timezone === null) {
      sink.add(row.line, zoneText === '' ? 'timezone is empty' : `unknown time zone "${zoneText}"`, 'timezone');
    }
    const activeDays = parseThreshold(row, 'active_days', sink);
    const atRiskDays = parseThreshold(row, 'at_risk_days', sink);
    if (activeDays !== undefined && atRiskDays !== undefined) {
      const problem = thresholdsProblem(branchThresholds({ active_days: activeDays, at_risk_days: atRiskDays }));
      if (problem !== null) sink.add(row.line, problem, 'at_risk_days');
    }
    if (id !== null && !checkUnique(id, row.line, seen, sink, 'branch')) return;
    if (sink.count !== before || id === null || timezone === null || activeDays === undefined || atRiskDays === undefined) {
      return;
    }
    // Keep the zone as written: ICU's canonical name can be a legacy alias (Asia/Kolkata → Asia/Calcutta).
    rows.push({ id, name: row.get('name').trim(), timezone: zoneText, active_days: activeDays, at_risk_days: atRiskDays });
  });
  return { rows, ids: seen, problems: sink.problems, moreProblems: sink.more };
}

function parseBoolean(text: string): boolean | null {
  switch (text.trim().toLowerCase()) {
    case '':
    case 'false':
    case '0':
    case 'no':
    case 'n':
      return false;
    case 'true':
    case '1':
    case 'yes':
    case 'y':
      return true;
    default:
      return null;
  }
}

/** Tags in CSV: separated by `;` or `|`, trimmed, de-duplicated, order kept. */
function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const t of text.split(/[;|]/)) {
    const tag = t.trim();
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

export function parseCustomers(
  text: string,
  branchIds: IdSet,
  file = 'customers.csv',
): ParseOutcome<Customer> {
  const sink = new ProblemSink(file);
  const rows: Customer[] = [];
  const seen = new Map<string, number>();
  readTable(text, CUSTOMER_COLUMNS, sink, (row) => {
    const before = sink.count;
    const id = checkOwnId(row, sink);
    const birthday = row.get('birthday').trim();
    if (birthday !== '' && parseDay(birthday) === null) {
      sink.add(row.line, `birthday "${birthday}" is not a date (YYYY-MM-DD)`, 'birthday');
    }
    const createdAt = row.get('created_at').trim();
    if (createdAt !== '' && parseInstant(createdAt) === null) {
      sink.add(row.line, `created_at "${createdAt}" is not an ISO 8601 instant with an offset or Z`, 'created_at');
    }
    const optedText = row.get('opted_in_marketing');
    const opted = parseBoolean(optedText);
    if (opted === null) sink.add(row.line, `opted_in_marketing "${optedText}" is not true or false`, 'opted_in_marketing');
    const contactText = row.get('preferred_contact').trim().toLowerCase();
    const contact = (contactText === '' ? 'none' : contactText) as PreferredContact;
    if (!CONTACT_SET.has(contact)) {
      sink.add(row.line, `preferred_contact "${contactText}" is not one of ${CONTACT_CHANNELS.join(', ')}`, 'preferred_contact');
    }
    const home = row.get('home_branch_id').trim();
    if (home !== '' && !branchIds.has(home)) {
      sink.add(row.line, `home_branch_id "${home}" is not a known branch`, 'home_branch_id');
    }
    if (id !== null && !checkUnique(id, row.line, seen, sink, 'customer')) return;
    if (sink.count !== before || id === null || opted === null) return;
    rows.push({
      id,
      name: row.get('name').trim(),
      phone: row.get('phone').trim(),
      email: row.get('email').trim(),
      birthday,
      opted_in_marketing: opted,
      preferred_contact: contact,
      tags: parseTags(row.get('tags')),
      notes: row.get('notes'),
      preferences: row.get('preferences'),
      home_branch_id: home,
      created_at: createdAt,
    });
  });
  return { rows, ids: seen, problems: sink.problems, moreProblems: sink.more };
}

/**
 * A parsed booking with its instant and branch-local day already resolved: it is a BookingFact
 * as it stands, so the engine reads it without a copy. `start_at` is '' when the caller asked for
 * facts only (`factsOnly`: the engine reads `ms` and `day`, never the text).
 */
export interface ParsedBooking extends Booking {
  ms: number;
  day: number;
}

export interface ParseOptions {
  /**
   * Keep only what the engine reads (`activity`, `metrics`): `start_at` is not kept (''), which
   * spares a million strings that would also keep the file's whole text alive. Validation is the same.
   */
  factsOnly?: boolean;
}

/**
 * Where the valid bookings of a parse go, and what they become: one `ParsedBooking` object each
 * (`bookingObjects`) or the columns of a `BookingColumns` (`bookingColumns`). Validation is the
 * same for both; only rows without any problem are added.
 */
export interface BookingSink<B> {
  add(id: string, customerId: string, branchId: string, service: string, staff: string, startAt: string, status: BookingStatus, price: number, ms: number, day: number): void;
  result(): B;
}

/** Bookings as `ParsedBooking` objects, repeated values one string each. */
export function bookingObjects(options: ParseOptions = {}): BookingSink<ParsedBooking[]> {
  const words = new Interner();
  const customers = new Interner();
  const rows: ParsedBooking[] = [];
  return {
    add(id, customerId, branchId, service, staff, startAt, status, price, ms, day) {
      rows.push({
        id,
        customer_id: customers.get(customerId),
        branch_id: words.get(branchId),
        service: words.get(service),
        staff: words.get(staff),
        start_at: options.factsOnly === true ? '' : startAt,
        status: words.get(status) as BookingStatus,
        price,
        ms,
        day,
      });
    },
    result: () => rows,
  };
}

/** Bookings as columns (the facts only: `start_at` is not kept). */
export function bookingColumns(): BookingSink<BookingColumns> {
  const columns = new BookingColumns();
  return {
    add(id, customerId, branchId, service, staff, _startAt, status, price, ms, day) {
      columns.push(id, customerId, branchId, service, staff, status, price, ms, day);
    },
    result: () => columns,
  };
}

/** The outcome of reading bookings.csv into a sink: what it made, and the problems. */
export interface BookingsOutcome<B> {
  bookings: B;
  problems: InputProblem[];
  moreProblems: number;
}

/**
 * Parses bookings.csv. `branchZones` maps every known branch id to its IANA zone (the zone of a
 * branch whose own row was invalid may be '' — its bookings are still checked, never computed).
 */
export function parseBookings(
  text: string,
  branchZones: ReadonlyMap<string, string>,
  customerIds: IdSet,
  file = 'bookings.csv',
  options: ParseOptions = {},
): ParseOutcome<ParsedBooking> {
  const sink = new ProblemSink(file);
  const parser = bookingRows(sink, branchZones, customerIds, bookingObjects(options));
  readTable(text, BOOKING_COLUMNS, sink, parser.onRow);
  const outcome = parser.outcome();
  return { rows: outcome.bookings, ids: parser.ids, problems: outcome.problems, moreProblems: outcome.moreProblems };
}

/**
 * `parseBookings` piece by piece (TableReader's rule: each piece ends where a record ends), for a
 * file read as a stream: the same bookings and problems as `parseBookings` of the whole text,
 * except that an empty file is reported as "no header row".
 */
function bookingsReader<B>(
  branchZones: ReadonlyMap<string, string>,
  customerIds: IdSet,
  out: BookingSink<B>,
  file = 'bookings.csv',
): { push(text: string): boolean; end(): BookingsOutcome<B> } {
  const sink = new ProblemSink(file);
  const parser = bookingRows(sink, branchZones, customerIds, out);
  const reader = new TableReader(BOOKING_COLUMNS, sink, parser.onRow);
  return {
    push: (text) => reader.push(text),
    end: () => {
      reader.end();
      return parser.outcome();
    },
  };
}

function bookingRows<B>(
  sink: ProblemSink,
  branchZones: ReadonlyMap<string, string>,
  customerIds: IdSet,
  out: BookingSink<B>,
): { onRow: (row: TableRow) => void; ids: IdTable; outcome: () => BookingsOutcome<B> } {
  const clocks = new Map<string, ZoneClock | null>();
  for (const [id, zone] of branchZones) clocks.set(id, resolveTimeZone(zone) === null ? null : zoneClock(zone));
  const seen = new IdTable();
  // Header positions of the columns, found on the first row (a reader reads one header): a field
  // by position, not by name, a million times.
  let at: Record<(typeof BOOKING_COLUMNS)[number], number> | null = null;
  // Bookings come grouped by customer: the last customer id checked is usually the next one too.
  let lastCustomer = '';
  let lastCustomerKnown = false;
  const onRow = (row: TableRow): void => {
    at ??= Object.fromEntries(BOOKING_COLUMNS.map((c) => [c, row.columnIndex(c)])) as Record<(typeof BOOKING_COLUMNS)[number], number>;
    const before = sink.count;
    const id = checkOwnId(row, sink, at.id);
    const customerId = checkId(row, 'customer_id', sink, at.customer_id);
    if (customerId !== null && customerId !== lastCustomer) {
      lastCustomer = customerId;
      lastCustomerKnown = customerIds.has(customerId);
    }
    if (customerId !== null && !lastCustomerKnown) {
      sink.add(row.line, `customer_id "${customerId}" is not a known customer`, 'customer_id');
    }
    const branchId = checkId(row, 'branch_id', sink, at.branch_id);
    const clock = branchId === null ? undefined : clocks.get(branchId);
    if (branchId !== null && clock === undefined) {
      sink.add(row.line, `branch_id "${branchId}" is not a known branch`, 'branch_id');
    }
    const startAt = row.at(at.start_at).trim();
    const ms = parseInstant(startAt);
    if (ms === null) {
      sink.add(
        row.line,
        startAt === '' ? 'start_at is empty' : `start_at "${startAt}" is not an ISO 8601 instant with an offset or Z`,
        'start_at',
      );
    }
    const status = row.at(at.status).trim();
    if (!STATUS_SET.has(status)) {
      sink.add(row.line, `status "${status}" is not one of ${BOOKING_STATUSES.join(', ')}`, 'status');
    }
    const price = parseMoney(row.at(at.price));
    if (!price.ok) sink.add(row.line, price.problem, 'price');
    if (id !== null && !checkUnique(id, row.line, seen, sink, 'booking')) return;
    if (
      sink.count !== before ||
      id === null ||
      customerId === null ||
      branchId === null ||
      clock === undefined ||
      clock === null ||
      ms === null ||
      !price.ok
    ) {
      return;
    }
    out.add(id, customerId, branchId, row.at(at.service).trim(), row.at(at.staff).trim(), startAt, status as BookingStatus, price.cents, ms, clock.localDay(ms));
  };
  return { onRow, ids: seen, outcome: () => ({ bookings: out.result(), problems: sink.problems, moreProblems: sink.more }) };
}

export interface Dataset<B = ParsedBooking[]> {
  branches: Branch[];
  customers: Customer[];
  bookings: B;
}

export type DatasetOutcome<B = ParsedBooking[]> =
  | { ok: true; dataset: Dataset<B> }
  | { ok: false; problems: InputProblem[]; moreProblems: number };

export interface DatasetFiles {
  branches: string;
  customers: string;
  bookings: string;
}

/** Zones of every branch id seen: valid rows with their zone, invalid rows with ''. */
export function branchZones(branches: ParseOutcome<Branch>): Map<string, string> {
  const zones = new Map<string, string>();
  for (const id of branches.ids.keys()) zones.set(id, '');
  for (const b of branches.rows) zones.set(b.id, b.timezone);
  return zones;
}

function combined<B>(branches: ParseOutcome<Branch>, customers: ParseOutcome<Customer>, bookings: BookingsOutcome<B>): DatasetOutcome<B> {
  const problems = [...branches.problems, ...customers.problems, ...bookings.problems];
  const moreProblems = branches.moreProblems + customers.moreProblems + bookings.moreProblems;
  if (problems.length > 0 || moreProblems > 0) return { ok: false, problems, moreProblems };
  return { ok: true, dataset: { branches: branches.rows, customers: customers.rows, bookings: bookings.bookings } };
}

/**
 * `parseDataset` with bookings.csv read piece by piece: push the pieces to `bookings`, then
 * `finish()`. A file with any problem should be parsed again whole with `parseDataset` to
 * report it exactly (an empty bookings file, for one, reads differently).
 */
export function datasetReader<B>(files: Omit<DatasetFiles, 'bookings'>, out: BookingSink<B>): { bookings: { push(text: string): boolean }; finish(): DatasetOutcome<B> } {
  const branches = parseBranches(files.branches);
  const customers = parseCustomers(files.customers, branches.ids);
  const reader = bookingsReader(branchZones(branches), customers.ids, out);
  return { bookings: reader, finish: () => combined(branches, customers, reader.end()) };
}

/**
 * Parses and validates a whole import directory, the bookings as `ParsedBooking` objects or into
 * `out`. All or nothing: any problem in any file means no dataset, so nothing is ever half-imported.
 */
export function parseDataset(files: DatasetFiles): DatasetOutcome;
export function parseDataset<B>(files: DatasetFiles, out: BookingSink<B>): DatasetOutcome<B>;
export function parseDataset<B>(files: DatasetFiles, out?: BookingSink<B>): DatasetOutcome<B | ParsedBooking[]> {
  const branches = parseBranches(files.branches);
  const customers = parseCustomers(files.customers, branches.ids);
  const sink = new ProblemSink('bookings.csv');
  const parser = bookingRows<B | ParsedBooking[]>(sink, branchZones(branches), customers.ids, out ?? bookingObjects());
  readTable(files.bookings, BOOKING_COLUMNS, sink, parser.onRow);
  return combined(branches, customers, parser.outcome());
}
