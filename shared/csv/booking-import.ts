/**
 * Switching in the visit history: a bookings export of another booking product ("Date, Time,
 * Client, Service, Team Member, Price, Status…") read with a column mapping (column-mapping.ts,
 * as the client list), each row checked, its customer found among the stored customers, its
 * status read through a vocabulary mapping ("Showed" → completed, "Cancelled by client" →
 * cancelled…), and turned into a booking of the branch. The booking id is derived from the
 * branch and the export's own reference (else the customer, start and service), so importing
 * the same file again finds every booking already there. The desk's import screen and the
 * server's `import-bookings` command share all of it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { normaliseEmail, normalisePhone } from '../domain/contact';
import { LIMITS, type BookingDoc, type CustomerDoc, type ServiceDoc, type StaffDoc } from '../domain/schemas';
import { BOOKING_STATUSES, type BookingStatus } from '../domain/types';
import { writeProblems } from '../domain/validate';
import { parseMoneyInput } from '../money-input';
import { formatInstant, parseInstant } from '../time/instant';
import { instantAt, zoneClock } from '../time/zone';
import { formatDay } from '../time/calendar';
import { applyMapText, detectColumns, type Mapping } from './column-mapping';
import { dateOrderFor, derivedIds, parseLooseDate, emailMatchKey, phoneMatchKey, readPeople, type ClientFile, type ColumnMapping, type ImportedPerson, type ReadOptions, type RefusedLine } from './customer-import';

/** What a column of a bookings export can become (or `skip`). */
export const BOOKING_FIELDS = [
  'date',
  'time',
  'reference',
  'client_id',
  'customer_name',
  'first_name',
  'last_name',
  'phone',
  'email',
  'service',
  'staff',
  'price',
  'duration',
  'status',
  'notes',
] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];
export type BookingMapping = Mapping<BookingField>;

export const BOOKING_FIELD_LABELS: Record<BookingField, string> = {
  date: 'Date (and time)',
  time: 'Time',
  reference: 'Booking reference',
  client_id: 'Client ID',
  customer_name: 'Customer name',
  first_name: 'First name',
  last_name: 'Last name',
  phone: 'Phone',
  email: 'Email',
  service: 'Service',
  staff: 'Staff',
  price: 'Price',
  duration: 'Duration',
  status: 'Status',
  notes: 'Notes',
};

const CLIENT_ID_ALIASES = ['clientid', 'customerid', 'clientnumber', 'clientref', 'clientreference', 'customernumber', 'referenceid', 'clientcode'];

const ALIASES: Record<BookingField, readonly string[]> = {
  date: ['date', 'scheduleddate', 'appointmentdate', 'bookingdate', 'visitdate', 'startdate', 'datetime', 'dateandtime', 'start', 'startat', 'startsat', 'starttimeanddate', 'appointmentdatetime', 'startdatetime', 'when'],
  time: ['time', 'starttime', 'appointmenttime', 'scheduledtime', 'bookingtime', 'from'],
  reference: ['ref', 'ref#', 'refno', 'reference', 'appointmentid', 'appointmentref', 'appointmentnumber', 'bookingid', 'bookingref', 'bookingreference', 'bookingnumber', 'id'],
  client_id: CLIENT_ID_ALIASES,
  customer_name: ['client', 'clientname', 'customer', 'customername', 'name', 'fullname', 'guest', 'guestname'],
  first_name: ['firstname', 'clientfirstname', 'customerfirstname', 'givenname'],
  last_name: ['lastname', 'clientlastname', 'customerlastname', 'surname', 'familyname'],
  phone: ['phone', 'mobile', 'mobilenumber', 'phonenumber', 'clientphone', 'clientmobile', 'customerphone', 'customermobile', 'cell', 'telephone'],
  email: ['email', 'emailaddress', 'clientemail', 'customeremail', 'e-mail'],
  service: ['service', 'services', 'servicename', 'treatment', 'item', 'serviceitem', 'appointmenttype'],
  staff: ['staff', 'staffmember', 'staffname', 'teammember', 'employee', 'stylist', 'barber', 'provider', 'therapist', 'with', 'resource'],
  price: ['price', 'amount', 'total', 'totalprice', 'serviceprice', 'cost', 'paid', 'value', 'sale', 'grosssales'],
  duration: ['duration', 'durationmin', 'durationmins', 'durationminutes', 'durationinminutes', 'length', 'minutes', 'mins'],
  status: ['status', 'appointmentstatus', 'bookingstatus', 'state', 'outcome'],
  notes: ['notes', 'note', 'comments', 'comment', 'bookingnotes', 'appointmentnotes', 'memo'],
};

/** The mapping detected from a bookings export's header. */
export function detectBookingMapping(headers: readonly string[]): BookingMapping {
  return detectColumns(headers, BOOKING_FIELDS, ALIASES);
}

/** The detected mapping with the overrides of a `Header=field,…` text (`--map`). */
export function applyBookingMapOption(headers: readonly string[], base: BookingMapping, text: string): BookingMapping | { error: string } {
  return applyMapText(headers, base, text, BOOKING_FIELDS);
}

/** What the mapping lacks to read a booking ('' when nothing): a date, and who the customer is. */
export function bookingMappingProblem(mapping: BookingMapping): string {
  if (!mapping.includes('date')) return 'No column is used as the date: map the column with the booking’s date (and time).';
  const who: BookingField[] = ['client_id', 'customer_name', 'first_name', 'last_name', 'phone', 'email'];
  if (!who.some((f) => mapping.includes(f))) return 'No column says who the customer is: map a client ID, a name, a phone or an email.';
  return '';
}

// ---- Status vocabulary ----

/** A status as written compared without case and punctuation ("No-show" = "no show"). */
export function statusKey(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const STATUS_WORDS: Record<BookingStatus, readonly string[]> = {
  completed: ['completed', 'complete', 'showed', 'show', 'shown', 'showed up', 'attended', 'checked out', 'paid', 'done', 'finished', 'visited', 'fulfilled', 'closed', 'served'],
  no_show: ['no show', 'noshow', 'no showed', 'did not show', 'didn t show', 'did not attend', 'missed', 'absent', 'dns'],
  cancelled: ['cancelled', 'canceled', 'cancellation', 'late cancellation', 'late cancel', 'declined', 'rejected', 'voided', 'void'],
  scheduled: ['scheduled', 'confirmed', 'booked', 'pending', 'new', 'accepted', 'unconfirmed', 'requested', 'upcoming', 'reserved', 'not started', 'awaiting confirmation'],
  checked_in: ['checked in', 'checkedin', 'arrived', 'started', 'in progress', 'in service', 'waiting'],
};

/** The Branchdesk status a status word of another system means, or null when it is not a known word. */
function detectStatus(text: string): BookingStatus | null {
  const key = statusKey(text);
  if (key === '') return null;
  for (const status of BOOKING_STATUSES) if (STATUS_WORDS[status].includes(key)) return status;
  // "Cancelled by client", "Canceled (business)", "No show - charged".
  if (/^cancel/.test(key)) return 'cancelled';
  if (/^no ?show/.test(key)) return 'no_show';
  return null;
}

function isBookingStatus(text: string): text is BookingStatus {
  return (BOOKING_STATUSES as readonly string[]).includes(text);
}

/** One value of the file's status column: as first written, how many rows, and the detected status. */
export interface StatusValue {
  key: string;
  value: string;
  rows: number;
  detected: BookingStatus | null;
}

/** The distinct values of the status column, in order of first appearance. */
export function statusValues(file: ClientFile, mapping: BookingMapping): StatusValue[] {
  const column = mapping.indexOf('status');
  if (column < 0) return [];
  const out = new Map<string, StatusValue>();
  for (const row of file.rows) {
    const value = (row.values[column] ?? '').trim();
    const key = statusKey(value);
    if (key === '') continue;
    const seen = out.get(key);
    if (seen !== undefined) seen.rows += 1;
    else out.set(key, { key, value, rows: 1, detected: detectStatus(value) });
  }
  return [...out.values()];
}

/** How each status value of a file is read: by its status key. */
export type StatusMapping = ReadonlyMap<string, BookingStatus>;

/** The detected statuses of the values, with the person's choices (`chosen`, by key) over them. */
export function statusMappingOf(values: readonly StatusValue[], chosen: ReadonlyMap<string, BookingStatus>): StatusMapping {
  const out = new Map<string, BookingStatus>();
  for (const v of values) {
    const status = chosen.get(v.key) ?? v.detected;
    if (status !== null) out.set(v.key, status);
  }
  for (const [key, status] of chosen) out.set(key, status);
  return out;
}

/** A `Value=status,…` text (`--status-map`): "Rescheduled=cancelled,Deposit paid=scheduled". */
export function parseStatusMapText(text: string): Map<string, BookingStatus> | { error: string } {
  const out = new Map<string, BookingStatus>();
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.lastIndexOf('=');
    if (eq < 0) return { error: `--status-map entry "${part.trim()}" is not Value=status` };
    const key = statusKey(part.slice(0, eq));
    const status = part.slice(eq + 1).trim().toLowerCase();
    if (key === '') return { error: `--status-map entry "${part.trim()}" names no value` };
    if (!isBookingStatus(status)) return { error: `--status-map status "${status}" for "${part.slice(0, eq).trim()}" is not one of ${BOOKING_STATUSES.join(', ')}` };
    out.set(key, status);
  }
  return out;
}

// ---- The client list the export's client ids refer to ----

/** Each client id of the client list: the person its row reads as, or null when that row was refused. */
export type ClientDirectory = ReadonlyMap<string, ImportedPerson | null>;

/**
 * The client list's client id column (the other system's own id), read with its people: what a
 * bookings export's client id column refers to. An error when the list has no such column.
 */
export function readClientDirectory(file: ClientFile, mapping: ColumnMapping, options: ReadOptions): ClientDirectory | { error: string } {
  const column = detectColumns(file.headers, ['client_id'] as const, { client_id: CLIENT_ID_ALIASES }).indexOf('client_id');
  if (column < 0) return { error: `the client list has no client ID column (its header: ${file.headers.join(', ')})` };
  const { people } = readPeople(file, mapping, options);
  const byLine = new Map(people.map((p) => [p.line, p]));
  const out = new Map<string, ImportedPerson | null>();
  for (const row of file.rows) {
    const id = (row.values[column] ?? '').trim();
    if (id !== '' && !out.has(id)) out.set(id, byLine.get(row.line) ?? null);
  }
  if (out.size === 0) return { error: `the client list's client ID column "${file.headers[column] ?? ''}" is empty on every line` };
  return out;
}

// ---- Reading the rows ----

/** A row of the export as read: when, who (as written), what. Money in cents, null when not given. */
export interface HistoryRow {
  line: number;
  startMs: number;
  reference: string;
  clientId: string;
  name: string;
  /** E.164 or ''. */
  phone: string;
  /** Normalised or ''. */
  email: string;
  service: string;
  staff: string;
  price: number | null;
  duration: number | null;
  /** The status as written ('' when the file has no status column). */
  status: string;
  notes: string;
}

export interface HistoryReadOptions {
  /** The branch's time zone: dates and times are local there. */
  timezone: string;
  /** The branch's country: phones without a code and the order of day and month. */
  country: string;
  /** The locale prices are read in (dot decimals are read too: 45.00). */
  locale: string;
}

const TIME_AT_END = /(?:T|\s+)(\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)\s*$/i;

/** A wall-clock time ("14:30", "2:30 PM", "9am", "14.30") as minutes of the day, or null. */
function parseClockTime(text: string): number | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(?::\d{2})?\s*([ap])?\.?(?:m\.?)?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (m[2] === undefined && half === undefined) return null;
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return hour * 60 + minute;
}

/** "60", "60 min", "1h 30m", "1 hr 15 mins", "1:30" → minutes, or null. */
function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d+)\s*(?:m|min|mins|minutes?)?$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d+):(\d{2})$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:ute)?s?)?)?$/.exec(t);
  if (m && (m[1] !== undefined || m[2] !== undefined)) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return null;
}

/** A price as exports write it ("$1,210.00", "£45", "45,50 €", "GBP 30.00") in the locale, else with dot decimals. */
function parsePrice(text: string, locale: string): { ok: true; cents: number } | { ok: false; message: string } {
  const bare = text.replace(/[^\d.,'\s\u00a0\u202f-]/g, '').trim();
  if (bare === '') return { ok: false, message: 'is not an amount' };
  const local = parseMoneyInput(bare, locale);
  if (local.ok) return local;
  if (/^\d{1,3}(,\d{3})*(\.\d{1,2})?$|^\d+(\.\d{1,2})?$/.test(bare)) {
    const dot = parseMoneyInput(bare, 'en');
    if (dot.ok) return dot;
  }
  return { ok: false, message: local.message.charAt(0).toLowerCase() + local.message.slice(1) };
}

/** The export's rows as bookings to place, each row with a problem refused with every problem it has. */
export function readHistory(file: ClientFile, mapping: BookingMapping, options: HistoryReadOptions): { rows: HistoryRow[]; refused: RefusedLine[] } {
  const order = dateOrderFor(options.country);
  const rows: HistoryRow[] = [];
  const refused: RefusedLine[] = [...file.problems];
  for (const row of file.rows) {
    const get = (field: BookingField): string => {
      const i = mapping.indexOf(field);
      return i < 0 ? '' : (row.values[i] ?? '').trim();
    };
    if (row.values.every((v, i) => mapping[i] === 'skip' || v.trim() === '')) continue;
    const problems: string[] = [];

    const dateText = get('date');
    const timeText = get('time');
    let startMs: number | null = null;
    if (dateText === '') problems.push('the date is empty');
    else {
      const instant = /[zZ]$|[+-]\d{2}:?\d{2}$/.test(dateText) ? parseInstant(dateText) : null;
      if (instant !== null) startMs = instant;
      else {
        const day = parseLooseDate(dateText, order);
        const inDate = TIME_AT_END.exec(dateText)?.[1];
        const clockText = timeText !== '' ? timeText : (inDate ?? '');
        const minute = clockText === '' ? null : parseClockTime(clockText);
        if (day === null) problems.push(`date "${dateText}" is not a real date`);
        if (clockText === '') problems.push(`"${dateText}" has no time (map the time column)`);
        else if (minute === null) problems.push(`time "${clockText}" is not a time of day`);
        if (day !== null && minute !== null) startMs = instantAt(day, minute, options.timezone);
      }
    }

    let phone = '';
    const phoneText = get('phone');
    if (phoneText !== '') {
      const r = normalisePhone(phoneText, options.country);
      if (r.ok) phone = r.e164;
      else problems.push(`phone "${phoneText}": ${r.message.charAt(0).toLowerCase()}${r.message.slice(1)}`);
    }
    const emailText = get('email');
    const email = normaliseEmail(emailText);
    if (!email.ok) problems.push(`email "${emailText}" is not an email address`);
    const full = get('customer_name');
    const name = (full !== '' ? full : `${get('first_name')} ${get('last_name')}`).replace(/\s+/g, ' ').trim();

    const priceText = get('price');
    let price: number | null = null;
    if (priceText !== '') {
      const r = parsePrice(priceText, options.locale);
      if (r.ok) price = r.cents;
      else problems.push(`price "${priceText}" ${r.message}`);
    }
    const durationText = get('duration');
    let duration: number | null = null;
    if (durationText !== '') {
      duration = parseDuration(durationText);
      if (duration === null) problems.push(`duration "${durationText}" is not a number of minutes`);
      else if (duration < 5 || duration > 24 * 60) {
        problems.push(`duration "${durationText}" is not between 5 minutes and 24 hours`);
        duration = null;
      }
    }
    const service = get('service');
    const staff = get('staff');
    const notes = get('notes');
    if (service.length > LIMITS.shortText) problems.push(`the service is longer than ${LIMITS.shortText} characters`);
    if (staff.length > LIMITS.shortText) problems.push(`the staff name is longer than ${LIMITS.shortText} characters`);
    if (notes.length > LIMITS.longText) problems.push(`the notes are longer than ${LIMITS.longText} characters`);
    const status = get('status');
    if (mapping.includes('status') && status === '') problems.push('the status is empty');

    if (problems.length > 0 || startMs === null) {
      refused.push({ line: row.line, problem: problems.join('; ') });
      continue;
    }
    rows.push({ line: row.line, startMs, reference: get('reference'), clientId: get('client_id'), name, phone, email: email.ok ? email.email : '', service, staff, price, duration, status, notes });
  }
  refused.sort((a, b) => a.line - b.line);
  return { rows, refused };
}

// ---- Planning against what is stored ----

/** Who a row names: the client list's person for its client id, else the row's own columns. */
interface Who {
  name: string;
  phone: string;
  email: string;
}

function whoOf(row: HistoryRow, clients: ClientDirectory | null): Who | { problem: string } {
  if (row.clientId !== '' && clients !== null) {
    const person = clients.get(row.clientId);
    if (person === undefined) return { problem: `client ID "${row.clientId}" is not in the client list` };
    if (person === null) return { problem: `client ID "${row.clientId}": that client's line in the client list was refused` };
    return { name: person.name, phone: person.phone || row.phone, email: person.email || row.email };
  }
  if (row.name === '' && row.phone === '' && row.email === '') return { problem: row.clientId !== '' ? `client ID "${row.clientId}" cannot be looked up without the client list` : 'the customer is empty (no name, phone or email)' };
  return { name: row.name, phone: row.phone, email: row.email };
}

function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** What the server must look up for a file: the phones, emails, derived ids and names its rows name. */
export function historyLookups(rows: readonly HistoryRow[], clients: ClientDirectory | null, secret: string): { phones: string[]; emails: string[]; ids: string[]; names: string[] } {
  const phones = new Set<string>();
  const emails = new Set<string>();
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const row of rows) {
    const who = whoOf(row, clients);
    if ('problem' in who) continue;
    if (who.phone !== '') phones.add(who.phone);
    if (who.email !== '') emails.add(emailMatchKey(who.email));
    for (const id of derivedIds(secret, who)) ids.add(id);
    if (who.name !== '') names.add(nameKey(who.name));
  }
  return { phones: [...phones], emails: [...emails], ids: [...ids], names: [...names] };
}

export interface HistoryPlanOptions {
  branchId: string;
  timezone: string;
  /** The organisation's customer id secret (customers registered from a phone or email). */
  secret: string;
  nowMs: number;
  /** The branch's service menu and staff: names matched without case. */
  services: readonly ServiceDoc[];
  staff: readonly StaffDoc[];
  statuses: StatusMapping;
  /** The client list the export's client ids refer to (null: none given). */
  clients: ClientDirectory | null;
}

export interface PlannedBooking {
  line: number;
  doc: BookingDoc;
}

export interface HistoryPlan {
  created: PlannedBooking[];
  skipped: { line: number; reason: string }[];
  refused: RefusedLine[];
}

export interface HistoryCounts {
  new: number;
  skipped: number;
  refused: RefusedLine[];
}

export function historyCounts(plan: HistoryPlan): HistoryCounts {
  return { new: plan.created.length, skipped: plan.skipped.length, refused: plan.refused };
}

/** Minutes of a booking whose export and menu give none. */
export const DEFAULT_DURATION_MIN = 60;

function bookingIdOf(branchId: string, key: string): string {
  return `bk-${bytesToHex(sha256(utf8ToBytes(`history:${branchId}:${key}`))).slice(0, 24)}`;
}

/**
 * Plans the import: each row's customer found among `customers` (the stored customers sharing a
 * phone, email, derived id or name with the file; more are harmless) by the client list's
 * person for its client id, else by its own phone, email, else name (one customer only); its
 * status through the mapping; service and staff named as on the branch's menu and staff when
 * they match. A booking already stored (`existing`: the branch's bookings of those customers,
 * and any with the planned ids), or starting when the same customer's stored booking does, is
 * skipped, as is a row repeating an earlier one; every booking meets the write rules of a push.
 */
export function planHistory(rows: readonly HistoryRow[], refused: readonly RefusedLine[], customers: Iterable<CustomerDoc>, existing: Iterable<BookingDoc>, options: HistoryPlanOptions): HistoryPlan {
  const byPhone = new Map<string, CustomerDoc>();
  const byEmail = new Map<string, CustomerDoc>();
  const byId = new Map<string, CustomerDoc>();
  const byName = new Map<string, CustomerDoc[]>();
  for (const c of customers) {
    byId.set(c.id, c);
    if (c.erased_at !== '') continue;
    const phone = phoneMatchKey(c.phone);
    if (phone !== '' && !byPhone.has(phone)) byPhone.set(phone, c);
    if (c.email !== '' && !byEmail.has(emailMatchKey(c.email))) byEmail.set(emailMatchKey(c.email), c);
    const key = nameKey(c.name);
    if (key !== '') byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  const storedIds = new Set<string>();
  const storedStarts = new Map<string, BookingDoc>();
  for (const b of existing) {
    storedIds.add(b.id);
    if (b.branch_id === options.branchId) storedStarts.set(`${b.customer_id}|${parseInstant(b.start_at)}`, b);
  }
  const serviceOf = new Map(options.services.map((s) => [nameKey(s.name), s]));
  const staffOf = new Map(options.staff.map((s) => [nameKey(s.name), s]));
  const clock = zoneClock(options.timezone);
  const plan: HistoryPlan = { created: [], skipped: [], refused: [...refused] };
  const seen = new Map<string, number>();
  const now = formatInstant(options.nowMs);

  for (const row of rows) {
    const problems: string[] = [];
    const who = whoOf(row, options.clients);
    let customer: CustomerDoc | undefined;
    if ('problem' in who) problems.push(who.problem);
    else {
      customer =
        (who.phone !== '' ? byPhone.get(who.phone) : undefined) ??
        (who.email !== '' ? byEmail.get(emailMatchKey(who.email)) : undefined) ??
        derivedIds(options.secret, who)
          .map((id) => byId.get(id))
          .find((c) => c !== undefined);
      if (customer === undefined && who.name !== '') {
        const named = (byName.get(nameKey(who.name)) ?? []).filter((c) => c.erased_at === '');
        if (named.length === 1) customer = named[0];
        else if (named.length > 1) problems.push(`${named.length} customers are named "${who.name}"; map a phone or email column to tell them apart`);
      }
      if (customer === undefined && problems.length === 0) {
        const contact = [who.phone, who.email].filter((x) => x !== '').join(', ');
        problems.push(`no customer matches "${who.name || contact}"${who.name !== '' && contact !== '' ? ` (${contact})` : ''}: import the client list first`);
      } else if (customer !== undefined && customer.erased_at !== '') {
        problems.push('the customer was erased');
      }
    }

    let status: BookingStatus;
    if (row.status === '') status = row.startMs <= options.nowMs ? 'completed' : 'scheduled';
    else {
      const mapped = options.statuses.get(statusKey(row.status));
      if (mapped === undefined) {
        problems.push(`status "${row.status}" is not mapped to a Branchdesk status`);
        status = 'scheduled';
      } else status = mapped;
    }
    if ((status === 'completed' || status === 'no_show' || status === 'checked_in') && row.startMs > options.nowMs) {
      problems.push(`the booking is after now but its status is "${row.status}"`);
    }
    if (problems.length > 0 || customer === undefined) {
      plan.refused.push({ line: row.line, problem: problems.join('; ') });
      continue;
    }

    const menu = serviceOf.get(nameKey(row.service));
    const member = staffOf.get(nameKey(row.staff));
    const startAt = formatInstant(row.startMs);
    const id = bookingIdOf(options.branchId, row.reference !== '' ? `ref:${row.reference}` : `${customer.id}|${startAt}|${nameKey(row.service)}`);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      plan.skipped.push({ line: row.line, reason: `same booking as line ${earlier}` });
      continue;
    }
    seen.set(id, row.line);
    if (storedIds.has(id)) {
      plan.skipped.push({ line: row.line, reason: 'imported already' });
      continue;
    }
    const stored = storedStarts.get(`${customer.id}|${row.startMs}`);
    if (stored !== undefined) {
      const minute = clock.localMinuteOfDay(row.startMs);
      const at = `${formatDay(clock.localDay(row.startMs))} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      plan.skipped.push({ line: row.line, reason: `${customer.name} has a booking at ${at} already` });
      continue;
    }
    const doc: BookingDoc = {
      id,
      customer_id: customer.id,
      branch_id: options.branchId,
      service: menu?.name ?? row.service,
      staff: member?.name ?? row.staff,
      start_at: startAt,
      duration_min: row.duration ?? menu?.duration_min ?? DEFAULT_DURATION_MIN,
      status,
      price: row.price ?? menu?.price ?? 0,
      notes: row.notes,
      created_at: now,
      updated_at: now,
      amendments: [],
      series: null,
      payment: null,
    };
    // The write rules of a push (schema, sizes, a start within the sane years of now).
    const invalid = writeProblems('bookings', doc, undefined, { nowMs: options.nowMs });
    if (invalid.length > 0) {
      plan.refused.push({ line: row.line, problem: invalid.map((p) => `${p.field} ${p.message}`).join('; ') });
      continue;
    }
    plan.created.push({ line: row.line, doc });
  }
  plan.refused.sort((a, b) => a.line - b.line);
  return plan;
}
