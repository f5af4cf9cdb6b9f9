import { describe, expect, it } from 'vitest';
import type { CommunicationDoc } from '../domain/schemas';
import { MS_PER_DAY } from '../time/calendar';
import { buildAudience, channelProblem, isMarketing, lastMarketingContact, previewAudience, withinCap } from './audience';
import type { CustomerView } from './customer-view';
import { activity, customer } from './test-fixtures';

const NOW = Date.parse('2026-03-01T08:00:00Z');

function comm(over: Partial<CommunicationDoc>): CommunicationDoc {
  return {
    id: 'co', customer_id: 'cu-1', branch_id: 'br-1', channel: 'sms', purpose: 'campaign', status: 'sent', message: 'x', at: '2026-02-27T08:00:00Z',
    campaign_id: 'cp-old', variant: 'A', trigger_key: '', direction: 'outbound', attempts: 1, next_attempt_at: '', error: '', updated_at: '', ...over,
  };
}

const view = (id: string, over: Partial<Parameters<typeof customer>[0]> = {}, future = false): CustomerView => ({
  customer: customer({ id, ...over }),
  activity: activity({ customer_id: id }),
  rfm: null,
  highValue: false,
  vip: false,
  hasFutureBooking: future,
  outlook: null,
  cadence: null,
});

describe('campaign audience', () => {
  it('keeps opted-in customers only: overall consent and consent on the channel, with an address', () => {
    const no = { granted: false, at: '2026-02-01T00:00:00Z' };
    const yes = { granted: true, at: '2026-01-01T00:00:00Z' };
    expect(channelProblem(customer(), 'sms')).toBeNull();
    expect(channelProblem(customer({ opted_in_marketing: false }), 'sms')).toBe('no_consent');
    expect(channelProblem(customer({ consent: { sms: no, email: yes, push: no } }), 'sms')).toBe('no_consent');
    expect(channelProblem(customer({ consent: { sms: no, email: yes, push: no } }), 'email')).toBeNull();
    expect(channelProblem(customer({ email: '' }), 'email')).toBe('no_address');
    expect(channelProblem(customer(), 'push')).toBe('no_consent');
  });

  it('leaves out future bookings and anyone messaged for marketing within the cap', () => {
    const communications = [
      comm({ customer_id: 'cu-recent', at: '2026-02-25T09:00:00Z' }),
      comm({ customer_id: 'cu-old', at: '2026-02-20T08:00:00Z' }),
      comm({ customer_id: 'cu-failed', status: 'failed', at: '2026-02-28T08:00:00Z' }),
      comm({ customer_id: 'cu-held', status: 'held', at: '2026-02-28T08:00:00Z' }),
      comm({ customer_id: 'cu-service', campaign_id: '', variant: '', purpose: 'reminder', at: '2026-02-28T08:00:00Z' }),
      comm({ customer_id: 'cu-auto', campaign_id: '', trigger_key: 'at_risk:br-1:cu-auto:2026-02-27', at: '2026-02-28T08:00:00Z', status: 'queued' }),
      comm({ customer_id: 'cu-self', campaign_id: 'cp-now', at: '2026-02-28T08:00:00Z' }),
    ];
    const last = lastMarketingContact(communications, 'cp-now');
    expect([...last.keys()].sort()).toEqual(['cu-auto', 'cu-old', 'cu-recent']);
    const members = [
      view('cu-ok'),
      view('cu-recent'),
      view('cu-old'),
      view('cu-failed'),
      view('cu-held'),
      view('cu-service'),
      view('cu-auto'),
      view('cu-self'),
      view('cu-future', {}, true),
      view('cu-out', { opted_in_marketing: false }),
      view('cu-nophone', { phone: '' }),
      view('cu-erased', { erased_at: '2026-02-01T00:00:00Z' }),
    ];
    const audience = buildAudience({ channel: 'sms', members, lastContact: last, capDays: 7, nowMs: NOW });
    expect(audience.recipients.map((v) => v.customer.id)).toEqual(['cu-ok', 'cu-old', 'cu-failed', 'cu-held', 'cu-service', 'cu-self']);
    expect(audience.excluded).toEqual({ erased: 1, no_consent: 1, no_address: 1, future_booking: 1, recently_messaged: 2 });
    // The cap is a setting: 0 turns it off, 14 days also excludes the message of 9 days ago.
    expect(buildAudience({ channel: 'sms', members, lastContact: last, capDays: 0, nowMs: NOW }).excluded.recently_messaged).toBe(0);
    expect(buildAudience({ channel: 'sms', members, lastContact: last, capDays: 14, nowMs: NOW }).excluded.recently_messaged).toBe(3);
  });

  it('counts the cap in exact days', () => {
    expect(withinCap(NOW - 7 * MS_PER_DAY + 1, 7, NOW)).toBe(true);
    expect(withinCap(NOW - 7 * MS_PER_DAY, 7, NOW)).toBe(false);
    expect(withinCap(undefined, 7, NOW)).toBe(false);
    expect(isMarketing({ campaign_id: '', trigger_key: '', purpose: 'marketing' })).toBe(true);
  });

  it('previews the size and the split before sending', () => {
    const members = Array.from({ length: 200 }, (_, i) => view(`cu-${i}`));
    const audience = buildAudience({ channel: 'email', members, lastContact: new Map(), capDays: 7, nowMs: NOW });
    const preview = previewAudience({ id: 'cp-1', variants: [{ key: 'A' }, { key: 'B' }], holdout_pct: 10 }, audience);
    expect(preview.size).toBe(200);
    expect(Object.keys(preview.groups).sort()).toEqual(['A', 'B', 'holdout']);
    expect((preview.groups.A ?? 0) + (preview.groups.B ?? 0) + (preview.groups.holdout ?? 0)).toBe(200);
  });
});
