import type { BookingDoc, BranchDoc, CustomerDoc } from '../../../shared/domain/schemas';

/** Small valid documents for tests (one branch in Manila, customers, bookings). */
export function branchFixture(over: Partial<BranchDoc> = {}): BranchDoc {
  return { id: 'br-1', name: 'Makati', timezone: 'Asia/Manila', active_days: null, at_risk_days: null, country: 'PH', updated_at: '', ...over };
}

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

export function bookingFixture(over: Partial<BookingDoc> = {}): BookingDoc {
  return {
    id: 'bk-1',
    customer_id: 'cu-1',
    branch_id: 'br-1',
    service: 'Haircut',
    staff: 'Ana',
    start_at: '2026-02-20T10:00:00+08:00',
    duration_min: 30,
    status: 'completed',
    price: 25_000,
    notes: '',
    created_at: '',
    updated_at: '',
    ...over,
  };
}
