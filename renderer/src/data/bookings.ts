import type { BookingDoc } from '../../../shared/domain/schemas';
import { BOOKING_TRANSITIONS, type BookingStatus } from '../../../shared/domain/types';
import { isoInZone } from '../lib/zoned-time';
import type { Replica } from './replica';
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
export function bookingDoc(input: NewBooking, nowMs: number, id: string = newBookingId()): BookingDoc {
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
  };
  assertValid('bookings', doc);
  return doc;
}

export async function createBooking(db: Replica, input: NewBooking, nowMs: number): Promise<BookingDoc> {
  const doc = bookingDoc(input, nowMs);
  await db.bookings.insert(doc);
  return doc;
}

/** Whether a booking may move from one status to another (forward only). */
export function canMove(from: BookingStatus, to: BookingStatus): boolean {
  return BOOKING_TRANSITIONS[from].includes(to);
}

/**
 * Moves a booking forward (check in, complete with the final price, no-show, cancel). A move the
 * rules do not allow — including any move out of a final state — is refused, nothing written.
 */
export async function moveBooking(
  db: Replica,
  bookingId: string,
  to: BookingStatus,
  nowMs: number,
  finalPrice?: number,
): Promise<BookingDoc> {
  const found = await db.bookings.findOne(bookingId).exec();
  if (found === null) throw new Error(`Booking ${bookingId} no longer exists`);
  if (finalPrice !== undefined && to !== 'completed') throw new Error('A final price is only set when completing a booking');
  const updated = await found.incrementalModify((doc) => {
    if (!canMove(doc.status, to)) {
      throw new DocumentRejected('bookings', bookingId, [{ field: 'status', message: `cannot change from ${doc.status} to ${to}` }]);
    }
    const next: BookingDoc = { ...doc, status: to, price: finalPrice ?? doc.price, updated_at: new Date(nowMs).toISOString() };
    assertValid('bookings', withoutMeta(next));
    return next;
  });
  return updated.toJSON() as BookingDoc;
}
