import { expect, test } from './fixtures';
import { WelcomePage } from './pages/welcome-page';

test('an empty replica welcomes the desk; setting up a branch validates, saves and survives a reload', async ({ app, page }) => {
  await app.open();
  const welcome = new WelcomePage(page);
  await expect(welcome.heading).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load demo data' })).toBeVisible();

  // The browser's zone is preselected
  await expect(welcome.setupForm.getByLabel('Time zone')).toHaveValue('Asia/Manila');
  // … and the phone country (and currency) it implies, not the en-GB language's United Kingdom
  await expect(welcome.setupForm.getByLabel('Country for phone numbers')).toHaveValue('PH');
  await expect(welcome.setupForm.getByLabel('Currency')).toHaveValue('PHP');
  // Another zone moves them along until the person picks a country
  await welcome.setupForm.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await expect(welcome.setupForm.getByLabel('Country for phone numbers')).toHaveValue('JP');
  await expect(welcome.setupForm.getByLabel('Currency')).toHaveValue('JPY');
  await welcome.setupForm.getByLabel('Country for phone numbers').selectOption('PH');
  await welcome.setupForm.getByLabel('Time zone').selectOption('Asia/Manila');
  await expect(welcome.setupForm.getByLabel('Country for phone numbers')).toHaveValue('PH');
  await expect(welcome.setupForm.getByLabel('Currency')).toHaveValue('PHP');

  // Nothing invalid is saved: a missing name and bad custom thresholds are named at the field
  await welcome.setupForm.getByRole('radio', { name: /^Custom/ }).check();
  await welcome.setupForm.getByLabel('Active for (days)').fill('40');
  await welcome.setupForm.getByLabel('At risk until (days)').fill('20');
  await welcome.setupForm.getByRole('button', { name: 'Create branch' }).click();
  const name = welcome.setupForm.getByLabel('Branch name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Enter the branch name');
  await expect(welcome.setupForm.getByLabel('At risk until (days)')).toHaveAccessibleDescription(/At risk must be at least the active days \(40\)/);
  await expect(welcome.heading).toBeVisible();

  await welcome.setupForm.getByRole('radio', { name: /^Barbershop/ }).check();
  await welcome.setUpBranch({ name: 'Makati Central', country: 'PH' });
  await expect(app.branchName).toHaveText('Makati Central');
  await expect(page.getByRole('heading', { name: 'No bookings today' })).toBeVisible();
  await expect(page.getByText(/Monday,? 2 March 2026/).first()).toBeVisible();

  await app.reload();
  await expect(app.branchName).toHaveText('Makati Central');
  await expect(welcome.heading).toBeHidden();
});
