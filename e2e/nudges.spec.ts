import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';

test('a check-in hours before the start asks first; "Not yet" changes nothing', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);
  // Now is 14:30: a 17:45 booking starts in 3 h 15 min
  await today.newBooking({ register: { name: 'Maria Santos', phone: '0917 123 4567' } }, { service: 'Haircut', staff: 'Ana', time: '17:45', price: '250' });
  await today.select('Maria Santos');
  await today.panel.getByRole('button', { name: 'Check in' }).click();
  const confirm = page.getByRole('dialog', { name: 'Check in early?' });
  await expect(confirm).toContainText('Maria Santos · Haircut. This booking starts in 3 h 15 min (Mon 2 Mar, 17:45).');
  await confirm.getByRole('button', { name: 'Not yet' }).click();
  await expect(confirm).toBeHidden();
  await expect(today.panel.getByText('Scheduled', { exact: true })).toBeVisible();

  await today.panel.getByRole('button', { name: 'Check in' }).click();
  await confirm.getByRole('button', { name: 'Check in now' }).click();
  await expect(today.panel.getByText('Checked in', { exact: true })).toBeVisible();
  await app.toast('Maria Santos is checked in · Mon 2 Mar, 17:45');

  // Within two hours of the start: no question
  await today.newBooking({ register: { name: 'Ben Cruz', phone: '0917 765 4321' } }, { service: 'Fade', staff: 'Ana', time: '16:00', price: '300' });
  await today.select('Ben Cruz');
  await today.checkIn();
  await expect(confirm).toHaveCount(0);
});
