/**
 * Automated triggers on the server: became at_risk / churned at the branch's local day,
 * birthdays, spending milestones in the push — switched per branch, consent and cap respected,
 * never twice for the same event (UNIQUE key, even with two processes), delivered by the outbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookingDoc, BranchSettingsDoc, CommunicationDoc } from '../../shared/domain/schemas';
import { effectiveBranchSettings } from '../../shared/insights/branch-settings';
import { buildAmendment, withAmendment } from '../../shared/schedule/corrections';
import type { WireDoc } from '../../shared/sync/protocol';
import { importDataset } from '../services/import';
import { rollStale } from '../services/roller';
import { Store } from '../store/store';
import { pushRows } from '../sync/push';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { bookingDoc, customerDoc } from '../test-support/docs';
import { startWebhook } from '../test-support/webhook';
import { DEFAULT_OUTBOX_OPTIONS } from '../outbox/config';
import { createWebhookProvider } from '../outbox/webhook-provider';
import { OutboxWorker } from '../outbox/worker';
import { runDailyTriggers } from './daily';
import { automatedMessageId } from './queue';

// 06:00Z = 14:00 in Manila (br-a). cu-a1's only visit: 2026-02-20 (Manila).
const NOW = Date.parse('2026-03-01T06:00:00Z');
const manager = { id: 'dev-m', role: 'manager' as const, branch_id: 'br-a' };
const desk = { id: 'dev-a', role: 'front_desk' as const, branch_id: 'br-a' };

function settings(over: Partial<BranchSettingsDoc> = {}): WireDoc<BranchSettingsDoc> {
  return { ...effectiveBranchSettings('br-a', null), message_at_risk: 'Hi {first_name}, we miss you at {branch} since {last_visit}!', ...over, _deleted: false };
}

describe.each(TARGETS)('automated triggers on $name', (target) => {
  let db: TestDatabase;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    db = await target.open({ clock: clock.read });
    await importDataset(db.store, twoBranches(), 0);
    await rollStale(db.store);
  });
  afterEach(async () => {
    await db?.close();
  });

  async function automated(): Promise<CommunicationDoc[]> {
    const rows = await db.store.db.query<{ data: CommunicationDoc }>("SELECT data FROM communications WHERE trigger_key <> '' ORDER BY trigger_key");
    return rows.map((r) => r.data);
  }

  async function dayAt(iso: string): Promise<number> {
    clock.now = Date.parse(iso);
    await rollStale(db.store);
    return runDailyTriggers(db.store);
  }

  it('sends "we miss you" once when a customer becomes at_risk, only where the branch switched it on', async () => {
    expect(await dayAt('2026-03-05T06:00:00Z')).toBe(0);
    await pushRows(db.store, manager, 'branch_settings', [{ newDocumentState: settings({ auto_at_risk: true }) }]);
    expect(await runDailyTriggers(db.store)).toBe(1);
    const [m] = await automated();
    expect(m).toMatchObject({
      id: automatedMessageId('at_risk:br-a:cu-a1:2026-03-05'),
      trigger_key: 'at_risk:br-a:cu-a1:2026-03-05',
      customer_id: 'cu-a1',
      branch_id: 'br-a',
      channel: 'sms',
      status: 'queued',
      purpose: 'automated:at_risk',
      message: 'Hi Customer, we miss you at Branch A since 20 February 2026!',
    });
    // Again the same day, the next days, after a restart: the key exists, nothing new.
    expect(await runDailyTriggers(db.store)).toBe(0);
    expect(await dayAt('2026-03-06T06:00:00Z')).toBe(0);
    expect(await automated()).toHaveLength(1);
    // br-b never switched anything on: its at-risk customers get nothing.
    expect((await automated()).every((c) => c.branch_id === 'br-a')).toBe(true);
  });

  it('never queues the same event twice, even from two processes at once', async () => {
    await pushRows(db.store, manager, 'branch_settings', [{ newDocumentState: settings({ auto_at_risk: true }) }]);
    clock.now = Date.parse('2026-03-05T06:00:00Z');
    await rollStale(db.store);
    const other = target.name === 'postgres' && db.url !== undefined ? await Store.open({ databaseUrl: db.url, clock: clock.read }) : db.store;
    try {
      const counts = await Promise.all([runDailyTriggers(db.store), runDailyTriggers(other), runDailyTriggers(db.store)]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await automated()).toHaveLength(1);
    } finally {
      if (other !== db.store) await other.close();
    }
  });

  it('sends a win-back offer when the customer becomes churned', async () => {
    await pushRows(db.store, manager, 'branch_settings', [{ newDocumentState: settings({ auto_at_risk: true, auto_churned: true, offer: '20% off' }) }]);
    expect(await dayAt('2026-03-05T06:00:00Z')).toBe(1);
    expect(await dayAt('2026-03-22T06:00:00Z')).toBe(0);
    expect(await dayAt('2026-03-23T06:00:00Z')).toBe(1);
    expect((await automated()).map((c) => [c.trigger_key, c.message])).toEqual([
      ['at_risk:br-a:cu-a1:2026-03-05', 'Hi Customer, we miss you at Branch A since 20 February 2026!'],
      ['churned:br-a:cu-a1:2026-03-23', 'Hi Customer, come back to Branch A: 20% off'],
    ]);
  });

  it('a customer with a known cadence gets "we miss you" when overdue for them, instead of the fixed rule', async () => {
    // cu-a1 came weekly: 6, 13 and 20 February (Manila) — usually every 7 days, due 27 February,
    // tolerance 2 days, so overdue for them from 2 March; the fixed rule would say at_risk from 5 March.
    const visit = (id: string, startAt: string) => ({ newDocumentState: bookingDoc({ id, customer_id: 'cu-a1', branch_id: 'br-a', status: 'completed', price: 2_500, start_at: startAt }) });
    await pushRows(db.store, desk, 'bookings', [visit('bk-w1', '2026-02-06T04:00:00Z'), visit('bk-w2', '2026-02-13T04:00:00Z')]);
    await pushRows(db.store, manager, 'branch_settings', [{ newDocumentState: settings({ auto_at_risk: true }) }]);
    expect(await dayAt('2026-03-01T06:00:00Z')).toBe(0);
    expect(await dayAt('2026-03-02T06:00:00Z')).toBe(1);
    expect((await automated()).map((c) => [c.trigger_key, c.purpose, c.message])).toEqual([
      ['at_risk:br-a:cu-a1:2026-03-02', 'automated:at_risk', 'Hi Customer, we miss you at Branch A since 20 February 2026!'],
    ]);
    // De-duplicated like the rule's: the next days and the rule's own day (5 March) add nothing.
    for (const d of ['2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06']) expect(await dayAt(`${d}T06:00:00Z`)).toBe(0);
    // A new visit (6 March) starts a new rhythm: gaps 7, 7, 14 → every 7 days, due 13 March, overdue from 16 March.
    await pushRows(db.store, desk, 'bookings', [visit('bk-w4', '2026-03-06T04:00:00Z')]);
    expect(await dayAt('2026-03-15T06:00:00Z')).toBe(0);
    expect(await dayAt('2026-03-16T06:00:00Z')).toBe(1);
    expect((await automated()).map((c) => c.trigger_key)).toEqual(['at_risk:br-a:cu-a1:2026-03-02', 'at_risk:br-a:cu-a1:2026-03-16']);
  });

  it('holds an event back during the frequency cap and sends it while it is still due (a week)', async () => {
    await pushRows(db.store, manager, 'branch_settings', [{ newDocumentState: settings({ auto_at_risk: true, auto_churned: true, marketing_cap_days: 20 }) }]);
    expect(await dayAt('2026-03-05T06:00:00Z')).toBe(1);
    // Churned from 03-23, but the message of 03-05 06:00 is within 20 days until 03-25 06:00.
    expect(await dayAt('2026-03-23T06:00:00Z')).toBe(0);
    expect(await dayAt('2026-03-25T05:59:00Z')).toBe(0);
    expect(await dayAt('2026-03-25T06:00:00Z')).toBe(1);
  });

  it('lets the event lapse when the cap outlasts it', async () => {
    await pushRows(db.store, manager, 'branch_settings', [{ newDocumentState: settings({ auto_at_risk: true, auto_churned: true, marketing_cap_days: 60 }) }]);
    expect(await dayAt('2026-03-05T06:00:00Z')).toBe(1);
    for (const d of ['2026-03-23', '2026-03-29', '2026-03-30', '2026-05-10']) expect(await dayAt(`${d}T06:00:00Z`)).toBe(0);
    expect(await automated()).toHaveLength(1);
  });

  it('greets on the birthday at the branch\u2019s local midnight, only customers reachable with consent', async () => {
    const yes = { granted: true, at: '2026-01-01T00:00:00Z' };
    await pushRows(db.store, desk, 'customers', [
      { newDocumentState: customerDoc({ id: 'cu-bd', name: 'Ana Reyes', phone: '+639171111111', birthday: '1990-03-02', opted_in_marketing: true, preferred_contact: 'sms', consent: { sms: yes, email: { granted: false, at: '' }, push: { granted: false, at: '' } }, home_branch_id: 'br-a', registered_branch_id: 'br-a' }) },
      { newDocumentState: customerDoc({ id: 'cu-no', name: 'No Consent', phone: '+639172222222', birthday: '1991-03-02', home_branch_id: 'br-a', registered_branch_id: 'br-a' }) },
    ]);
    await pushRows(db.store, manager, 'branch_settings', [{ newDocumentState: settings({ auto_birthday: true }) }]);
    // 2026-03-01T15:59Z is still 1 March in Manila; 16:00Z is midnight, 2 March.
    expect(await dayAt('2026-03-01T15:59:00Z')).toBe(0);
    expect(await dayAt('2026-03-01T16:00:00Z')).toBe(1);
    expect(await automated()).toEqual([expect.objectContaining({ trigger_key: 'birthday:cu-bd:2026', customer_id: 'cu-bd', message: expect.stringMatching(/^Happy birthday, Ana!/) })]);
    expect(await runDailyTriggers(db.store)).toBe(0);
  });

  it('congratulates on a spending milestone when a completed booking crosses it, and the outbox delivers it', async () => {
    await pushRows(db.store, manager, 'branch_settings', [{ newDocumentState: settings({ auto_milestones: true, milestones: [5_000, 10_000] }) }]);
    // cu-a1 has 25.00 spent; one more 25.00 visit today reaches 50.00.
    await pushRows(db.store, desk, 'bookings', [{ newDocumentState: bookingDoc({ id: 'bk-new', customer_id: 'cu-a1', branch_id: 'br-a', status: 'completed', price: 2_500, start_at: '2026-03-01T04:00:00Z' }) }]);
    expect(await automated()).toEqual([expect.objectContaining({ trigger_key: 'milestone:br-a:cu-a1:5000', message: expect.stringContaining('You have now spent 50.00 with us at Branch A') })]);
    // A manager's price correction down and up again does not repeat it.
    const before = bookingDoc({ id: 'bk-new', customer_id: 'cu-a1', branch_id: 'br-a', status: 'completed', price: 2_500, start_at: '2026-03-01T04:00:00Z' });
    const corrected = (b: BookingDoc, price: number, id: string) =>
      withAmendment(b, buildAmendment(b, { price, reason: 'price keyed wrong' }, { device: manager.id, role: 'manager' }, '2026-03-01T05:00:00Z', id), '2026-03-01T05:00:00Z');
    const down = corrected(before, 2_000, 'am-down');
    await pushRows(db.store, manager, 'bookings', [{ assumedMasterState: before, newDocumentState: { ...down, _deleted: false } }]);
    await pushRows(db.store, manager, 'bookings', [{ assumedMasterState: down, newDocumentState: { ...corrected(down, 2_600, 'am-up'), _deleted: false } }]);
    expect(await automated()).toHaveLength(1);
    // Old history synced late does not count.
    await pushRows(db.store, desk, 'bookings', [{ newDocumentState: bookingDoc({ id: 'bk-old', customer_id: 'cu-a1', branch_id: 'br-a', status: 'completed', price: 9_000, start_at: '2025-11-01T04:00:00Z' }) }]);
    expect(await automated()).toHaveLength(1);

    const hook = await startWebhook();
    try {
      const worker = new OutboxWorker(db.store, new Map([['sms', createWebhookProvider({ url: hook.url, token: '', timeoutMs: 10_000 })]]), DEFAULT_OUTBOX_OPTIONS);
      expect(await worker.runOnce()).toMatchObject({ sent: 1 });
      expect(hook.requests.map((r) => (r.body as { to: string }).to)).toEqual(['+639171234567']);
      expect((await automated())[0]?.status).toBe('sent');
    } finally {
      await hook.close();
    }
  });
});
