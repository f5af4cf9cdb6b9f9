import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';
import { shot } from './support/shot';

test('a whole booking from the keyboard alone; at 1024×768 and 1280×720 every staff column scrolls into view beside a sticky time column', async ({ app, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await new WelcomePage(page).loadDemo();
  const today = new TodayPage(page);
  await expect(today.agenda.getByRole('button').first()).toBeVisible();

  // Keyboard only: N opens the form with focus in the customer search; arrows + Enter pick;
  // Tab walks the fields; Enter saves; focus never drops to the page.
  await page.locator('body').press('n');
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  const customer = dialog.getByRole('combobox', { name: 'Customer' });
  await expect(customer).toBeFocused();
  await page.keyboard.type('mar');
  await expect(dialog.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Change' })).toBeFocused();
  const picked = (await dialog.locator('.chosen-customer .palette-option-name').textContent()) ?? '';
  // Tab walks the date's and time's own segments too, as it does for any keyboard user
  const tabTo = async (label: string): Promise<void> => {
    const field = dialog.getByLabel(label, { exact: true });
    for (let i = 0; i < 8 && !(await field.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    await expect(field).toBeFocused();
  };
  await tabTo('Time');
  await page.keyboard.type('0745A');
  await tabTo('Service');
  await page.keyboard.type('Keyboard trim');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Staff')).toBeFocused();
  await page.keyboard.type('Kiko');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Duration (minutes)')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Price')).toBeFocused();
  await page.keyboard.type('180');
  await page.keyboard.press('Enter');
  // 07:45 is hours before the clock (14:30 Manila): the form asks once, and a second Enter books
  await expect(dialog.getByText(/This booking starts in the past \(6 h 45 min ago\)/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Book anyway' })).toBeVisible();
  await expect(dialog.getByLabel('Price')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await app.toast(`Booked ${picked} · Mon 2 Mar, 07:45 with Kiko (30 min)`);
  await expect(today.booking(picked).filter({ hasText: 'Keyboard trim' })).toHaveAccessibleName(new RegExp(`^07:45–08:15, ${picked}, Keyboard trim, Scheduled`));

  // Escape cancels a dialog and focus returns to where it was
  const newBooking = page.getByRole('button', { name: 'New booking' }).first();
  await newBooking.focus();
  await page.keyboard.press('Enter');
  await expect(customer).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(newBooking).toBeFocused();

  for (const size of [
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    const scroller = today.agenda.locator('.agenda');
    const gutter = scroller.locator('.agenda-gutter');
    const columns = today.agenda.getByRole('region', { name: /'s bookings$|^Unassigned bookings$/ });
    expect(await columns.count()).toBeGreaterThanOrEqual(4);
    await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const box = await scroller.boundingBox();
    const gutterBox = await gutter.boundingBox();
    const last = await columns.last().boundingBox();
    if (box === null || gutterBox === null || last === null) throw new Error('agenda not laid out');
    // The time column stays at the left edge while the last staff column is fully in view
    expect(Math.abs(gutterBox.x - box.x)).toBeLessThan(2);
    expect(last.x + last.width).toBeLessThanOrEqual(box.x + box.width + 1);
    expect(last.x).toBeGreaterThanOrEqual(gutterBox.x + gutterBox.width - 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot(`44-today-${size.width}x${size.height}`) });
    await scroller.evaluate((el) => (el.scrollLeft = 0));
  }

  // Customers: the search field is in view at 1280×720
  await app.go('Customers');
  await expect(page.getByRole('searchbox', { name: 'Search customers' })).toBeInViewport();
});
