/** Valid documents for tests, with overrides. */
import type { BookingDoc, CampaignDoc, CommunicationDoc, CustomerDoc } from '../../shared/domain/schemas';
import type { WireDoc } from '../../shared/sync/protocol';
import { criteria } from '../../shared/domain/criteria';
import { customerFixture, scheduledBookingFixture } from '../../shared/domain/test-fixtures';

export function customerDoc(overrides: Partial<CustomerDoc> = {}): WireDoc<CustomerDoc> {
  const at = '2026-02-01T10:00:00Z';
  return { ...customerFixture({ id: 'cu-t1', name: 'Test Customer', phone: '', email: '', created_at: at, updated_at: at }), _deleted: false, ...overrides };
}

export function bookingDoc(overrides: Partial<BookingDoc> = {}): WireDoc<BookingDoc> {
  return { ...scheduledBookingFixture({ id: 'bk-t1', customer_id: 'cu-t1', start_at: '2026-02-20T10:00:00Z' }), _deleted: false, ...overrides };
}

export function communicationDoc(overrides: Partial<CommunicationDoc> = {}): WireDoc<CommunicationDoc> {
  return {
    id: 'cm-t1',
    customer_id: 'cu-t1',
    branch_id: 'br-a',
    channel: 'sms',
    purpose: 'reminder',
    status: 'logged',
    message: 'See you tomorrow',
    at: '2026-02-20T09:00:00Z',
    campaign_id: '',
    variant: '',
    trigger_key: '',
    direction: 'outbound',
    attempts: 0,
    next_attempt_at: '',
    error: '',
    updated_at: '',
    _deleted: false,
    ...overrides,
  };
}

export function campaignDoc(overrides: Partial<CampaignDoc> = {}): WireDoc<CampaignDoc> {
  return {
    id: 'cp-t1',
    branch_id: '',
    name: 'We miss you',
    kind: 'manual',
    segment_id: '',
    criteria: criteria({ statuses: ['at_risk'] }),
    channel: 'sms',
    variants: [{ key: 'A', message: 'Hi {name}' }],
    holdout_pct: 0,
    offer: '',
    status: 'draft',
    audience_size: 0,
    sent_at: '',
    created_at: '',
    updated_at: '',
    _deleted: false,
    ...overrides,
  };
}
