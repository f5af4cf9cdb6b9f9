import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';

test('new booking → check in → complete with the final price: status and tiers follow at once and survive a reload', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);

  await today.newBooking(
    { register: { name: 'Maria Santos', phone: '0917 123 4567', email: 'maria@example.com' } },
    { service: 'Haircut', staff: 'Ana', time: '15:00', duration: '30', price: '250' },
  );
  await app.toast(/Booked Maria Santos · Mon 2 Mar, 15:00 with Ana \(30 min\)/);
  await today.select('Maria Santos');
  await expect(today.panel.getByText('New — no visits yet')).toBeVisible();
  await expect(today.panel.getByText('+63 917 123 4567')).toBeVisible();

  await today.checkIn();
  // A Philippine branch works in pesos (chosen with the country at set-up): VIP above ₱10,000
  await today.complete('800');
  await app.toast(/Completed Maria Santos's Haircut · ₱800\.00/);
  await expect(today.panel.getByText('Active — last visit today')).toBeVisible();
  await expect(today.panel.getByText('Low spender')).toBeVisible();
  await expect(today.panel.getByText('One-time')).toBeVisible();
  // Forward only: a completed booking offers no more moves
  await expect(today.panel.getByRole('button', { name: 'Check in' })).toHaveCount(0);
  await expect(today.panel.getByText('This visit is finished: a correction keeps what was recorded and why it changed.')).toBeVisible();
  await expect(today.panel.getByRole('button', { name: 'Correct this visit…' })).toBeVisible();

  // A second visit (walk-in) crosses the VIP boundary: 800 + 9,500 > ₱10,000.00
  await today.walkIn('Maria', { service: 'Colour', staff: 'Ana', price: '9500' });
  await app.toast(/Maria Santos is checked in/);
  await expect(today.panel.getByText('Checked in', { exact: true })).toBeVisible();
  await today.complete();
  await expect(today.panel.getByText('VIP')).toBeVisible();
  await expect(today.panel.getByText('Occasional')).toBeVisible();
  await expect(today.panel.getByText('2 visits · ₱10,300.00 spent')).toBeVisible();

  await app.reload();
  await expect(today.booking('Maria Santos')).toHaveCount(2);
  await today.select('Maria Santos');
  await expect(today.panel.getByText('VIP')).toBeVisible();
  await expect(today.panel.getByText('Completed', { exact: true })).toBeVisible();
});

test('no-show and cancel are final; the form refuses bad input field by field', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);

  // Bad input: every field named, nothing saved
  await page.getByRole('button', { name: 'New booking' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByLabel('Price').fill('-5');
  await dialog.getByRole('button', { name: 'Save booking' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Customer' })).toHaveAccessibleDescription('Choose a customer or register a new one');
  await expect(dialog.getByLabel('Service')).toHaveAccessibleDescription('Enter the service');
  await expect(dialog.getByLabel('Price')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Price')).toHaveAccessibleDescription('A price cannot be negative');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await today.newBooking({ register: { name: 'Ben Cruz' } }, { service: 'Fade', time: '16:00', price: '30' });
  await today.select('Ben Cruz');
  await today.panel.getByRole('button', { name: 'No-show' }).click();
  await page.getByRole('dialog', { name: 'Mark as no-show?' }).getByRole('button', { name: 'Mark no-show' }).click();
  await expect(today.panel.getByText('No-show', { exact: true })).toBeVisible();
  await expect(today.panel.getByText('1 no-show')).toBeVisible();
  await expect(today.panel.getByRole('button', { name: 'Complete…' })).toHaveCount(0);

  await today.newBooking({ search: 'Ben' }, { service: 'Fade', time: '17:00', price: '30' });
  await today.booking('Ben Cruz').filter({ hasText: '17:00' }).click();
  await today.panel.getByRole('button', { name: 'Cancel booking' }).click();
  await page.getByRole('dialog', { name: 'Cancel this booking?' }).getByRole('button', { name: 'Cancel booking' }).click();
  await expect(today.panel.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(today.panel.getByText('This visit is finished: a correction keeps what was recorded and why it changed.')).toBeVisible();
  await expect(today.panel.getByRole('button', { name: 'Correct this visit…' })).toBeVisible();
});
