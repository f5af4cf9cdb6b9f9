/**
 * Appointment reminders against a real server process (server/PROTOCOL.md, "Appointment
 * reminders"): settings authorised per role with every bad field named; a reminder delivered to
 * the SMS HTTP endpoint and to a real SMTP server while no desk does anything; inbound SMS with a
 * forged, absent, stale or wrong secret refused and changing nothing; a genuine signed reply
 * cancelling (generic JSON) or confirming (Twilio-style form post) the booking, which a second
 * desk of the branch then pulls; a reply link used twice refused the second time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingDoc, CommunicationDoc } from '../../shared/domain/schemas';
import { confirmationOf } from '../../shared/schedule/reminders';
import type { PullResponse } from '../../shared/sync/protocol';
import { formatInstant } from '../../shared/time/instant';
import { jsonSignature, twilioSignature } from '../test-support/gateway-signatures';
import { bookingDoc, customerDoc } from '../test-support/docs';
import { freePort } from '../test-support/free-port';
import { startMailServer, type TestMailServer } from '../test-support/mail';
import { freshId } from './attack-docs';
import { openTarget, TARGET_NAMES, type Actor, type Target } from './harness';

const SLOW = 240_000;
const SECRET = 'gateway-shared-secret-0123456789';
const PHONE = '+639171234567'; // cu-a1 of the two-branch data set, prefers SMS

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(TARGET_NAMES)('appointment reminders against a real server on %s', { timeout: SLOW }, (name) => {
  // PUBLIC_URL must be known before the server starts (Twilio signs it): a port the OS hands out now.
  let PUBLIC_URL = '';
  let t: Target;
  let mail: TestMailServer;

  beforeAll(async () => {
    const port = await freePort();
    PUBLIC_URL = `http://127.0.0.1:${port}`;
    mail = await startMailServer();
    t = await openTarget(name, {
      env: { SMS_INBOUND_SECRET: SECRET, PUBLIC_URL, REMINDERS_POLL_SECONDS: '1', SMTP_URL: mail.url, SMTP_FROM: 'Salon <no-reply@example.com>' },
      args: ['--port', String(port)],
    });
  }, SLOW);
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  }, SLOW);

  async function pull<T>(who: Actor, collection: string): Promise<T[]> {
    const res = await who.get(`/api/sync/${collection}/pull?limit=2000`);
    expect(res.status).toBe(200);
    return (res.body as PullResponse<T & { _deleted: boolean }>).documents;
  }
  const bookingOf = async (who: Actor, id: string) => (await pull<BookingDoc>(who, 'bookings')).find((b) => b.id === id);
  const inbound = (raw: string, headers: Record<string, string>) => fetch(`${t.url}/api/reminders/sms`, { method: 'POST', headers, body: raw });
  const signed = (raw: string, at = Math.floor(Date.now() / 1000)) => ({ 'content-type': 'application/json', 'x-branchdesk-signature': jsonSignature(SECRET, at, raw) });
  const inMinutes = (m: number) => formatInstant(Math.ceil((Date.now() + m * 60_000) / 60_000) * 60_000);

  it('settings: a manager changes only the fields it names; a front desk or hq cannot; bad fields are named and nothing is stored', async () => {
    const { fdA, mgA, mgB, hq } = t.actors;
    expect((await fdA.put('/api/reminders/settings', { enabled: true })).status).toBe(403);
    expect((await hq.put('/api/reminders/settings?branch_id=br-a', { enabled: true })).status).toBe(403);
    expect((await mgB.put('/api/reminders/settings?branch_id=br-a', { enabled: true })).status).toBe(403);
    const bad = await mgA.put('/api/reminders/settings', { enabled: true, offsets_minutes: [5], quiet_start: '25:00', template: 'Hi {nickname}', colour: 'red' });
    expect(bad.status).toBe(400);
    expect((bad.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['offsets_minutes', 'quiet_start', 'template', 'colour']);
    expect(((await fdA.get('/api/reminders/settings')).body as { enabled: boolean }).enabled).toBe(false);
    const ok = await mgA.put('/api/reminders/settings', { enabled: true, offsets_minutes: [120], quiet_start: '', quiet_end: '' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await fdA.get('/api/reminders/settings')).body).toMatchObject({ branch_id: 'br-a', enabled: true, offsets_minutes: [120], quiet_start: '', template: expect.stringContaining('{service}') });
  });

  it('a reminder goes out by SMS on its own; forged or absent secrets change nothing; a signed NO cancels the booking and a second desk pulls it', async () => {
    const { fdA, mgA } = t.actors;
    const id = freshId('bk');
    const booking = bookingDoc({ id, customer_id: 'cu-a1', branch_id: 'br-a', start_at: inMinutes(100), service: 'Beard trim', staff: 'Leo' });
    expect((await fdA.post('/api/sync/bookings/push', [{ newDocumentState: booking }])).status).toBe(200);
    const sms = await until('the SMS reminder', () => t.hook.requests.find((r) => (r.body as { text?: string }).text?.includes('Beard trim')));
    expect(sms.body).toMatchObject({ to: PHONE, text: expect.stringMatching(/^Hi Customer, a reminder of your Beard trim with Leo at Branch A on .+ at \d\d:\d\d\. Reply YES to confirm or NO to cancel\.$/) });

    const raw = JSON.stringify({ id: freshId('gw'), from: PHONE, text: 'NO' });
    const now = Math.floor(Date.now() / 1000);
    const refused = [
      await inbound(raw, { 'content-type': 'application/json' }),
      await inbound(raw, { 'content-type': 'application/json', 'x-branchdesk-signature': jsonSignature('not-the-secret-at-all-000', now, raw) }),
      await inbound(raw, { 'content-type': 'application/json', 'x-branchdesk-signature': jsonSignature(SECRET, now, raw.replace('NO', 'no')) }),
      await inbound(raw, signed(raw, now - 600)),
      await inbound(raw, { 'content-type': 'application/json', authorization: 'Bearer not-the-secret-at-all-000' }),
      await inbound(new URLSearchParams({ From: PHONE, Body: 'NO', MessageSid: 'SMx' }).toString(), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'bm90IGEgc2lnbmF0dXJl' }),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await refused[3]?.json()).toMatchObject({ error: expect.stringContaining('5 minutes') });
    expect((await bookingOf(mgA, id))?.status).toBe('scheduled');

    const genuine = await inbound(raw, signed(raw));
    expect(genuine.status).toBe(200);
    expect(await genuine.json()).toEqual({ outcome: 'cancelled' });
    // The gateway delivering the same message again changes nothing twice.
    expect((await inbound(raw, signed(raw))).status).toBe(200);

    // The manager's desk (a second device of the branch) pulls the cancellation and the reply.
    const pulled = (await bookingOf(mgA, id)) as BookingDoc;
    expect(pulled.status).toBe('cancelled');
    const replies = (await pull<CommunicationDoc>(mgA, 'communications')).filter((c) => c.direction === 'inbound' && c.trigger_key.includes(encodeURIComponent(id)));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ channel: 'sms', purpose: 'reply', message: 'NO', customer_id: 'cu-a1' });
    expect(confirmationOf(pulled, replies)).toMatchObject({ action: 'cancel', channel: 'sms' });
  });

  it('a Twilio-style form post signed with the shared secret confirms the booking (it stays scheduled, confirmed)', async () => {
    const { fdA, mgA } = t.actors;
    const id = freshId('bk');
    expect((await fdA.post('/api/sync/bookings/push', [{ newDocumentState: bookingDoc({ id, customer_id: 'cu-a1', branch_id: 'br-a', start_at: inMinutes(110), service: 'Fade' }) }])).status).toBe(200);
    await until('the SMS reminder', () => t.hook.requests.find((r) => (r.body as { text?: string }).text?.includes('Fade')));
    const params = new URLSearchParams({ From: PHONE, To: '+15005550006', Body: 'Yes', MessageSid: freshId('SM') });
    const res = await inbound(params.toString(), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(SECRET, `${PUBLIC_URL}/api/reminders/sms`, params) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    const booking = (await bookingOf(mgA, id)) as BookingDoc;
    expect(booking.status).toBe('scheduled');
    expect(confirmationOf(booking, await pull<CommunicationDoc>(mgA, 'communications'))).toMatchObject({ action: 'confirm', channel: 'sms' });
  });

  it('emails a customer who prefers email through the real SMTP server; its confirm link works once', async () => {
    const { fdA, mgA } = t.actors;
    const customer = customerDoc({ id: freshId('cu'), name: 'Mia Santos', email: 'mia@example.com', preferred_contact: 'email', home_branch_id: 'br-a', registered_branch_id: 'br-a' });
    expect((await fdA.post('/api/sync/customers/push', [{ newDocumentState: customer }])).status).toBe(200);
    const id = freshId('bk');
    expect((await fdA.post('/api/sync/bookings/push', [{ newDocumentState: bookingDoc({ id, customer_id: customer.id, branch_id: 'br-a', start_at: inMinutes(90), service: 'Colour' }) }])).status).toBe(200);
    const text = (body: string) => body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    const message = await until('the reminder email', () => mail.received.find((m) => text(m.body).includes('Colour')));
    expect(message.to).toEqual(['mia@example.com']);
    const link = new RegExp(`Confirm: ${PUBLIC_URL.replace(/[.]/g, '\\.')}(/r\\?t=[A-Za-z0-9_.-]+)`).exec(text(message.body))?.[1] as string;
    expect(link).toBeDefined();
    expect((await fetch(`${t.url}${link}`)).status).toBe(200);
    expect((await fetch(`${t.url}${link}`, { method: 'POST', body: '' })).status).toBe(200);
    const again = await fetch(`${t.url}${link}`, { method: 'POST', body: '' });
    expect(again.status).toBe(409);
    const booking = (await bookingOf(mgA, id)) as BookingDoc;
    expect(confirmationOf(booking, await pull<CommunicationDoc>(mgA, 'communications'))).toMatchObject({ action: 'confirm', channel: 'email' });
  });
});
