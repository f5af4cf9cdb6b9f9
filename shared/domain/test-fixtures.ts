/** The one valid customer document that tests start from (desk, server and shared tests), with overrides. Not used by the app. */
import type { BookingDoc, CustomerDoc } from './schemas';

export function customerFixture(over: Partial<CustomerDoc> = {}): CustomerDoc {
  return {
    id: 'cu-1',
    name: 'Maria Santos',
    phone: '+639171234567',
    email: 'maria@example.com',
    birthday: '',
    opted_in_marketing: false,
    preferred_contact: 'none',
    consent: { sms: { granted: false, at: '' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } },
    tags: [],
    notes: '',
    preferences: '',
    preferred_staff: '',
    allergies: '',
    home_branch_id: '',
    registered_branch_id: '',
    referred_by: '',
    follow_up_date: '',
    created_at: '',
    updated_at: '',
    erased_at: '',
    ...over,
  };
}

/** A valid scheduled booking for shared tests, with overrides. Not used by the app. */
export function scheduledBookingFixture(over: Partial<BookingDoc> = {}): BookingDoc {
  return {
    id: 'bk-1',
    customer_id: 'cu-1',
    branch_id: 'br-a',
    service: 'Haircut',
    staff: 'Ana',
    start_at: '2026-03-03T16:00:00-05:00',
    duration_min: 30,
    status: 'scheduled',
    price: 2500,
    notes: '',
    created_at: '2026-02-01T10:00:00Z',
    updated_at: '2026-02-01T10:00:00Z',
    amendments: [],
    series: null,
    payment: null,
    ...over,
  };
}
