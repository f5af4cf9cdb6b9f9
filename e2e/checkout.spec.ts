import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';
import { expectAccessible } from './support/axe';
import { dismissToasts } from './support/screens';
import { shot } from './support/shot';

/** "₱1,234.50" however the desk's locale writes pesos: the figure's digits only. */
const figure = (text: string): RegExp => new RegExp(`(^|\\D)${text.replace('.', '\\.')}(\\D|$)`);

test('checkout: a visit completed with split tender, discount and tip shows how it was paid; the cash-up adds it up, prints and exports', async ({ app, page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);
  await today.newBooking({ register: { name: 'Maria Santos', phone: '0917 123 4567' } }, { service: 'Colour', staff: 'Ana', time: '15:00', duration: '60', price: '500' });
  await today.newBooking({ register: { name: 'Ben Cruz', phone: '0917 765 4321' } }, { service: 'Haircut', staff: 'Ben', time: '16:00', duration: '30', price: '250' });
  await today.newBooking({ register: { name: 'Carla Reyes', phone: '0917 555 0101' } }, { service: 'Fade', staff: 'Ana', time: '17:00', duration: '30', price: '300' });
  await today.newBooking({ register: { name: 'Dan Lim', phone: '0917 555 0202' } }, { service: 'Fade', staff: 'Ben', time: '17:00', duration: '30', price: '300' });

  // Maria: 10 % loyalty discount, a tip, paid part cash, part card
  await today.select('Maria Santos');
  await today.checkIn();
  await today.panel.getByRole('button', { name: 'Complete…' }).click();
  const dialog = page.getByRole('dialog', { name: "Complete Maria Santos's visit" });
  await expect(dialog.getByLabel('Price', { exact: true })).toBeFocused();
  await expect(dialog.getByLabel('Price', { exact: true })).toHaveValue('500.00');
  // keyboard: from the price to the tender choice, then split
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('radio', { name: 'Not paid yet' })).toBeFocused();
  await dialog.getByRole('radio', { name: 'Split' }).check();
  await dialog.getByLabel('Discount (optional)').fill('10');
  await dialog.getByLabel('Discount in').selectOption('percent');
  await dialog.getByLabel('Reason for the discount').fill('Loyalty card');
  await dialog.getByLabel('Tip (optional)').fill('25');
  await dialog.getByLabel('Cash', { exact: true }).fill('200');
  await dialog.getByLabel('Card', { exact: true }).fill('200');
  await expect(dialog.getByText(/To pay .*450\.00 \+ .*25\.00 tip = .*475\.00 · .*75\.00 left to split/)).toBeVisible();
  // saving a split that does not add up is refused, saying by how much
  await dialog.getByRole('button', { name: 'Complete visit' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The tenders add up to 400.00; 475.00 is due (75.00 short)');
  await dialog.getByLabel('Card', { exact: true }).fill('275');
  await expect(dialog.getByText(/split adds up/)).toBeVisible();
  await page.screenshot({ path: shot('60-checkout-split') });
  await dialog.getByLabel('Card', { exact: true }).press('Enter');
  await expect(dialog).toBeHidden();
  await app.toast(/Completed Maria Santos's Colour · .*450\.00 \+ .*25\.00 tip/);
  const paid = today.panel.getByRole('definition').filter({ hasText: 'Cash' });
  await expect(paid).toContainText(/Cash .*200\.00 \+ Card .*275\.00/);
  await expect(paid).toContainText(/incl\. .*25\.00 tip/);
  await expect(paid).toContainText(/Discount −.*50\.00 \(10 %, Loyalty card\)/);
  await expect(today.panel.getByRole('definition').filter({ hasText: /450\.00$/ })).toHaveCount(1);
  await dismissToasts(page);
  await page.screenshot({ path: shot('61-checkout-paid-panel') });

  // Her receipt: every part of the payment, printable
  await today.panel.getByRole('button', { name: 'Receipt…' }).click();
  const receiptDialog = page.getByRole('dialog', { name: 'Receipt' });
  const receipt = receiptDialog.getByRole('region', { name: 'Receipt of the visit' });
  await expect(receipt).toContainText('Makati Central');
  await expect(receipt).toContainText('Maria Santos');
  const line = (term: string | RegExp) => receipt.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]');
  await expect(line('Colour with Ana')).toHaveText(figure('500.00'));
  await expect(line('Discount 10 % (Loyalty card)')).toHaveText(/^−.*50\.00$/);
  await expect(line('Tip')).toHaveText(figure('25.00'));
  await expect(line('Total paid')).toHaveText(figure('475.00'));
  await expect(line('Paid by cash')).toHaveText(figure('200.00'));
  await expect(line('Paid by card')).toHaveText(figure('275.00'));
  await expect(receiptDialog.getByRole('button', { name: 'Print receipt' })).toBeFocused();
  await expectAccessible(page, 'Receipt dialog');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('Thank you for your visit')).toBeVisible();
  await expect(page.getByText('Print receipt')).toBeHidden();
  await page.screenshot({ path: shot('64-receipt-print') });
  await page.emulateMedia({ media: 'screen' });
  await receiptDialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(receiptDialog).toBeHidden();

  // Dan: one click for all card; Ben: completed, not paid yet; Carla: a no-show
  await today.select('Dan Lim');
  await today.panel.getByRole('button', { name: 'Complete…' }).click();
  const dan = page.getByRole('dialog', { name: "Complete Dan Lim's visit" });
  await dan.getByRole('radio', { name: 'All card' }).check();
  await dan.getByRole('button', { name: 'Complete visit' }).click();
  await expect(dan).toBeHidden();
  await expect(today.panel.getByRole('definition').filter({ hasText: /^Card .*300\.00$/ })).toBeVisible();
  await today.select('Ben Cruz');
  await today.complete();
  await expect(today.panel.getByText('Not recorded')).toBeVisible();
  await today.select('Carla Reyes');
  await today.panel.getByRole('button', { name: 'No-show' }).click();
  await page.getByRole('dialog', { name: 'Mark as no-show?' }).getByRole('button', { name: 'Mark no-show' }).click();
  await expect(today.panel.getByText('No-show', { exact: true })).toBeVisible();
  await dismissToasts(page);

  // The cash-up of the day
  await page.getByRole('button', { name: 'Cash-up' }).click();
  const cash = page.getByRole('dialog', { name: 'Cash-up' });
  await expect(cash.getByLabel('Day')).toBeFocused();
  const takings = cash.locator('dl[aria-label="Takings"]');
  const value = (term: string) => takings.locator('div').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) }).getByRole('definition');
  await expect(value('Cash')).toHaveText(figure('200.00'));
  await expect(value('Card')).toHaveText(figure('575.00'));
  await expect(value('Other')).toHaveText(figure('0.00'));
  await expect(value('Total taken')).toHaveText(figure('775.00'));
  await expect(value('Sales')).toHaveText(figure('750.00'));
  await expect(value('Tips')).toHaveText(figure('25.00'));
  await expect(value('Discounts')).toHaveText(/^1 · .*50\.00$/);
  await expect(value('No-shows')).toHaveText(/^1 · .*300\.00 booked$/);
  await expect(cash.getByText('3 completed visits, 1 without a payment recorded')).toBeVisible();
  const staff = cash.getByRole('region', { name: 'By staff' });
  await expect(staff.getByRole('row', { name: /^Ana 1 .*450\.00 .*25\.00$/ })).toBeVisible();
  await expect(staff.getByRole('row', { name: /^Ben 1 .*300\.00 .*0\.00$/ })).toBeVisible();
  const services = cash.getByRole('region', { name: 'By service' });
  await expect(services.getByRole('row', { name: /^Colour 1 .*450\.00 .*25\.00$/ })).toBeVisible();
  await expect(services.getByRole('row', { name: /^Fade 1 .*300\.00/ })).toBeVisible();
  await expect(cash.getByRole('region', { name: 'Discounts given' })).toContainText(/Loyalty card · −.*50\.00/);
  await expect(cash.getByRole('region', { name: 'Unpaid visits' })).toContainText(/16:00 · Ben Cruz · Haircut with Ben · .*250\.00/);
  await expectAccessible(page, 'Cash-up dialog');
  await page.screenshot({ path: shot('62-cash-up') });

  // Export CSV: a download in web mode, every figure in it
  const downloading = page.waitForEvent('download');
  await cash.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('cash-up-makati-central-2026-03-02.csv');
  const lines = readFileSync(await download.path(), 'utf8').trimEnd().split(/\r?\n/);
  expect(lines[0]).toBe('section,name,count,amount,tips');
  expect(lines).toEqual(
    expect.arrayContaining([
      'takings,cash,,200.00,',
      'takings,card,,575.00,',
      'takings,other,,0.00,',
      'takings,total,2,775.00,',
      'sales,total,2,750.00,',
      'tips,total,,25.00,',
      'staff,Ana,1,450.00,25.00',
      'staff,Ben,1,300.00,0.00',
      'service,Colour,1,450.00,25.00',
      'service,Fade,1,300.00,0.00',
      'discount,Loyalty card,1,50.00,',
      'discounts,total,1,50.00,',
      'no_shows,total,1,300.00,',
      'unpaid,Ben Cruz · Haircut with Ben,1,250.00,',
    ]),
  );
  expect(lines).toHaveLength(15);
  await app.toast('Exported the cash-up to cash-up-makati-central-2026-03-02.csv');

  // Print: the browser's print dialog, with a stylesheet that prints the cash-up alone
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => {
      w.printed += 1;
    };
  });
  await cash.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  // (the dialog's chrome is hidden in print, so these are found by text, not by role)
  await expect(page.getByText('Cash-up · Makati Central · Monday, 2 March 2026')).toBeVisible();
  await expect(page.getByText('Total taken')).toBeVisible();
  await expect(page.getByText('Export CSV')).toHaveCount(1);
  await expect(page.getByText('Export CSV')).toBeHidden();
  await page.screenshot({ path: shot('63-cash-up-print') });
  await page.emulateMedia({ media: 'screen' });

  // Another day: the empty state
  await cash.getByLabel('Day').fill('2026-03-01');
  await expect(cash.getByRole('heading', { name: /^Nothing to cash up on/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(cash).toBeHidden();
});
