import { expect, test } from './fixtures';
import { CustomerFormModel } from './pages/customer-form';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';

test('customer registration: field-level errors, phone normalised, duplicates offered instead of saved twice', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const today = new TodayPage(page);
  await today.newBooking({ register: { name: 'Maria Santos', phone: '0917 123 4567' } }, { service: 'Haircut', time: '15:00', price: '25' });

  await page.getByRole('button', { name: 'Walk-in' }).click();
  const walkIn = page.getByRole('dialog', { name: 'Walk-in' });
  await walkIn.getByRole('combobox', { name: 'Who is it?' }).fill('+63 917 123');
  await expect(walkIn.getByRole('option', { name: /Maria Santos/ })).toBeVisible();
  await walkIn.getByRole('button', { name: 'Register new customer' }).click();

  const dialog = page.getByRole('dialog', { name: 'Walk-in: register the customer' });
  const form = new CustomerFormModel(dialog);
  // The typed phone number is carried over
  await expect(form.field('Phone')).toHaveValue('+63 917 123');
  await form.fill({ name: '', phone: '12ab', email: 'maria@', birthday: '2030-01-01' });
  await form.submit('Register and continue');
  await expect(form.field('Full name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.field('Full name')).toHaveAccessibleDescription('Enter the customer’s name');
  await expect(form.field('Phone')).toHaveAccessibleDescription(/^A phone number may only contain digits/);
  await expect(form.field('Email')).toHaveAccessibleDescription('Not an email address (expected name@example.com)');
  await expect(form.field('Birthday')).toHaveAccessibleDescription('A birthday cannot be in the future');
  await expect(form.field('Full name')).toBeFocused();

  // The same person again (same number written differently): warned, not saved twice
  await form.fill({ name: 'Maria S.', phone: '+639171234567', email: '', birthday: '' });
  await form.submit('Register and continue');
  await expect(dialog.getByRole('alert')).toContainText('This phone number or email already belongs to a registered customer.');
  await dialog.getByRole('button', { name: 'Use Maria Santos' }).click();
  await expect(walkIn.getByText('Maria Santos')).toBeVisible();
  await walkIn.getByRole('button', { name: 'Cancel' }).click();

  // Only one Maria was ever saved
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search customers' });
  await palette.getByRole('combobox').fill('maria');
  await expect(palette.getByRole('option')).toHaveCount(1);
});
