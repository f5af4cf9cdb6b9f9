import type { AuditAction, BookingDoc, BookingSeries, Payment } from '../../../shared/domain/schemas';
import { buildAmendment, CorrectionRefused, withAmendment, type CorrectionInput, type Corrector } from '../../../shared/schedule/corrections';
import { BOOKING_TRANSITIONS, type BookingStatus } from '../../../shared/domain/types';
import { isoInZone } from '../lib/zoned-time';
import type { BookingChanges } from '../../../shared/schedule/series-change';
import type { Replica } from './replica';
import { recordAudit } from './team';
import { withoutMeta } from './validation';
import { assertValid, DocumentRejected } from './write-errors';

export interface NewBooking {
  customerId: string;
  branchId: string;
  /** The branch's zone: start_at is written with its offset. */
  timeZone: string;
  service: string;
  staff: string;
  startMs: number;
  durationMin: number;
  /** Cents. */
  price: number;
  /** `checked_in` for a walk-in who is already here. */
  status?: 'scheduled' | 'checked_in';
  notes?: string;
}

export function newBookingId(): string {
  return `bk-${crypto.randomUUID()}`;
}

/** The booking document for a new booking (validated; throws `DocumentRejected`). */
function bookingDoc(input: NewBooking, nowMs: number, id: string = newBookingId(), series: BookingSeries | null = null): BookingDoc {
  const now = new Date(nowMs).toISOString();
  const doc: BookingDoc = {
    id,
    customer_id: input.customerId,
    branch_id: input.branchId,
    service: input.service.trim(),
    staff: input.staff.trim(),
    start_at: isoInZone(input.startMs, input.timeZone),
    duration_min: input.durationMin,
    status: input.status ?? 'scheduled',
    price: input.price,
    notes: (input.notes ?? '').trim(),
    created_at: now,
    updated_at: now,
    amendments: [],
    series,
    payment: null,
  };
  assertValid('bookings', doc, undefined, nowMs);
  return doc;
}

export async function createBooking(db: Replica, input: NewBooking, nowMs: number): Promise<BookingDoc> {
  const doc = bookingDoc(input, nowMs);
  await db.bookings.insert(doc);
  return doc;
}

export function newSeriesId(): string {
  return `sr-${crypto.randomUUID()}`;
}

/**
 * Books the chosen occurrences of a recurring series (docs/DESIGN.md §17): one ordinary booking
 * each, all carrying one new series id, their place in the series and how many were planned
 * (`count`: a skipped occurrence leaves a gap, "1, 3 and 4 of 4"). Every document is validated
 * before any is written: one refused (`DocumentRejected`), none is written.
 */
export async function createSeries(
  db: Replica,
  input: Omit<NewBooking, 'startMs' | 'status'>,
  occurrences: readonly { index: number; startMs: number }[],
  count: number,
  nowMs: number,
): Promise<BookingDoc[]> {
  const id = newSeriesId();
  const docs = occurrences.map((o) => bookingDoc({ ...input, startMs: o.startMs }, nowMs, newBookingId(), { id, index: o.index, count }));
  if (docs.length === 0) throw new Error('No occurrence of the series is left to book');
  const { error } = await db.bookings.bulkInsert(docs);
  if (error.length > 0) throw new Error(`Could not save ${error.length} of the ${docs.length} bookings of the series`);
  return docs;
}

/** Whether a booking may move from one status to another (forward only). */
export function canMove(from: BookingStatus, to: BookingStatus): boolean {
  return BOOKING_TRANSITIONS[from].includes(to);
}

/**
 * Moves a booking forward (check in, complete with the final price and how it was paid, no-show,
 * cancel). A move the rules do not allow — including any move out of a final state — is refused,
 * nothing written; so is a payment that does not add up (the shared rules, shared/schedule/payment.ts).
 */
export async function moveBooking(
  db: Replica,
  bookingId: string,
  to: BookingStatus,
  nowMs: number,
  finalPrice?: number,
  payment?: Payment | null,
): Promise<BookingDoc> {
  const found = await db.bookings.findOne(bookingId).exec();
  if (found === null) throw new Error(`Booking ${bookingId} no longer exists`);
  if ((finalPrice !== undefined || (payment ?? null) !== null) && to !== 'completed') throw new Error('A final price and a payment are only set when completing a booking');
  const updated = await found.incrementalModify((doc) => {
    if (!canMove(doc.status, to)) {
      throw new DocumentRejected('bookings', bookingId, [{ field: 'status', message: `cannot change from ${doc.status} to ${to}` }]);
    }
    const next: BookingDoc = { ...doc, status: to, price: finalPrice ?? doc.price, updated_at: new Date(nowMs).toISOString() };
    if (payment !== undefined && payment !== null) next.payment = payment;
    assertValid('bookings', withoutMeta(next), withoutMeta(doc), nowMs);
    return next;
  });
  const booking = updated.toJSON() as BookingDoc;
  await recordAudit(db, booking.branch_id, MOVE_ACTION[to], 'booking', booking.id, await bookingLine(db, booking), nowMs);
  return booking;
}

const MOVE_ACTION: Record<BookingStatus, AuditAction> = { scheduled: 'check_in', checked_in: 'check_in', completed: 'complete', no_show: 'no_show', cancelled: 'cancel' };

/** "Ana Reyes · Haircut with Ben" for the audit trail. */
async function bookingLine(db: Replica, booking: BookingDoc): Promise<string> {
  const customer = await db.customers.findOne(booking.customer_id).exec();
  return `${customer?.name ?? 'A customer'} · ${booking.service}${booking.staff === '' ? '' : ` with ${booking.staff}`}`;
}

/** The details a scheduled booking may change (shared/schedule/series-change.ts). */
export type { BookingChanges };

/** Only a booking still to come can be moved or edited; a final one is corrected, not edited. */
export function canEdit(status: BookingStatus): boolean {
  return status === 'scheduled';
}

/** `doc` with `changes` applied, checked like any write (throws `DocumentRejected`); refused once it is no longer scheduled. */
function editedDoc(doc: BookingDoc, changes: BookingChanges, timeZone: string, nowMs: number): BookingDoc {
  if (!canEdit(doc.status)) {
    throw new DocumentRejected('bookings', doc.id, [{ field: 'status', message: `a ${doc.status.replace('_', '-')} booking can no longer be moved or edited` }]);
  }
  const next: BookingDoc = { ...doc, updated_at: new Date(nowMs).toISOString() };
  if (changes.service !== undefined) next.service = changes.service.trim();
  if (changes.staff !== undefined) next.staff = changes.staff.trim();
  if (changes.startMs !== undefined) next.start_at = isoInZone(changes.startMs, timeZone);
  if (changes.durationMin !== undefined) next.duration_min = changes.durationMin;
  if (changes.price !== undefined) next.price = changes.price;
  if (changes.notes !== undefined) next.notes = changes.notes.trim();
  assertValid('bookings', withoutMeta(next), withoutMeta(doc), nowMs);
  return next;
}

/**
 * Moves or edits a scheduled booking in place: the same document (same id), only the fields in
 * `changes` are written, on the latest stored state (a change synced in meanwhile to another
 * field is kept). Refused, nothing written, once the booking is no longer scheduled.
 */
export async function editBooking(db: Replica, bookingId: string, changes: BookingChanges, timeZone: string, nowMs: number): Promise<BookingDoc> {
  const found = await db.bookings.findOne(bookingId).exec();
  if (found === null) throw new Error(`Booking ${bookingId} no longer exists`);
  const updated = await found.incrementalModify((doc) => editedDoc(doc, changes, timeZone, nowMs));
  return updated.toJSON() as BookingDoc;
}

/**
 * Writes "this and all following" of a series (docs/DESIGN.md §17): each booking gets its own
 * changes, only those fields, on its latest stored state. Every one is checked first (still
 * there, still scheduled, valid once changed): one refused, none is written.
 */
export async function editSeriesBookings(db: Replica, edits: readonly { bookingId: string; changes: BookingChanges }[], timeZone: string, nowMs: number): Promise<BookingDoc[]> {
  const found = await db.bookings.findByIds(edits.map((e) => e.bookingId)).exec();
  for (const e of edits) {
    const doc = found.get(e.bookingId);
    if (doc === undefined) throw new Error(`Booking ${e.bookingId} no longer exists`);
    editedDoc(doc.toJSON() as BookingDoc, e.changes, timeZone, nowMs);
  }
  const out: BookingDoc[] = [];
  for (const e of edits) {
    const updated = await (found.get(e.bookingId) as NonNullable<ReturnType<typeof found.get>>).incrementalModify((doc) => editedDoc(doc, e.changes, timeZone, nowMs));
    out.push(updated.toJSON() as BookingDoc);
  }
  return out;
}

/**
 * Cancels several scheduled bookings at once ("this and all following" of a series): every one
 * is checked first (still there, still scheduled); one refused, none is cancelled. Each
 * cancellation is recorded in the audit trail like a single one.
 */
export async function cancelBookings(db: Replica, bookingIds: readonly string[], nowMs: number): Promise<BookingDoc[]> {
  const found = await db.bookings.findByIds([...bookingIds]).exec();
  for (const id of bookingIds) {
    const doc = found.get(id);
    if (doc === undefined) throw new Error(`Booking ${id} no longer exists`);
    if (!canMove(doc.status, 'cancelled')) throw new DocumentRejected('bookings', id, [{ field: 'status', message: `cannot change from ${doc.status} to cancelled` }]);
  }
  const out: BookingDoc[] = [];
  for (const id of bookingIds) out.push(await moveBooking(db, id, 'cancelled', nowMs));
  return out;
}

/** The bookings of one series in the replica (a customer's bookings, read by the customer index), by index. */
export async function seriesBookings(db: Replica, customerId: string, seriesId: string): Promise<BookingDoc[]> {
  const docs = await db.bookings.find({ selector: { customer_id: customerId } }).exec();
  return docs
    .map((d) => d.toJSON() as BookingDoc)
    .filter((b) => b.series !== null && b.series.id === seriesId)
    .sort((a, b) => (a.series?.index ?? 0) - (b.series?.index ?? 0));
}

export function newAmendmentId(): string {
  return `am-${crypto.randomUUID()}`;
}

/**
 * Corrects a finished visit (docs/DESIGN.md §9): appends an amendment recording what changes, why,
 * who (`by`: the desk's pairing identity) and when, and folds it into the booking, on the latest
 * stored state. Refused, nothing written, when the booking is not finished, the reason is missing
 * or nothing changes. The server accepts it from a manager's desk only.
 */
export async function correctBooking(db: Replica, bookingId: string, input: CorrectionInput, by: Corrector, nowMs: number): Promise<BookingDoc> {
  const found = await db.bookings.findOne(bookingId).exec();
  if (found === null) throw new Error(`Booking ${bookingId} no longer exists`);
  const at = new Date(nowMs).toISOString();
  const id = newAmendmentId();
  const updated = await found.incrementalModify((doc) => {
    let next: BookingDoc;
    try {
      next = withAmendment(doc, buildAmendment(doc, input, by, at, id), at);
    } catch (error) {
      if (error instanceof CorrectionRefused) throw new DocumentRejected('bookings', bookingId, error.problems);
      throw error;
    }
    assertValid('bookings', withoutMeta(next), withoutMeta(doc), nowMs);
    return next;
  });
  const booking = updated.toJSON() as BookingDoc;
  await recordAudit(db, booking.branch_id, 'correct', 'booking', booking.id, `${await bookingLine(db, booking)} — ${input.reason.trim()}`, nowMs);
  return booking;
}

/**
 * The bookings that could clash with one starting at `startMs`: the branch's and the customer's
 * (any branch in the replica) within a day either side (`start_at` strings carry any offset, so
 * the index range is a day wider than any booking can be long).
 */
export async function bookingsAround(db: Replica, branchId: string, customerId: string, startMs: number): Promise<BookingDoc[]> {
  const from = new Date(startMs - 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(startMs + 2 * 86_400_000).toISOString().slice(0, 10);
  const range = { $gte: from, $lt: to };
  const [atBranch, ofCustomer] = await Promise.all([
    db.bookings.find({ selector: { branch_id: branchId, start_at: range } }).exec(),
    db.bookings.find({ selector: { customer_id: customerId, start_at: range } }).exec(),
  ]);
  const out = new Map<string, BookingDoc>();
  for (const doc of [...atBranch, ...ofCustomer]) out.set(doc.id, doc.toJSON() as BookingDoc);
  return [...out.values()];
}
