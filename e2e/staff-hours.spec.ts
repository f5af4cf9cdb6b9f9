import { expect, test } from './fixtures';
import { MenuSettings } from './pages/menu-settings';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';
import { expectAccessible } from './support/axe';
import { dismissToasts } from './support/screens';
import { shot } from './support/shot';

/**
 * Staff and their weekly hours (issue 11, items 4 and 5): set in Settings, shaded on the agenda,
 * offered as free slots in the booking form, and a booking outside someone's hours flagged before
 * saving with an explicit "Book anyway". Now is Monday 2 March 2026, 14:30 in Manila.
 */
test('staff hours shade the agenda, the booking form offers the next free slot, and off-hours bookings are flagged', async ({ app, page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  await app.go('Settings');
  const settings = new MenuSettings(page);
  await expect(settings.staff.getByText('No staff yet.')).toBeVisible();

  // A mistake is named by weekday, nothing is saved
  await settings.staff.getByRole('button', { name: 'Add staff member…' }).click();
  await settings.staffDialog.getByLabel('Name').fill('Ben');
  await settings.fillDay('Monday', { from: '18:00', to: '09:00' });
  await settings.staffDialog.getByRole('button', { name: 'Save staff member' }).click();
  await expect(settings.staffDialog.getByText('Monday: the end (09:00) must be after the start (18:00)')).toBeVisible();
  await expectAccessible(page, 'staff dialog with an error');
  await settings.fillDay('Monday', { from: '12:00', to: '20:00', breaks: '16:00-16:30' });
  await settings.staffDialog.getByRole('button', { name: 'Save staff member' }).click();
  await expect(settings.staffDialog).toBeHidden();
  await settings.addStaff('Ana');
  const list = settings.staff.getByRole('list', { name: 'Staff' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Ana' })).toContainText('Mon–Fri 09:00–18:00 (break 13:00–14:00) · Sat 09:00–14:00');
  await expect(list.getByRole('listitem').filter({ hasText: 'Ben' })).toContainText('Today: 12:00–16:00, 16:30–20:00');
  await dismissToasts(page);
  await page.screenshot({ path: shot('45-staff-hours-settings') });
  await expectAccessible(page, 'Settings with staff');

  // Ana's day off tomorrow
  await settings.staff.getByRole('button', { name: 'Edit Ana' }).click();
  await settings.staffDialog.getByLabel('Day off').fill('2026-03-03');
  await settings.staffDialog.getByRole('button', { name: 'Add day off' }).click();
  await expect(settings.staffDialog.getByRole('list', { name: 'Days off' })).toContainText('2026-03-03');
  await settings.staffDialog.getByRole('button', { name: 'Save staff member' }).click();
  await expect(settings.staffDialog).toBeHidden();
  await expect(list.getByRole('listitem').filter({ hasText: 'Ana' })).toContainText('1 day off');

  // Today: a column per staff member with today's hours; off-hours shaded
  await app.go('Today');
  const today = new TodayPage(page);
  await today.newBooking({ register: { name: 'Maria Santos', phone: '0917 123 4567' } }, { service: 'Haircut', staff: 'Ana', time: '15:00', duration: '60', price: '250' });
  const anaColumn = today.agenda.getByRole('region', { name: "Ana's bookings" });
  await expect(today.agenda.getByText('09:00–18:00')).toBeVisible();
  await expect(today.agenda.getByText('12:00–20:00')).toBeVisible();
  // before 09:00 (if shown), lunch and after 18:00 are shaded in Ana's column
  expect(await anaColumn.locator('.agenda-off').count()).toBeGreaterThanOrEqual(2);

  // The booking form offers the next free slot for the chosen staff member and duration
  await page.getByRole('button', { name: 'New booking' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByRole('combobox', { name: 'Customer' }).fill('Maria');
  await dialog.getByRole('option').first().click();
  await today.fillBooking(dialog, { service: 'Beard trim', staff: 'Ana', time: '15:00', duration: '30', price: '150' });
  const slots = dialog.getByRole('group', { name: 'Free slots' });
  await expect(slots.getByRole('button', { name: 'Next free: 16:00 with Ana' })).toBeVisible();
  await expect(slots.getByRole('button', { name: 'or 15:00 with Ben' })).toBeVisible();
  await page.screenshot({ path: shot('46-next-free-slot') });
  await expectAccessible(page, 'new booking with free slots');
  await slots.getByRole('button', { name: 'Next free: 16:00 with Ana' }).click();
  await expect(dialog.getByLabel('Time')).toHaveValue('16:00');
  await expect(dialog.getByLabel('Staff')).toHaveValue('Ana');
  // The customer is still in 15:00–16:00 with Ana: at 16:00 nothing clashes
  await dialog.getByRole('button', { name: 'Save booking' }).click();
  await expect(dialog).toBeHidden();
  await expect(today.agenda.getByRole('button', { name: /^16:00–16:30, Maria Santos, Beard trim, Scheduled/ })).not.toHaveAccessibleName(/outside staff hours|double-booked/);

  // Outside Ana's hours: flagged before saving, booked only on "Book anyway"
  await today.newBooking({ register: { name: 'Ben Cruz', phone: '0917 765 4321' } }, { service: 'Fade', staff: 'Ben', time: '17:00', duration: '30', price: '300' });
  await page.getByRole('button', { name: 'New booking' }).first().click();
  const late = page.getByRole('dialog', { name: 'New booking' });
  await late.getByRole('combobox', { name: 'Customer' }).fill('Ben Cruz');
  await late.getByRole('option').first().click();
  await today.fillBooking(late, { service: 'Fade', staff: 'Ana', time: '18:15', duration: '30', price: '300' });
  await late.getByRole('button', { name: 'Save booking' }).click();
  const notice = late.getByRole('alert');
  await expect(notice).toContainText('This is outside the staff member’s hours');
  await expect(notice).toContainText('Ana works 09:00–13:00, 14:00–18:00 on Mondays');
  await expect(late.getByRole('button', { name: 'Book anyway' })).toBeVisible();
  await page.screenshot({ path: shot('47-outside-hours-flagged') });
  await late.getByRole('button', { name: 'Book anyway' }).click();
  await expect(late).toBeHidden();
  const lateCard = today.agenda.getByRole('button', { name: /^18:15–18:45, Ben Cruz, Fade/ });
  await expect(lateCard).toHaveAccessibleName(/outside staff hours$/);
  await lateCard.click();
  await expect(today.panel.getByRole('status', { name: 'Outside working hours' })).toContainText('Ana works 09:00–13:00, 14:00–18:00 on Mondays');
  await dismissToasts(page);
  await page.screenshot({ path: shot('48-agenda-off-hours') });
  await expectAccessible(page, 'agenda with off-hours');
});
