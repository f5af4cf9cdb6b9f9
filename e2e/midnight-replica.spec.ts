import { expect, test } from './fixtures';
import { CustomersPage } from './pages/customers-page';
import { WelcomePage } from './pages/welcome-page';

/**
 * On the demo business (1,500 customers, three years of bookings): the date moving on rolls
 * every status in place — no splash, no reload — to exactly what a fresh start on that day
 * computes from the bookings; and that fresh start (the first of its day) shows the desk from
 * the stored visit facts, rewriting none of them.
 */
test('statuses roll past midnight on a big replica without a splash, equal to a fresh start that day', async ({ app, page }) => {
  test.setTimeout(300_000);
  await app.open();
  await new WelcomePage(page).loadDemo();
  await app.go('Customers');
  const customers = new CustomersPage(page);
  await expect(customers.count).toBeVisible();
  const before = await customers.filters.ariaSnapshot();

  // From here on, any splash (the start-up screen) is noted.
  await page.evaluate(() => {
    const w = window as unknown as { splashSeen: boolean };
    w.splashSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('.splash') !== null) w.splashSeen = true;
    }).observe(document.body, { subtree: true, childList: true });
  });

  // Three weeks later, just past local midnight in Manila, the window regains focus.
  await page.clock.setFixedTime(new Date('2026-03-22T16:05:00Z'));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByText(/Monday,? 23 March 2026/).first()).toBeVisible();
  await expect.poll(() => customers.filters.ariaSnapshot()).not.toEqual(before);
  // The desk's own model is fitted again as of the new day (in idle time): the predicted counts follow it.
  await expect(page.locator('html')).toHaveAttribute('data-outlook', 'ready 2026-03-23', { timeout: 60_000 });
  const rolled = await customers.filters.ariaSnapshot();
  expect(await page.evaluate(() => (window as unknown as { splashSeen: boolean }).splashSeen)).toBe(false);

  // The first start of that day: the same statuses, from the stored visit facts and then from the bookings.
  await page.reload();
  await expect(customers.count).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => customers.filters.ariaSnapshot(), { timeout: 60_000 }).toEqual(rolled);
  await app.waitReady();
  await expect(page.locator('html')).toHaveAttribute('data-outlook', 'ready 2026-03-23', { timeout: 60_000 });
  expect(await customers.filters.ariaSnapshot()).toEqual(rolled);
});
