import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';
import { expectAccessible } from './support/axe';
import { dismissToasts } from './support/screens';
import { shot } from './support/shot';

/**
 * A branch in Manila where Ana already has Ben Cruz on Mon 16 Mar at `benAt`, and the New booking
 * dialog with Maria Santos registered and a weekly Haircut with Ana at 16:00, 4 bookings in all,
 * ready to submit.
 */
async function weeklySeriesOfFour(app: { open: () => Promise<void> }, page: Page, benAt: string): Promise<{ today: TodayPage; dialog: Locator }> {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);
  await today.newBooking({ register: { name: 'Ben Cruz', phone: '0917 765 4321' } }, { service: 'Fade', staff: 'Ana', date: '2026-03-16', time: benAt, duration: '30', price: '300' });
  await page.getByRole('button', { name: 'New booking' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByRole('button', { name: 'Register new customer' }).click();
  const register = page.getByRole('dialog', { name: 'Register a new customer' });
  await register.getByLabel('Full name').fill('Maria Santos');
  await register.getByLabel('Phone').fill('0917 123 4567');
  await register.getByRole('button', { name: 'Register and continue' }).click();
  await expect(dialog.getByText('Maria Santos')).toBeVisible();
  await today.fillBooking(dialog, { service: 'Haircut', staff: 'Ana', time: '16:00', duration: '30', price: '250' });
  await dialog.getByLabel('Repeat every (weeks)').fill('1');
  await expect(dialog.getByLabel('Ends')).toHaveValue('count');
  await dialog.getByLabel('Bookings in all').fill('4');
  return { today, dialog };
}

/** Goes `weeks` weeks forward (negative: back) on the agenda and expects Maria's one card there to be named `name`. */
async function mariaIn(today: TodayPage, weeks: number, name: RegExp): Promise<void> {
  if (weeks !== 0) await today.goToDay(weeks > 0 ? 'Next day' : 'Previous day', Math.abs(weeks) * 7);
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(name);
}

test('a weekly series of four is checked occurrence by occurrence: the conflicting one is flagged by date and skipped, the others booked as "n of 4"', async ({ app, page }) => {
  // Ana already has Ben in two weeks at 16:00
  const { today, dialog } = await weeklySeriesOfFour(app, page, '16:00');
  await dialog.getByLabel('Bookings in all').press('Enter');

  // Every occurrence is listed by date; the third overlaps Ben and is skipped unless booked anyway
  const review = dialog.getByRole('region', { name: /1 of the 4 bookings has a conflict/ });
  await expect(review).toBeVisible();
  await expect(review.getByRole('listitem').filter({ hasText: 'Mon 2 Mar, 16:00' })).toContainText('Free');
  const third = review.getByRole('listitem').filter({ hasText: '3. Mon 16 Mar, 16:00' });
  await expect(third).toContainText('Ana already has Ben Cruz at Mon 16 Mar, 16:00 (30 min)');
  const choice = third.getByRole('group', { name: 'Mon 16 Mar, 16:00' });
  await expect(choice.getByRole('radio', { name: 'Skip' })).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Book 3 of 4' })).toBeVisible();
  // "Book anyway" for it changes the count; back to Skip from the keyboard
  await choice.getByRole('radio', { name: 'Book anyway' }).check();
  await expect(dialog.getByRole('button', { name: 'Book 4 of 4' })).toBeVisible();
  await choice.getByRole('radio', { name: 'Book anyway' }).press('ArrowRight');
  await expect(choice.getByRole('radio', { name: 'Skip' })).toBeChecked();
  await third.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('45-series-conflict') });
  await dialog.getByRole('button', { name: 'Book 3 of 4' }).click();
  await expect(dialog).toBeHidden();
  await app.toast('Booked Maria Santos · 3 of 4 every week from Mon 2 Mar, 16:00 with Ana (1 skipped)');

  // Each occurrence is an ordinary booking saying where it is in the series
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/^16:00–16:30, Maria Santos, Haircut, Scheduled, repeats, 1 of 4/);
  await today.select('Maria Santos');
  await expect(today.panel.getByText('1 of 4 in a series')).toBeVisible();
  await today.goToDay('Next day', 7);
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/repeats, 2 of 4/);
  await today.goToDay('Next day', 7);
  // the skipped one is not booked: Ben alone at 16:00
  await expect(today.booking('Maria Santos')).toHaveCount(0);
  await expect(today.booking('Ben Cruz')).toHaveCount(1);
  await today.goToDay('Next day', 7);
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/repeats, 4 of 4/);
  await dismissToasts(page);
  await today.select('Maria Santos');
  await page.screenshot({ path: shot('46-series-agenda') });
});

test('"this and all following": occurrence 2 of a weekly series moves an hour later with its conflicting one skipped, then the last two are cancelled at once', async ({ app, page }) => {
  test.setTimeout(180_000);
  // Ana has Ben at 17:00 on the third Monday: where the third occurrence would move to
  const { today, dialog: create } = await weeklySeriesOfFour(app, page, '17:00');
  await create.getByRole('button', { name: 'Save booking' }).click();
  await expect(create).toBeHidden();
  await app.toast('Booked Maria Santos · 4 of 4 every week from Mon 2 Mar, 16:00 with Ana');
  await dismissToasts(page);
  // Dragging an occurrence with later ones opens the edit form at the new place, asking which; Escape leaves it
  await today.dragBooking('Maria Santos', 'Ana', 17 * 60);
  const dragged = page.getByRole('dialog', { name: 'Edit booking' });
  await expect(dragged.getByRole('group', { name: 'Change' }).getByRole('radio', { name: 'This and all following (3 more)' })).toBeVisible();
  await expect(dragged.getByLabel('Time')).toHaveValue('17:00');
  await page.keyboard.press('Escape');
  await expect(dragged).toBeHidden();
  await expect(today.booking('Maria Santos')).toHaveAccessibleName(/^16:00–16:30, Maria Santos/);

  // Occurrence 2: Edit or move… → This and all following → 17:00
  await today.goToDay('Next day', 7);
  await today.select('Maria Santos');
  await today.panel.getByRole('button', { name: 'Edit or move…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit booking' });
  const scope = edit.getByRole('group', { name: 'Change' });
  await expect(scope.getByRole('radio', { name: 'This booking' })).toBeChecked();
  await scope.getByRole('radio', { name: 'This and all following (2 more)' }).check();
  await edit.getByLabel('Time').fill('17:00');
  await edit.getByRole('button', { name: 'Save this and 2 following' }).click();
  const review = edit.getByRole('region', { name: /1 of the 3 bookings has a conflict/ });
  await expect(review).toBeVisible({ timeout: 30_000 });
  await expect(review.getByRole('listitem').filter({ hasText: '2. Mon 9 Mar, 17:00' })).toContainText('Free');
  const third = review.getByRole('listitem').filter({ hasText: '3. Mon 16 Mar, 17:00' });
  await expect(third).toContainText('Ana already has Ben Cruz at Mon 16 Mar, 17:00 (30 min)');
  await expect(third.getByRole('radio', { name: 'Skip' })).toBeChecked();
  await expect(review.getByRole('listitem').filter({ hasText: '4. Mon 23 Mar, 17:00' })).toContainText('Free');
  await expect(edit.getByRole('button', { name: 'Save 2 of 3' })).toBeVisible();
  await expectAccessible(page, 'edit this and all following, with a conflict');
  await third.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('47-series-edit-following') });
  await edit.getByRole('button', { name: 'Save 2 of 3' }).click();
  await expect(edit).toBeHidden();
  await app.toast("Saved 2 of 3 bookings of Maria Santos's series from Mon 9 Mar, 17:00 (1 skipped)");
  await dismissToasts(page);

  // The agenda: 9 Mar and 23 Mar at 17:00, 16 Mar left at 16:00 beside Ben, 2 Mar untouched
  await mariaIn(today, 0, /^17:00–17:30, Maria Santos, Haircut, Scheduled, repeats, 2 of 4/);
  await mariaIn(today, -1, /^16:00–16:30, Maria Santos, Haircut, Scheduled, repeats, 1 of 4/);
  await mariaIn(today, 2, /^16:00–16:30, Maria Santos, Haircut, Scheduled, repeats, 3 of 4/);
  await expect(today.booking('Ben Cruz')).toHaveAccessibleName(/^17:00–17:30, Ben Cruz/);
  await mariaIn(today, 1, /^17:00–17:30, Maria Santos, Haircut, Scheduled, repeats, 4 of 4/);

  // Occurrence 3: Cancel booking → This and all following: one confirmation naming how many
  await today.goToDay('Previous day', 7);
  await today.select('Maria Santos');
  await today.panel.getByRole('button', { name: 'Cancel booking' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel this booking?' });
  await cancel.getByRole('group', { name: 'Cancel' }).getByRole('radio', { name: 'This and all following (1 more)' }).check();
  await expect(cancel).toContainText('This booking and the later one of the series still to come are cancelled');
  await expectAccessible(page, 'cancel this and all following');
  await page.screenshot({ path: shot('48-series-cancel-following') });
  await cancel.getByRole('button', { name: 'Cancel 2 bookings' }).click();
  await expect(cancel).toBeHidden();
  await app.toast("Cancelled 2 bookings of Maria Santos's series from Mon 16 Mar, 16:00");
  await dismissToasts(page);
  await mariaIn(today, 0, /^16:00–16:30, Maria Santos, Haircut, Cancelled, repeats, 3 of 4/);
  await mariaIn(today, 1, /^17:00–17:30, Maria Santos, Haircut, Cancelled, repeats, 4 of 4/);
  // the earlier ones are still to come
  await mariaIn(today, -2, /^17:00–17:30, Maria Santos, Haircut, Scheduled, repeats, 2 of 4/);
  await today.select('Maria Santos');
  await today.panel.getByRole('button', { name: 'Edit or move…' }).click();
  // nothing later is still scheduled: no choice offered
  await expect(edit.getByRole('group', { name: 'Change' })).toHaveCount(0);
  await edit.getByRole('button', { name: 'Cancel' }).click();
});
