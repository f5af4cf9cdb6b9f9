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

test('a booking in the past and a price far from the usual are asked about once before saving; an edit only about what it changes', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);
  // The usual price of a Haircut here: ₱250 (the last one charged; a service menu's price where there is one)
  await today.newBooking({ register: { name: 'Maria Santos', phone: '0917 123 4567' } }, { service: 'Haircut', staff: 'Ana', time: '16:00', price: '250' });

  await page.getByRole('button', { name: 'New booking' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByRole('combobox', { name: 'Customer' }).fill('Maria');
  await dialog.getByRole('option').first().click();
  await dialog.getByLabel('Time').fill('10:00');
  await dialog.getByLabel('Service').fill('Haircut');
  await dialog.getByLabel('Staff').fill('Ben');
  await dialog.getByLabel('Price').fill('25000');
  await dialog.getByRole('button', { name: 'Save booking' }).click();
  const nudges = dialog.getByRole('status').filter({ hasText: 'Please check before saving' });
  await expect(nudges).toContainText('This booking starts in the past (4 h 30 min ago).');
  await expect(nudges).toContainText('The price ₱25,000.00 is far from the usual ₱250.00 for Haircut.');
  await expect(dialog.getByRole('button', { name: 'Book anyway' })).toBeVisible();

  // Fixing the price leaves only the question about the past; a changed field asks again
  await dialog.getByLabel('Price').fill('250');
  await expect(nudges).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Save booking' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save booking' }).click();
  await expect(nudges).toContainText('This booking starts in the past (4 h 30 min ago).');
  await expect(nudges).not.toContainText('far from the usual');
  await dialog.getByRole('button', { name: 'Book anyway' }).click();
  await expect(dialog).toBeHidden();
  await app.toast('Booked Maria Santos · Mon 2 Mar, 10:00 with Ben (30 min)');

  // Editing: only what the edit changes is asked about
  await today.booking('Maria Santos').filter({ hasText: '16:00' }).click();
  await today.panel.getByRole('button', { name: 'Edit or move…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit booking' });
  await edit.getByLabel('Price').fill('99');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByRole('status')).toContainText('The price ₱99.00 is far from the usual ₱250.00 for Haircut.');
  await edit.getByRole('button', { name: 'Save anyway' }).click();
  await expect(edit).toBeHidden();
  await app.toast("Saved Maria Santos's booking: Mon 2 Mar, 16:00 with Ana");

  // A walk-in too: its price against the usual one
  await page.getByRole('button', { name: 'Walk-in' }).click();
  const walkIn = page.getByRole('dialog', { name: 'Walk-in' });
  await walkIn.getByRole('combobox', { name: 'Who is it?' }).fill('Maria');
  await walkIn.getByRole('option').first().click();
  await walkIn.getByLabel('Service').fill('Haircut');
  await walkIn.getByLabel('Price').fill('2500');
  await walkIn.getByRole('button', { name: 'Check in walk-in' }).click();
  // the usual price of a service off the menu is the last one charged: ₱99 since the edit above
  await expect(walkIn.getByRole('status')).toContainText('The price ₱2,500.00 is far from the usual ₱99.00 for Haircut.');
  await walkIn.getByLabel('Price').fill('120');
  await walkIn.getByRole('button', { name: 'Check in walk-in' }).click();
  await expect(walkIn).toBeHidden();
  await app.toast(/Maria Santos is checked in · Mon 2 Mar, 14:30/);
});

test('a booking dragged into the past asks once before moving; "Not yet" and Escape leave it where it was', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);
  // Now is 14:30
  await today.newBooking({ register: { name: 'Maria Santos', phone: '0917 123 4567' } }, { service: 'Haircut', staff: 'Ana', time: '16:00', price: '250' });
  await today.newBooking({ register: { name: 'Ben Cruz', phone: '0917 765 4321' } }, { service: 'Fade', staff: 'Ben', time: '18:00', price: '300' });
  const bookingId = await today.booking('Maria Santos').getAttribute('data-booking-id');

  const confirm = page.getByRole('dialog', { name: 'Move into the past?' });
  await today.dragBooking('Maria Santos', 'Ana', 12 * 60);
  await expect(confirm).toContainText('Maria Santos · Haircut');
  await expect(confirm.getByRole('status')).toHaveText('To Mon 2 Mar, 12:00 with Ana: this booking starts in the past (2 h 30 min ago).');
  await expect(confirm.getByRole('button', { name: 'Not yet' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Not yet' }).click();
  await expect(confirm).toBeHidden();
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/^16:00–16:30, Maria Santos/);

  // Escape is "Not yet" too
  await today.dragBooking('Maria Santos', 'Ana', 12 * 60);
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/^16:00–16:30, Maria Santos/);
  await app.reload();
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/^16:00–16:30, Maria Santos/);

  // Asked once: "Move anyway" moves it, the same booking
  await today.dragBooking('Maria Santos', 'Ana', 12 * 60);
  await confirm.getByRole('button', { name: 'Move anyway' }).click();
  await expect(confirm).toBeHidden();
  await app.toast('Moved Maria Santos to Mon 2 Mar, 12:00 with Ana');
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/^12:00–12:30, Maria Santos/);
  await expect(today.booking('Maria Santos')).toHaveAttribute('data-booking-id', bookingId ?? '');

  // Only a changed start is asked about: to another staff member at the same (past) time, and
  // back to later today, it moves at once
  await today.dragBooking('Maria Santos', 'Ben', 12 * 60);
  await app.toast('Moved Maria Santos to Mon 2 Mar, 12:00 with Ben');
  await today.dragBooking('Maria Santos', 'Ben', 15 * 60);
  await app.toast('Moved Maria Santos to Mon 2 Mar, 15:00 with Ben');
  await expect(confirm).toHaveCount(0);
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/^15:00–15:30, Maria Santos/);
});
