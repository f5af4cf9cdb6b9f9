import { expect, test, type Page } from '@playwright/test';
import { ProfilePage } from './pages/profile-page';
import { SyncDesk } from './pages/sync-desk';
import { createStorage, startSyncServer, type Storage, type SyncServer } from './support/server';
import { shot } from './support/shot';

/**
 * Issue 8, desk side: a paired desk offers only what its role may do (shared/authz/desk-actions.ts
 * reads the server's own table). A front desk and a manager desk of one branch, each paired with a
 * real server process: the front desk shows no Erase and no Send, says why, and keeps exports of
 * customer lists and the automations closed; the manager desk offers all of them. A consent
 * change shows which desk made it (the server's record of the pushing device).
 */
const CUSTOMER = { search: 'cu-000045@example.com', name: 'Siobhán Tane' };

async function startCampaign(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
  await page.getByRole('button', { name: 'New campaign' }).first().click();
  await expect(page.getByRole('form', { name: 'Campaign' })).toBeVisible();
}

test('a front-desk pairing offers no Erase, Send, list export or automations; a manager pairing does', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const storage: Storage = await createStorage('pglite');
  let server: SyncServer | null = null;
  const desks: SyncDesk[] = [];
  try {
    await storage.cli(['import', '--data', 'fixtures/sample']);
    server = await startSyncServer(storage);
    const [frontCode, managerCode] = await Promise.all([storage.enrol('br-manila', 'front_desk'), storage.enrol('br-manila', 'manager')]);
    const front = await SyncDesk.open(browser, 'front', { baseURL: baseURL as string });
    const manager = await SyncDesk.open(browser, 'manager', { baseURL: baseURL as string });
    desks.push(front, manager);
    await front.pairFromWelcome(server.url, frontCode);
    await manager.pairFromWelcome(server.url, managerCode);
    await front.expectSynced();
    await manager.expectSynced();

    await test.step('customer page: privacy export for both, Erase for the manager only', async () => {
      for (const desk of desks) await desk.openCustomer(CUSTOMER.search, CUSTOMER.name);
      const privacyOf = (desk: SyncDesk) => desk.page.getByRole('region', { name: 'Privacy' });
      await expect(privacyOf(front).getByRole('button', { name: 'Export customer data' })).toBeVisible();
      await expect(privacyOf(front).getByRole('button', { name: /Erase/ })).toHaveCount(0);
      await expect(privacyOf(front).getByRole('note')).toHaveText(/^Only a manager's desk can erase a customer\./);
      await expect(privacyOf(manager).getByRole('button', { name: 'Erase customer…' })).toBeVisible();
      await expect(privacyOf(manager).getByRole('note')).toHaveCount(0);
      await front.page.setViewportSize({ width: 1024, height: 768 });
      await privacyOf(front).scrollIntoViewIfNeeded();
      await front.page.screenshot({ path: shot('42-front-desk-privacy-1024') });
      await front.page.setViewportSize({ width: 1440, height: 900 });
    });

    await test.step('consent shows who changed it: the desk that made the change, then the server\u2019s record of it on every desk', async () => {
      await manager.withdrawConsent();
      for (const desk of desks) {
        const profile = new ProfilePage(desk.page);
        await expect(profile.consentState('sms')).toHaveText('Withdrawn 2 Mar 2026, 14:30 · Manager 1', { timeout: 20_000 });
        await expect(profile.consentState('email')).toHaveText('Withdrawn 2 Mar 2026, 14:30 · Manager 1');
      }
      await manager.expectSynced();
      // after a reload the front desk reads it from the server again (it never made the change itself)
      await front.reload();
      await front.openCustomer(CUSTOMER.search, CUSTOMER.name);
      await expect(new ProfilePage(front.page).consentState('sms')).toHaveText('Withdrawn 2 Mar 2026, 14:30 · Manager 1', { timeout: 20_000 });
      await front.page.setViewportSize({ width: 1024, height: 768 });
      await front.page.getByRole('region', { name: 'Marketing consent' }).scrollIntoViewIfNeeded();
      await front.page.screenshot({ path: shot('42-consent-who-1024') });
      await front.page.setViewportSize({ width: 1440, height: 900 });
    });

    await test.step('customers list: the front desk cannot export the list, and is told why', async () => {
      for (const desk of desks) await desk.go('Customers');
      const frontExport = front.page.getByRole('button', { name: 'Export CSV' });
      await expect(frontExport).toHaveAttribute('aria-disabled', 'true');
      await expect(frontExport).toHaveAccessibleDescription("Only a manager's desk can export customer lists.");
      await frontExport.focus();
      await front.page.keyboard.press('Enter');
      await expect(front.page.getByRole('alert').or(front.page.getByRole('status')).filter({ hasText: "Only a manager's desk can export customer lists." }).first()).toBeVisible();
      const managerExport = manager.page.getByRole('button', { name: 'Export CSV' });
      await expect(managerExport).toBeEnabled();
      await expect(managerExport).not.toHaveAttribute('aria-disabled', 'true');
    });

    await test.step('campaigns: the front desk may write a draft but not queue it', async () => {
      for (const desk of desks) await startCampaign(desk.page);
      const frontForm = front.page.getByRole('form', { name: 'Campaign' });
      await expect(frontForm.getByRole('button', { name: /^Queue/ })).toHaveCount(0);
      const sendNote = frontForm.getByRole('note').filter({ hasText: /^Only a manager's desk can send a campaign\./ });
      await expect(sendNote).toBeVisible();
      await expect(frontForm.getByRole('button', { name: 'Save draft' })).toBeEnabled();
      await expect(frontForm.getByRole('button', { name: 'Export audience CSV' })).toHaveAttribute('aria-disabled', 'true');
      await front.page.setViewportSize({ width: 1024, height: 768 });
      await sendNote.scrollIntoViewIfNeeded();
      await front.page.screenshot({ path: shot('42-front-desk-campaign-1024') });
      await front.page.setViewportSize({ width: 1440, height: 900 });
      const managerForm = manager.page.getByRole('form', { name: 'Campaign' });
      await expect(managerForm.getByRole('button', { name: /^Queue \d+ messages?$/ })).toBeVisible();
      await expect(managerForm.getByRole('note').filter({ hasText: /manager's desk/ })).toHaveCount(0);
    });

    await test.step('settings: automations are the manager\u2019s', async () => {
      for (const desk of desks) await desk.go('Settings');
      const frontAuto = front.page.getByRole('form', { name: 'Automations' });
      await expect(front.page.getByRole('note').filter({ hasText: "Only a manager's desk can change automations." })).toBeVisible();
      await expect(frontAuto.getByRole('switch').first()).toBeDisabled();
      await expect(manager.page.getByRole('note').filter({ hasText: /automations/ })).toHaveCount(0);
      await expect(manager.page.getByRole('form', { name: 'Automations' }).getByRole('switch').first()).toBeEnabled();
    });

    await test.step('settings: appointment reminders are the manager\u2019s (kept by the server)', async () => {
      const frontReminders = front.page.getByRole('form', { name: 'Appointment reminders' });
      await expect(front.page.getByRole('note').filter({ hasText: "Only a manager's desk can change appointment reminders." })).toBeVisible();
      await expect(frontReminders.getByRole('switch')).toBeDisabled();
      await expect(frontReminders.getByLabel('Hours before the appointment')).toHaveValue('24, 2');
      await expect(front.page.getByRole('heading', { name: 'No-shows, last 90 days' })).toHaveCount(0);
      const managerReminders = manager.page.getByRole('form', { name: 'Appointment reminders' });
      await expect(managerReminders.getByRole('switch')).toBeEnabled();
      await expect(managerReminders.getByRole('button', { name: 'Save reminders' })).toBeVisible();
      await expect(manager.page.getByRole('heading', { name: 'No-shows, last 90 days' })).toBeVisible();
    });

    const problems = (await Promise.all(desks.map((d) => d.unexpectedProblems()))).flat();
    expect(problems, 'console errors, page errors and CSP violations').toEqual([]);
  } finally {
    for (const d of desks) await d.close().catch(() => undefined);
    await server?.stop();
    await storage.dispose();
  }
});
