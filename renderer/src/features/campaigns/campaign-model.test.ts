import { describe, expect, it } from 'vitest';
import type { CommunicationDoc } from '../../../../shared/domain/schemas';
import { validateDocument } from '../../../../shared/domain/validate';
import { DEFAULT_INSIGHT_RULES } from '../../../../shared/insights/business-rules';
import { criteria } from '../../../../shared/domain/criteria';
import { customerView } from '../../../../shared/insights/customer-view';
import { activity, customer, day } from '../../../../shared/insights/test-fixtures';
import { audienceCsv, campaignAudience, previewMessage, sampleCustomer } from './campaign-audience';
import { AUDIENCE_COLUMNS, readAudienceCsv } from './test-audience';
import { campaignDocOf, draftOf, draftProblems, holdoutOf, newDraft, nextVariantKey } from './campaign-model';
import { deliverySummary, failureText } from './delivery';

const NOW = Date.parse('2026-03-02T06:30:00Z');
const today = day('2026-03-02');
const ctx = { rules: DEFAULT_INSIGHT_RULES, highValueFrom: new Map<string, number | null>(), withFutureBooking: new Set(['booked']) };

function message(over: Partial<CommunicationDoc>): CommunicationDoc {
  return {
    id: 'co-1', customer_id: 'cu-1', branch_id: 'br-1', channel: 'sms', purpose: 'campaign', status: 'sent', message: 'Hi', at: '2026-02-28T10:00:00Z',
    campaign_id: 'cp-old', variant: 'A', trigger_key: '', direction: 'outbound', attempts: 1, next_attempt_at: '', error: '', updated_at: '', ...over,
  };
}

describe('campaign draft', () => {
  it('a new draft is valid once named; problems name their field', () => {
    const d = newDraft(NOW, { segmentId: 'sg-1', criteria: criteria({ statuses: ['at_risk'] }), label: 'Segment “At risk”' });
    expect(draftProblems(d)).toEqual([{ field: 'name', message: 'Give the campaign a name' }]);
    const named = { ...d, name: 'Win them back' };
    expect(draftProblems(named)).toEqual([]);
    const bad = { ...named, holdoutPct: '60', variants: [...named.variants, { key: 'B', message: 'Hello {firstname}, {offer}' }] };
    expect(draftProblems(bad)).toEqual([
      { field: 'holdoutPct', message: 'Enter a whole percentage from 0 to 50' },
      { field: 'variants.1.message', message: 'Unknown placeholder {firstname} (allowed: {name}, {first_name}, {branch}, {last_visit}, {offer})' },
    ]);
  });

  it('holdout as typed', () => {
    expect(holdoutOf('')).toBe(0);
    expect(holdoutOf(' 15 %')).toBe(15);
    expect(holdoutOf('7.5')).toBeNull();
    expect(holdoutOf('51')).toBeNull();
  });

  it('variant keys go A, B, C…', () => {
    expect(nextVariantKey([{ key: 'A', message: '' }])).toBe('B');
    expect(nextVariantKey([{ key: 'A', message: '' }, { key: 'C', message: '' }])).toBe('B');
  });

  it('becomes a valid campaign document and back', () => {
    const d = { ...newDraft(NOW, { segmentId: '', criteria: criteria({ vip: true }), label: 'Customers list filters' }), name: ' Spring ', offer: '10% off ', holdoutPct: '20' };
    const draftDoc = campaignDocOf(d, { branchId: 'br-1', nowMs: NOW, status: 'draft', audienceSize: 0 });
    expect(validateDocument('campaigns', draftDoc)).toEqual([]);
    expect(draftDoc).toMatchObject({ name: 'Spring', offer: '10% off', holdout_pct: 20, sent_at: '', status: 'draft', kind: 'manual' });
    const queued = campaignDocOf(d, { branchId: 'br-1', nowMs: NOW, status: 'queued', audienceSize: 12 });
    expect(queued).toMatchObject({ sent_at: '2026-03-02T06:30:00.000Z', audience_size: 12 });
    expect(validateDocument('campaigns', queued)).toEqual([]);
    expect(draftOf(draftDoc, 'x')).toMatchObject({ id: d.id, name: 'Spring', holdoutPct: '20', channel: 'sms' });
  });
});

describe('campaign audience', () => {
  const views = [
    customerView(customer({ id: 'ok', name: 'Zoe Ok' }), activity({ customer_id: 'ok', status: 'at_risk' }), ctx),
    customerView(customer({ id: 'ok2', name: 'Ana Ok' }), activity({ customer_id: 'ok2', status: 'at_risk' }), ctx),
    customerView(customer({ id: 'no-consent', opted_in_marketing: false }), activity({ customer_id: 'no-consent', status: 'at_risk' }), ctx),
    customerView(customer({ id: 'booked' }), activity({ customer_id: 'booked', status: 'at_risk' }), ctx),
    customerView(customer({ id: 'messaged' }), activity({ customer_id: 'messaged', status: 'at_risk' }), ctx),
    customerView(customer({ id: 'active' }), activity({ customer_id: 'active', status: 'active' }), ctx),
  ];
  const comms = [message({ customer_id: 'messaged', at: '2026-02-28T10:00:00Z' }), message({ customer_id: 'ok', at: '2026-02-01T10:00:00Z' })];
  const campaign = { id: 'cp-1', channel: 'sms' as const, variants: [{ key: 'A', message: 'Hi {first_name} at {branch}, last seen {last_visit}. {offer}' }], holdout_pct: 0, offer: '10% off' };

  it('excludes non-consenting, future-booked and recently messaged customers, counting each rule', () => {
    const result = campaignAudience({ campaign, criteria: criteria({ statuses: ['at_risk'] }), views, today, communications: comms, capDays: 7, nowMs: NOW });
    expect(result.members).toBe(5);
    expect(result.audience.recipients.map((v) => v.customer.id)).toEqual(['ok', 'ok2']);
    expect(result.audience.excluded).toMatchObject({ no_consent: 1, future_booking: 1, recently_messaged: 1 });
    expect(result.preview).toMatchObject({ size: 2, groups: { A: 2 } });
    // with no cap, the recently messaged customer is back in
    expect(campaignAudience({ campaign, criteria: criteria({ statuses: ['at_risk'] }), views, today, communications: comms, capDays: 0, nowMs: NOW }).preview.size).toBe(3);
  });

  it('previews a message for a sample recipient, and exports the audience as CSV with groups and messages', () => {
    const sample = sampleCustomer(views.slice(0, 2));
    expect(sample?.customer.name).toBe('Ana Ok');
    expect(previewMessage(campaign.variants[0]?.message ?? '', { name: 'Ana Ok' }, '2026-02-24', 'Makati', '10% off')).toBe('Hi Ana at Makati, last seen 24 February 2026. 10% off');
    expect(previewMessage('Hi {nope}', { name: 'Ana' }, null, 'Makati', '')).toBe('');
    const csv = audienceCsv({ campaign: { ...campaign, holdout_pct: 0 }, recipients: [views[1] as (typeof views)[number]], branchName: 'Makati' });
    const { header, rows, problems } = readAudienceCsv(csv);
    expect(header).toBe(AUDIENCE_COLUMNS.join(','));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { customer_id: 'ok2', name: 'Ana Ok', phone: '+639171234567', email: 'maria@example.com', group: 'A', message: 'Hi Ana at Makati, last seen 24 February 2026. 10% off', status: 'at_risk', last_visit_date: '2026-02-24', total_spent: '300.00' },
    ]);
  });
});

describe('delivery status', () => {
  it('counts messages by status and lists failures with their reason', () => {
    const summary = deliverySummary([
      message({ id: '1', status: 'sent' }),
      message({ id: '2', status: 'failed', error: 'SMTP 550 mailbox unavailable', attempts: 2, next_attempt_at: '2026-03-02T08:00:00Z', updated_at: '2026-03-02T07:00:00Z' }),
      message({ id: '3', status: 'queued' }),
      message({ id: '4', status: 'held', message: '' }),
    ]);
    expect(summary).toMatchObject({ total: 4, counts: { sent: 1, failed: 1, queued: 1, held: 1 }, settled: false });
    expect(summary.failed.map((m) => m.id)).toEqual(['2']);
    expect(failureText(summary.failed[0] as CommunicationDoc, () => '16:00')).toBe('SMTP 550 mailbox unavailable · 2 attempts · retrying at 16:00');
    expect(failureText(message({ status: 'sent' }), () => '')).toBe('');
    expect(deliverySummary([message({ status: 'sent' })]).settled).toBe(true);
  });
});
