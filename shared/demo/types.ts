import type { Booking, Customer } from '../domain/types';

/** How a customer behaves over time; decides their status as of today. */
export const ARCHETYPES = ['regular', 'occasional', 'one_timer', 'lapsing', 'churned', 'win_back', 'newcomer', 'new'] as const;
export type Archetype = (typeof ARCHETYPES)[number];

/** Days after today that get scheduled bookings. */
export const FUTURE_DAYS = 14;

/** A generated customer: the import row (`Customer`) plus the document fields the app keeps. */
export interface GeneratedCustomer extends Customer {
  /** ISO country of the main branch (the phone number's numbering plan). */
  country: string;
  /** Id of the earlier customer who referred this one ('' = none). */
  referred_by: string;
  /** Branch whose desk registered the customer (first booking's branch). */
  registered_branch_id: string;
  /** A manager's reminder to call the customer (`YYYY-MM-DD`, '' = none); some lapsing customers have one. */
  follow_up_date: string;
  /** The behaviour the history was generated from (ground truth for tests and demos). */
  archetype: Archetype;
}

/**
 * A generated booking: the import row plus its instant, branch-local day and length. It is a
 * `ParsedBooking` / `BookingFact` as it stands, so the engine reads it without a copy.
 */
export interface GeneratedBooking extends Booking {
  /** Epoch milliseconds of start_at. */
  ms: number;
  /** Branch-local day number of start_at. */
  day: number;
  duration_min: number;
}

/** One customer and their whole booking history: the generator's unit of output. */
export interface CustomerHistory {
  customer: GeneratedCustomer;
  bookings: GeneratedBooking[];
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/** The readable id of the customer with this 0-based index (`cu-000001`). */
export function customerId(index: number): string {
  return `cu-${pad(index + 1, 6)}`;
}

/** The readable id of the n-th booking, 1-based (`bk-0000001`). */
export function bookingId(seq: number): string {
  return `bk-${pad(seq, 7)}`;
}
