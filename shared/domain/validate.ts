import { Value } from '@sinclair/typebox/value';
import { COLLECTION_SCHEMAS, type CollectionName } from './schemas';
import { GENERATED_CHECKS } from './generated-checks';
import { parseInstant } from '../time/instant';
import { parseDay } from '../time/calendar';
import { isValidTimeZone } from '../time/zone';
import { thresholdsProblem, branchThresholds } from './settings';
import type { BranchSettingsDoc, CampaignDoc, CustomerDoc, SegmentDoc } from './schemas';
import { branchSettingsProblems, campaignProblems, segmentProblems } from './document-checks';
import { erasedProblems } from '../privacy/erase';
import { normaliseEmail } from './contact';
import { stringProblems } from './string-rules';
import { utf8Length } from '../sync/split-push';
import { amendmentProblems } from '../schedule/corrections';
import { seriesProblems } from '../schedule/recurrence';
import { paymentProblems } from '../schedule/payment';
import { serviceProblems } from '../schedule/services';
import { staffProblems } from '../schedule/staff-hours';
import { memberProblems } from '../team/passcode';
import type { BookingDoc, MemberDoc, ServiceDoc, StaffDoc } from './schemas';

/** A problem with one field of one document, for a 4xx body or a form. */
export interface FieldProblem {
  /** Dotted path of the field (`consent.sms.at`), '' for the document itself. */
  field: string;
  message: string;
}

const INSTANT_FIELDS = ['start_at', 'created_at', 'updated_at', 'erased_at', 'at', 'sent_at', 'next_attempt_at'];
const DATE_FIELDS = ['birthday', 'follow_up_date'];

function pointerToField(path: string): string {
  return path.replace(/^\//, '').split('/').join('.');
}

/** A whole document serialised (UTF-8 JSON) may not exceed this (criteria objects, notes…). */
const MAX_DOCUMENT_BYTES = 64 * 1024;

/** Domain checks JSON Schema cannot express: real calendar dates, known zones, threshold order. */
function domainProblems(collection: CollectionName, doc: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bytes = utf8Length(JSON.stringify(doc));
  if (bytes > MAX_DOCUMENT_BYTES) problems.push({ field: '', message: `the document is larger than ${MAX_DOCUMENT_BYTES / 1024} KB (${Math.ceil(bytes / 1024)} KB)` });
  for (const field of INSTANT_FIELDS) {
    const v = doc[field];
    if (typeof v === 'string' && v !== '' && parseInstant(v) === null) {
      problems.push({ field, message: `"${v}" is not a real ISO 8601 instant` });
    }
  }
  for (const field of DATE_FIELDS) {
    const v = doc[field];
    if (typeof v === 'string' && v !== '' && parseDay(v) === null) {
      problems.push({ field, message: `"${v}" is not a real calendar date` });
    }
  }
  if (collection === 'branches') {
    if (typeof doc.timezone === 'string' && !isValidTimeZone(doc.timezone)) {
      problems.push({ field: 'timezone', message: `unknown time zone "${doc.timezone}"` });
    }
    const t = branchThresholds(doc as { active_days?: number | null; at_risk_days?: number | null });
    const problem = thresholdsProblem(t);
    if (problem !== null) problems.push({ field: 'at_risk_days', message: problem });
  }
  if (collection === 'customers') {
    const consent = doc.consent as Record<string, { at?: unknown }> | undefined;
    for (const channel of ['sms', 'email', 'push']) {
      const at = consent?.[channel]?.at;
      if (typeof at === 'string' && at !== '' && parseInstant(at) === null) {
        problems.push({ field: `consent.${channel}.at`, message: `"${at}" is not a real ISO 8601 instant` });
      }
    }
  }
  if (collection === 'customers') problems.push(...erasedProblems(doc as unknown as CustomerDoc));
  if (collection === 'bookings') problems.push(...amendmentProblems(doc as unknown as BookingDoc), ...seriesProblems(doc as unknown as BookingDoc), ...paymentProblems(doc as unknown as BookingDoc));
  if (collection === 'campaigns') problems.push(...campaignProblems(doc as unknown as CampaignDoc));
  if (collection === 'segments') problems.push(...segmentProblems(doc as unknown as SegmentDoc));
  if (collection === 'branch_settings') problems.push(...branchSettingsProblems(doc as unknown as BranchSettingsDoc));
  if (collection === 'services') problems.push(...serviceProblems(doc as unknown as ServiceDoc));
  if (collection === 'staff') problems.push(...staffProblems(doc as unknown as StaffDoc));
  if (collection === 'members') problems.push(...memberProblems(doc as unknown as MemberDoc));
  return problems;
}

/** "Expected union value" says nothing to a person: name the allowed values instead. */
function describe(schema: { anyOf?: { const?: unknown }[] }, fallback: string): string {
  const options = schema.anyOf;
  if (options && options.length > 0 && options.every((o) => typeof o.const === 'string')) {
    return `must be one of ${options.map((o) => String(o.const)).join(', ')}`;
  }
  return fallback === 'Expected required property' ? 'is required' : fallback;
}

/**
 * Validates a document of a collection against its shared schema and the domain checks.
 * CSP-safe: the schema check is compiled ahead of time (`generated-checks.ts`, no `eval` at run
 * time); only a failing document is walked again by TypeBox's interpreter to name its fields.
 */
export function validateDocument(collection: CollectionName, doc: unknown): FieldProblem[] {
  // Broken strings first: they would make every later message about the field unreadable.
  const broken = stringProblems(doc);
  if (broken.length > 0) return broken;
  if (GENERATED_CHECKS[collection](doc)) return domainProblems(collection, doc as Record<string, unknown>);
  const schema = COLLECTION_SCHEMAS[collection];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(schema, doc)) {
    const field = pointerToField(error.path);
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, message: describe(error.schema as { anyOf?: { const?: unknown }[] }, error.message) });
    if (problems.length >= 20) break;
  }
  if (problems.length === 0 && doc !== null && typeof doc === 'object') {
    problems.push(...domainProblems(collection, doc as Record<string, unknown>));
  }
  return problems;
}

/** Instants a document may carry for its main time: within this many years of now. */
const SANE_YEARS = 5;
const YEAR_MS = 365.25 * 86_400_000;
/** The field holding a document's main time, checked against SANE_YEARS. */
const TIME_FIELD: Partial<Record<CollectionName, string>> = { bookings: 'start_at', communications: 'at' };
const E164 = /^\+[1-9]\d{5,14}$/;

/** What a write is checked against besides the document: the clock, and the branch's today for birthdays. */
export interface WriteContext {
  /** Now; the main time of a booking or message is not range-checked without it. */
  nowMs?: number;
  /** Today (day number, shared/time/calendar) at the writing branch; birthdays are not checked without it. */
  todayDay?: number;
}

/**
 * Contact and date fields of a customer that are new or changed compared with `previous`
 * (unchanged legacy values are left alone): phone in E.164, a real email, a past birthday.
 */
export function customerContactProblems(doc: CustomerDoc, previous: CustomerDoc | undefined, todayDay: number | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const changed = (f: keyof CustomerDoc) => previous === undefined || previous[f] !== doc[f];
  if (changed('phone') && doc.phone !== '' && !E164.test(doc.phone)) {
    problems.push({ field: 'phone', message: 'must be a normalised E.164 number like +639171234567' });
  }
  if (changed('email') && doc.email !== '' && !normaliseEmail(doc.email).ok) {
    problems.push({ field: 'email', message: 'is not an email address' });
  }
  if (todayDay !== undefined && changed('birthday') && doc.birthday !== '') {
    const day = parseDay(doc.birthday);
    if (day !== null && (day > todayDay || doc.birthday < '1900-01-01')) {
      problems.push({ field: 'birthday', message: 'must be a past date after 1900' });
    }
  }
  return problems;
}

/**
 * Every stateless rule a new or changed document must meet when it is written — by a desk
 * (`assertValid` before a local write) and by the server (push validation) alike: the schema
 * and domain checks of `validateDocument` (strings, size, dates, zones), the main time within
 * SANE_YEARS of now, and the customer contact checks for what changed since `previous`.
 * Scope and stored-state checks stay on the server.
 */
export function writeProblems(collection: CollectionName, doc: unknown, previous: unknown, context: WriteContext): FieldProblem[] {
  const problems = validateDocument(collection, doc);
  if (problems.length > 0) return problems;
  const data = doc as Record<string, unknown>;
  const timeField = TIME_FIELD[collection];
  if (timeField !== undefined) {
    const ms = parseInstant(String(data[timeField]));
    const before = previous !== undefined && previous !== null ? (previous as Record<string, unknown>)[timeField] : undefined;
    if (context.nowMs !== undefined && ms !== null && before !== data[timeField] && Math.abs(ms - context.nowMs) > SANE_YEARS * YEAR_MS) {
      problems.push({ field: timeField, message: `must be within ${SANE_YEARS} years of today` });
    }
  }
  if (collection === 'customers') {
    problems.push(...customerContactProblems(data as unknown as CustomerDoc, (previous ?? undefined) as CustomerDoc | undefined, context.todayDay));
  }
  return problems;
}
