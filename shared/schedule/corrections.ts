/**
 * Corrections of finished visits (docs/DESIGN.md §9): a finished booking (completed, cancelled,
 * no-show) never changes by a plain edit; a manager corrects its price, service, staff or outcome
 * with an **amendment** — the values it sets, the values before, a reason, who (the desk's
 * pairing: device and role) and when. Amendments are append-only and travel on the booking.
 *
 * The booking's own fields always equal its amendments folded in their one order — time, then id —
 * over whatever the plain three-way merge gives: for each corrected field the value of the last
 * amendment that sets it. The fold is a function of the SET of amendments, and sync merges the
 * sets by union, so desks that correct the same visit concurrently converge to the same booking
 * whatever order their pushes and merges happen in. This is the one documented exception to
 * "booking status only moves forward": an amendment may move a finished booking to another
 * finished status (a mis-clicked no-show becomes completed), never back to scheduled or checked in.
 */
import type { Amendment, BookingDoc, Payment } from '../domain/schemas';
import { LIMITS } from '../domain/schemas';
import { FINAL_BOOKING_STATUSES, isTerminalStatus, type CorrectionRole, type FinalBookingStatus } from '../domain/types';
import { MAX_PRICE_CENTS } from '../money';
import { parseInstant } from '../time/instant';
import { jsonEqual } from '../sync/equal';
import { withoutStrayPayment } from './payment';

/** The fields a correction may set, in the order they are shown. */
const CORRECTED_FIELDS = ['status', 'price', 'service', 'staff'] as const;
export type CorrectedField = (typeof CORRECTED_FIELDS)[number];

type Corrected = Pick<BookingDoc, CorrectedField>;
/** A booking's corrected fields and, where it has one, how it was paid (docs/DESIGN.md §18). */
type CorrectedPaid = Corrected & { payment?: Payment | null };

/** A problem with one field (structurally validate.ts's FieldProblem, which imports this module). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Whether a booking is a finished visit (only those are corrected; the others are edited). */
export function isFinished(booking: Pick<BookingDoc, 'status'>): boolean {
  return isTerminalStatus(booking.status);
}

function atMs(a: Amendment): number {
  return parseInstant(a.at) ?? Number.NEGATIVE_INFINITY;
}

/** Code-point order (never locale order: every replica must sort alike). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Amendments in their one order: time of the correction, then id. */
function orderAmendments(list: readonly Amendment[]): Amendment[] {
  return [...list].sort((a, b) => atMs(a) - atMs(b) || compareIds(a.id, b.id));
}

/**
 * The union of two lists of amendments (append-only: neither side can remove one), ordered.
 * Where both hold an amendment with the same id, `first`'s copy is kept (the server's, in a merge).
 */
export function unionAmendments(first: readonly Amendment[], second: readonly Amendment[]): Amendment[] {
  const byId = new Map<string, Amendment>();
  for (const a of first) if (!byId.has(a.id)) byId.set(a.id, a);
  for (const a of second) if (!byId.has(a.id)) byId.set(a.id, a);
  return orderAmendments([...byId.values()]);
}

/** The values the amendments set, the last one (in order) per field (a payment too, where one sets it). */
function correctedValues(amendments: readonly Amendment[]): Partial<Corrected> & { payment?: Payment } {
  const out: Partial<Corrected> & { payment?: Payment } = {};
  for (const a of orderAmendments(amendments)) {
    if (a.status !== null) out.status = a.status;
    if (a.price !== null) out.price = a.price;
    if (a.service !== null) out.service = a.service;
    if (a.staff !== null) out.staff = a.staff;
    if (a.payment !== null && a.payment !== undefined) out.payment = a.payment;
  }
  return out;
}

/**
 * The booking with its amendments ordered and folded over its fields; a booking the fold leaves
 * not completed (a visit corrected into a no-show) keeps no payment.
 */
export function applyAmendments<T extends CorrectedPaid & { amendments: Amendment[] }>(booking: T): T {
  if (booking.amendments.length === 0) return booking;
  return withoutStrayPayment({ ...booking, ...correctedValues(booking.amendments), amendments: orderAmendments(booking.amendments) });
}

/** What a person asks to correct: only the fields given change. */
export interface CorrectionInput {
  status?: FinalBookingStatus;
  /** Cents. */
  price?: number;
  service?: string;
  staff?: string;
  /** How the visit was paid after the correction (shared/schedule/payment.ts `buildPayment`). */
  payment?: Payment;
  reason: string;
}

/** Who corrects: the desk's pairing identity ('' device and role `desk` on a desk that is not paired). */
export interface Corrector {
  device: string;
  role: CorrectionRole;
}

/** The fields of `input` that differ from the booking, trimmed. */
function changesOf(booking: CorrectedPaid, input: CorrectionInput): Partial<Corrected> & { payment?: Payment } {
  const out: Partial<Corrected> & { payment?: Payment } = {};
  if (input.payment !== undefined && !jsonEqual(input.payment, booking.payment ?? null)) out.payment = input.payment;
  if (input.status !== undefined && input.status !== booking.status) out.status = input.status;
  if (input.price !== undefined && input.price !== booking.price) out.price = input.price;
  const service = input.service?.trim();
  if (service !== undefined && service !== booking.service) out.service = service;
  const staff = input.staff?.trim();
  if (staff !== undefined && staff !== booking.staff) out.staff = staff;
  return out;
}

/** Why a correction cannot be made (empty when it can), each naming the field. */
export function correctionProblems(booking: BookingDoc, input: CorrectionInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isFinished(booking)) problems.push({ field: 'status', message: `a ${booking.status.replace('_', '-')} booking is edited, not corrected; only finished visits are corrected` });
  if (input.status !== undefined && !(FINAL_BOOKING_STATUSES as readonly string[]).includes(input.status)) {
    problems.push({ field: 'status', message: `a correction sets a finished outcome (${FINAL_BOOKING_STATUSES.join(', ')}), not "${String(input.status)}"` });
  }
  if (input.price !== undefined && (!Number.isInteger(input.price) || input.price < 0 || input.price > MAX_PRICE_CENTS)) {
    problems.push({ field: 'price', message: 'must be a price from 0 up to the largest allowed' });
  }
  if ((input.service?.trim().length ?? 0) > LIMITS.shortText) problems.push({ field: 'service', message: `must be at most ${LIMITS.shortText} characters` });
  if ((input.staff?.trim().length ?? 0) > LIMITS.shortText) problems.push({ field: 'staff', message: `must be at most ${LIMITS.shortText} characters` });
  const reason = input.reason.trim();
  if (reason === '') problems.push({ field: 'reason', message: 'say why the visit is corrected (it is kept with the booking)' });
  else if (reason.length > LIMITS.reason) problems.push({ field: 'reason', message: `must be at most ${LIMITS.reason} characters` });
  if (booking.amendments.length >= LIMITS.amendments) problems.push({ field: 'amendments', message: `this booking already has ${LIMITS.amendments} corrections, the most one booking keeps` });
  if (problems.length === 0 && Object.keys(changesOf(booking, input)).length === 0) problems.push({ field: '', message: 'nothing to correct: every value is as it was' });
  return problems;
}

export class CorrectionRefused extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`Cannot correct this booking: ${problems.map((p) => (p.field ? `${p.field} ${p.message}` : p.message)).join('; ')}`);
    this.name = 'CorrectionRefused';
  }
}

/** The amendment recording `input` on `booking` (throws CorrectionRefused). */
export function buildAmendment(booking: BookingDoc, input: CorrectionInput, by: Corrector, atIso: string, id: string): Amendment {
  const problems = correctionProblems(booking, input);
  if (problems.length > 0) throw new CorrectionRefused(problems);
  const changes = changesOf(booking, input);
  return {
    id,
    at: atIso,
    by_device: by.device,
    by_role: by.role,
    reason: input.reason.trim(),
    status: (changes.status as FinalBookingStatus | undefined) ?? null,
    price: changes.price ?? null,
    service: changes.service ?? null,
    staff: changes.staff ?? null,
    payment: changes.payment ?? null,
    before: { status: booking.status, price: booking.price, service: booking.service, staff: booking.staff, payment: booking.payment },
  };
}

/** The booking after one more correction: the amendment appended, every amendment folded again. */
export function withAmendment(booking: BookingDoc, amendment: Amendment, updatedAt: string): BookingDoc {
  return applyAmendments({ ...booking, amendments: [...booking.amendments, amendment], updated_at: updatedAt });
}

/** Amendments the pushed document holds that the stored one does not (what makes a push a correction). */
export function newAmendments(next: { amendments?: unknown }, stored: { amendments?: unknown } | undefined): Amendment[] {
  const list = Array.isArray(next.amendments) ? (next.amendments as Amendment[]) : [];
  const known = new Set((Array.isArray(stored?.amendments) ? (stored.amendments as Amendment[]) : []).map((a) => a.id));
  return list.filter((a) => !known.has(a.id));
}

/** The fields that record what a completed visit was: changed only by a correction. */
export const VISIT_RECORD_FIELDS = ['price', 'service', 'staff'] as const;

/**
 * The price, service or staff a push changes on a booking the server holds as completed, and its
 * payment once one is recorded: the record of a visit, which only a correction may change. (A
 * finished booking's status never changes by a plain push either — the forward-only merge keeps the
 * server's — and the price of a no-show or a cancellation counts nowhere, so two desks completing
 * and marking the same booking still merge. Recording the payment of a completed visit that has
 * none is not a correction: shared/schedule/payment.ts `paymentChange`.)
 */
export function visitRecordChanges(next: Partial<CorrectedPaid>, stored: Partial<CorrectedPaid> | undefined): (CorrectedField | 'payment')[] {
  if (stored === undefined || stored.status !== 'completed') return [];
  const changed: (CorrectedField | 'payment')[] = VISIT_RECORD_FIELDS.filter((f) => next[f] !== stored[f]);
  const paid = stored.payment ?? null;
  if (paid !== null && !jsonEqual(next.payment ?? null, paid)) changed.push('payment');
  return changed;
}

/**
 * Stateless checks of a booking's amendments (validate.ts): unique ids, real instants, a corrected
 * booking stays finished, and every corrected field equals what the amendments fold to.
 */
export function amendmentProblems(doc: CorrectedPaid & { amendments: Amendment[] }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ids = new Set<string>();
  doc.amendments.forEach((a, i) => {
    if (ids.has(a.id)) problems.push({ field: `amendments.${i}.id`, message: `"${a.id}" appears twice` });
    ids.add(a.id);
    if (parseInstant(a.at) === null) problems.push({ field: `amendments.${i}.at`, message: `"${a.at}" is not a real ISO 8601 instant` });
  });
  if (doc.amendments.length === 0) return problems;
  if (!isTerminalStatus(doc.status)) problems.push({ field: 'status', message: `a corrected booking stays finished (${FINAL_BOOKING_STATUSES.join(', ')}), not ${doc.status}` });
  const folded = correctedValues(doc.amendments);
  for (const field of CORRECTED_FIELDS) {
    const value = folded[field];
    if (value !== undefined && doc[field] !== value) {
      problems.push({ field, message: `must be ${JSON.stringify(value)}, the value its latest correction sets (a finished booking changes only by a correction)` });
    }
  }
  if (folded.payment !== undefined && doc.status === 'completed' && !jsonEqual(doc.payment ?? null, folded.payment)) {
    problems.push({ field: 'payment', message: 'must be the payment its latest correction of the payment sets (a recorded payment changes only by a correction)' });
  }
  return problems;
}

/**
 * A re-imported booking (CSV backfill) keeps its corrections while the row still says what they
 * fold to; a row that says otherwise is the business's own record of the visit and replaces them.
 */
export function amendmentsKeptByImport(row: Corrected, existing: { amendments: Amendment[] } | undefined, paymentKept = true): Amendment[] {
  const list = existing?.amendments ?? [];
  if (list.length === 0) return [];
  const folded = correctedValues(list);
  // a correction of the payment describes a payment the import no longer keeps
  if (folded.payment !== undefined && !paymentKept) return [];
  return CORRECTED_FIELDS.every((f) => folded[f] === undefined || folded[f] === row[f]) ? list : [];
}
