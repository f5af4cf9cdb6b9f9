import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';

test('a pesos business: the currency follows the country at set-up, tiers start at pesos levels, and Settings changes both', async ({ app, page }) => {
  await app.open();
  const welcome = new WelcomePage(page);
  const form = welcome.setupForm;
  await form.getByLabel('Country for phone numbers').selectOption('PH');
  await expect(form.getByLabel('Currency')).toHaveValue('PHP');
  await expect(form.getByLabel('Currency')).toHaveAccessibleDescription(/VIP above ₱10,000/);
  await welcome.setUpBranch({ name: 'Makati Central' });
  const today = new TodayPage(page);

  // ₱1,500 in one visit is a medium spender in pesos (it was "VIP" with the fixed 1,000.00)
  await today.newBooking({ register: { name: 'Maria Santos', phone: '0917 123 4567' } }, { service: 'Haircut', staff: 'Ana', time: '15:00', price: '1500' });
  await today.select('Maria Santos');
  await expect(today.panel.getByText('₱1,500.00', { exact: true })).toBeVisible();
  await today.checkIn();
  await today.complete();
  await expect(today.panel.getByText('Medium spender')).toBeVisible();
  await expect(today.panel.getByText('1 visit · ₱1,500.00 spent')).toBeVisible();

  // Settings: the boundaries in pesos, editable; only a change can be saved
  await app.go('Settings');
  const money = page.getByRole('form', { name: 'Money settings' });
  await expect(money.getByLabel('Currency')).toHaveValue('PHP');
  await expect(money.getByLabel('VIP above')).toHaveValue('10000.00');
  await expect(money.getByLabel('High spender from')).toHaveValue('5000.00');
  await expect(money.getByLabel('Medium spender from')).toHaveValue('1000.00');
  await expect(money.getByRole('button', { name: 'Save money settings' })).toBeDisabled();
  await expect(money.getByRole('button', { name: 'Use typical boundaries for PHP' })).toBeDisabled();

  // Bad input names the field and saves nothing
  await money.getByLabel('High spender from').fill('20000');
  await money.getByRole('button', { name: 'Save money settings' }).click();
  await expect(money.getByLabel('High spender from')).toHaveAccessibleDescription(/High spender starts above the VIP boundary/);
  await money.getByLabel('High spender from').fill('1,200');
  await money.getByLabel('VIP above').fill('1400');
  await money.getByRole('button', { name: 'Save money settings' }).click();
  await app.toast('Money settings saved — spending tiers are up to date');
  await expect(money.getByLabel('VIP above')).toHaveValue('1400.00');

  await app.go('Today');
  await today.select('Maria Santos');
  await expect(today.panel.getByText('VIP')).toBeVisible();

  // Another currency changes how money shows (not the amounts), and survives a reload
  await app.go('Settings');
  await money.getByLabel('Currency').selectOption('JPY');
  await expect(money.getByRole('button', { name: 'Use typical boundaries for JPY' })).toBeEnabled();
  await money.getByRole('button', { name: 'Save money settings' }).click();
  await app.toast('Money settings saved — spending tiers are up to date');
  await app.reload();
  await app.go('Today');
  await today.select('Maria Santos');
  await expect(today.panel.getByText('1 visit · JP¥1,500 spent')).toBeVisible();
});
