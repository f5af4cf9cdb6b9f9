import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';
import { shot } from './support/shot';

/** Screenshots of each screen for the README (fixed 1440×900 viewport, fixed clock, demo data). */
test.use({ viewport: { width: 1440, height: 900 } });

test('screenshots of each screen', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.open();
  const welcome = new WelcomePage(page);
  await expect(welcome.heading).toBeVisible();
  await page.screenshot({ path: shot('01-welcome') });

  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByRole('progressbar', { name: 'Loading demo data' })).toBeVisible();
  await expect(page.getByText('Adding bookings…')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Loading demo data' })).toHaveAttribute('aria-valuenow', /^[1-9]\d*[0-9]{3}$/);
  await page.screenshot({ path: shot('02-demo-loading') });
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible({ timeout: 120_000 });

  const today = new TodayPage(page);
  const checkedIn = today.agenda.getByRole('button', { name: /, Checked in,/ }).first();
  await checkedIn.click();
  await expect(today.panel.getByRole('button', { name: 'Complete…' })).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Dismiss' }).first().click();
  await page.screenshot({ path: shot('03-today') });

  await today.panel.getByRole('button', { name: 'Complete…' }).click();
  await expect(page.getByRole('dialog', { name: /^Complete .* visit$/ })).toBeVisible();
  await page.screenshot({ path: shot('04-complete-visit') });
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'New booking' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByRole('combobox', { name: 'Customer' }).fill('mar');
  await expect(dialog.getByRole('option').first()).toBeVisible();
  await page.screenshot({ path: shot('05-new-booking') });
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search customers' });
  await palette.getByRole('combobox').fill('san');
  await expect(palette.getByRole('option').first()).toBeVisible();
  await page.screenshot({ path: shot('06-search') });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/customers\//);
  // (Customers, customer detail and dashboard screenshots: 10–15, from their own specs.)

  await app.go('Settings');
  await expect(page.getByText('App version')).toBeVisible();
  await page.screenshot({ path: shot('07-settings') });
});
