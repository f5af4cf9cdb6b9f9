/**
 * Outbox safety at delivery time (issue 8): what was allowed when pushed is checked again when
 * the worker hands it over — consent withdrawn meanwhile, purposes outside the transactional
 * list (older data), the per-customer rate limit — and every decision is audited with the
 * device that queued the message.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommunicationDoc, CustomerDoc } from '../../shared/domain/schemas';
import type { WireDoc } from '../../shared/sync/protocol';
import { RATE_LIMITS } from '../authz/outbox-policy';
import { createEnrolmentCode, redeemEnrolmentCode, revokeDevice } from '../store/auth';
import { loadMasters } from '../store/documents';
import { importDataset } from '../services/import';
import { writeServerDocuments } from '../store/server-writes';
import { advanceClock, lockStamps } from '../store/stamps';
import { pushRows } from '../sync/push';
import { toNumber, type Queryable } from '../db/database';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { campaignDoc, communicationDoc, customerDoc } from '../test-support/docs';
import { startWebhook, type TestWebhook } from '../test-support/webhook';
import { DEFAULT_OUTBOX_OPTIONS } from './config';
import type { DeliveryChannel, Provider } from './provider';
import { createWebhookProvider } from './webhook-provider';
import { OutboxWorker } from './worker';

const NOW = Date.parse('2026-03-01T06:00:00Z');
const manager = { id: 'dev-manager', role: 'manager' as const, branch_id: 'br-a' };
const desk = { id: 'dev-desk', role: 'front_desk' as const, branch_id: 'br-a' };
const yes = { granted: true, at: '2026-01-01T00:00:00Z' };
const no = { granted: false, at: '2026-02-28T00:00:00Z' };

const person = (over: Partial<CustomerDoc> = {}) =>
  customerDoc({ id: 'cu-s1', name: 'Sam', phone: '+639171230001', opted_in_marketing: true, preferred_contact: 'sms', consent: { sms: yes, email: no, push: no }, home_branch_id: 'br-a', registered_branch_id: 'br-a', ...over });
const sms = (id: string, over: Partial<CommunicationDoc> = {}) =>
  communicationDoc({ id, customer_id: 'cu-s1', branch_id: 'br-a', channel: 'sms', status: 'queued', purpose: 'appointment reminder', message: `Message ${id}`, at: '2026-03-01T05:00:00Z', ...over });

/** The audit of one message, oldest first, as the outbox stored it. */
async function auditOf(q: Queryable, communicationId: string): Promise<Record<string, unknown>[]> {
  const rows = await q.query<Record<string, unknown>>(
    'SELECT communication_id, customer_id, branch_id, channel, purpose, queued_by, queued_role, outcome, reason, at_ms FROM outbox_audit WHERE communication_id = $1 ORDER BY id',
    [communicationId],
  );
  return rows.map((r) => ({ ...r, at_ms: toNumber(r.at_ms) }));
}

describe.each(TARGETS)('outbox safety on $name', { timeout: 120_000 }, (target) => {
  let db: TestDatabase;
  let clock: ManualClock;
  let hook: TestWebhook;
  let providers: Map<DeliveryChannel, Provider>;

  beforeAll(async () => {
    hook = await startWebhook();
  });
  afterAll(async () => {
    await hook?.close();
  });
  beforeEach(async () => {
    clock = new ManualClock(NOW);
    db = await target.open({ clock: clock.read });
    await importDataset(db.store, twoBranches(), 0);
    hook.requests.length = 0;
    providers = new Map<DeliveryChannel, Provider>([['sms', createWebhookProvider({ url: hook.url, token: '', timeoutMs: 10_000 })]]);
    await pushRows(db.store, manager, 'customers', [{ newDocumentState: person() }]);
  });
  afterEach(async () => {
    for (const p of providers.values()) await p.close();
    await db?.close();
  });

  const doc = async (id: string) => (await loadMasters<CommunicationDoc>(db.store.db, 'communications', [id])).get(id)?.doc;

  it('cancels a campaign message whose customer withdrew consent after it was queued, and audits who queued it', async () => {
    await pushRows(db.store, manager, 'campaigns', [{ newDocumentState: campaignDoc({ id: 'cp-s', branch_id: 'br-a', status: 'queued', sent_at: '2026-03-01T05:00:00Z' }) }]);
    await pushRows(db.store, manager, 'communications', [{ newDocumentState: sms('co-m', { purpose: 'campaign', campaign_id: 'cp-s', variant: 'A' }) }]);
    const current = (await loadMasters<CustomerDoc>(db.store.db, 'customers', ['cu-s1'])).get('cu-s1')?.doc as WireDoc<CustomerDoc>;
    // a front desk records the opt-out (consent action) before the outbox ran
    await pushRows(db.store, desk, 'customers', [{ assumedMasterState: current, newDocumentState: { ...current, consent: { ...current.consent, sms: no } } }]);
    const round = await new OutboxWorker(db.store, providers, DEFAULT_OUTBOX_OPTIONS).runOnce();
    expect(round).toMatchObject({ cancelled: 1, sent: 0 });
    expect(await doc('co-m')).toMatchObject({ status: 'cancelled', error: 'cancelled: no marketing consent for sms' });
    expect(hook.requests).toEqual([]);
    expect(await auditOf(db.store.db, 'co-m')).toEqual([
      expect.objectContaining({ outcome: 'cancelled', queued_by: 'dev-manager', queued_role: 'manager', customer_id: 'cu-s1', branch_id: 'br-a', reason: 'cancelled: no marketing consent for sms' }),
    ]);
  });

  it('never delivers a stored message whose purpose is not transactional nor marketing', async () => {
    // older data: queued before the purpose rule existed (written as the server would have stored it)
    await db.store.db.transaction(async (tx) => {
      await lockStamps(tx);
      await writeServerDocuments(tx, 'communications', [sms('co-old', { purpose: 'follow-up', message: 'Any text at all' }) as unknown as WireDoc<Record<string, unknown>>]);
      await advanceClock(tx);
    });
    expect(await new OutboxWorker(db.store, providers, DEFAULT_OUTBOX_OPTIONS).runOnce()).toMatchObject({ cancelled: 1, sent: 0 });
    expect((await doc('co-old'))?.error).toMatch(/^cancelled: purpose "follow-up" is not deliverable/);
    expect(hook.requests).toEqual([]);
    expect((await auditOf(db.store.db, 'co-old')).map((a) => [a.outcome, a.queued_by])).toEqual([['cancelled', 'unknown']]);
  });

  it('never delivers what a desk queued once that desk was revoked (a stolen token cut off)', async () => {
    const { code } = await createEnrolmentCode(db.store, 'br-a', 'front_desk');
    const { device: stolen } = await redeemEnrolmentCode(db.store, code);
    await pushRows(db.store, stolen, 'communications', [{ newDocumentState: sms('co-stolen') }]);
    expect(await revokeDevice(db.store, stolen.id)).toBe(true);
    expect(await new OutboxWorker(db.store, providers, DEFAULT_OUTBOX_OPTIONS).runOnce()).toMatchObject({ cancelled: 1, sent: 0 });
    expect(await doc('co-stolen')).toMatchObject({ status: 'cancelled', error: 'cancelled: the desk that queued it was revoked' });
    expect(hook.requests).toEqual([]);
    expect((await auditOf(db.store.db, 'co-stolen')).map((a) => [a.outcome, a.queued_by])).toEqual([['cancelled', stolen.id]]);
  });

  it(`hands at most ${RATE_LIMITS.perCustomer} messages a day to one customer; the rest wait for a free slot`, async () => {
    const ids = Array.from({ length: RATE_LIMITS.perCustomer + 2 }, (_, i) => `co-r${i}`);
    await pushRows(db.store, desk, 'communications', ids.map((id) => ({ newDocumentState: sms(id) })));
    const worker = new OutboxWorker(db.store, providers, DEFAULT_OUTBOX_OPTIONS);
    expect(await worker.runOnce()).toMatchObject({ sent: RATE_LIMITS.perCustomer, deferred: 2 });
    expect(hook.requests).toHaveLength(RATE_LIMITS.perCustomer);
    const waiting = (await Promise.all(ids.map(doc))).filter((d) => d?.status === 'queued');
    expect(waiting.map((d) => d?.next_attempt_at)).toEqual(['2026-03-02T06:00:00.000Z', '2026-03-02T06:00:00.000Z']);
    expect(waiting[0]?.error).toMatch(/^waiting: rate limit \(at most 5 messages per customer in 24 hours\)/);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    const handedOver = await db.store.db.query<{ queued_by: string; n: unknown }>("SELECT queued_by, count(*) AS n FROM outbox_audit WHERE outcome = 'handed_over' GROUP BY queued_by");
    expect(handedOver.map((r) => [r.queued_by, Number(r.n)])).toEqual([['dev-desk', RATE_LIMITS.perCustomer]]);
    clock.advance(RATE_LIMITS.customerWindowMs + 1);
    expect(await worker.runOnce()).toMatchObject({ sent: 2 });
    expect(hook.requests).toHaveLength(RATE_LIMITS.perCustomer + 2);
  });
});
