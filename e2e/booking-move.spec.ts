import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';
import { shot } from './support/shot';

test('a booking is dragged to another time and staff member, edited from the keyboard, and overlaps are flagged before saving', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);
  await today.newBooking({ register: { name: 'Maria Santos', phone: '0917 123 4567' } }, { service: 'Haircut', staff: 'Ana', time: '10:00', duration: '30', price: '250' });
  await today.newBooking({ register: { name: 'Ben Cruz', phone: '0917 765 4321' } }, { service: 'Fade', staff: 'Ben', time: '11:00', duration: '30', price: '300' });
  const bookingId = await today.booking('Maria Santos').getAttribute('data-booking-id');

  // Drag Maria from Ana 10:00 to Ben's column at 16:00 (later than now, 14:30: a drag into the past asks first, see nudges.spec.ts)
  const target = today.agenda.getByRole('region', { name: "Ben's bookings" });
  await today.dragBooking('Maria Santos', 'Ben', 16 * 60);
  await app.toast('Moved Maria Santos to Mon 2 Mar, 16:00 with Ben');
  // One booking, the same document: moved, not cancelled and booked again
  await expect(today.booking('Maria Santos')).toHaveCount(1);
  await expect(today.booking('Maria Santos')).toHaveAttribute('data-booking-id', bookingId ?? '');
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/^16:00–16:30, Maria Santos, Haircut, Scheduled/);
  await expect(target.getByRole('button', { name: /Maria Santos/ })).toBeVisible();
  await expect(today.panel.getByText('16:00 · 30 min')).toBeVisible();

  // Keyboard: select Ben Cruz's booking, open "Edit or move…", move it onto Maria's slot
  await today.booking('Ben Cruz').focus();
  await page.keyboard.press('Enter');
  await expect(today.panel.getByRole('heading', { name: 'Ben Cruz' })).toBeVisible();
  await today.panel.getByRole('button', { name: 'Edit or move…' }).focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit booking' });
  await expect(edit.getByLabel('Date')).toBeFocused();
  await expect(edit.getByLabel('Time')).toHaveValue('11:00');
  await edit.getByLabel('Time').fill('16:15');
  await edit.getByLabel('Notes').fill('Wants a skin fade');
  await edit.getByLabel('Time').press('Enter');
  const notice = edit.getByRole('alert');
  await expect(notice).toContainText('This overlaps another booking');
  await expect(notice).toContainText('Ben already has Maria Santos at Mon 2 Mar, 16:00 (30 min)');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('40-edit-booking-overlap') });
  await edit.getByRole('button', { name: 'Save anyway' }).click();
  await expect(edit).toBeHidden();
  await app.toast("Saved Ben Cruz's booking: Mon 2 Mar, 16:15 with Ben");
  // Focus returns where it was
  await expect(today.panel.getByRole('button', { name: 'Edit or move…' })).toBeFocused();

  // Both cards carry the overlap badge; the panel says with whom
  await expect(today.booking('Ben Cruz')).toHaveAccessibleName(/staff double-booked$/);
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/staff double-booked$/);
  await expect(today.panel.getByRole('status', { name: 'Overlapping bookings' })).toContainText('Ben already has Maria Santos at Mon 2 Mar, 16:00');
  await expect(today.panel.getByText('Booking note: Wants a skin fade')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('41-agenda-overlap') });

  // A new booking for Maria at the same time with someone else: flagged as the customer's overlap
  await page.getByRole('button', { name: 'New booking' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByRole('combobox', { name: 'Customer' }).fill('Maria');
  await dialog.getByRole('option').first().click();
  await dialog.getByLabel('Time').fill('16:00');
  await dialog.getByLabel('Service').fill('Manicure');
  await dialog.getByLabel('Staff').fill('Cara');
  await dialog.getByLabel('Price').fill('150');
  await dialog.getByRole('button', { name: 'Save booking' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Maria Santos is already booked at Mon 2 Mar, 16:00 with Ben');
  // Changing the time clears the warning; a free slot saves at once
  await dialog.getByLabel('Time').fill('17:00');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save booking' }).click();
  await expect(dialog).toBeHidden();
  await app.toast('Booked Maria Santos · Mon 2 Mar, 17:00 with Cara (30 min)');

  // Dragging into an overlap asks first; "Keep where it was" changes nothing
  await today.dragBooking('Ben Cruz', 'Cara', 17 * 60);
  const confirm = page.getByRole('dialog', { name: 'Move into an overlap?' });
  await expect(confirm.getByRole('alert')).toContainText('Cara already has Maria Santos at Mon 2 Mar, 17:00');
  await confirm.getByRole('button', { name: 'Keep where it was' }).click();
  await expect(confirm).toBeHidden();
  await expect(today.booking('Ben Cruz')).toHaveAccessibleName(/^16:15–16:45, Ben Cruz/);

  // Final bookings cannot be moved
  await today.select('Ben Cruz');
  await today.checkIn();
  await expect(today.panel.getByRole('button', { name: 'Edit or move…' })).toHaveCount(0);
  await expect(today.booking('Ben Cruz')).toHaveAttribute('draggable', 'false');

  await app.reload();
  await expect(today.booking('Maria Santos')).toHaveCount(2);
  await expect(today.booking('Ben Cruz')).toHaveAccessibleName(/^16:15–16:45, Ben Cruz/);
});
