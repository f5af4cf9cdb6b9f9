/**
 * The documents for imported CSV rows (docs/DESIGN.md §3), merged with what is already stored:
 * the same mappings for the desk's import and the server's. Fields the CSV does not carry are
 * kept from the stored document (or their defaults for a new one).
 */
import { amendmentsKeptByImport } from '../schedule/corrections';
import { paymentKeptByImport } from '../schedule/payment';
import type { ParsedBooking } from './import';
import type { BookingDoc, BranchDoc, CustomerDoc } from '../domain/schemas';
import type { Branch, Customer } from '../domain/types';

/** A branch row: name, zone and thresholds from the CSV; the country is kept. */
export function importedBranchDoc(b: Branch, existing: BranchDoc | undefined): BranchDoc {
  return {
    id: b.id,
    name: b.name,
    timezone: b.timezone,
    active_days: b.active_days,
    at_risk_days: b.at_risk_days,
    country: existing?.country ?? '',
    updated_at: existing?.updated_at ?? '',
  };
}

/**
 * A booking row: duration, notes, creation time, series and payment (which the CSV lacks) are kept,
 * 30 minutes, no series and no payment for a new one (a payment only while the row is still the
 * completed visit at its price: shared/schedule/payment.ts).
 */
export function importedBookingDoc(b: ParsedBooking, existing: BookingDoc | undefined): BookingDoc {
  return {
    id: b.id,
    customer_id: b.customer_id,
    branch_id: b.branch_id,
    service: b.service,
    staff: b.staff,
    start_at: b.start_at,
    duration_min: existing?.duration_min ?? 30,
    status: b.status,
    price: b.price,
    notes: existing?.notes ?? '',
    created_at: existing?.created_at ?? '',
    updated_at: existing?.updated_at ?? '',
    amendments: amendmentsKeptByImport(b, existing, paymentKeptByImport(b, existing) !== null),
    series: existing?.series ?? null,
    payment: paymentKeptByImport(b, existing),
  };
}

/**
 * A customer row. The CSV carries the person and the marketing
 * flag; what only the desk records (consent history, care details, referrals, follow-up) is kept,
 * and tags, notes and preferences are kept when the row leaves them empty. An erased customer is
 * never brought back: the stored document is returned unchanged.
 */
export function importedCustomerDoc(c: Customer, existing: CustomerDoc | undefined): CustomerDoc {
  if (existing !== undefined && existing.erased_at !== '') return existing;
  const channel = (ch: 'sms' | 'email' | 'push') => ({ granted: c.opted_in_marketing && c.preferred_contact === ch, at: '' });
  return {
    id: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    birthday: c.birthday,
    opted_in_marketing: c.opted_in_marketing,
    preferred_contact: c.preferred_contact,
    consent: existing?.consent ?? { sms: channel('sms'), email: channel('email'), push: channel('push') },
    tags: c.tags.length > 0 ? c.tags : (existing?.tags ?? []),
    notes: c.notes !== '' ? c.notes : (existing?.notes ?? ''),
    preferences: c.preferences !== '' ? c.preferences : (existing?.preferences ?? ''),
    preferred_staff: existing?.preferred_staff ?? '',
    allergies: existing?.allergies ?? '',
    home_branch_id: c.home_branch_id,
    registered_branch_id: existing?.registered_branch_id ?? '',
    referred_by: existing?.referred_by ?? '',
    follow_up_date: existing?.follow_up_date ?? '',
    created_at: c.created_at,
    updated_at: existing?.updated_at ?? '',
    erased_at: '',
  };
}
