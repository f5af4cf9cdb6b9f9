import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';

test('a new local day recomputes every customer (checked when the window regains focus after sleep)', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);
  await today.newBooking({ register: { name: 'Jun Reyes' } }, { service: 'Haircut', time: '15:00', price: '25' });
  await today.select('Jun Reyes');
  await today.complete();
  await expect(today.panel.getByText('Active — last visit today')).toBeVisible();
  await expect(page.getByText(/Monday,? 2 March 2026 · 14:30/)).toBeVisible();

  // The desk sleeps over midnight; at 00:05 on Tuesday (Manila) the window regains focus
  await page.clock.setFixedTime(new Date('2026-03-02T16:05:00Z'));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByText(/Tuesday,? 3 March 2026/).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No bookings today' })).toBeVisible();

  await today.goToDay('Previous day');
  await today.select('Jun Reyes');
  await expect(today.panel.getByText('Active — last visit yesterday')).toBeVisible();
});
