/** Test helpers of the engine: plain bookings as the facts the engine reads. */
import type { Booking, Branch } from '../domain/types';
import { parseInstant } from '../time/instant';
import { zoneClock } from '../time/zone';
import type { BookingFact } from './activity';

/** Resolves the instant and branch-local day of plain bookings (one cached zone clock per branch). */
export function* factsOf(branches: readonly Branch[], bookings: Iterable<Booking>): Generator<BookingFact> {
  const clocks = new Map(branches.map((b) => [b.id, zoneClock(b.timezone)]));
  for (const b of bookings) {
    const clock = clocks.get(b.branch_id);
    if (clock === undefined) throw new RangeError(`booking ${b.id}: unknown branch "${b.branch_id}"`);
    const ms = parseInstant(b.start_at);
    if (ms === null) throw new RangeError(`booking ${b.id}: start_at "${b.start_at}" is not an ISO 8601 instant`);
    yield {
      id: b.id,
      customer_id: b.customer_id,
      branch_id: b.branch_id,
      service: b.service,
      staff: b.staff,
      status: b.status,
      price: b.price,
      ms,
      day: clock.localDay(ms),
    };
  }
}
