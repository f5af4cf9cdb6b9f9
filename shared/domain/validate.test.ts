import { describe, expect, it } from 'vitest';
import type { BookingDoc, BranchDoc, CustomerDoc } from './schemas';
import { validateDocument } from './validate';

const BRANCH: BranchDoc = { id: 'b1', name: 'Manila', timezone: 'Asia/Manila', active_days: null, at_risk_days: null, country: 'PH', updated_at: '' };
const BOOKING: BookingDoc = {
  id: 'k1',
  customer_id: 'c1',
  branch_id: 'b1',
  service: 'Haircut',
  staff: 'Ana',
  start_at: '2026-03-01T10:00:00+08:00',
  duration_min: 30,
  status: 'scheduled',
  price: 2500,
  notes: '',
  created_at: '',
  updated_at: '2026-03-01T09:00:00Z',
  amendments: [],
  series: null,
  payment: null,
};
const consent = { granted: false, at: '' };
const CUSTOMER: CustomerDoc = {
  id: 'c1',
  name: 'Ana Cruz',
  phone: '+639171234567',
  email: 'ana@example.com',
  birthday: '1990-05-01',
  opted_in_marketing: false,
  preferred_contact: 'sms',
  consent: { sms: consent, email: consent, push: consent },
  tags: ['vip'],
  notes: '',
  preferences: '',
  preferred_staff: '',
  allergies: '',
  home_branch_id: 'b1',
  registered_branch_id: 'b1',
  referred_by: '',
  follow_up_date: '',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '',
  erased_at: '',
};

function fields(collection: Parameters<typeof validateDocument>[0], doc: unknown): Record<string, string> {
  return Object.fromEntries(validateDocument(collection, doc).map((p) => [p.field, p.message]));
}

describe('validateDocument', () => {
  it('accepts valid documents', () => {
    expect(validateDocument('branches', BRANCH)).toEqual([]);
    expect(validateDocument('bookings', BOOKING)).toEqual([]);
    expect(validateDocument('customers', CUSTOMER)).toEqual([]);
  });

  it('names the field and what is wrong with it', () => {
    expect(fields('bookings', { ...BOOKING, status: 'finished' })).toEqual({
      status: 'must be one of scheduled, checked_in, completed, cancelled, no_show',
    });
    expect(Object.keys(fields('bookings', { ...BOOKING, price: -1 }))).toEqual(['price']);
    expect(Object.keys(fields('bookings', { ...BOOKING, price: 12.5 }))).toEqual(['price']);
    const { customer_id: _omitted, ...withoutCustomer } = BOOKING;
    expect(fields('bookings', withoutCustomer)).toEqual({ customer_id: 'is required' });
    expect(Object.keys(fields('bookings', { ...BOOKING, surprise: 1 }))).toContain('surprise');
  });

  it('checks real calendar dates and instants, not just their shape', () => {
    expect(Object.keys(fields('bookings', { ...BOOKING, start_at: '2026-02-30T10:00:00Z' }))).toEqual(['start_at']);
    expect(Object.keys(fields('bookings', { ...BOOKING, start_at: '2026-02-10T10:00:00' }))).toEqual(['start_at']);
    expect(Object.keys(fields('customers', { ...CUSTOMER, birthday: '1990-02-30' }))).toEqual(['birthday']);
    expect(Object.keys(fields('customers', { ...CUSTOMER, consent: { ...CUSTOMER.consent, sms: { granted: true, at: '2026-13-01T00:00:00Z' } } }))).toEqual([
      'consent.sms.at',
    ]);
  });

  it('checks the time zone and the order of the thresholds', () => {
    expect(fields('branches', { ...BRANCH, timezone: 'Mars/Base' })).toEqual({ timezone: 'unknown time zone "Mars/Base"' });
    expect(fields('branches', { ...BRANCH, active_days: 40, at_risk_days: 10 })).toEqual({
      at_risk_days: 'at_risk_days (10) is less than active_days (40)',
    });
    expect(fields('branches', { ...BRANCH, active_days: 40, at_risk_days: null })).toEqual({
      at_risk_days: 'at_risk_days (30) is less than active_days (40)',
    });
    expect(validateDocument('branches', { ...BRANCH, active_days: 30, at_risk_days: 90 })).toEqual([]);
  });

  it('rejects what is not a document at all', () => {
    expect(validateDocument('bookings', null).length).toBeGreaterThan(0);
    expect(validateDocument('bookings', 'k1').length).toBeGreaterThan(0);
  });
});
