import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BookingDoc, CommunicationDoc } from '../domain/schemas';
import { validateDocument } from '../domain/validate';
import { activity, customer, day } from '../insights/test-fixtures';
import { eraseCommunication, eraseCustomer, erasedProblems, isErased } from './erase';
import { exportCustomerData } from './export';
import { retentionDue } from './retention';

const AT = '2026-03-01T10:00:00Z';

function booking(over: Partial<BookingDoc> = {}): BookingDoc & { _deleted?: boolean } {
  return {
    id: 'bk-1', customer_id: 'cu-1', branch_id: 'br-1', service: 'Cut', staff: 'Ana', start_at: '2026-02-01T10:00:00Z', duration_min: 30,
    status: 'completed', price: 2500, notes: '', created_at: '', updated_at: '', amendments: [], series: null, payment: null, ...over,
  };
}

function message(over: Partial<CommunicationDoc> = {}): CommunicationDoc {
  return {
    id: 'co-1', customer_id: 'cu-1', branch_id: 'br-1', channel: 'sms', purpose: 'campaign', status: 'sent', message: 'Hi Maria', at: '2026-02-02T10:00:00Z',
    campaign_id: 'cp-1', variant: 'A', trigger_key: '', direction: 'outbound', attempts: 1, next_attempt_at: '', error: '', updated_at: '', ...over,
  };
}

describe('erasure', () => {
  it('blanks everything personal, withdraws consent, keeps the id and the branches', () => {
    const c = customer({ notes: 'n', preferences: 'p', preferred_staff: 'Ana', allergies: 'latex', referred_by: 'cu-9', follow_up_date: '2026-04-01', tags: ['vip'] });
    const erased = eraseCustomer(c, AT);
    expect(erased).toEqual({
      ...c,
      name: '', phone: '', email: '', birthday: '', notes: '', preferences: '', preferred_staff: '', allergies: '', referred_by: '', follow_up_date: '',
      tags: [], opted_in_marketing: false, preferred_contact: 'none',
      consent: { sms: { granted: false, at: AT }, email: { granted: false, at: AT }, push: { granted: false, at: '2026-03-01T10:00:00Z' } },
      erased_at: AT, updated_at: AT,
    });
    expect(isErased(erased)).toBe(true);
    expect(validateDocument('customers', erased)).toEqual([]);
    expect(eraseCustomer(erased, '2027-01-01T00:00:00Z')).toEqual(erased);
  });

  it('refuses an erased document that still holds personal data', () => {
    const erased = eraseCustomer(customer(), AT);
    expect(erasedProblems({ ...erased, name: 'Maria', tags: ['x'] })).toEqual([
      { field: 'name', message: 'must be empty: the customer was erased' },
      { field: 'tags', message: 'must be empty: the customer was erased' },
    ]);
    expect(validateDocument('customers', { ...erased, phone: '+639171234567' }).map((p) => p.field)).toEqual(['phone']);
  });

  it('erases any customer into a valid anonymous document', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.subarray(['a', 'b', 'c']), fc.boolean(), (name, tags, opted) => {
        const erased = eraseCustomer(customer({ name, tags, opted_in_marketing: opted }), AT);
        expect(erasedProblems(erased)).toEqual([]);
        expect(validateDocument('customers', erased)).toEqual([]);
      }),
    );
  });

  it('blanks the customer\u2019s messages and cancels the ones not sent yet', () => {
    expect(eraseCommunication(message(), AT)).toEqual({ ...message(), message: '', updated_at: AT });
    expect(eraseCommunication(message({ status: 'queued', attempts: 0 }), AT)).toMatchObject({ status: 'cancelled', message: '', error: 'cancelled: the customer was erased' });
    expect(eraseCommunication(message({ status: 'failed', next_attempt_at: '2026-03-02T00:00:00Z', error: 'timeout' }), AT)).toMatchObject({ status: 'cancelled', next_attempt_at: '' });
    expect(eraseCommunication(message({ message: '', status: 'held' }), AT)).toBeNull();
  });
});

describe('data export', () => {
  it('bundles the customer\u2019s own live documents in time order, as plain JSON', () => {
    const c = { ...customer(), _meta: { lwt: 1 }, _rev: '1-a', _deleted: false };
    const bundle = exportCustomerData(
      c,
      [booking({ id: 'bk-2', start_at: '2026-02-03T10:00:00+08:00' }), booking({ id: 'bk-1', start_at: '2026-02-03T03:00:00Z' }), booking({ id: 'bk-x', customer_id: 'cu-2' }), { ...booking({ id: 'bk-del' }), _deleted: true }],
      [message({ id: 'co-2', at: '2026-02-05T00:00:00Z' }), message({ id: 'co-1' })],
      [activity({ branch_id: 'br-2' }), activity(), activity({ customer_id: 'cu-2' })],
      AT,
    );
    expect(bundle.format).toBe('branchdesk-customer-export');
    expect(bundle.customer).toEqual(customer());
    expect(bundle.bookings.map((b) => b.id)).toEqual(['bk-2', 'bk-1']);
    expect(bundle.communications.map((m) => m.id)).toEqual(['co-1', 'co-2']);
    expect(bundle.activity.map((a) => a.branch_id)).toEqual(['br-1', 'br-2']);
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
  });
});

describe('retention rule', () => {
  const on = { retention_enabled: true, retention_years: 3 };
  const off = { retention_enabled: false, retention_years: 3 };
  const today = day('2026-03-01');
  const base = {
    customer: customer({ home_branch_id: 'br-1' }),
    pairs: [{ branch_id: 'br-1', last_visit_date: '2023-02-28' }],
    settings: new Map([['br-1', on]]),
    hasFutureBooking: false,
    outlook: null,
    cadence: null,
    today,
  };

  it('anonymises after N years without a visit, when the rule is on (off by default)', () => {
    expect(retentionDue(base)).toBe(true);
    expect(retentionDue({ ...base, pairs: [{ branch_id: 'br-1', last_visit_date: '2023-03-02' }] })).toBe(false);
    expect(retentionDue({ ...base, settings: new Map() })).toBe(false);
    expect(retentionDue({ ...base, settings: new Map([['br-1', off]]) })).toBe(false);
    expect(retentionDue({ ...base, hasFutureBooking: true })).toBe(false);
    expect(retentionDue({ ...base, customer: eraseCustomer(customer(), AT) })).toBe(false);
  });

  it('needs every branch of the customer to agree, and waits for the longest period', () => {
    const pairs = [
      { branch_id: 'br-1', last_visit_date: '2022-01-01' },
      { branch_id: 'br-2', last_visit_date: '2021-01-01' },
    ];
    expect(retentionDue({ ...base, pairs, settings: new Map([['br-1', on]]) })).toBe(false);
    expect(retentionDue({ ...base, pairs, settings: new Map([['br-1', on], ['br-2', on]]) })).toBe(true);
    expect(retentionDue({ ...base, pairs, settings: new Map([['br-1', on], ['br-2', { retention_enabled: true, retention_years: 5 }]]) })).toBe(false);
  });

  it('counts from the creation date when the customer never visited', () => {
    // Created 2022-06-01 (UTC): three years are up on 2025-06-01, not the day before.
    const never = { ...base, customer: customer({ created_at: '2022-06-01T23:00:00Z' }), pairs: [{ branch_id: 'br-1', last_visit_date: null }] };
    expect(retentionDue({ ...never, today: day('2025-06-01') })).toBe(true);
    expect(retentionDue({ ...never, today: day('2025-05-31') })).toBe(false);
    expect(retentionDue({ ...base, customer: customer({ created_at: '2022-06-01T00:00:00Z' }), pairs: [{ branch_id: 'br-1', last_visit_date: null }] })).toBe(true);
    expect(retentionDue({ ...base, customer: customer({ created_at: '' }), pairs: [{ branch_id: 'br-1', last_visit_date: null }] })).toBe(false);
  });
});
