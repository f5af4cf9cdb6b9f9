import { expect, test } from './fixtures';
import { CustomersPage } from './pages/customers-page';
import { WelcomePage } from './pages/welcome-page';

test('the Ctrl+K palette offers all matches beyond the first eight, and names a typo away', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.open();
  await new WelcomePage(page).loadDemo();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search customers' });
  const input = palette.getByRole('combobox', { name: 'Search customers' });
  await input.fill('mar');
  const seeAll = palette.getByRole('option', { name: /^See all [\d,]+ matches in Customers$/ });
  await expect(seeAll).toBeVisible();
  await expect(palette.getByRole('option')).toHaveCount(9);
  const count = Number(((await seeAll.textContent()) ?? '').replace(/\D/g, ''));
  expect(count).toBeGreaterThan(8);
  const first = ((await palette.locator('.palette-option-name').first().textContent()) ?? '').trim();

  // From the keyboard: up from the first option wraps to "See all", Enter opens Customers searched
  await page.keyboard.press('ArrowUp');
  await expect(seeAll).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  const customers = new CustomersPage(page);
  await expect(customers.search).toHaveValue('mar');

  // One letter dropped from a surname finds nobody as typed, and offers the customer
  const surname = first.split(/\s+/).at(-1) ?? '';
  expect(surname.length).toBeGreaterThan(4);
  const typo = surname.slice(0, 2) + surname.slice(3);
  await page.keyboard.press('Control+k');
  await input.fill(typo);
  await expect(palette.getByText(`No customer matches “${typo}”. Did you mean:`)).toBeVisible();
  const close = palette.getByRole('listbox', { name: 'Close matches' });
  await expect(close.getByRole('option', { name: new RegExp(surname) }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/customers\//);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(surname);
});
