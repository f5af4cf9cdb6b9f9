import { expect, test } from '@playwright/test';
import { startWebhook, type TestWebhook } from '../server/test-support/webhook';
import { startMailServer, type TestMailServer } from '../server/test-support/mail';
import { jsonSignature } from '../server/test-support/gateway-signatures';
import { zoneClock } from '../shared/time/zone';
import { formatDay } from '../shared/time/calendar';
import { SyncDesk } from './pages/sync-desk';
import { TodayPage } from './pages/today-page';
import { dismissToasts } from './support/screens';
import { createStorage, startSyncServer, type Storage, type SyncServer } from './support/server';
import { shot } from './support/shot';

const SECRET = 'e2e-gateway-secret-0123456789';
/** This spec's server port (E2E_PORT + 1): reply links name the server's address, known before it starts. */
const SERVER_PORT = Number(process.env.E2E_PORT ?? 4317) + 1;
const PUBLIC_URL = `http://127.0.0.1:${SERVER_PORT}`;

function decodeQuotedPrintable(body: string): string {
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
const ZONE = 'Asia/Manila';

/**
 * Appointment reminders end to end on real time (the server schedules by its own clock, so the
 * desk's clock is the real now here): a manager switches reminders on in Settings, books a
 * customer who prefers SMS for tomorrow 10:00, the server sends the reminder to the SMS gateway
 * (a real HTTP endpoint) by itself, the customer answers YES through the gateway's signed inbound
 * webhook, and the desk's agenda card shows "Confirmed by SMS hh:mm" after sync. A customer who
 * prefers email gets the reminder through a real SMTP server and cancels with its signed link on
 * the page the server serves; the desk shows the booking cancelled, "Cancelled by email hh:mm".
 */
test('reminders: set up on the desk, sent by the server; a YES by SMS and a cancel link in the email show on the agenda cards', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const storage: Storage = await createStorage('pglite');
  let server: SyncServer | null = null;
  let hook: TestWebhook | null = null;
  let mail: TestMailServer | null = null;
  let desk: SyncDesk | null = null;
  try {
    await storage.cli(['import', '--data', 'fixtures/sample']);
    hook = await startWebhook();
    mail = await startMailServer();
    Object.assign(storage.env, {
      SMS_WEBHOOK_URL: hook.url,
      SMS_INBOUND_SECRET: SECRET,
      SMTP_URL: mail.url,
      SMTP_FROM: 'Manila Makati <no-reply@example.com>',
      SMTP_SUBJECT: 'Your appointment at {branch}',
      PUBLIC_URL,
      REMINDERS_POLL_SECONDS: '1',
      OUTBOX_POLL_SECONDS: '1',
    });
    server = await startSyncServer(storage, ['--port', String(SERVER_PORT)]);
    expect(server.url).toBe(PUBLIC_URL);
    const code = await storage.enrol('br-manila', 'manager');
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    desk = await SyncDesk.open(browser, 'A', { baseURL: baseURL as string, now });
    await desk.pairFromWelcome(server.url, code);
    await expect(desk.page.getByTestId('branch-name')).toHaveText('Manila Makati');
    await desk.expectSynced(60_000);

    // Tomorrow 10:00 at the branch; one reminder "hours before" that is already due now.
    const clock = zoneClock(ZONE);
    const tomorrow = formatDay(clock.localDay(now.getTime()) + 1);
    const start = clock.startOfLocalDay(clock.localDay(now.getTime()) + 1) + 10 * 3_600_000;
    const hoursBefore = Math.ceil((start - now.getTime()) / 3_600_000) + 1;

    // Settings → Appointment reminders (kept by the server): a bad value is named, then saved.
    await desk.page.getByRole('link', { name: 'Settings' }).click();
    const section = desk.page.getByRole('region', { name: 'Appointment reminders' });
    const form = section.getByRole('form', { name: 'Appointment reminders' });
    await expect(form).toBeVisible();
    await expect(form.getByLabel('Hours before the appointment')).toHaveValue('24, 2');
    await form.getByRole('switch', { name: /Send appointment reminders/ }).check();
    await form.getByLabel('Hours before the appointment').fill('soon');
    await form.getByRole('button', { name: 'Save reminders' }).click();
    await expect(form.getByLabel('Hours before the appointment')).toHaveAccessibleDescription(/“soon” is not a number of hours/);
    await form.getByLabel('Hours before the appointment').fill(String(hoursBefore));
    await form.getByLabel('Quiet hours from').fill('');
    await form.getByLabel('Quiet hours until').fill('');
    await form.getByRole('button', { name: 'Save reminders' }).click();
    await expect(desk.page.getByText('Reminders saved — the server sends them from now on')).toBeVisible();
    await expect(section.getByRole('definition').first()).toHaveText('— (no finished bookings)');
    await section.screenshot({ path: shot('50-reminder-settings') });

    // The booking, made at the counter.
    await desk.page.getByRole('link', { name: 'Today' }).click();
    const today = new TodayPage(desk.page);
    await today.newBooking(
      { register: { name: 'Rina Soriano', phone: '+63 917 555 0142', consent: true, contact: 'Text message (SMS)' } },
      { service: 'Hair colour', staff: 'Ana', date: tomorrow, time: '10:00', price: '1200' },
    );
    await dismissToasts(desk.page);
    await desk.expectSynced(60_000);

    // The server sends the reminder by itself.
    await expect.poll(() => hook?.requests.find((r) => (r.body as { text?: string }).text?.includes('Hair colour'))?.body, { timeout: 60_000 }).toMatchObject({
      to: '+639175550142',
      text: expect.stringMatching(/^Hi Rina, a reminder of your Hair colour with Ana at Manila Makati on .+ at 10:00\. Reply YES to confirm or NO to cancel\.$/),
    });

    // The customer answers YES; the gateway posts it, signed with the shared secret.
    const raw = JSON.stringify({ id: 'gw-e2e-1', from: '+639175550142', text: 'YES' });
    const answer = await fetch(`${server.url}/api/reminders/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-branchdesk-signature': jsonSignature(SECRET, Math.floor(Date.now() / 1000), raw) },
      body: raw,
    });
    expect(await answer.json()).toEqual({ outcome: 'confirmed' });

    // The desk pulls the reply: the card says who confirmed, how and when.
    await desk.page.getByRole('button', { name: 'Next day' }).click();
    const card = today.booking('Rina Soriano');
    await expect(card).toHaveAccessibleName(/, Scheduled, Confirmed by SMS \d\d:\d\d,/, { timeout: 60_000 });
    await expect(card.getByText(/^Confirmed by SMS \d\d:\d\d$/)).toBeVisible();
    await today.select('Rina Soriano');
    await expect(today.panel.getByRole('definition').filter({ hasText: /^Confirmed by SMS \d\d:\d\d$/ })).toBeVisible();
    await desk.page.screenshot({ path: shot('51-confirmed-by-sms') });
    await desk.page.setViewportSize({ width: 1024, height: 768 });
    await expect(card.getByText(/^Confirmed by SMS/)).toBeVisible();
    await desk.page.screenshot({ path: shot('51-confirmed-by-sms-1024') });
    await desk.page.setViewportSize({ width: 1440, height: 900 });

    // By email: the reminder arrives with signed links; the customer cancels on the server's page.
    await today.newBooking(
      { register: { name: 'Mia Cruz', email: 'mia.cruz@example.com', consent: true, contact: 'Email' } },
      { service: 'Trim', staff: 'Ana', date: tomorrow, time: '11:00', price: '400' },
    );
    await dismissToasts(desk.page);
    const message = await expect
      .poll(() => mail?.received.find((m) => decodeQuotedPrintable(m.body).includes('Trim')), { timeout: 60_000 })
      .toBeDefined()
      .then(() => mail?.received.find((m) => decodeQuotedPrintable(m.body).includes('Trim')));
    expect(message?.to).toEqual(['mia.cruz@example.com']);
    expect(message?.header('subject')).toBe('Your appointment at Manila Makati');
    const body = decodeQuotedPrintable(message?.body ?? '');
    expect(body).toContain('Hi Mia, a reminder of your Trim with Ana at Manila Makati on');
    const cancelLink = /Cancel: (http:\/\/\S+)/.exec(body)?.[1] as string;
    expect(cancelLink.startsWith(`${PUBLIC_URL}/r?t=`)).toBe(true);
    const customer = await browser.newContext({ locale: 'en-GB' });
    try {
      const tab = await customer.newPage();
      const problems: string[] = [];
      tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      await tab.goto(cancelLink);
      await expect(tab.getByRole('heading', { name: 'Cancel your appointment' })).toBeVisible();
      await expect(tab.getByText(/^Trim with Ana at Manila Makati on .+ at 11:00\.$/)).toBeVisible();
      await tab.getByRole('button', { name: 'Cancel appointment' }).click();
      await expect(tab.getByRole('heading', { name: 'Appointment cancelled' })).toBeVisible();
      await tab.screenshot({ path: shot('52-reminder-link-cancelled') });
      expect(problems, 'console errors and CSP reports on the reply page').toEqual([]);
      // The same link again: used once already (409, which the browser logs).
      await tab.goto(cancelLink);
      await expect(tab.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
      await expect(tab.getByText('This appointment is already cancelled.')).toBeVisible();
      expect(problems).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    } finally {
      await customer.close();
    }
    const cancelled = today.booking('Mia Cruz');
    await expect(cancelled).toHaveAccessibleName(/, Cancelled, Cancelled by email \d\d:\d\d,/, { timeout: 60_000 });
    await expect(cancelled.getByText(/^Cancelled by email \d\d:\d\d$/)).toBeVisible();
    expect(await desk.unexpectedProblems()).toEqual([]);
  } finally {
    await desk?.close().catch(() => undefined);
    await server?.stop();
    await hook?.close();
    await mail?.close();
    await storage.dispose();
  }
});
