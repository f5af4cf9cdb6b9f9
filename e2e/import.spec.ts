import { expect, test } from './fixtures';
import { CustomersPage, demoFacts } from './pages/customers-page';
import { ImportDialog } from './pages/import-dialog';
import { WelcomePage } from './pages/welcome-page';
import { dismissToasts } from './support/screens';
import { shot } from './support/shot';

test('CSV import with bad rows: the report names file, line and column; every good row is imported, and importing again updates instead of duplicating', async ({ app, page }) => {
  test.setTimeout(180_000);
  const facts = demoFacts();
  const home = facts.homeId;
  const customersCsv = [
    'id,name,phone,email,birthday,opted_in_marketing,preferred_contact,created_at,home_branch_id',
    `imp-001,Imported Ana,+639170000001,ana.imported@example.com,1991-05-06,true,sms,2026-01-05T09:00:00+08:00,${home}`,
    `imp-002,Bad Birthday,,,1991-13-40,false,none,,${home}`,
    `imp-003,"Imported Ben, Jr.",,,,no,none,,${home}`,
    'imp-004,Nowhere Nina,,,,false,none,,br-nowhere',
  ].join('\r\n');
  const bookingsCsv = [
    'id,customer_id,branch_id,service,staff,start_at,status,price',
    `imp-b1,imp-001,${home},Haircut,Ana,2026-02-20T10:00:00+08:00,completed,250.00`,
    `imp-b2,imp-002,${home},Haircut,Ana,2026-02-21T10:00:00+08:00,completed,250.00`,
    `imp-b3,imp-003,${home},Haircut,Ana,2026-02-22T10:00:00+08:00,finished,250.00`,
    `imp-b4,imp-003,${home},Fade,Ana,2026-02-25T10:00:00+08:00,completed,300.00`,
    `imp-b5,imp-001,${home},Fade,Ana,2026-02-26 10:00,completed,300.00`,
  ].join('\n');

  await app.open();
  await new WelcomePage(page).loadDemo();
  await dismissToasts(page);
  await app.go('Customers');
  const customers = new CustomersPage(page);
  const total = [...facts.index.activities()].filter((a) => a.branch_id === home).length;
  await customers.expectShown(total);

  const importer = new ImportDialog(page);
  await importer.open();
  await importer.importFiles({ customers: customersCsv, bookings: bookingsCsv });
  await expect(importer.summary).toHaveText('Imported 2 customers and 2 bookings.');
  await expect(importer.dialog.getByRole('status')).toContainText('5 rows were not imported. Everything else was.');
  expect(await importer.problems()).toEqual([
    ['customers.csv', '3', 'birthday', 'birthday "1991-13-40" is not a date (YYYY-MM-DD)'],
    ['customers.csv', '5', 'home_branch_id', 'home_branch_id "br-nowhere" is not a known branch'],
    ['bookings.csv', '3', 'customer_id', 'customer_id "imp-002" was not imported (customers.csv line 3 has problems)'],
    ['bookings.csv', '4', 'status', 'status "finished" is not one of scheduled, checked_in, completed, cancelled, no_show'],
    ['bookings.csv', '6', 'start_at', 'start_at "2026-02-26 10:00" is not an ISO 8601 instant with an offset or Z'],
  ]);
  await page.screenshot({ path: shot('38-import-report') });
  await importer.close();

  // The good rows are in the list with their visits; the bad ones are not
  await customers.expectShown(total + 2);
  await customers.search.fill('Imported');
  await customers.expectShown(2, total + 2);
  const ana = customers.rows.filter({ hasText: 'Imported Ana' });
  await expect(ana.getByRole('gridcell').nth(3)).toHaveText('1');
  await expect(ana.getByRole('gridcell').nth(4)).toHaveText('250.00');
  const ben = customers.rows.filter({ hasText: 'Imported Ben, Jr.' });
  await expect(ben.getByRole('gridcell').nth(4)).toHaveText('300.00');
  await customers.search.fill('Bad Birthday');
  await customers.expectShown(0, total + 2);

  // Fixed file imported again: the fixed rows come in, the others are updated, nothing doubles
  await importer.open();
  await importer.importFiles({ customers: customersCsv.replace('1991-13-40', '1991-12-04').replace('br-nowhere', home), bookings: bookingsCsv.replace('finished', 'completed').replace('2026-02-26 10:00', '2026-02-26T10:00:00+08:00') });
  await expect(importer.summary).toHaveText('Imported 4 customers and 5 bookings.');
  await expect(importer.dialog.getByText('Every row was imported.')).toBeVisible();
  await importer.close();
  await customers.search.fill('');
  await customers.expectShown(total + 4);
  await customers.search.fill('Imported Ana');
  await expect(customers.rows.first().getByRole('gridcell').nth(3)).toHaveText('2');
});
