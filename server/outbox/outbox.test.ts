/**
 * The outbox against a real SMTP server and a real HTTP webhook on localhost: delivery, status
 * syncing back as document updates, provider failures with back-off driven by an injected clock,
 * permanent failures, no provider, crash recovery, and no double send with two workers.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommunicationDoc, CustomerDoc } from '../../shared/domain/schemas';
import { eraseCustomer } from '../../shared/privacy/erase';
import type { WireDoc } from '../../shared/sync/protocol';
import { loadMasters } from '../store/documents';
import { importDataset } from '../services/import';
import { writeServerDocuments } from '../store/server-writes';
import { advanceClock, lockStamps } from '../store/stamps';
import { Store } from '../store/store';
import { pullBatch } from '../sync/pull';
import { pushRows } from '../sync/push';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { campaignDoc, communicationDoc, customerDoc } from '../test-support/docs';
import { startMailServer, type TestMailServer } from '../test-support/mail';
import { startWebhook, type TestWebhook } from '../test-support/webhook';
import { DEFAULT_OUTBOX_OPTIONS, outboxConfigFromEnv, OutboxConfigError, type OutboxOptions } from './config';
import { createSmtpProvider } from './smtp-provider';
import type { DeliveryChannel, Provider } from './provider';
import { createWebhookProvider } from './webhook-provider';
import { OutboxWorker } from './worker';

const NOW = Date.parse('2026-03-01T06:00:00Z');
/** The header a gateway de-duplicates retries by (server/outbox/webhook-provider.ts). */
const IDEMPOTENCY_HEADER = 'idempotency-key';
const OPTIONS: OutboxOptions = { ...DEFAULT_OUTBOX_OPTIONS, maxAttempts: 3, retryBaseMs: 60_000, batchSize: 5 };
// Campaign messages are queued by a manager's desk (sending a campaign is manager-only, issue 8).
const device = { id: 'dev-a', role: 'manager' as const, branch_id: 'br-a' };
const yes = { granted: true, at: '2026-01-01T00:00:00Z' };

const recipient = (id: string, over: Partial<CustomerDoc> = {}) =>
  customerDoc({
    id, name: `Person ${id}`, phone: '+639171234500', email: `${id}@example.com`, opted_in_marketing: true, preferred_contact: 'email',
    consent: { sms: yes, email: yes, push: { granted: false, at: '' } }, home_branch_id: 'br-a', registered_branch_id: 'br-a', ...over,
  });

const queued = (id: string, customer: string, over: Partial<CommunicationDoc> = {}) =>
  communicationDoc({ id, customer_id: customer, branch_id: 'br-a', channel: 'email', purpose: 'campaign', status: 'queued', message: `Hello ${customer}`, at: '2026-03-01T05:00:00Z', campaign_id: 'cp-1', variant: 'A', ...over });

describe.each(TARGETS)('outbox on $name', (target) => {
  let db: TestDatabase;
  let clock: ManualClock;
  let mail: TestMailServer;
  let hook: TestWebhook;
  let providers: Map<DeliveryChannel, Provider>;

  beforeAll(async () => {
    mail = await startMailServer();
    hook = await startWebhook();
  });
  afterAll(async () => {
    await mail?.close();
    await hook?.close();
  });

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    db = await target.open({ clock: clock.read });
    await importDataset(db.store, twoBranches(), 0);
    mail.received.length = 0;
    hook.requests.length = 0;
    providers = new Map<DeliveryChannel, Provider>([
      ['email', createSmtpProvider({ url: mail.url, from: 'Salon <no-reply@example.com>', subject: 'News from {branch}', timeoutMs: 10_000 })],
      ['sms', createWebhookProvider({ url: hook.url, token: 'gw-secret', timeoutMs: 10_000 })],
    ]);
  });
  afterEach(async () => {
    for (const p of providers.values()) await p.close();
    await db?.close();
  });

  async function doc(id: string): Promise<WireDoc<CommunicationDoc>> {
    const found = (await loadMasters<CommunicationDoc>(db.store.db, 'communications', [id])).get(id);
    if (found === undefined) throw new Error(`no ${id}`);
    return found.doc;
  }

  async function queue(...comms: WireDoc<CommunicationDoc>[]): Promise<void> {
    const customers = [...new Set(comms.map((c) => c.customer_id))];
    await pushRows(db.store, device, 'customers', customers.map((c) => ({ newDocumentState: recipient(c) })));
    const campaigns = [...new Set(comms.map((c) => c.campaign_id).filter((id) => id !== ''))];
    await pushRows(db.store, device, 'campaigns', campaigns.map((id) => ({ newDocumentState: campaignDoc({ id, branch_id: 'br-a', status: 'queued', sent_at: '2026-03-01T05:00:00Z' }) })));
    await pushRows(db.store, device, 'communications', comms.map((c) => ({ newDocumentState: c })));
  }

  it('delivers a queued email through SMTP; the status comes back to the desk as a document update', async () => {
    await queue(queued('co-1', 'cu-m1'));
    const before = await pullBatch(db.store.db, 'communications', 'br-a', null, 100);
    const worker = new OutboxWorker(db.store, providers, OPTIONS);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 1, failed: 0, retrying: 0 });
    expect(mail.received).toHaveLength(1);
    const m = mail.received[0];
    expect(m?.to).toEqual(['cu-m1@example.com']);
    expect(m?.header('message-id')).toBe('<co-1@branchdesk>');
    expect(m?.header('subject')).toBe('News from Branch A');
    expect(m?.body).toContain('Hello cu-m1');
    // The desk's next pull brings the delivery status (new stamps).
    const after = await pullBatch(db.store.db, 'communications', 'br-a', before.checkpoint, 100);
    expect(after.documents).toHaveLength(1);
    expect(after.documents[0]).toMatchObject({ id: 'co-1', status: 'sent', attempts: 1, error: '', next_attempt_at: '' });
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    expect(mail.received).toHaveLength(1);
  });

  it('marks a provider failure failed with its reason, retries with exponential back-off, and sends once', async () => {
    await queue(queued('co-1', 'cu-m1'));
    const worker = new OutboxWorker(db.store, providers, OPTIONS);
    mail.rejectNext(451, 451);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    let d = await doc('co-1');
    expect(d).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: '2026-03-01T06:01:00.000Z' });
    expect(d.error).toMatch(/^SMTP 451: .*try again later.*attempt 1 of 3/);
    clock.advance(59_999);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    expect((await doc('co-1')).next_attempt_at).toBe('2026-03-01T06:03:00.000Z');
    clock.advance(120_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    d = await doc('co-1');
    expect(d).toMatchObject({ status: 'sent', attempts: 3, error: '', next_attempt_at: '' });
    expect(mail.received.map((r) => r.header('message-id'))).toEqual(['<co-1@branchdesk>']);
    clock.advance(3_600_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
  });

  it('gives up after the last attempt, and never retries a permanent refusal', async () => {
    await queue(queued('co-1', 'cu-m1'), queued('co-2', 'cu-m2'));
    const worker = new OutboxWorker(db.store, providers, OPTIONS);
    mail.rejectNext(550, 451, 451, 451);
    await worker.runOnce();
    expect(await doc('co-1')).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: '', error: expect.stringMatching(/^SMTP 550: .*mailbox unavailable/) });
    expect((await doc('co-2')).status).toBe('failed');
    clock.advance(60_000);
    await worker.runOnce();
    clock.advance(120_000);
    await worker.runOnce();
    expect(await doc('co-2')).toMatchObject({ status: 'failed', attempts: 3, next_attempt_at: '', error: expect.stringMatching(/gave up after 3 attempts/) });
    clock.advance(86_400_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    expect(mail.received).toHaveLength(0);
  });

  it('sends SMS through the webhook with the idempotency key, retrying a gateway error once', async () => {
    await queue(queued('co-s', 'cu-m1', { channel: 'sms' }));
    const worker = new OutboxWorker(db.store, providers, OPTIONS);
    hook.answerNext(503);
    expect(await worker.runOnce()).toMatchObject({ retrying: 1 });
    expect((await doc('co-s')).error).toMatch(/^SMS gateway answered 503/);
    clock.advance(60_000);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect(hook.requests).toHaveLength(2);
    for (const r of hook.requests) {
      expect(r.headers[IDEMPOTENCY_HEADER]).toBe('co-s');
      expect(r.headers.authorization).toBe('Bearer gw-secret');
      expect(r.body).toEqual({ id: 'co-s', to: '+639171234500', text: 'Hello cu-m1', branch: { id: 'br-a', name: 'Branch A' } });
    }
    hook.answerNext(400);
    await queue(queued('co-s2', 'cu-m2', { channel: 'sms' }));
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    expect(await doc('co-s2')).toMatchObject({ status: 'failed', next_attempt_at: '' });
  });

  it('without a provider, keeps messages queued with a clear reason and never calls them sent', async () => {
    await queue(queued('co-1', 'cu-m1'), queued('co-2', 'cu-m1', { channel: 'push' }));
    const worker = new OutboxWorker(db.store, new Map(), OPTIONS);
    expect(await worker.runOnce()).toMatchObject({ waiting: 2, claimed: 0 });
    expect(await doc('co-1')).toMatchObject({ status: 'queued', attempts: 0, error: 'not sent yet: no email provider is configured on the server (SMTP_URL)' });
    expect((await doc('co-2')).error).toBe('not sent: the server has no provider for push messages');
    const stamp = await db.store.db.query<{ stamp: unknown }>("SELECT stamp FROM communications WHERE id = 'co-1'");
    expect(await worker.runOnce()).toMatchObject({ waiting: 0 });
    expect(await db.store.db.query<{ stamp: unknown }>("SELECT stamp FROM communications WHERE id = 'co-1'")).toEqual(stamp);
    // Once SMTP is configured the message goes out and the note disappears.
    expect(await new OutboxWorker(db.store, providers, OPTIONS).runOnce()).toMatchObject({ sent: 1 });
    expect(await doc('co-1')).toMatchObject({ status: 'sent', error: '' });
  });

  it('cancels instead of sending when the customer was erased or withdrew consent meanwhile', async () => {
    await queue(queued('co-1', 'cu-m1'), queued('co-2', 'cu-m2'), queued('co-3', 'cu-m3', { campaign_id: '', variant: '', purpose: 'appointment reminder' }));
    await db.store.db.transaction(async (tx) => {
      await lockStamps(tx);
      const no = { granted: false, at: '2026-02-28T00:00:00Z' };
      await writeServerDocuments(tx, 'customers', [
        { ...eraseCustomer(recipient('cu-m1'), '2026-02-28T00:00:00Z'), _deleted: false },
        { ...recipient('cu-m2'), consent: { sms: yes, email: no, push: no } },
        { ...recipient('cu-m3'), opted_in_marketing: false },
      ]);
      await advanceClock(tx);
    });
    const worker = new OutboxWorker(db.store, providers, OPTIONS);
    expect(await worker.runOnce()).toMatchObject({ cancelled: 2, sent: 1 });
    expect(await doc('co-1')).toMatchObject({ status: 'cancelled', error: 'cancelled: the customer was erased' });
    expect(await doc('co-2')).toMatchObject({ status: 'cancelled', error: 'cancelled: no marketing consent for email' });
    // A service message (not marketing) only needs an address.
    expect((await doc('co-3')).status).toBe('sent');
    expect(mail.received.map((m) => m.to[0])).toEqual(['cu-m3@example.com']);
  });

  it('recovers a message left "sending" by a stopped process: SMS again with the same key, email never blindly', async () => {
    await queue(queued('co-e', 'cu-m1'), queued('co-s', 'cu-m2', { channel: 'sms' }));
    // The state a process leaves when it dies after marking and before recording the outcome.
    const sending = { status: 'sending' as const, attempts: 1, updated_at: '2026-03-01T06:00:00.000Z' };
    const left = [{ ...(await doc('co-e')), ...sending }, { ...(await doc('co-s')), ...sending }];
    await db.store.db.transaction(async (tx) => {
      await lockStamps(tx);
      await writeServerDocuments(tx, 'communications', left);
      await advanceClock(tx);
    });
    const worker = new OutboxWorker(db.store, providers, OPTIONS);
    clock.advance(OPTIONS.sendingTimeoutMs - 1);
    expect(await worker.runOnce()).toMatchObject({ recovered: 0, claimed: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toMatchObject({ recovered: 2, sent: 1 });
    expect(await doc('co-e')).toMatchObject({ status: 'failed', next_attempt_at: '', error: expect.stringMatching(/^outcome unknown/) });
    expect(await doc('co-s')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(hook.requests.map((r) => r.headers[IDEMPOTENCY_HEADER])).toEqual(['co-s']);
    expect(mail.received).toHaveLength(0);
  });

  it('never sends a message twice when two workers (processes) run at the same time', async () => {
    const comms = Array.from({ length: 24 }, (_, i) => queued(`co-${String(i).padStart(2, '0')}`, `cu-p${i % 6}`));
    await queue(...comms);
    const second = target.name === 'postgres' && db.url !== undefined ? await Store.open({ databaseUrl: db.url, clock: clock.read }) : db.store;
    try {
      const other = new Map<DeliveryChannel, Provider>([['email', createSmtpProvider({ url: mail.url, from: 'x@example.com', subject: 's', timeoutMs: 10_000 })]]);
      const rounds = await Promise.all([new OutboxWorker(db.store, providers, OPTIONS).runOnce(), new OutboxWorker(second, other, OPTIONS).runOnce()]);
      await other.get('email')?.close();
      expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(24);
      const ids = mail.received.map((m) => m.header('message-id'));
      expect(ids).toHaveLength(24);
      expect(new Set(ids).size).toBe(24);
      for (const c of comms) expect(await doc(c.id)).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      if (second !== db.store) await second.close();
    }
  });
});

describe('outbox configuration', () => {
  it('reads providers and options from the environment and names a bad variable', () => {
    const config = outboxConfigFromEnv({ SMTP_URL: 'smtp://mail.example.com:587', SMTP_FROM: 'a@example.com', SMS_WEBHOOK_URL: 'https://gw.example.com/send', OUTBOX_MAX_ATTEMPTS: '7' });
    expect([...config.providers.keys()].sort()).toEqual(['email', 'sms']);
    expect(config.providers.get('email')?.name).toBe('smtp mail.example.com:587');
    expect(config.options.maxAttempts).toBe(7);
    expect(outboxConfigFromEnv({}).providers.size).toBe(0);
    expect(() => outboxConfigFromEnv({ SMTP_URL: 'smtp://mail.example.com' })).toThrow(/SMTP_FROM is required/);
    expect(() => outboxConfigFromEnv({ SMTP_URL: 'http://mail.example.com', SMTP_FROM: 'a@b.c' })).toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    expect(() => outboxConfigFromEnv({ OUTBOX_MAX_ATTEMPTS: 'lots' })).toThrow(OutboxConfigError);
    for (const p of config.providers.values()) void p.close();
  });
});
