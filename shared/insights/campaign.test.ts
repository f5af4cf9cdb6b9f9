import { describe, expect, it } from 'vitest';
import type { CampaignDoc, CommunicationDoc } from '../domain/schemas';
import { validateDocument } from '../domain/validate';
import { HOLDOUT_KEY } from './assignment';
import { campaignCommunications } from './campaign-messages';
import { campaignResult, triggerReport, type CampaignResult, type ReportBooking } from './campaign-report';
import { criteria } from '../domain/criteria';
import type { CustomerView } from './customer-view';
import { TemplateError } from '../domain/template';
import { activity, customer } from './test-fixtures';

const AT = '2026-03-01T08:00:00Z';
const AT_MS = Date.parse(AT);
const DAY = 86_400_000;

function campaign(over: Partial<CampaignDoc> = {}): CampaignDoc {
  return {
    id: 'cp-1', branch_id: 'br-1', name: 'Back soon', kind: 'manual', segment_id: '', criteria: criteria({ statuses: ['at_risk'] }), channel: 'sms',
    variants: [{ key: 'A', message: 'Hi {first_name}, {offer} at {branch}' }, { key: 'B', message: 'We miss you, {name}! Last visit {last_visit}.' }],
    holdout_pct: 20, offer: '20% off', status: 'queued', audience_size: 0, sent_at: AT, created_at: '', updated_at: '', ...over,
  };
}

const views: CustomerView[] = Array.from({ length: 60 }, (_, i) => ({
  customer: customer({ id: `cu-${i}`, name: `Person ${i} Cruz` }),
  activity: activity({ customer_id: `cu-${i}`, last_visit_date: '2026-01-15' }),
  rfm: null,
  highValue: false,
  vip: false,
  hasFutureBooking: false,
  outlook: null,
  cadence: null,
}));

describe('campaign outbox', () => {
  it('renders each member\u2019s group message, records the holdout without a message, and validates', () => {
    const docs = campaignCommunications({ campaign: campaign(), recipients: views, branch: { id: 'br-1', name: 'Makati' }, at: AT });
    expect(docs).toHaveLength(60);
    const byGroup = new Map<string, CommunicationDoc[]>();
    for (const d of docs) byGroup.set(d.variant, [...(byGroup.get(d.variant) ?? []), d]);
    expect([...byGroup.keys()].sort()).toEqual(['A', 'B', HOLDOUT_KEY]);
    for (const d of byGroup.get('A') ?? []) expect(d.message).toMatch(/^Hi Person, 20% off at Makati$/);
    for (const d of byGroup.get('B') ?? []) expect(d.message).toMatch(/^We miss you, Person \d+ Cruz! Last visit 15 January 2026\.$/);
    for (const d of byGroup.get(HOLDOUT_KEY) ?? []) expect(d).toMatchObject({ status: 'held', message: '' });
    for (const d of docs) {
      expect(validateDocument('communications', d)).toEqual([]);
      expect(d).toMatchObject({ campaign_id: 'cp-1', trigger_key: '', direction: 'outbound', attempts: 0, at: AT });
      if (d.variant !== HOLDOUT_KEY) expect(d.status).toBe('queued');
    }
    // Queuing again produces the same ids: nothing is sent twice.
    const again = campaignCommunications({ campaign: campaign(), recipients: views, branch: { id: 'br-1', name: 'Makati' }, at: AT });
    expect(again.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    expect(new Set(docs.map((d) => d.id)).size).toBe(60);
    for (const d of docs) expect(d.id).toMatch(/^cm-[\w-]{22}$/);
  });

  it('rejects the whole campaign when a template has an unknown placeholder, naming it', () => {
    const bad = campaign({ variants: [{ key: 'A', message: 'Hi {name}' }, { key: 'B', message: 'Hi {nickname}' }] });
    expect(() => campaignCommunications({ campaign: bad, recipients: views, branch: { id: 'br-1', name: 'M' }, at: AT })).toThrow(TemplateError);
    expect(() => campaignCommunications({ campaign: bad, recipients: views, branch: { id: 'br-1', name: 'M' }, at: AT })).toThrow(/variants\.1\.message: unknown placeholder \{nickname\}/);
    // The same rule guards the document: a queued campaign with a bad template is invalid, a draft is not.
    expect(validateDocument('campaigns', bad)).toEqual([{ field: 'variants.1.message', message: expect.stringMatching(/unknown placeholder \{nickname\}/) }]);
    expect(validateDocument('campaigns', { ...bad, status: 'draft' })).toEqual([]);
    expect(validateDocument('campaigns', campaign({ variants: [{ key: 'holdout', message: 'x' }, { key: 'A', message: 'y' }, { key: 'A', message: 'z' }] }))).toEqual([
      { field: 'variants.0.key', message: '"holdout" is reserved for the holdout group' },
      { field: 'variants.2.key', message: 'variant "A" appears twice' },
    ]);
  });
});

describe('campaign report', () => {
  const comm = (customer_id: string, variant: string, at = AT): Pick<CommunicationDoc, 'customer_id' | 'campaign_id' | 'variant' | 'at' | 'trigger_key' | 'status'> => ({
    customer_id, campaign_id: 'cp-1', variant, at, trigger_key: '', status: variant === HOLDOUT_KEY ? 'held' : 'sent',
  });
  const booking = (customer_id: string, days: number, status: ReportBooking['status'] = 'completed', price = 1000): ReportBooking => ({
    customer_id, ms: AT_MS + days * DAY, status, price,
  });

  const AFTER = AT_MS + 31 * DAY;
  const groupsOf = (r: CampaignResult) => (r.phase === 'final' ? r.groups.map(({ uplift_ci_pts: _, ...g }) => g) : r.phase);

  it('shows per group the share who booked within 30 days of the send, their spend, and the uplift over the holdout', () => {
    const communications = [comm('a1', 'A'), comm('a2', 'A'), comm('a3', 'A'), comm('a4', 'A'), comm('b1', 'B'), comm('b2', 'B'), comm('h1', HOLDOUT_KEY), comm('h2', HOLDOUT_KEY), { ...comm('x', 'A'), campaign_id: 'other' }];
    const bookings = [
      booking('a1', 3),
      booking('a1', 10, 'completed', 500),
      booking('a2', 29.9, 'scheduled'),
      booking('a3', 30),
      booking('a4', -1),
      booking('b1', 5, 'cancelled'),
      booking('b2', 1, 'no_show'),
      booking('h1', 2, 'completed', 2000),
      booking('x', 1),
    ];
    const r = campaignResult('cp-1', communications, bookings, AFTER);
    expect(groupsOf(r)).toEqual([
      { group: 'A', size: 4, booked: 2, booked_share: 0.5, spend: 1500, spend_per_customer: 375, uplift_pts: 0 },
      { group: 'B', size: 2, booked: 1, booked_share: 0.5, spend: 0, spend_per_customer: 0, uplift_pts: 0 },
      { group: HOLDOUT_KEY, size: 2, booked: 1, booked_share: 0.5, spend: 2000, spend_per_customer: 1000, uplift_pts: 0 },
    ]);
    const better = campaignResult('cp-1', communications, [...bookings, booking('a4', 4)], AFTER);
    expect(better.phase === 'final' && better.groups[0]).toMatchObject({ booked: 3, booked_share: 0.75, uplift_pts: 25 });
    const noHoldout = campaignResult('cp-1', communications.filter((c) => c.variant !== HOLDOUT_KEY), bookings, AFTER);
    expect(noHoldout.phase === 'final' && noHoldout.groups[0]).toMatchObject({ uplift_pts: null, uplift_ci_pts: null });
  });

  it('shows nothing measured before every message has an outcome, only the group sizes until the 30 days are over', () => {
    const queued = [{ ...comm('a1', 'A'), status: 'queued' as const }, comm('a2', 'A'), comm('h1', HOLDOUT_KEY)];
    const bookings = [booking('a2', 1), booking('h1', 40)];
    // the desk queued them and has no server: seconds later there is no result at all (not "0 % booked")
    expect(campaignResult('cp-1', queued, bookings, AT_MS + 60_000)).toEqual({ phase: 'awaiting_delivery', sizes: { A: 2, holdout: 1 }, waiting: 1 });
    expect(campaignResult('cp-1', queued, bookings, AFTER).phase).toBe('awaiting_delivery');
    // a holdout alone (nothing sent) is never a result
    expect(campaignResult('cp-1', [comm('h1', HOLDOUT_KEY)], bookings, AFTER).phase).toBe('awaiting_delivery');
    // sent two days after it was queued (the desk synced then): the window runs from the send, for the holdout too
    const sentLater = (c: ReturnType<typeof comm>) => ({ ...c, updated_at: new Date(AT_MS + 2 * DAY).toISOString() });
    const sent = [comm('a1', 'A'), comm('a2', 'A'), comm('h1', HOLDOUT_KEY)].map(sentLater);
    const during = campaignResult('cp-1', sent, bookings, AT_MS + 20 * DAY);
    expect(during).toEqual({ phase: 'measuring', sizes: { A: 2, holdout: 1 }, sent_at: AT_MS + 2 * DAY, results_at: AT_MS + 32 * DAY });
    expect(campaignResult('cp-1', sent, bookings, AT_MS + 32 * DAY - 1).phase).toBe('measuring');
    const final = campaignResult('cp-1', sent, [...bookings, booking('a1', 3), booking('h1', 31)], AT_MS + 32 * DAY);
    // a2's booking on day 1 came before the send and does not count; h1's on day 31 after queueing
    // is day 29 of the window and counts, its day-40 one does not
    expect(groupsOf(final)).toEqual([
      { group: 'A', size: 2, booked: 1, booked_share: 0.5, spend: 1000, spend_per_customer: 500, uplift_pts: -50 },
      { group: HOLDOUT_KEY, size: 1, booked: 1, booked_share: 1, spend: 1000, spend_per_customer: 1000, uplift_pts: 0 },
    ]);
  });

  it("gives the uplift's 95 % interval by Newcombe's hybrid score method (his published examples)", () => {
    const groups = (a: number, aBooked: number, h: number, hBooked: number): CampaignResult => {
      const communications = [
        ...Array.from({ length: a }, (_, i) => comm(`a${i}`, 'A')),
        ...Array.from({ length: h }, (_, i) => comm(`h${i}`, HOLDOUT_KEY)),
      ];
      const bookings = [...Array.from({ length: aBooked }, (_, i) => booking(`a${i}`, 1)), ...Array.from({ length: hBooked }, (_, i) => booking(`h${i}`, 1))];
      return campaignResult('cp-1', communications, bookings, AFTER);
    };
    // Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10
    const a = groups(70, 56, 80, 48);
    expect(a.phase === 'final' && a.groups[0]).toMatchObject({ uplift_pts: 20, uplift_ci_pts: [5.2, 33.4] });
    const b = groups(10, 9, 10, 3);
    expect(b.phase === 'final' && b.groups[0]).toMatchObject({ uplift_pts: 60, uplift_ci_pts: [17.1, 80.9] });
    // the interval stays inside ±100 points when every customer of one group booked and none of the
    // other (10/10 − 0/10 in the same table: 0.6075 to 1.0000)
    const c = groups(10, 10, 10, 0);
    expect(c.phase === 'final' && c.groups[0]?.uplift_ci_pts).toEqual([60.8, 100]);
    expect(c.phase === 'final' && c.groups[1]?.uplift_ci_pts).toBeNull();
  });

  it('reports an automated trigger from its messages, each customer from their own message time', () => {
    const auto = [
      { customer_id: 'c1', campaign_id: '', variant: '', at: AT, trigger_key: 'at_risk:br-1:c1:2026-02-27', status: 'sent' as const },
      { customer_id: 'c2', campaign_id: '', variant: '', at: '2026-04-01T08:00:00Z', trigger_key: 'at_risk:br-1:c2:2026-03-30', status: 'failed' as const },
      { customer_id: 'c3', campaign_id: '', variant: '', at: AT, trigger_key: 'at_risk:br-1:c3:2026-02-27', status: 'cancelled' as const },
      { customer_id: 'c4', campaign_id: '', variant: '', at: AT, trigger_key: 'birthday:c4:2026', status: 'sent' as const },
    ];
    const r = triggerReport('at_risk', auto, [booking('c1', 2), booking('c2', 2), booking('c2', 32)]);
    expect(r).toEqual({ campaign_id: 'auto:at_risk', window_days: 30, groups: [{ group: 'at_risk', size: 2, booked: 2, booked_share: 1, spend: 2000, spend_per_customer: 1000, uplift_pts: null }] });
  });
});
