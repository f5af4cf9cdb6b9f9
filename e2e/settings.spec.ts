import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';

test('a thresholds preset change recomputes statuses; reset local data starts afresh', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);

  // A visit 20 days ago (2026-02-10): at risk for a barbershop (active ≤ 12 days, at risk ≤ 30)
  await page.getByLabel('Go to date').fill('2026-02-10');
  await expect(page.getByRole('heading', { level: 1, name: /10 February 2026/ })).toBeVisible();
  await today.newBooking({ register: { name: 'Carlo Reyes', phone: '+63 918 555 0101' } }, { service: 'Haircut', time: '11:00', price: '25' });
  await today.select('Carlo Reyes');
  await today.complete();
  await expect(today.panel.getByText('At risk — last visit 20 days ago')).toBeVisible();

  // Salon: active up to 30 days
  await app.go('Settings');
  const settings = new SettingsPage(page);
  await expect(settings.branchForm.getByRole('radio', { name: /^Barbershop/ })).toBeChecked();
  await settings.choosePreset('Salon');
  await settings.save();
  await app.searchAndOpen('Carlo');
  await expect(page.getByText('Active — last visit 20 days ago')).toBeVisible();

  // Custom thresholds are validated: at risk must not be below active
  await app.go('Settings');
  await settings.choosePreset('Custom');
  await settings.branchForm.getByLabel('Active for (days)').fill('7');
  await settings.branchForm.getByLabel('At risk until (days)').fill('5');
  await settings.branchForm.getByRole('button', { name: 'Save branch settings' }).click();
  await expect(settings.branchForm.getByLabel('At risk until (days)')).toHaveAccessibleDescription(/At risk must be at least the active days \(7\)/);
  await settings.branchForm.getByLabel('At risk until (days)').fill('14');
  await settings.save();
  await app.searchAndOpen('Carlo');
  await expect(page.getByText('Churned — last visit 20 days ago')).toBeVisible();

  // The change is stored: after a reload the branch keeps its custom thresholds
  await app.reload();
  await expect(page.getByText('Churned — last visit 20 days ago')).toBeVisible();

  await app.go('Settings');
  await settings.resetLocalData();
  await app.waitReady();
  await expect(new WelcomePage(page).heading).toBeVisible();
});
