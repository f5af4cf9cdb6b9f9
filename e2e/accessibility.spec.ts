import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';
import { expectAccessible } from './support/axe';

/** axe-core over every screen of the desk, and its dialogs, on the demo business. */
test('every screen and dialog has no serious or critical axe violation', async ({ app, page }) => {
  test.setTimeout(240_000);
  await app.open();
  const welcome = new WelcomePage(page);
  await expect(welcome.heading).toBeVisible();
  await expectAccessible(page, 'Welcome');

  await welcome.loadDemo();
  const today = new TodayPage(page);
  await expect(today.agenda.getByRole('button').first()).toBeVisible();
  await expectAccessible(page, 'Today');
  await today.agenda.getByRole('button', { name: /, Checked in,/ }).first().click();
  await expect(today.panel.getByRole('button', { name: 'Complete…' })).toBeVisible();
  await expectAccessible(page, 'Today with a booking panel');

  await today.panel.getByRole('button', { name: 'Complete…' }).click();
  await expect(page.getByRole('dialog', { name: /^Complete .* visit$/ })).toBeVisible();
  await expectAccessible(page, 'Complete visit dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'New booking' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByRole('combobox', { name: 'Customer' }).fill('mar');
  await expect(dialog.getByRole('option').first()).toBeVisible();
  await expectAccessible(page, 'New booking dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Walk-in' }).click();
  await expect(page.getByRole('dialog', { name: 'Walk-in' })).toBeVisible();
  await expectAccessible(page, 'Walk-in dialog');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search customers' });
  await palette.getByRole('combobox').fill('san');
  await expect(palette.getByRole('option').first()).toBeVisible();
  await expectAccessible(page, 'Search palette');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/customers\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'Customer detail');

  await app.go('Customers');
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await expectAccessible(page, 'Customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'New customer dialog');
  await page.keyboard.press('Escape');

  await app.go('Dashboard');
  await expectAccessible(page, 'Dashboard');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Segments' })).toBeVisible();
  await expectAccessible(page, 'Segments');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
  await expectAccessible(page, 'Campaigns');
  await page.getByRole('button', { name: 'New campaign' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'New campaign' })).toBeVisible();
  await expectAccessible(page, 'New campaign');

  await app.go('Settings');
  await expect(page.getByText('App version')).toBeVisible();
  await expectAccessible(page, 'Settings');

  await page.goto('/#/nowhere');
  await expectAccessible(page, 'Not found');
});
