/**
 * Double-booking detection: a booking that overlaps another of the same staff member, or of the
 * same customer, at the same time. Conflicts are derived from the data every time (never stored,
 * never merged away), so two desks that booked the same slot offline both show it after sync.
 */
import type { BookingStatus } from '../domain/types';
import { parseInstant } from '../time/instant';
import { compareCodePoints } from '../util/compare';

/** The fields conflict detection reads (a `BookingDoc` has them all). */
export interface SlotBooking {
  id: string;
  customer_id: string;
  staff: string;
  start_at: string;
  duration_min: number;
  status: BookingStatus;
}

export type ConflictKind = 'staff' | 'customer';

export interface BookingConflict<T extends SlotBooking = SlotBooking> {
  kind: ConflictKind;
  other: T;
}

/** Cancelled bookings and no-shows free their slot; everything else holds it. */
export function holdsSlot(status: BookingStatus): boolean {
  return status !== 'cancelled' && status !== 'no_show';
}

/** [start, end) in epoch milliseconds, or null for an unreadable start. */
export function bookingInterval(b: Pick<SlotBooking, 'start_at' | 'duration_min'>): { start: number; end: number } | null {
  const start = parseInstant(b.start_at);
  if (start === null) return null;
  return { start, end: start + b.duration_min * 60_000 };
}

/** Staff names compare trimmed and case-insensitively ("ana" and "Ana " are one person). */
export function staffKey(staff: string): string {
  return staff.trim().toLocaleLowerCase('en');
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * What `candidate` would clash with among `others`: each other booking that holds its slot,
 * overlaps in time (touching ends do not) and has the same staff member (a named one) or the same
 * customer. One entry per (kind, booking), staff first, then by start and id.
 */
export function conflictsFor<T extends SlotBooking>(candidate: SlotBooking, others: readonly T[]): BookingConflict<T>[] {
  if (!holdsSlot(candidate.status)) return [];
  const span = bookingInterval(candidate);
  if (span === null) return [];
  const staff = staffKey(candidate.staff);
  const found: { conflict: BookingConflict<T>; start: number }[] = [];
  for (const other of others) {
    if (other.id === candidate.id || !holdsSlot(other.status)) continue;
    const otherSpan = bookingInterval(other);
    if (otherSpan === null || !overlap(span, otherSpan)) continue;
    if (staff !== '' && staffKey(other.staff) === staff) found.push({ conflict: { kind: 'staff', other }, start: otherSpan.start });
    if (other.customer_id === candidate.customer_id) found.push({ conflict: { kind: 'customer', other }, start: otherSpan.start });
  }
  found.sort(
    (a, b) =>
      (a.conflict.kind === b.conflict.kind ? 0 : a.conflict.kind === 'staff' ? -1 : 1) ||
      a.start - b.start ||
      compareCodePoints(a.conflict.other.id, b.conflict.other.id),
  );
  return found.map((f) => f.conflict);
}

/**
 * Every booking of `bookings` that is in a conflict, with the kinds of conflict it is in (a sweep
 * over start times: O(n log n + overlaps)). Bookings without conflicts are absent.
 */
export function conflictMap(bookings: readonly SlotBooking[]): Map<string, Set<ConflictKind>> {
  const spans: { b: SlotBooking; start: number; end: number }[] = [];
  for (const b of bookings) {
    if (!holdsSlot(b.status)) continue;
    const span = bookingInterval(b);
    if (span !== null) spans.push({ b, ...span });
  }
  spans.sort((x, y) => x.start - y.start || compareCodePoints(x.b.id, y.b.id));
  const out = new Map<string, Set<ConflictKind>>();
  const mark = (id: string, kind: ConflictKind): void => {
    const set = out.get(id) ?? new Set<ConflictKind>();
    set.add(kind);
    out.set(id, set);
  };
  let active: typeof spans = [];
  for (const current of spans) {
    active = active.filter((a) => a.end > current.start);
    for (const a of active) {
      if (a.b.id === current.b.id) continue;
      const staff = staffKey(current.b.staff);
      if (staff !== '' && staffKey(a.b.staff) === staff) {
        mark(a.b.id, 'staff');
        mark(current.b.id, 'staff');
      }
      if (a.b.customer_id === current.b.customer_id) {
        mark(a.b.id, 'customer');
        mark(current.b.id, 'customer');
      }
    }
    active.push(current);
  }
  return out;
}
