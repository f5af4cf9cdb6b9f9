import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';

test('one click loads the demo business with progress; the desk works on it and keeps it after a reload', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).loadDemo();
  await expect(app.branchName).toHaveText(/^Manila /);

  const today = new TodayPage(page);
  // Today's agenda is populated: bookings before 10:30 are done, later ones still to come
  await expect(today.agenda.getByRole('button', { name: /, Completed,/ }).first()).toBeVisible();
  await expect(today.agenda.getByRole('button', { name: /, Scheduled,/ }).first()).toBeVisible();

  // The global search finds a demo customer by name and opens them
  const first = await today.agenda.getByRole('button', { name: /, Scheduled,/ }).first().getAttribute('aria-label');
  const name = (first ?? '').split(', ')[1] ?? '';
  expect(name).not.toBe('');
  await app.searchAndOpen(name);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/#\/customers\/cu-/);

  await app.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await app.go('Dashboard');
  await expect(page.getByText('At risk', { exact: true }).first()).toBeVisible();
});

test('?demo=1 loads the demo automatically into an empty replica', async ({ app, page }) => {
  await page.goto('/?demo=1');
  await app.waitReady();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible({ timeout: 120_000 });
  await expect(app.branchName).toHaveText(/^Manila /);
});
