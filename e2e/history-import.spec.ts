import { expect, test } from './fixtures';
import { CustomersPage, demoFacts } from './pages/customers-page';
import { WelcomePage } from './pages/welcome-page';
import { expectAccessible } from './support/axe';
import { dismissToasts } from './support/screens';
import { shot } from './support/shot';

/**
 * Switching in the visit history on the desk: a bookings export in another product's shape, its
 * columns detected and one re-mapped, an unknown status word mapped by the person, the dry run's
 * counts, the import (the customer's visits and status follow), a second import of the same file
 * adding nothing, and the undo of another import.
 */
test('visit history from another system: columns and statuses mapped, dry run, import, re-import skips, undo', async ({ app, page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const facts = demoFacts();
  // A churned customer of the home branch with a phone and a name no one else has.
  const names = new Map<string, number>();
  for (const c of facts.data.customers) names.set(c.name, (names.get(c.name) ?? 0) + 1);
  const home = [...facts.index.activities()].filter((a) => a.branch_id === facts.homeId);
  const pair = home.find((a) => {
    const c = facts.customers.get(a.customer_id);
    return a.status === 'churned' && c !== undefined && c.phone !== '' && names.get(c.name) === 1;
  });
  const customer = facts.customers.get(pair?.customer_id ?? '');
  if (pair === undefined || customer === undefined) throw new Error('the demo has no churned customer to import a visit for');
  const other = home.map((a) => facts.customers.get(a.customer_id)).find((c) => c !== undefined && c.email !== '' && c.id !== customer.id && names.get(c.name) === 1);
  if (other === undefined) throw new Error('the demo has no second customer');

  const history = [
    'Appointment Date,Start Time,Client,Mobile,Email,Service,Stylist,Duration,Amount Paid,Status',
    `2026-02-27,10:00 AM,${customer.name},${customer.phone},,Haircut,Ana,45 mins,250.00,Showed`,
    `2026-02-28,11:00 AM,${other.name},,${other.email.toUpperCase()},Beard trim,Ben,30 mins,150.00,Cancelled by client`,
    `2026-02-28,3:00 PM,${other.name},,${other.email},Beard trim,Ben,30 mins,150.00,Rescheduled`,
    '2026-02-29,9:00 AM,Nobody Known,,,Haircut,Ana,45 mins,250.00,Showed',
    `2026-02-27,10:00 AM,${customer.name},${customer.phone},,Haircut,Ana,45 mins,250.00,Showed`,
  ].join('\n');

  await app.open();
  await new WelcomePage(page).loadDemo();
  await dismissToasts(page);
  await app.go('Customers');
  const customers = new CustomersPage(page);
  const total = home.length;
  await customers.expectShown(total);
  await customers.search.fill(customer.name);
  await customers.expectShown(1, total);
  const before = await customers.row(0);
  await page.screenshot({ path: shot('history-import-customers-1024') });
  expect(before.status).toMatch(/^Churned/);

  await page.getByRole('button', { name: 'Import visit history' }).click();
  const choose = page.getByRole('dialog', { name: 'Import visit history' });
  await expect(choose.getByLabel('Import into branch')).toHaveValue(facts.homeId);
  await choose.getByLabel(/^Bookings file/).setInputFiles({ name: 'old-bookings.csv', mimeType: 'text/csv', buffer: Buffer.from(history) });
  await choose.getByRole('button', { name: 'Next: map the columns' }).click();

  const map = page.getByRole('dialog', { name: 'Map the visit history' });
  for (const [column, field] of [
    ['Appointment Date', 'date'],
    ['Start Time', 'time'],
    ['Client', 'customer_name'],
    ['Mobile', 'phone'],
    ['Email', 'email'],
    ['Service', 'service'],
    ['Stylist', 'staff'],
    ['Duration', 'duration'],
    ['Amount Paid', 'skip'],
    ['Status', 'status'],
  ] as const) {
    await expect(map.getByLabel(`Use column ${column} as`)).toHaveValue(field);
  }
  await expect(map.getByLabel('Status Showed means')).toHaveValue('completed');
  await expect(map.getByLabel('Status Cancelled by client means')).toHaveValue('cancelled');
  await expect(map.getByLabel('Status Rescheduled means')).toHaveValue('');
  await expect(map.getByRole('status').filter({ hasText: 'not known' })).toHaveText('Status “Rescheduled” is not known: choose what it means, or its bookings are refused.');

  const counts = map.getByTestId('history-counts').locator('dd');
  await expect(counts).toHaveText(['2', '1', '2']);
  const lines = map.getByRole('table', { name: 'Lines not imported' }).getByRole('row');
  await expect(lines).toHaveText([
    /Line/,
    /4\s*Refused\s*status "Rescheduled" is not mapped to a Branchdesk status/,
    /5\s*Refused\s*date "2026-02-29" is not a real date/,
    /6\s*Skipped\s*same booking as line 2/,
  ]);
  await expect(map.getByRole('row', { name: /^Start Time/ })).toContainText('10:00 AM · 11:00 AM · 3:00 PM');

  // The person maps the unknown word and the price column the import did not recognise.
  await map.getByLabel('Status Rescheduled means').selectOption('cancelled');
  await map.getByLabel('Use column Amount Paid as').selectOption('price');
  await expect(counts).toHaveText(['3', '1', '1']);
  // Skipping the date column leaves nothing to place: the import is not offered.
  await map.getByLabel('Use column Appointment Date as').selectOption('skip');
  await expect(map.getByRole('alert')).toHaveText('No column is used as the date: map the column with the booking’s date (and time).');
  await expect(map.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await map.getByLabel('Use column Appointment Date as').selectOption('date');
  await expect(counts).toHaveText(['3', '1', '1']);
  await expectAccessible(page, 'visit history mapping');
  await page.screenshot({ path: shot('history-import-map-1024') });
  await map.getByRole('region', { name: 'Dry run' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('history-import-dry-run-1024') });

  await map.getByRole('button', { name: 'Import 3 bookings' }).click();
  const done = page.getByRole('dialog', { name: 'Visit history imported' });
  await expect(done.getByTestId('history-counts').locator('dd')).toHaveText(['3', '1', '1']);
  await done.getByRole('button', { name: 'Done' }).click();
  await dismissToasts(page);
  // The churned customer came back: one visit more, a win-back.
  await customers.search.fill(customer.name);
  await customers.expectShown(1, total);
  await expect.poll(async () => (await customers.row(0)).visits).toBe(before.visits + 1);
  expect((await customers.row(0)).status).toMatch(/^Win-back/);

  // The same file again: every booking is there already.
  await page.getByRole('button', { name: 'Import visit history' }).click();
  await page.getByRole('dialog', { name: 'Import visit history' }).getByLabel(/^Bookings file/).setInputFiles({ name: 'old-bookings.csv', mimeType: 'text/csv', buffer: Buffer.from(history) });
  await page.getByRole('button', { name: 'Next: map the columns' }).click();
  const again = page.getByRole('dialog', { name: 'Map the visit history' });
  await again.getByLabel('Status Rescheduled means').selectOption('cancelled');
  await expect(again.getByTestId('history-counts').locator('dd')).toHaveText(['0', '4', '1']);
  await expect(again.getByRole('button', { name: 'Import 0 bookings' })).toBeDisabled();
  await again.getByRole('button', { name: 'Back' }).click();

  // Another export, undone from its result.
  await page
    .getByRole('dialog', { name: 'Import visit history' })
    .getByLabel(/^Bookings file/)
    .setInputFiles({ name: 'one-more.csv', mimeType: 'text/csv', buffer: Buffer.from(`Date,Customer,Email,Service,Status\n2026-02-20 16:30,${other.name},${other.email},Colour,Completed\n`) });
  await page.getByRole('button', { name: 'Next: map the columns' }).click();
  const one = page.getByRole('dialog', { name: 'Map the visit history' });
  await expect(one.getByTestId('history-counts').locator('dd')).toHaveText(['1', '0', '0']);
  await one.getByRole('button', { name: 'Import 1 bookings' }).click();
  const second = page.getByRole('dialog', { name: 'Visit history imported' });
  await second.getByRole('button', { name: 'Undo this import' }).click();
  await expect(second.getByRole('status')).toHaveText('Import undone: 1 bookings removed.');
  await expect(second.getByRole('button', { name: 'Undo this import' })).toBeDisabled();
  await second.getByRole('button', { name: 'Done' }).click();
});
