/**
 * Switching in from another system: a client list exported by another booking product
 * ("First Name, Last Name, Mobile, Email, …") read with a column mapping, each row checked and
 * turned into a customer document as a registration makes it (id derived from the phone, else
 * the email, with the organisation secret), then planned against the stored customers: rows
 * matching one by normalised phone or email are merged into it (or kept separate), the others
 * are new. The desk's import screen and the server's `import-customers` command share all of it.
 */
import Papa from 'papaparse';
import { deriveCustomerId, normaliseEmail, normalisePhone } from '../domain/contact';
import { LIMITS, type CustomerDoc } from '../domain/schemas';
import { validateDocument } from '../domain/validate';
import { daysFromCivil, daysInMonth, formatDay } from '../time/calendar';
import { formatInstant, parseInstant } from '../time/instant';
import { zoneClock } from '../time/zone';
import { applyMapText, detectColumns, type Mapping } from './column-mapping';
import { ProblemSink, readTable } from './table';

/** What a column of the other system's file can become (or `skip`). */
export const IMPORT_FIELDS = [
  'first_name',
  'last_name',
  'full_name',
  'mobile',
  'phone',
  'email',
  'birthday',
  'created',
  'notes',
  'tags',
  'marketing',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type MappedField = ImportField | 'skip';

export const FIELD_LABELS: Record<ImportField, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  full_name: 'Full name',
  mobile: 'Mobile',
  phone: 'Phone',
  email: 'Email',
  birthday: 'Date of birth',
  created: 'Client since',
  notes: 'Notes',
  tags: 'Tags',
  marketing: 'Marketing opt-in',
};

/** Header spellings of common exports, compared after lower-casing and dropping spaces, `_`, `-`, `.`. */
const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  first_name: ['firstname', 'first', 'givenname', 'forename', 'clientfirstname', 'customerfirstname'],
  last_name: ['lastname', 'last', 'surname', 'familyname', 'clientlastname', 'customerlastname'],
  full_name: ['name', 'fullname', 'clientname', 'customername', 'client', 'customer', 'contactname', 'displayname'],
  mobile: ['mobile', 'mobilenumber', 'mobilephone', 'cell', 'cellphone', 'cellnumber', 'mobileno', 'sms'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'homephone', 'workphone', 'phoneno', 'contactnumber'],
  email: ['email', 'emailaddress', 'mail', 'e-mail', 'clientemail', 'customeremail'],
  birthday: ['dateofbirth', 'dob', 'birthday', 'birthdate', 'birth'],
  created: ['created', 'createdat', 'createddate', 'datecreated', 'clientsince', 'customersince', 'firstvisit', 'added', 'dateadded', 'signupdate', 'joined'],
  notes: ['notes', 'note', 'clientnotes', 'comments', 'comment', 'memo'],
  tags: ['tags', 'tag', 'labels', 'groups', 'clienttags'],
  marketing: [
    'marketing',
    'marketingoptin',
    'acceptsmarketing',
    'emailmarketing',
    'smsmarketing',
    'marketingconsent',
    'optin',
    'optedin',
    'subscribed',
    'newsletter',
    'emailsubscriptionstatus',
    'acceptsemailmarketing',
  ],
};

/** One mapped field per column of the file, in the file's order. */
export type ColumnMapping = Mapping<ImportField>;

/** The mapping detected from the header: each field from its first matching column, other columns skipped. */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  return detectColumns(headers, IMPORT_FIELDS, HEADER_ALIASES);
}

/**
 * The detected mapping with the overrides of a `Header=field,…` text (`--map`). Unknown headers
 * and fields are errors that name what is wrong.
 */
export function applyMapOption(headers: readonly string[], base: ColumnMapping, text: string): ColumnMapping | { error: string } {
  return applyMapText(headers, base, text, IMPORT_FIELDS);
}

/** A mapping names a person when it has a full name, or a first or last name column. */
export function hasNameColumn(mapping: ColumnMapping): boolean {
  return mapping.includes('full_name') || mapping.includes('first_name') || mapping.includes('last_name');
}

export interface ClientFile {
  headers: string[];
  rows: { line: number; values: string[] }[];
  /** Problems of the file itself (malformed quoting, wrong field counts), by line. */
  problems: { line: number; problem: string }[];
}

/** Reads another system's CSV export (comma or semicolon separated, header row first). */
export function readClientFile(text: string): ClientFile | { error: string } {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (unmarked.trim() === '') return { error: 'the file is empty; expected a header row such as "First Name,Last Name,Mobile,Email"' };
  const first = Papa.parse<string[]>(unmarked, { preview: 1, delimiter: ',' }).data[0] ?? [];
  const headers = first.map((h) => h.trim());
  if (headers.length <= 1 && (headers[0] ?? '').includes(';')) {
    return { error: 'the file is separated by semicolons; export it as comma-separated CSV' };
  }
  const sink = new ProblemSink('file');
  const rows: ClientFile['rows'] = [];
  readTable(unmarked, [], sink, (row) => {
    rows.push({ line: row.line, values: headers.map((h) => row.get(h)) });
  });
  const problems = sink.problems.filter((p) => p.line > 1).map((p) => ({ line: p.line, problem: p.message }));
  const headerProblem = sink.problems.find((p) => p.line === 1);
  if (headerProblem !== undefined) return { error: headerProblem.message };
  return { headers, rows, problems };
}

/** Order of day and month in dates like 03/04/1990. */
export type DateOrder = 'dmy' | 'mdy';

/** Countries that write month before day. */
const MONTH_FIRST = new Set(['US', 'PH', 'CA', 'FM', 'MH', 'PW', 'BZ']);

/**
 * The country of a time zone used by one country only (the common ones), for a branch whose
 * country was never set: '' when the zone does not say.
 */
const ZONE_COUNTRY: Record<string, string> = {
  'Europe/London': 'GB', 'Europe/Dublin': 'IE', 'Europe/Paris': 'FR', 'Europe/Berlin': 'DE', 'Europe/Madrid': 'ES',
  'Europe/Rome': 'IT', 'Europe/Amsterdam': 'NL', 'Europe/Brussels': 'BE', 'Europe/Lisbon': 'PT', 'Europe/Vienna': 'AT',
  'Europe/Zurich': 'CH', 'Europe/Stockholm': 'SE', 'Europe/Oslo': 'NO', 'Europe/Copenhagen': 'DK', 'Europe/Helsinki': 'FI',
  'Europe/Warsaw': 'PL', 'Europe/Prague': 'CZ', 'Europe/Athens': 'GR', 'Europe/Istanbul': 'TR', 'Asia/Manila': 'PH',
  'Asia/Singapore': 'SG', 'Asia/Tokyo': 'JP', 'Asia/Seoul': 'KR', 'Asia/Kolkata': 'IN', 'Asia/Calcutta': 'IN',
  'Asia/Hong_Kong': 'HK', 'Asia/Bangkok': 'TH', 'Asia/Jakarta': 'ID', 'Asia/Kuala_Lumpur': 'MY', 'Asia/Dubai': 'AE',
  'Asia/Shanghai': 'CN', 'Asia/Taipei': 'TW', 'Asia/Ho_Chi_Minh': 'VN', 'Africa/Johannesburg': 'ZA', 'Africa/Lagos': 'NG',
  'Africa/Nairobi': 'KE', 'Africa/Cairo': 'EG', 'Pacific/Auckland': 'NZ', 'America/New_York': 'US', 'America/Chicago': 'US',
  'America/Denver': 'US', 'America/Phoenix': 'US', 'America/Los_Angeles': 'US', 'America/Anchorage': 'US',
  'Pacific/Honolulu': 'US', 'America/Detroit': 'US', 'America/Toronto': 'CA', 'America/Vancouver': 'CA',
  'America/Mexico_City': 'MX', 'America/Sao_Paulo': 'BR', 'America/Argentina/Buenos_Aires': 'AR', 'America/Bogota': 'CO',
  'America/Lima': 'PE', 'America/Santiago': 'CL',
};

/** The branch's country, else the one its time zone implies ('' when neither says). */
export function branchCountry(branch: { country: string; timezone: string }): string {
  if (branch.country !== '') return branch.country;
  if (branch.timezone.startsWith('Australia/')) return 'AU';
  return ZONE_COUNTRY[branch.timezone] ?? '';
}

export function dateOrderFor(country: string): DateOrder {
  return MONTH_FIRST.has(country.toUpperCase()) ? 'mdy' : 'dmy';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(word: string): number | null {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

function civil(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n >= 30 ? 1900 + n : 2000 + n;
}

/**
 * A calendar date as exports write them: 1990-05-14, 14/05/1990 (or 05/14/1990 month first),
 * 14.05.1990, 14 May 1990, May 14, 1990. `null` when it is not a real date; a time after the
 * date is ignored.
 */
export function parseLooseDate(input: string, order: DateOrder): number | null {
  const text = input.trim().replace(/[T ]\d{1,2}:\d{2}.*$/, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return civil(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return civil(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3] as string);
    return order === 'mdy' ? civil(year, a, b) : civil(year, b, a);
  }
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,})\.?[\s,-]+(\d{4})$/.exec(text);
  if (m) {
    const month = monthOf(m[2] as string);
    return month === null ? null : civil(Number(m[3]), month, Number(m[1]));
  }
  m = /^([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthOf(m[1] as string);
    return month === null ? null : civil(Number(m[3]), month, Number(m[2]));
  }
  return null;
}

function parseOptIn(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['', 'no', 'n', 'false', '0', 'unsubscribed', 'not subscribed', 'opted out', 'opt-out', 'never subscribed', 'none'].includes(t)) return false;
  if (['yes', 'y', 'true', '1', 'subscribed', 'opted in', 'opt-in', 'x', '✓'].includes(t)) return true;
  return null;
}

/** A checked row of the file. */
export interface ImportedPerson {
  line: number;
  name: string;
  /** E.164 or ''. */
  phone: string;
  /** Normalised or ''. */
  email: string;
  birthday: string;
  /** ISO instant or '' (the import's time is used then). */
  created_at: string;
  notes: string;
  tags: string[];
  opted_in_marketing: boolean;
}

export interface RefusedLine {
  line: number;
  problem: string;
}

export interface ReadOptions {
  /** The branch's country (ISO 3166 alpha-2, '' = unknown): local numbers are read in it. */
  country: string;
  /** The branch's time zone: a creation date without a time is local midnight there. */
  timezone: string;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** The file's rows as people, each row with a problem refused with every problem it has. */
export function readPeople(file: ClientFile, mapping: ColumnMapping, options: ReadOptions): { people: ImportedPerson[]; refused: RefusedLine[] } {
  const order = dateOrderFor(options.country);
  const people: ImportedPerson[] = [];
  const refused: RefusedLine[] = [...file.problems];
  const clock = zoneClock(options.timezone);
  for (const row of file.rows) {
    const get = (field: ImportField): string => {
      const i = mapping.indexOf(field);
      return i < 0 ? '' : (row.values[i] ?? '').trim();
    };
    if (row.values.every((v, i) => mapping[i] === 'skip' || v.trim() === '')) continue;
    const problems: string[] = [];
    const full = get('full_name');
    const name = (full !== '' ? full : `${get('first_name')} ${get('last_name')}`).replace(/\s+/g, ' ').trim();
    if (name === '') problems.push('the name is empty');
    else if (name.length > LIMITS.name) problems.push(`the name is longer than ${LIMITS.name} characters`);

    let phone = '';
    const mobile = get('mobile');
    const landline = get('phone');
    for (const [label, text] of [
      ['mobile', mobile],
      ['phone', landline],
    ] as const) {
      if (text === '' || phone !== '') continue;
      const r = normalisePhone(text, options.country);
      if (r.ok) phone = r.e164;
      else problems.push(`${label} "${text}": ${r.message.charAt(0).toLowerCase()}${r.message.slice(1)}`);
    }
    if (phone !== '' && problems.some((p) => p.startsWith('mobile ') || p.startsWith('phone '))) {
      // One good number is enough: the other column's problem does not refuse the row.
      for (let i = problems.length - 1; i >= 0; i -= 1) if (/^(mobile|phone) "/.test(problems[i] as string)) problems.splice(i, 1);
    }

    const emailText = get('email');
    const email = normaliseEmail(emailText);
    if (!email.ok) problems.push(`email "${emailText}" is not an email address`);

    const birthdayText = get('birthday');
    let birthday = '';
    if (birthdayText !== '') {
      const day = parseLooseDate(birthdayText, order);
      if (day === null) problems.push(`date of birth "${birthdayText}" is not a real date`);
      else birthday = formatDay(day);
    }

    const createdText = get('created');
    let createdAt = '';
    if (createdText !== '') {
      const instant = parseInstant(createdText);
      if (instant !== null) createdAt = formatInstant(instant);
      else {
        const day = parseLooseDate(createdText, order);
        if (day === null) problems.push(`created date "${createdText}" is not a real date`);
        else createdAt = formatInstant(clock.startOfLocalDay(day));
      }
    }

    const optText = get('marketing');
    const opted = parseOptIn(optText);
    if (opted === null) problems.push(`marketing opt-in "${optText}" is not yes or no`);

    const tags: string[] = [];
    for (const t of get('tags').split(/[;|,]/)) {
      const tag = clip(t.trim(), LIMITS.tag);
      if (tag !== '' && !tags.includes(tag) && tags.length < LIMITS.tags) tags.push(tag);
    }
    const notes = get('notes');
    if (notes.length > LIMITS.longText) problems.push(`the notes are longer than ${LIMITS.longText} characters`);

    if (problems.length > 0) {
      refused.push({ line: row.line, problem: problems.join('; ') });
      continue;
    }
    people.push({ line: row.line, name, phone, email: email.ok ? email.email : '', birthday, created_at: createdAt, notes, tags, opted_in_marketing: opted === true });
  }
  refused.sort((a, b) => a.line - b.line);
  return { people, refused };
}

/** Lookup forms shared with the server's customer columns: E.164 phone, whole email lower-cased. */
export function phoneMatchKey(phone: string): string {
  const r = normalisePhone(phone);
  return r.ok ? r.e164 : phone.trim();
}

export function emailMatchKey(email: string): string {
  return email.trim().toLowerCase();
}

export type DuplicatePolicy = 'merge' | 'separate';

export interface PlanOptions {
  /** The organisation's customer id secret (ids as a registration derives them). */
  secret: string;
  branchId: string;
  nowMs: number;
  duplicates: DuplicatePolicy;
  /** Id for a customer that cannot take a derived id (no contact, or kept separate). */
  randomId: () => string;
}

export interface MergedCustomer {
  line: number;
  before: CustomerDoc;
  /** The stored customer with the blanks the row fills; equal to `before` when it adds nothing. */
  after: CustomerDoc;
}

export interface ImportPlan {
  created: { line: number; doc: CustomerDoc }[];
  merged: MergedCustomer[];
  skipped: { line: number; reason: string }[];
  refused: RefusedLine[];
}

export interface ImportCounts {
  new: number;
  merged: number;
  skipped: number;
  refused: RefusedLine[];
}

export function planCounts(plan: ImportPlan): ImportCounts {
  return { new: plan.created.length, merged: plan.merged.length, skipped: plan.skipped.length, refused: plan.refused };
}

/** A new customer as a registration at `branchId` makes it (consent on the channels the row gives). */
export function newCustomerDoc(p: ImportedPerson, id: string, branchId: string, nowMs: number): CustomerDoc {
  const now = formatInstant(nowMs);
  const granted = (has: boolean) => ({ granted: p.opted_in_marketing && has, at: p.opted_in_marketing && has ? now : '' });
  return {
    id,
    name: p.name,
    phone: p.phone,
    email: p.email,
    birthday: p.birthday,
    opted_in_marketing: p.opted_in_marketing && (p.phone !== '' || p.email !== ''),
    preferred_contact: p.phone !== '' ? 'sms' : p.email !== '' ? 'email' : 'none',
    consent: { sms: granted(p.phone !== ''), email: granted(p.email !== ''), push: { granted: false, at: '' } },
    tags: p.tags,
    notes: p.notes,
    preferences: '',
    preferred_staff: '',
    allergies: '',
    home_branch_id: branchId,
    registered_branch_id: '',
    referred_by: '',
    follow_up_date: '',
    created_at: p.created_at !== '' ? p.created_at : now,
    updated_at: now,
    erased_at: '',
  };
}

/**
 * The stored customer with what the row adds: empty phone, email, birthday and notes filled,
 * tags joined. The name, consent and home branch stay as stored (an import never grants
 * marketing consent over a customer's own record).
 */
export function mergedCustomerDoc(existing: CustomerDoc, p: ImportedPerson, nowMs: number): CustomerDoc {
  const tags = [...existing.tags];
  for (const t of p.tags) if (!tags.includes(t) && tags.length < LIMITS.tags) tags.push(t);
  const next: CustomerDoc = {
    ...existing,
    phone: existing.phone !== '' ? existing.phone : p.phone,
    email: existing.email !== '' ? existing.email : p.email,
    birthday: existing.birthday !== '' ? existing.birthday : p.birthday,
    notes: existing.notes !== '' ? existing.notes : p.notes,
    tags,
  };
  const changed = next.phone !== existing.phone || next.email !== existing.email || next.birthday !== existing.birthday || next.notes !== existing.notes || tags.length !== existing.tags.length;
  return changed ? { ...next, updated_at: formatInstant(nowMs) } : existing;
}

/** The ids a person could already be stored under (derived from the phone, or the email alone). */
export function derivedIds(secret: string, p: Pick<ImportedPerson, 'phone' | 'email'>): string[] {
  const ids: string[] = [];
  const byPhone = deriveCustomerId(secret, p.phone, p.email);
  if (byPhone !== null) ids.push(byPhone);
  const byEmail = p.email !== '' ? deriveCustomerId(secret, '', p.email) : null;
  if (byEmail !== null && !ids.includes(byEmail)) ids.push(byEmail);
  return ids;
}

/**
 * Plans the import against `existing` (the stored customers that share a phone, an email or a
 * derived id with the file; more are harmless). A row matching a stored customer is merged into
 * it (or, with `separate`, becomes a new customer of its own); a row repeating an earlier row of
 * the file, or matching an erased customer, is skipped.
 */
export function planImport(people: readonly ImportedPerson[], refused: readonly RefusedLine[], existing: Iterable<CustomerDoc>, options: PlanOptions): ImportPlan {
  const byPhone = new Map<string, CustomerDoc>();
  const byEmail = new Map<string, CustomerDoc>();
  const byId = new Map<string, CustomerDoc>();
  for (const c of existing) {
    byId.set(c.id, c);
    if (c.erased_at !== '') continue;
    const phone = phoneMatchKey(c.phone);
    if (phone !== '' && !byPhone.has(phone)) byPhone.set(phone, c);
    if (c.email !== '' && !byEmail.has(emailMatchKey(c.email))) byEmail.set(emailMatchKey(c.email), c);
  }
  const plan: ImportPlan = { created: [], merged: [], skipped: [], refused: [...refused] };
  const seenPhone = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  const usedIds = new Set<string>();
  for (const p of people) {
    const earlier = (p.phone !== '' ? seenPhone.get(p.phone) : undefined) ?? (p.email !== '' ? seenEmail.get(emailMatchKey(p.email)) : undefined);
    if (earlier !== undefined && options.duplicates === 'merge') {
      plan.skipped.push({ line: p.line, reason: `same person as line ${earlier}` });
      continue;
    }
    if (p.phone !== '') seenPhone.set(p.phone, seenPhone.get(p.phone) ?? p.line);
    if (p.email !== '') seenEmail.set(emailMatchKey(p.email), seenEmail.get(emailMatchKey(p.email)) ?? p.line);

    const ids = derivedIds(options.secret, p);
    const stored =
      (p.phone !== '' ? byPhone.get(p.phone) : undefined) ??
      (p.email !== '' ? byEmail.get(emailMatchKey(p.email)) : undefined) ??
      ids.map((id) => byId.get(id)).find((c) => c !== undefined);
    if (stored !== undefined && stored.erased_at !== '') {
      plan.skipped.push({ line: p.line, reason: 'matches an erased customer' });
      continue;
    }
    if (stored !== undefined && options.duplicates === 'merge') {
      if (plan.merged.some((m) => m.before.id === stored.id)) {
        plan.skipped.push({ line: p.line, reason: 'same person as an earlier line' });
        continue;
      }
      plan.merged.push({ line: p.line, before: stored, after: mergedCustomerDoc(stored, p, options.nowMs) });
      continue;
    }
    const derived = ids[0];
    const id = derived !== undefined && stored === undefined && !byId.has(derived) && !usedIds.has(derived) ? derived : options.randomId();
    usedIds.add(id);
    plan.created.push({ line: p.line, doc: newCustomerDoc(p, id, options.branchId, options.nowMs) });
  }
  // Every document must fit the shared schema before anything is written.
  for (const c of [...plan.created.map((x) => ({ line: x.line, doc: x.doc })), ...plan.merged.map((m) => ({ line: m.line, doc: m.after }))]) {
    const problems = validateDocument('customers', c.doc);
    if (problems.length > 0) throw new Error(`line ${c.line}: the customer does not fit the schema: ${problems.map((q) => `${q.field} ${q.message}`).join('; ')}`);
  }
  return plan;
}
