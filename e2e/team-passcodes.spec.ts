import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';
import { expectAccessible } from './support/axe';
import { dismissToasts } from './support/screens';
import { shot } from './support/shot';

/**
 * Team members and passcodes (issue 11, item 8; docs/DESIGN.md §14): without members the desk has
 * no lock; a manager adds a manager and a front-desk member; the desk then opens on the sign-in;
 * a front-desk member's correction asks for a manager's passcode; the activity log shows who did
 * it and who approved it. At 1024×768, axe clean.
 */
test('two members, a front-desk sign-in, a correction approved by a manager passcode, and the activity log', async ({ app, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });

  // No team yet: no lock, Settings open, the empty state says what adding one does
  await expect(page.getByRole('button', { name: 'Lock' })).toHaveCount(0);
  await app.go('Settings');
  const team = page.getByRole('region', { name: 'Team' });
  await expect(team.getByText(/No team members yet: anyone at this desk can use it/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Activity log' }).getByText(/Nothing recorded yet/)).toBeVisible();

  // The first member must be a manager; a bad passcode is named
  await team.getByRole('button', { name: 'Add team member…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add team member' });
  await dialog.getByLabel('Name').fill('Rosa');
  await dialog.getByLabel('Role').selectOption('front_desk');
  await dialog.getByLabel('Passcode', { exact: true }).fill('12');
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog.getByLabel('Role')).toHaveAccessibleDescription(/The first member must be a manager/);
  await expect(dialog.getByLabel('Passcode', { exact: true })).toHaveAccessibleDescription(/4 to 8 digits/);
  await expectAccessible(page, 'team member dialog with errors');
  await dialog.getByLabel('Name').fill('Marta');
  await dialog.getByLabel('Role').selectOption('manager');
  await dialog.getByLabel('Passcode', { exact: true }).fill('246810');
  await dialog.getByLabel('Repeat the passcode').fill('246810');
  await dialog.getByRole('button', { name: 'Add member' }).click();

  // Adding the first member locks the desk: the manager signs in
  const signIn = page.getByRole('main', { name: /Sign in to Makati Central/ });
  await expect(signIn).toBeVisible();
  await signIn.getByLabel('Passcode').fill('246810');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-member')).toHaveText('Marta');

  await app.go('Settings');
  await team.getByRole('button', { name: 'Add team member…' }).click();
  dialog = page.getByRole('dialog', { name: 'Add team member' });
  await dialog.getByLabel('Name').fill('Rosa');
  await expect(dialog.getByLabel('Role')).toHaveValue('front_desk');
  await dialog.getByLabel('Passcode', { exact: true }).fill('1357');
  await dialog.getByLabel('Repeat the passcode').fill('1357');
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog).toBeHidden();
  await expect(team.getByRole('list', { name: 'Team members' }).getByRole('listitem')).toHaveText([/Marta · Manager/, /Rosa · Front desk/]);
  await dismissToasts(page);
  await page.screenshot({ path: shot('50-team-settings') });
  await expectAccessible(page, 'Settings with a team');

  // Lock from the keyboard; Rosa signs in (a wrong passcode first)
  await page.keyboard.press('Control+Shift+L');
  await expect(signIn).toBeVisible();
  await signIn.getByLabel('Who are you?').selectOption({ label: 'Rosa — Front desk' });
  await signIn.getByLabel('Passcode').fill('9999');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.getByLabel('Passcode')).toHaveAccessibleDescription('That passcode is not right.');
  await page.screenshot({ path: shot('51-team-sign-in') });
  await expectAccessible(page, 'sign-in with a wrong passcode');
  await signIn.getByLabel('Passcode').fill('1357');
  await signIn.getByLabel('Passcode').press('Enter');
  await expect(page.getByTestId('signed-in-member')).toHaveText('Rosa');

  // Rosa books, checks in and completes; Settings asks for a manager
  const today = new TodayPage(page);
  await app.go('Today');
  await today.newBooking({ register: { name: 'Nia Corpuz' } }, { service: 'Haircut', staff: 'Ana', time: '15:00', duration: '30', price: '300' });
  await today.select('Nia Corpuz');
  await today.checkIn();
  await today.complete('300');
  await app.go('Settings');
  await expect(page.getByText("Settings needs a manager's passcode.")).toBeVisible();
  await expect(team).toHaveCount(0);

  // A correction asks for the manager's passcode; Cancel leaves the visit as it was
  await app.go('Today');
  await today.select('Nia Corpuz');
  await today.panel.getByRole('button', { name: 'Correct this visit…' }).click();
  const approve = page.getByRole('dialog', { name: "Manager's passcode" });
  await expect(approve).toHaveAccessibleDescription("Correcting a finished visit needs a manager's passcode.");
  await expect(approve.getByLabel('Manager')).toHaveValue(/mb-/);
  await approve.getByLabel('Passcode').fill('1357'); // Rosa's own passcode is not a manager's
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(approve.getByLabel('Passcode')).toHaveAccessibleDescription('That passcode is not right.');
  await page.screenshot({ path: shot('52-manager-passcode') });
  await expectAccessible(page, 'manager passcode dialog');
  await approve.getByLabel('Passcode').fill('246810');
  await approve.getByRole('button', { name: 'Approve' }).click();
  const correct = page.getByRole('dialog', { name: /^Correct Nia Corpuz.s visit$/ });
  await correct.getByLabel('Final price').fill('350');
  await correct.getByLabel('Reason').fill('Added a beard trim');
  await correct.getByRole('button', { name: 'Save correction' }).click();
  await expect(correct).toBeHidden();

  // The manager opens the activity log: who did what, who approved, filterable
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn.getByLabel('Passcode').fill('246810');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await app.go('Settings');
  const log = page.getByRole('table', { name: 'Activity log' });
  const rows = log.getByRole('row');
  await expect(rows).toHaveCount(4); // header + checked in, completed, corrected
  // (the test's clock stands still: the three share one instant, so their order is not checked)
  const corrected = rows.filter({ hasText: 'Corrected' });
  await expect(corrected).toContainText('Rosa (approved by Marta)');
  await expect(corrected).toContainText('Nia Corpuz · Haircut with Ana — Added a beard trim');
  await expect(rows.filter({ hasText: 'Completed' })).toContainText('Rosa');
  await expect(rows.filter({ hasText: 'Checked in' })).toContainText('Rosa');
  await expect(rows.filter({ hasText: 'approved by' })).toHaveCount(1);
  const activity = page.getByRole('region', { name: 'Activity log' });
  await activity.getByLabel('Action').selectOption({ label: 'Corrected' });
  await expect(rows).toHaveCount(2);
  await activity.getByLabel('Action').selectOption({ label: 'All actions' });
  await activity.getByLabel('Member').selectOption({ label: 'Rosa' });
  await expect(rows).toHaveCount(4);
  await activity.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('53-activity-log') });
  await expectAccessible(page, 'activity log');
});
