import type { Dialog, Page } from '@playwright/test';
import { expect, FIXED_NOW, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { CustomersPage } from './pages/customers-page';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';
import { expectAccessible } from './support/axe';
import { shot } from './support/shot';

/** A second tab of the same browser (same IndexedDB, same Web Locks), its errors collected. */
async function secondTab(page: Page, problems: string[]): Promise<Page> {
  const tab = await page.context().newPage();
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(`second tab console error: ${message.text()}`);
  });
  tab.on('pageerror', (error) => problems.push(`second tab page error: ${error.message}`));
  await tab.clock.setFixedTime(FIXED_NOW);
  return tab;
}

test('one window at a time has the desk: a second tab says so, "Use here instead" moves the desk with everything written in the other, no booking with two statuses', async ({ app, page, problems }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);
  await today.newBooking({ register: { name: 'Maria Santos', phone: '0917 123 4567' } }, { service: 'Haircut', staff: 'Ana', time: '15:00', price: '250' });

  // The same address opened again: the second tab does not open the desk's data
  const tab = await secondTab(page, problems);
  await tab.setViewportSize({ width: 1024, height: 768 });
  await tab.goto('/');
  await expect(tab.getByRole('heading', { level: 1, name: 'Branchdesk is already open in another window' })).toBeVisible();
  await expect(tab.getByRole('button', { name: 'Use here instead' })).toBeFocused();
  await expect(tab.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await tab.screenshot({ path: shot('50-already-open') });
  await expectAccessible(tab, 'already open in another window');
  // The first tab carries on
  await today.select('Maria Santos');
  await expect(today.panel.getByText('Scheduled', { exact: true })).toBeVisible();

  // "Use here instead" (from the keyboard): the first tab closes its desk and says so, the second opens it
  await tab.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Branchdesk is now open in another window' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expectAccessible(page, 'now open in another window');
  const there = new AppPage(tab);
  await there.waitReady();
  const tabToday = new TodayPage(tab);
  await tabToday.select('Maria Santos');
  await tabToday.checkIn();
  await tabToday.newBooking({ register: { name: 'Ben Cruz', phone: '0917 765 4321' } }, { service: 'Fade', staff: 'Ben', time: '16:00', price: '300' });
  await expect(tabToday.booking('Ben Cruz')).toBeVisible();

  // Back to the first tab: it shows what the second wrote; Maria's booking has one status
  await page.getByRole('button', { name: 'Use here instead' }).click();
  await expect(tab.getByRole('heading', { level: 1, name: 'Branchdesk is now open in another window' })).toBeVisible();
  await app.waitReady();
  await expect(today.booking('Ben Cruz')).toHaveAccessibleName(/^16:00–16:30, Ben Cruz, Fade, Scheduled/);
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/^15:00–15:30, Maria Santos, Haircut, Checked in/);
  await today.select('Maria Santos');
  await expect(today.panel.getByText('Checked in', { exact: true })).toBeVisible();
  await expect(today.panel.getByText('Scheduled', { exact: true })).toHaveCount(0);
  // The customer registered in the other tab is in this tab's search index and customer list
  await app.searchAndOpen('Ben Cruz');
  await expect(page.getByRole('heading', { level: 1, name: 'Ben Cruz' })).toBeVisible();
  await app.go('Customers');
  const customers = new CustomersPage(page);
  await expect(customers.rows.filter({ hasText: 'Ben Cruz' })).toHaveCount(1);
  await expect(customers.rows.filter({ hasText: 'Maria Santos' })).toHaveCount(1);

  // Closing the window that has the desk frees it: the other opens it by itself
  await page.close();
  await there.waitReady();
  await expect(tabToday.booking('Maria Santos')).toHaveAccessibleName(/Checked in/);
  await there.reload();
  await expect(tabToday.booking('Ben Cruz')).toBeVisible();
  await tab.close();
});

test('a window that does not answer (stuck on an alert) has the desk taken from it, and closes it as soon as it runs again', async ({ app, page, problems }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const tab = await secondTab(page, problems);
  await tab.goto('/');
  await expect(tab.getByRole('heading', { level: 1, name: 'Branchdesk is already open in another window' })).toBeVisible();

  const stuck = new Promise<Dialog>((resolve) => page.once('dialog', resolve));
  await page.evaluate(() => void setTimeout(() => window.alert('Stuck'), 0));
  const stuckAlert = await stuck;
  await tab.getByRole('button', { name: 'Use here instead' }).click();
  await new AppPage(tab).waitReady();
  await expect(tab.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

  await stuckAlert.dismiss();
  await expect(page.getByRole('heading', { level: 1, name: 'Branchdesk is now open in another window' })).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-app-ready', 'true');
  await tab.close();
});
