import { expect, test } from '@playwright/test';
import { startMailServer, type TestMailServer } from '../server/test-support/mail';
import { TodayPage } from './pages/today-page';
import { SyncDesk } from './pages/sync-desk';
import { expectAccessible } from './support/axe';
import { decodeQuotedPrintable } from './support/mail-text';
import { dismissToasts } from './support/screens';
import { createStorage, startSyncServer, type Storage, type SyncServer } from './support/server';
import { shot } from './support/shot';

/**
 * The receipt by email (issue 12, item 2): a paired desk completes a paid visit and emails its
 * receipt; the message goes through the server's outbox to a real SMTP server started here (a
 * transactional message: no marketing consent needed), with the receipt's subject and lines.
 */
test('a paid visit’s receipt is emailed through the server’s outbox over SMTP', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const mail: TestMailServer = await startMailServer();
  const storage: Storage = await createStorage('pglite');
  let server: SyncServer | null = null;
  let desk: SyncDesk | null = null;
  try {
    await storage.cli(['import', '--data', 'fixtures/sample']);
    Object.assign(storage.env, { SMTP_URL: mail.url, SMTP_FROM: 'Branchdesk <no-reply@example.com>', SMTP_SUBJECT: 'News from {branch}' });
    server = await startSyncServer(storage);
    desk = await SyncDesk.open(browser, 'front desk', { baseURL: baseURL as string, viewport: { width: 1024, height: 768 } });
    await desk.pairFromWelcome(server.url, await storage.enrol('br-manila', 'front_desk'));
    await desk.expectSynced(60_000);
    const page = desk.page;
    const today = new TodayPage(page);

    // a new customer with an email address and no marketing consent
    await today.newBooking({ register: { name: 'Maria Santos', phone: '0917 123 4567', email: 'maria.santos@example.com' } }, { service: 'Colour', staff: 'Ana', time: '15:00', duration: '60', price: '25' });
    await today.select('Maria Santos');
    await today.checkIn();
    await today.panel.getByRole('button', { name: 'Complete…' }).click();
    const complete = page.getByRole('dialog', { name: "Complete Maria Santos's visit" });
    await complete.getByRole('radio', { name: 'All card' }).check();
    await complete.getByLabel('Tip (optional)').fill('2');
    await complete.getByRole('button', { name: 'Complete visit' }).click();
    await expect(complete).toBeHidden();
    await dismissToasts(page);

    await today.panel.getByRole('button', { name: 'Receipt…' }).click();
    const receipt = page.getByRole('dialog', { name: 'Receipt' });
    await receipt.getByRole('button', { name: 'Email receipt' }).click();
    await expect(page.locator('.toast-message').filter({ hasText: 'Receipt queued for maria.santos@example.com — the server sends it' })).toBeVisible();
    await expect(receipt.getByRole('button', { name: 'Receipt queued' })).toBeDisabled();
    await expectAccessible(page, 'receipt dialog after emailing');
    await page.screenshot({ path: shot('65-receipt-emailed-1024') });

    await mail.waitFor(1);
    const [sent] = mail.received;
    expect(sent?.to).toEqual(['maria.santos@example.com']);
    expect(sent?.header('subject')).toBe('Your receipt from Manila Makati');
    const text = decodeQuotedPrintable(sent?.body ?? '');
    expect(text).toContain('Receipt — Manila Makati');
    expect(text).toContain('Maria Santos');
    expect(text).toMatch(/Colour with Ana: \D*25\.00/);
    expect(text).toMatch(/Tip: \D*2\.00/);
    expect(text).toMatch(/Total paid: \D*27\.00/);
    expect(text).toMatch(/Paid by card: \D*27\.00/);
    expect(await desk.unexpectedProblems()).toEqual([]);
  } finally {
    await desk?.close().catch(() => undefined);
    await server?.stop();
    await storage.dispose();
    await mail.close();
  }
});
