import { expect, test } from '@playwright/test';
import { startWebhook, type TestWebhook } from '../server/test-support/webhook';
import { jsonSignature } from '../server/reminders/inbound';
import { zoneClock } from '../shared/time/zone';
import { formatDay } from '../shared/time/calendar';
import { SyncDesk } from './pages/sync-desk';
import { TodayPage } from './pages/today-page';
import { dismissToasts } from './support/screens';
import { createStorage, startSyncServer, type Storage, type SyncServer } from './support/server';
import { shot } from './support/shot';

const SECRET = 'e2e-gateway-secret-0123456789';
const ZONE = 'Asia/Manila';

/**
 * Appointment reminders end to end on real time (the server schedules by its own clock, so the
 * desk's clock is the real now here): a manager switches reminders on in Settings, books a
 * customer who prefers SMS for tomorrow 10:00, the server sends the reminder to the SMS gateway
 * (a real HTTP endpoint) by itself, the customer answers YES through the gateway's signed inbound
 * webhook, and the desk's agenda card shows "Confirmed by SMS hh:mm" after sync.
 */
test('reminders: set up on the desk, sent by the server, a YES by SMS shows on the agenda card', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const storage: Storage = await createStorage('pglite');
  let server: SyncServer | null = null;
  let hook: TestWebhook | null = null;
  let desk: SyncDesk | null = null;
  try {
    await storage.cli(['import', '--data', 'fixtures/sample']);
    hook = await startWebhook();
    Object.assign(storage.env, { SMS_WEBHOOK_URL: hook.url, SMS_INBOUND_SECRET: SECRET, REMINDERS_POLL_SECONDS: '1', OUTBOX_POLL_SECONDS: '1' });
    server = await startSyncServer(storage);
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
    expect(await desk.unexpectedProblems()).toEqual([]);
  } finally {
    await desk?.close().catch(() => undefined);
    await server?.stop();
    await hook?.close();
    await storage.dispose();
  }
});
