import { expect, test } from './fixtures';
import { CustomersPage, demoFacts } from './pages/customers-page';
import { WelcomePage } from './pages/welcome-page';
import { dismissToasts } from './support/screens';

/**
 * Switching in from another system on the desk: a client list in another product's shape, its
 * columns detected and re-mapped with a dry run's counts, imported into the branch picked by
 * name, then undone.
 */
test('client list from another system: mapping step with preview and dry-run counts, import, undo', async ({ app, page }) => {
  test.setTimeout(180_000);
  const facts = demoFacts();
  const clientList = [
    'Client Name,Cell,E-mail,Birthday,Notes,Loyalty Points',
    'Ana Switch,0917 555 0101,ana.switch@example.com,05/14/1990,From the old system,120',
    'Agnieszka Wiśniewski,+63 977 271 8281,agnieszka.w@example.com,,,40',
    ',0917 555 0102,,,,0',
    'Bad Mail,,bad@,,,0',
    'Ana Again,+63 917 555 0101,,,Second profile,0',
  ].join('\n');

  await app.open();
  await new WelcomePage(page).loadDemo();
  await dismissToasts(page);
  await app.go('Customers');
  const customers = new CustomersPage(page);
  const total = [...facts.index.activities()].filter((a) => a.branch_id === facts.homeId).length;
  await customers.expectShown(total);

  await page.getByRole('button', { name: 'Switch from another system' }).click();
  const choose = page.getByRole('dialog', { name: 'Switch from another system' });
  await expect(choose.getByLabel('Import into branch')).toHaveValue(facts.homeId);
  await expect(choose.getByLabel('Import into branch').getByRole('option', { name: 'Manila Makati' })).toHaveCount(1);
  await choose.getByLabel(/^Client list file/).setInputFiles({ name: 'old-system.csv', mimeType: 'text/csv', buffer: Buffer.from(clientList) });
  await choose.getByRole('button', { name: 'Next: map the columns' }).click();

  const map = page.getByRole('dialog', { name: 'Map the columns' });
  await expect(map.getByLabel('Use column Client Name as')).toHaveValue('full_name');
  await expect(map.getByLabel('Use column Cell as')).toHaveValue('mobile');
  await expect(map.getByLabel('Use column E-mail as')).toHaveValue('email');
  await expect(map.getByLabel('Use column Birthday as')).toHaveValue('birthday');
  await expect(map.getByLabel('Use column Loyalty Points as')).toHaveValue('skip');
  // The preview shows the first rows' values of each column.
  await expect(map.getByRole('row', { name: /Client Name/ })).toContainText('Ana Switch · Agnieszka Wiśniewski');

  const counts = map.getByTestId('switch-in-counts');
  const expectCounts = async (n: [number, number, number, number]): Promise<void> => {
    await expect(counts.locator('dd')).toHaveText(n.map(String));
  };
  await expectCounts([1, 1, 1, 2]);
  const lines = map.getByRole('table', { name: 'Lines not imported' }).getByRole('row');
  await expect(lines).toHaveText([/Line/, /4\s*Refused\s*the name is empty/, /5\s*Refused\s*email "bad@" is not an email address/, /6\s*Skipped\s*same person as line 2/]);

  // Skipping the name column leaves no name: the import is not offered.
  await map.getByLabel('Use column Client Name as').selectOption('skip');
  await expect(map.getByRole('alert')).toHaveText('No column is used as a name: map a full name, or a first or last name.');
  await expect(map.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await map.getByLabel('Use column Client Name as').selectOption('full_name');
  // Mapping the email column as notes: the bad address is no longer a problem.
  await map.getByLabel('Use column E-mail as').selectOption('notes');
  await expect(map.getByLabel('Use column Notes as')).toHaveValue('skip');
  await expectCounts([2, 1, 1, 1]);
  await map.getByLabel('Use column E-mail as').selectOption('email');
  await map.getByLabel('Use column Notes as').selectOption('notes');
  await expectCounts([1, 1, 1, 2]);

  await map.getByRole('button', { name: 'Import 2 customers' }).click();
  const done = page.getByRole('dialog', { name: 'Client list imported' });
  await expect(done.getByTestId('switch-in-counts').locator('dd')).toHaveText(['1', '1', '1', '2']);
  await done.getByRole('button', { name: 'Done' }).click();
  await dismissToasts(page);
  await customers.expectShown(total + 1);
  await customers.search.fill('Ana Switch');
  await customers.expectShown(1, total + 1);
  await customers.search.fill('');

  // A second list, undone from its result: the new customer goes, the merged one is as before.
  await page.getByRole('button', { name: 'Switch from another system' }).click();
  await page
    .getByRole('dialog', { name: 'Switch from another system' })
    .getByLabel(/^Client list file/)
    .setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Email,Phone\nUndo Me,undo.me@example.com,\nAgnieszka W.,,+639772718281\n') });
  await page.getByRole('button', { name: 'Next: map the columns' }).click();
  const again = page.getByRole('dialog', { name: 'Map the columns' });
  await expect(again.getByTestId('switch-in-counts').locator('dd')).toHaveText(['1', '1', '0', '0']);
  await again.getByRole('button', { name: 'Import 2 customers' }).click();
  const second = page.getByRole('dialog', { name: 'Client list imported' });
  await second.getByRole('button', { name: 'Undo this import' }).click();
  await expect(second.getByRole('status')).toHaveText('Import undone: 1 customers removed, 0 restored.');
  await expect(second.getByRole('button', { name: 'Undo this import' })).toBeDisabled();
  await second.getByRole('button', { name: 'Done' }).click();
  await customers.expectShown(total + 1);
  await customers.search.fill('Undo Me');
  await customers.expectShown(0, total + 1);
});
