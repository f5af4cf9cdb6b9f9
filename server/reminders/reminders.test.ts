/**
 * Appointment reminders on the server: scheduled from the bookings, sent once per booking, offset
 * and start, none for a booking moved or cancelled before its reminder, a fresh one after a move,
 * quiet hours in the branch's time zone, delivered by the outbox to a real SMS HTTP endpoint and
 * a real SMTP server; replies by signed link (expired, replayed, forged refused).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookingDoc, CommunicationDoc } from '../../shared/domain/schemas';
import { confirmationOf, reminderKey } from '../../shared/schedule/reminders';
import type { WireDoc } from '../../shared/sync/protocol';
import { importDataset } from '../services/import';
import { rollStale } from '../services/roller';
import { pushRows } from '../sync/push';
import { Store } from '../store/store';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { bookingDoc, customerDoc } from '../test-support/docs';
import { startMailServer } from '../test-support/mail';
import { client, enrolDevice, startTestServer } from '../test-support/http';
import { startWebhook } from '../test-support/webhook';
import { DEFAULT_OUTBOX_OPTIONS } from '../outbox/config';
import { createSmtpProvider } from '../outbox/smtp-provider';
import { createWebhookProvider } from '../outbox/webhook-provider';
import { OutboxWorker } from '../outbox/worker';
import type { RemindersConfig } from './config';
import { ReminderScheduler } from './scheduler';

const runReminders = (store: Store, config: RemindersConfig) => new ReminderScheduler(store, config).runOnce();
import { changeReminderSettings } from './settings';

// br-a is Manila (UTC+8). 2026-03-01T00:00Z = 08:00 on 1 March in Manila.
const NOW = Date.parse('2026-03-01T00:00:00Z');
const desk = { id: 'dev-a', role: 'front_desk' as const, branch_id: 'br-a' };
const CONFIG: RemindersConfig = { pollMs: 60_000, publicUrl: 'https://desk.example.com', inboundSecret: 'gateway-secret-0123456789' };

describe.each(TARGETS)('appointment reminders on $name', (target) => {
  let db: TestDatabase;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    db = await target.open({ clock: clock.read });
    await importDataset(db.store, twoBranches(), 0);
    await rollStale(db.store);
    const { problems } = await changeReminderSettings(db.store.db, 'br-a', { enabled: true, offsets_minutes: [1440, 120], quiet_start: '21:00', quiet_end: '08:00' }, NOW);
    expect(problems).toEqual([]);
  });
  afterEach(async () => {
    await db?.close();
  });

  async function reminders(): Promise<CommunicationDoc[]> {
    const rows = await db.store.db.query<{ data: CommunicationDoc }>("SELECT data FROM communications WHERE trigger_key LIKE 'reminder:%' ORDER BY data->>'at', trigger_key");
    return rows.map((r) => r.data);
  }
  async function at(iso: string): Promise<number> {
    clock.now = Date.parse(iso);
    return runReminders(db.store, CONFIG);
  }
  async function book(over: Partial<BookingDoc>, assumed?: WireDoc<BookingDoc>): Promise<WireDoc<BookingDoc>> {
    const doc = bookingDoc({ customer_id: 'cu-a1', branch_id: 'br-a', ...over });
    await pushRows(db.store, desk, 'bookings', [{ ...(assumed ? { assumedMasterState: assumed } : {}), newDocumentState: doc }]);
    return doc;
  }

  it('sends each reminder once at its offset, none before, and a fresh one after a move', async () => {
    // 10:00 on 2 March in Manila.
    const b = await book({ id: 'bk-1', start_at: '2026-03-02T02:00:00Z' });
    expect(await at('2026-03-01T01:59:00Z')).toBe(0);
    expect(await at('2026-03-01T02:00:00Z')).toBe(1);
    expect(await at('2026-03-01T02:05:00Z')).toBe(0);
    const [first] = await reminders();
    expect(first).toMatchObject({
      trigger_key: reminderKey('bk-1', 1440, '2026-03-02T02:00:00Z'),
      channel: 'sms',
      purpose: 'appointment reminder',
      status: 'queued',
      message: 'Hi Customer, a reminder of your Haircut with Ana at Branch A on 2 March 2026 at 10:00. Reply YES to confirm or NO to cancel.',
    });
    // The outbox delivers it to the SMS gateway (a real HTTP endpoint).
    const hook = await startWebhook();
    try {
      const worker = new OutboxWorker(db.store, new Map([['sms', createWebhookProvider({ url: hook.url, token: '', timeoutMs: 10_000 })]]), DEFAULT_OUTBOX_OPTIONS);
      expect(await worker.runOnce()).toMatchObject({ sent: 1 });
      expect(hook.requests.map((r) => r.body)).toEqual([expect.objectContaining({ to: '+639171234567', text: first?.message })]);
      // Moved after its reminder: a fresh one for the new time (10:00 on 5 March), the old one stays sent.
      await book({ id: 'bk-1', start_at: '2026-03-05T02:00:00Z', updated_at: '2026-03-01T03:00:00Z' }, b);
      expect(await at('2026-03-04T01:59:00Z')).toBe(0);
      expect(await at('2026-03-04T02:00:00Z')).toBe(1);
      expect(await worker.runOnce()).toMatchObject({ sent: 1 });
      expect((await reminders()).map((r) => [r.trigger_key, r.status])).toEqual([
        [reminderKey('bk-1', 1440, '2026-03-02T02:00:00Z'), 'sent'],
        [reminderKey('bk-1', 1440, '2026-03-05T02:00:00Z'), 'sent'],
      ]);
      expect((hook.requests[1]?.body as { text: string }).text).toContain('on 5 March 2026 at 10:00');
    } finally {
      await hook.close();
    }
  });

  it('queues a reminder once even when two server processes find it at the same moment', async () => {
    await book({ id: 'bk-2p', start_at: '2026-03-02T02:00:00Z' });
    clock.now = Date.parse('2026-03-01T02:00:00Z');
    const other = target.name === 'postgres' && db.url !== undefined ? await Store.open({ databaseUrl: db.url, clock: clock.read }) : db.store;
    try {
      const counts = await Promise.all([runReminders(db.store, CONFIG), runReminders(other, CONFIG), runReminders(db.store, CONFIG)]);
      expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
      expect(await reminders()).toHaveLength(1);
    } finally {
      if (other !== db.store) await other.close();
    }
  });

  it('holds a reminder through quiet hours (branch time) and sends it when they end, if still due', async () => {
    // 09:00 on 2 March in Manila: the 2 h reminder is due at 07:00, inside quiet hours until 08:00.
    await book({ id: 'bk-q', start_at: '2026-03-02T01:00:00Z' });
    expect(await at('2026-03-01T01:00:00Z')).toBe(1); // the 24 h one, 09:00 on 1 March
    expect(await at('2026-03-01T23:00:00Z')).toBe(0); // 07:00 Manila: quiet
    expect(await at('2026-03-01T23:59:00Z')).toBe(0);
    expect(await at('2026-03-02T00:00:00Z')).toBe(1); // 08:00 Manila
    expect((await reminders()).map((r) => r.trigger_key)).toEqual([reminderKey('bk-q', 1440, '2026-03-02T01:00:00Z'), reminderKey('bk-q', 120, '2026-03-02T01:00:00Z')]);
  });

  it('sends nothing for a booking moved or cancelled before its reminder, and cancels one queued for the old time', async () => {
    const moved = await book({ id: 'bk-m', start_at: '2026-03-03T02:00:00Z' });
    const cancelled = await book({ id: 'bk-c', start_at: '2026-03-03T03:00:00Z' });
    await book({ id: 'bk-m', start_at: '2026-03-04T02:00:00Z', updated_at: '2026-03-01T01:00:00Z' }, moved);
    await book({ id: 'bk-c', status: 'cancelled', updated_at: '2026-03-01T01:00:00Z' }, cancelled);
    expect(await at('2026-03-02T02:00:00Z')).toBe(0);
    expect(await at('2026-03-02T03:30:00Z')).toBe(0);
    expect(await at('2026-03-03T02:00:00Z')).toBe(1);
    expect((await reminders()).map((r) => r.trigger_key)).toEqual([reminderKey('bk-m', 1440, '2026-03-04T02:00:00Z')]);

    // Queued, then moved before the outbox handed it over: cancelled, never sent.
    const late = await book({ id: 'bk-l', start_at: '2026-03-04T05:00:00Z' });
    expect(await at('2026-03-03T05:00:00Z')).toBe(1);
    await book({ id: 'bk-l', start_at: '2026-03-04T06:00:00Z', updated_at: '2026-03-03T05:00:01Z' }, late);
    const hook = await startWebhook();
    try {
      const worker = new OutboxWorker(db.store, new Map([['sms', createWebhookProvider({ url: hook.url, token: '', timeoutMs: 10_000 })]]), DEFAULT_OUTBOX_OPTIONS);
      expect(await worker.runOnce()).toMatchObject({ sent: 1, cancelled: 1 });
      expect(hook.requests.map((r) => (r.body as { text: string }).text)).toEqual([expect.stringContaining('on 4 March 2026 at 10:00')]);
      const l = (await reminders()).find((r) => r.trigger_key === reminderKey('bk-l', 1440, '2026-03-04T05:00:00Z'));
      expect(l).toMatchObject({ status: 'cancelled', error: 'cancelled: the booking was moved or cancelled before its reminder went out' });
    } finally {
      await hook.close();
    }
  });

  it('emails the customers who prefer email through a real SMTP server, with signed confirm and cancel links that work once and expire', async () => {
    await pushRows(db.store, desk, 'customers', [
      { newDocumentState: customerDoc({ id: 'cu-em', name: 'Mia Santos', email: 'mia@example.com', preferred_contact: 'email', home_branch_id: 'br-a', registered_branch_id: 'br-a' }) },
    ]);
    await book({ id: 'bk-e', customer_id: 'cu-em', start_at: '2026-03-02T02:00:00Z', service: 'Colour', staff: 'Joy' });
    await book({ id: 'bk-e2', customer_id: 'cu-em', start_at: '2026-03-02T06:00:00Z', service: 'Trim', staff: 'Joy' });
    expect(await at('2026-03-01T06:00:00Z')).toBe(2);
    const mail = await startMailServer();
    const worker = new OutboxWorker(db.store, new Map([['email', createSmtpProvider({ url: mail.url, from: 'Salon <no-reply@example.com>', subject: 'Your appointment at {branch}', timeoutMs: 10_000 })]]), DEFAULT_OUTBOX_OPTIONS);
    const server = await startTestServer(db.store, { reminders: CONFIG });
    try {
      expect(await worker.runOnce()).toMatchObject({ sent: 2 });
      await mail.waitFor(2);
      // Bodies are quoted-printable (long lines soft-broken): decoded as a mail client does.
      const text = (body: string) => body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      const colour = mail.received.find((m) => text(m.body).includes('Colour')) as (typeof mail.received)[number];
      expect(colour.to).toEqual(['mia@example.com']);
      expect(colour.header('subject')).toBe('Your appointment at Branch A');
      expect(text(colour.body)).toContain('Hi Mia, a reminder of your Colour with Joy at Branch A on 2 March 2026 at 10:00.');
      const link = (action: string, body: string) => {
        const m = new RegExp(`${action}: https://desk\\.example\\.com(/r\\?t=[A-Za-z0-9_.-]+)`).exec(text(body));
        return m?.[1] ?? '';
      };
      const confirm = link('Confirm', colour.body);
      expect(confirm).toMatch(/^\/r\?t=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);

      // GET shows the page and changes nothing (link scanners fetch links); POST confirms.
      const shown = await fetch(`${server.url}${confirm}`);
      expect(shown.status).toBe(200);
      expect(shown.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; form-action 'self'/);
      const html = await shown.text();
      expect(html).toContain('Colour with Joy at Branch A on 2 March 2026 at 10:00');
      expect(html).not.toMatch(/<script/i);
      expect(await replies()).toEqual([]);
      const done = await fetch(`${server.url}${confirm}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('Appointment confirmed');
      const [reply] = await replies();
      expect(reply).toMatchObject({ direction: 'inbound', channel: 'email', purpose: 'reply', branch_id: 'br-a', customer_id: 'cu-em' });
      expect(reply?.trigger_key).toMatch(/^reply:bk-e:confirm:/);
      const booking = (await db.store.db.query<{ data: BookingDoc }>("SELECT data FROM bookings WHERE id = 'bk-e'"))[0]?.data as BookingDoc;
      expect(booking.status).toBe('scheduled');
      expect(confirmationOf(booking, await replies())).toMatchObject({ action: 'confirm', channel: 'email', at: '2026-03-01T06:00:00.000Z' });

      // Replayed: refused, nothing more recorded.
      const again = await fetch(`${server.url}${confirm}`, { method: 'POST', body: '' });
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('already received');
      expect(await replies()).toHaveLength(1);

      // Forged: the signature of another payload.
      const [payload, signature] = confirm.slice('/r?t='.length).split('.') as [string, string];
      const forgedPayload = Buffer.from(JSON.stringify(['bk-e2', 'cancel', Date.parse('2026-03-02T06:00:00Z'), Date.parse('2026-03-02T06:00:00Z')])).toString('base64url');
      expect((await fetch(`${server.url}/r?t=${forgedPayload}.${signature}`, { method: 'POST', body: '' })).status).toBe(403);
      expect((await fetch(`${server.url}/r?t=${payload}.${signature.slice(0, -2)}AA`)).status).toBe(403);

      // The cancel link of the other booking cancels it, and the change is a new stamp for the desks.
      const trim = mail.received.find((m) => text(m.body).includes('Trim')) as (typeof mail.received)[number];
      const cancel = link('Cancel', trim.body);
      const cancelled = await fetch(`${server.url}${cancel}`, { method: 'POST', body: '' });
      expect(cancelled.status).toBe(200);
      expect(await cancelled.text()).toContain('Appointment cancelled');
      const e2 = (await db.store.db.query<{ data: BookingDoc }>("SELECT data FROM bookings WHERE id = 'bk-e2'"))[0]?.data as BookingDoc;
      expect(e2.status).toBe('cancelled');

      // Expired: once the appointment started, the confirm link of bk-e is refused (410).
      const cancelE = link('Cancel', colour.body);
      clock.now = Date.parse('2026-03-02T02:00:00Z');
      const expired = await fetch(`${server.url}${cancelE}`, { method: 'POST', body: '' });
      expect(expired.status).toBe(410);
      expect(await expired.text()).toContain('expired');
      expect((await db.store.db.query<{ data: BookingDoc }>("SELECT data FROM bookings WHERE id = 'bk-e'"))[0]?.data.status).toBe('scheduled');
    } finally {
      await server.close();
      await worker.stop();
      await mail.close();
    }
  });

  it('reports the no-show rate of reminded vs not reminded bookings at the branch, from what was sent', async () => {
    const hook = await startWebhook();
    const server = await startTestServer(db.store, { reminders: CONFIG });
    try {
      // Five bookings at br-a on 2 March; two get their reminder sent, one gets one that fails for good.
      // bk-n1 and bk-n2 are for cu-a2, who has no phone or email: never reminded.
      for (const [id, hour] of [['bk-r1', 2], ['bk-r2', 3], ['bk-n1', 4], ['bk-n2', 5], ['bk-f', 6]] as const) {
        await book({ id, start_at: `2026-03-02T0${hour}:00:00Z`, ...(id.startsWith('bk-n') ? { customer_id: 'cu-a2' } : {}) });
      }
      expect(await at('2026-03-01T02:00:00Z')).toBe(1); // bk-r1's 24 h window
      expect(await at('2026-03-01T03:00:00Z')).toBe(1); // bk-r2
      const worker = new OutboxWorker(db.store, new Map([['sms', createWebhookProvider({ url: hook.url, token: '', timeoutMs: 10_000 })]]), DEFAULT_OUTBOX_OPTIONS);
      expect(await worker.runOnce()).toMatchObject({ sent: 2 });
      hook.answerNext(400);
      expect(await at('2026-03-01T06:00:00Z')).toBe(1); // bk-f: the gateway refuses it
      expect(await worker.runOnce()).toMatchObject({ failed: 1 });
      // Outcomes: bk-r1 came, bk-r2 did not; bk-n1 came, bk-n2 and bk-f did not.
      clock.now = Date.parse('2026-03-02T09:00:00Z');
      const outcome = async (id: string, status: 'completed' | 'no_show') => {
        const rows = await db.store.db.query<{ data: BookingDoc }>('SELECT data FROM bookings WHERE id = $1', [id]);
        const before = { ...(rows[0]?.data as BookingDoc), _deleted: false };
        await pushRows(db.store, desk, 'bookings', [{ assumedMasterState: before, newDocumentState: { ...before, status, updated_at: '2026-03-02T09:00:00Z' } }]);
      };
      await outcome('bk-r1', 'completed');
      await outcome('bk-r2', 'no_show');
      await outcome('bk-n1', 'completed');
      await outcome('bk-n2', 'no_show');
      await outcome('bk-f', 'no_show');
      const manager = client(server.url, (await enrolDevice(db.store, server, 'br-a', 'manager')).token);
      const report = await manager.get('/api/reminders/report?from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z');
      expect(report).toEqual({
        status: 200,
        body: {
          branch_id: 'br-a',
          from: '2026-03-01T00:00:00.000Z',
          to: '2026-03-03T00:00:00.000Z',
          reminded: { bookings: 2, no_shows: 1, rate: 0.5 },
          not_reminded: { bookings: 3, no_shows: 2, rate: 2 / 3 },
        },
      });
      // The default period is the 90 days before now: bk-a1 of February (a visit, no reminder) counts too.
      expect((await manager.get('/api/reminders/report')).body).toMatchObject({ reminded: { bookings: 2, no_shows: 1 }, not_reminded: { bookings: 4, no_shows: 2 } });
      expect((await manager.get('/api/reminders/report?from=tomorrow')).status).toBe(400);
    } finally {
      await server.close();
      await hook.close();
    }
  });

  async function replies(): Promise<CommunicationDoc[]> {
    const rows = await db.store.db.query<{ data: CommunicationDoc }>("SELECT data FROM communications WHERE trigger_key LIKE 'reply:%' ORDER BY data->>'at', id");
    return rows.map((r) => r.data);
  }
});
