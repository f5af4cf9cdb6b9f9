import type { BookingDoc, BranchDoc, CustomerDoc } from '../domain/schemas';
import { formatInstant } from '../time/instant';
import type { DemoBranch } from './branches';
import type { GeneratedBooking, GeneratedCustomer } from './types';
import { mix32 } from './prng';

/**
 * Generated rows as the documents of `shared/domain/schemas.ts` (what the replica stores and
 * sync pushes). Every field is filled; the results pass `validateDocument`.
 */

export function toBranchDoc(b: DemoBranch): BranchDoc {
  return {
    id: b.id,
    name: b.name,
    timezone: b.timezone,
    active_days: b.active_days,
    at_risk_days: b.at_risk_days,
    country: b.country,
    updated_at: '',
  };
}

export function toCustomerDoc(c: GeneratedCustomer): CustomerDoc {
  const at = c.opted_in_marketing ? c.created_at : '';
  return {
    id: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    birthday: c.birthday,
    opted_in_marketing: c.opted_in_marketing,
    preferred_contact: c.preferred_contact,
    consent: {
      sms: { granted: c.opted_in_marketing && c.phone !== '', at },
      email: { granted: c.opted_in_marketing && c.email !== '', at },
      push: { granted: c.opted_in_marketing && c.preferred_contact === 'push', at },
    },
    tags: [...c.tags],
    notes: c.notes,
    preferences: c.preferences,
    preferred_staff: '',
    allergies: '',
    home_branch_id: c.home_branch_id,
    registered_branch_id: c.registered_branch_id,
    referred_by: c.referred_by,
    follow_up_date: c.follow_up_date,
    created_at: c.created_at,
    updated_at: '',
    erased_at: '',
  };
}

const MINUTE = 60_000;

/**
 * A booking document. `created_at` is when the desk took the booking: an hour to two weeks
 * before it starts (from a hash of its id, so it is deterministic), never after `nowMs`.
 */
export function toBookingDoc(b: GeneratedBooking, nowMs: number): BookingDoc {
  let hash = 0;
  for (let i = 0; i < b.id.length; i += 1) hash = mix32(hash ^ b.id.charCodeAt(i));
  const lead = (60 + (hash % (14 * 24 * 60))) * MINUTE;
  const created = Math.min(b.ms - lead, nowMs);
  return {
    id: b.id,
    customer_id: b.customer_id,
    branch_id: b.branch_id,
    service: b.service,
    staff: b.staff,
    start_at: b.start_at,
    duration_min: b.duration_min,
    status: b.status,
    price: b.price,
    notes: '',
    created_at: formatInstant(created),
    updated_at: '',
    amendments: [],
    series: null,
    payment: null,
  };
}
