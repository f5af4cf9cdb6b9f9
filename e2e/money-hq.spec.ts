import { expect, test } from '@playwright/test';
import { HqDashboard } from './pages/hq-dashboard';
import { SyncDesk } from './pages/sync-desk';
import { expectAccessible } from './support/axe';
import { expectNoProblems, withSampleServer } from './support/sample-server';
import { shot } from './support/shot';

/**
 * Money done properly across the business (issue 11, items 7 and 9): HQ sets the currency and the
 * spending tiers once, for every branch, on the server; a bad amount is refused on its field and
 * nothing is stored; a paired desk shows them read only ("set by HQ"), takes them at its next
 * session check and re-tiers its customers; its prices show in the business's currency.
 */
test('HQ sets the business currency and spending tiers; a paired desk follows and re-tiers its customers', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  await withSampleServer(browser, 'pglite', async ({ storage, server, desks, open }) => {
    const [codeManager, codeHq] = await Promise.all([storage.enrol('br-manila', 'manager'), storage.enrol('', 'hq')]);
    const manager = await open('Manager', { baseURL: baseURL as string, viewport: { width: 1024, height: 768 } });
    await manager.pairFromWelcome(server.url, codeManager);
    await manager.expectSynced(60_000);

    // how many VIPs the desk counts (the Customers filter's facet), with the fixed tiers
    const vipCount = async (): Promise<number> => {
      await manager.go('Customers');
      const vip = manager.page.getByRole('complementary', { name: 'Filters' }).locator('label.filter-check').filter({ has: manager.page.locator('.filter-check-label', { hasText: /^VIP$/ }) });
      return Number(((await vip.locator('.filter-count').textContent()) ?? '').replace(/\D/g, ''));
    };
    const vipBefore = await vipCount();

    // the desk before: no currency, the fixed tiers, read only on a paired desk
    await manager.go('Settings');
    const shown = manager.page.getByRole('definition');
    await expect(manager.page.getByText('Set by HQ for every branch of the business; this desk follows the server.')).toBeVisible();
    await expect(manager.page.getByRole('form', { name: 'Money settings' })).toHaveCount(0);
    await expect(shown.filter({ hasText: 'None (amounts only)' })).toBeVisible();

    const hqDesk = await SyncDesk.open(browser, 'HQ', { baseURL: server.url, viewport: { width: 1024, height: 768 } });
    desks.push(hqDesk);
    const hq = new HqDashboard(hqDesk.page);
    await hqDesk.pairingForm.getByLabel('Enrolment code').fill(codeHq);
    await hqDesk.pairingForm.getByRole('button', { name: 'Connect' }).click();
    await expect(hq.heading).toBeVisible();

    const money = hqDesk.page.getByRole('form', { name: 'Business money settings' });
    await expect(money.getByLabel('Currency')).toHaveValue('');
    await expect(money.getByLabel('VIP above')).toHaveValue('1000.00');
    await expect(money.getByRole('button', { name: 'Save money settings' })).toBeDisabled();

    // a bad boundary names its field; nothing is sent
    await money.getByLabel('Currency').selectOption('PHP');
    await money.getByLabel('Medium spender from').fill('9000');
    await money.getByRole('button', { name: 'Save money settings' }).click();
    await expect(money.getByLabel('Medium spender from')).toHaveAccessibleDescription(/Medium spender starts above high spender/);

    // pesos, and VIP above ₱300.00: most of the sample's spenders become VIP
    await money.getByLabel('VIP above').fill('300');
    await money.getByLabel('High spender from').fill('200');
    await money.getByLabel('Medium spender from').fill('100');
    await money.getByRole('button', { name: 'Save money settings' }).click();
    await expect(hqDesk.page.getByText(/Business money saved/)).toBeVisible();
    await expect(money.getByLabel('VIP above')).toHaveValue('300.00');
    await expect(money.getByRole('button', { name: 'Save money settings' })).toBeDisabled();
    // HQ's own amounts show in pesos at once
    await expect(hqDesk.page.getByText(/₱[\d,]+\.\d\d/).first()).toBeVisible();
    await money.scrollIntoViewIfNeeded();
    await hqDesk.page.screenshot({ path: shot('54-hq-business-money-1024'), fullPage: false });
    await expectAccessible(hqDesk.page, 'HQ business money');

    // the desk takes them at its next session check (a restart asks at once)
    await manager.reload();
    await manager.go('Settings');
    await expect(shown.filter({ hasText: 'PHP' })).toBeVisible({ timeout: 30_000 });
    await expect(shown.filter({ hasText: '₱300.00' })).toBeVisible();
    await manager.page.getByRole('region', { name: 'Money' }).screenshot({ path: shot('55-desk-money-from-hq-1024') });
    await expect.poll(vipCount, { timeout: 30_000 }).toBeGreaterThan(vipBefore);

    await expectNoProblems(desks);
  });
});
