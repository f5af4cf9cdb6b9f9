import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { PairActivity } from '../shared/engine/activity';
import { expect, test } from './fixtures';
import type { AppPage } from './pages/app-page';
import { CustomerFormModel } from './pages/customer-form';
import { CustomersPage, demoFacts, type DemoFacts } from './pages/customers-page';
import { WelcomePage } from './pages/welcome-page';
import { shot } from './support/shot';

const STATUS = { new: 'New', active: 'Active', win_back: 'Win-back', at_risk: 'At risk', churned: 'Churned' } as const;
const statusLine = (a: PairActivity): string =>
  a.days_since_last_visit === null
    ? `${STATUS[a.status]} · no visits yet`
    : `${STATUS[a.status]} · ${a.days_since_last_visit === 0 ? 'today' : a.days_since_last_visit === 1 ? '1 day' : `${a.days_since_last_visit} days`}`;

/** The desk branch's pairs, and a customer there with a unique name, a phone and an email. */
function homeBranch(facts: DemoFacts) {
  const pairs = [...facts.index.activities()].filter((a) => a.branch_id === facts.homeId);
  const nameCount = new Map<string, number>();
  for (const c of facts.data.customers) nameCount.set(c.name, (nameCount.get(c.name) ?? 0) + 1);
  const target = pairs
    .map((a) => ({ a, c: facts.customers.get(a.customer_id) }))
    .filter((x) => x.c !== undefined && x.c.phone !== '' && x.c.email !== '' && x.a.total_bookings > 2 && nameCount.get(x.c.name) === 1 && x.c.name.split(' ').length === 2)
    .sort((x, y) => (x.a.customer_id < y.a.customer_id ? -1 : 1))[0];
  if (target?.c === undefined) throw new Error('no suitable demo customer');
  return { pairs, target: { activity: target.a, customer: target.c } };
}

async function openDemoCustomers(app: AppPage, page: Page): Promise<CustomersPage> {
  await app.open();
  await new WelcomePage(page).loadDemo();
  await page.getByRole('status').getByRole('button', { name: 'Dismiss' }).first().click();
  await app.go('Customers');
  return new CustomersPage(page);
}

test('search by name, phone and email; filters combine and count by the rules; sorting by menu and by column', async ({ app, page }) => {
  test.setTimeout(180_000);
  const facts = demoFacts();
  const { pairs, target } = homeBranch(facts);
  const customers = await openDemoCustomers(app, page);
  const total = pairs.length;
  await customers.expectShown(total);
  await expect(customers.rows.first()).toBeVisible();

  // Search by name: the customer is found, with their status and days at this branch
  await customers.search.fill(target.customer.name);
  const found = customers.rows.filter({ hasText: target.customer.name });
  await expect(found).toHaveCount(1);
  await expect(found.getByRole('gridcell').nth(1).locator('[data-status]')).toHaveText(statusLine(target.activity));
  await expect(found.getByRole('gridcell').nth(3)).toHaveText(String(target.activity.total_bookings));
  // … by phone (as typed at a desk, with spaces) and by email: exactly them
  const phone = target.customer.phone.replace(/^(\+\d{2})(\d{3})(\d{3})/, '$1 $2 $3 ');
  await customers.search.fill(phone);
  await customers.expectShown(1, total);
  await expect(customers.rows.first()).toContainText(target.customer.name);
  await customers.search.fill(target.customer.email.toUpperCase());
  await customers.expectShown(1, total);
  await expect(customers.rows.first()).toContainText(target.customer.name);
  await customers.search.press('Escape');
  await expect(customers.search).toHaveValue('');
  await customers.expectShown(total);

  // Status filter: the count is the rule's count, the facet says so beforehand, rows all match
  const atRisk = pairs.filter((a) => a.status === 'at_risk');
  await expect(customers.statusBox('At risk')).toHaveAccessibleName(new RegExp(`^At risk\\s*${atRisk.length} customers$`));
  await customers.statusBox('At risk').check();
  await customers.expectShown(atRisk.length, total);
  for (const row of await customers.firstRows(8)) expect(row.status).toMatch(/^At risk · \d+ days$/);
  // … combined with a tier (AND), and a second status (OR within the filter)
  await customers.filters.getByRole('checkbox', { name: /^High spender\b/ }).check();
  const highAtRisk = atRisk.filter((a) => a.spending_tier === 'high');
  await customers.expectShown(highAtRisk.length, total);
  for (const row of await customers.firstRows(8)) expect(row.tiers).toMatch(/^High spender /);
  await customers.statusBox('Churned').check();
  await customers.expectShown(pairs.filter((a) => (a.status === 'at_risk' || a.status === 'churned') && a.spending_tier === 'high').length, total);
  await page.getByRole('button', { name: /^Clear filters/ }).click();
  await customers.expectShown(total);

  // Frequency tier, minimum visits and spent, days since the last visit
  await customers.filters.getByRole('checkbox', { name: /^Regular\b/ }).check();
  await customers.expectShown(pairs.filter((a) => a.frequency_tier === 'regular').length, total);
  await customers.filters.getByRole('checkbox', { name: /^Regular\b/ }).uncheck();
  await customers.filters.getByLabel('Minimum visits').fill('10');
  await customers.filters.getByLabel('Minimum spent').fill('500');
  await customers.expectShown(pairs.filter((a) => a.total_bookings >= 10 && a.total_spent >= 50_000).length, total);
  await customers.filters.getByLabel('Days since last visit, from').fill('13');
  await customers.filters.getByLabel('Days since last visit, to').fill('30');
  const combined = pairs.filter((a) => a.total_bookings >= 10 && a.total_spent >= 50_000 && a.days_since_last_visit !== null && a.days_since_last_visit >= 13 && a.days_since_last_visit <= 30);
  await customers.expectShown(combined.length, total);
  await customers.filters.evaluate((panel) => panel.scrollTo(0, panel.scrollHeight));
  await page.screenshot({ path: shot('11-customers-filters') });
  // A bad value is named at its field and left out of the filtering
  await customers.filters.getByLabel('Days since last visit, to').fill('3');
  await expect(customers.filters.getByLabel('Days since last visit, to')).toHaveAccessibleDescription('Enter at least 13 (the “from” days)');
  await page.getByRole('button', { name: /^Clear filters/ }).click();
  await customers.expectShown(total);

  // Sorting from the menu…
  await customers.sortBy('Total spent, highest first');
  const spent = (await customers.firstRows(10)).map((r) => Number(r.spent.replace(/,/g, '')));
  expect(spent).toEqual([...spent].sort((x, y) => y - x));
  expect(spent[0]).toBe(Math.max(...pairs.map((a) => a.total_spent)) / 100);
  // … and from the column headers, with aria-sort
  const visits = customers.columnHeader('Visits');
  await visits.getByRole('button').click();
  await expect(visits).toHaveAttribute('aria-sort', 'descending');
  await expect(customers.columnHeader('Spent')).toHaveAttribute('aria-sort', 'none');
  let counts = (await customers.firstRows(10)).map((r) => r.visits);
  expect(counts).toEqual([...counts].sort((x, y) => y - x));
  expect(counts[0]).toBe(Math.max(...pairs.map((a) => a.total_bookings)));
  await visits.getByRole('button').click();
  await expect(visits).toHaveAttribute('aria-sort', 'ascending');
  counts = (await customers.firstRows(10)).map((r) => r.visits);
  expect(counts).toEqual([...counts].sort((x, y) => x - y));
  await customers.columnHeader('Customer').getByRole('button').click();
  await expect(customers.columnHeader('Customer')).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('name:asc');
  await customers.sortBy('Last visit, most recent first');
  await expect(customers.columnHeader('Last visit')).toHaveAttribute('aria-sort', 'descending');
  await customers.search.fill('ma');
  await expect(customers.rows.first()).toBeVisible();
  await customers.filters.evaluate((panel) => panel.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('10-customers') });
});

test('keyboard: "/" searches, arrows select, Enter opens; the customer page shows every branch and booking; filters survive going back', async ({ app, page }) => {
  test.setTimeout(180_000);
  const facts = demoFacts();
  // A customer with visits at two branches or more, whose name is in nobody else's
  const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const names = facts.data.customers.map((c) => fold(c.name));
  const unique = (name: string): boolean => names.filter((n) => n.includes(fold(name))).length === 1;
  const pairsOf = (id: string): PairActivity[] => facts.index.forCustomer(id);
  const traveller = facts.data.customers
    .filter((c) => pairsOf(c.id).some((a) => a.branch_id === facts.homeId) && pairsOf(c.id).filter((a) => a.total_bookings > 0).length >= 2 && unique(c.name))
    .map((c) => ({ c, activeHere: pairsOf(c.id).some((a) => a.branch_id === facts.homeId && a.status === 'active') }))
    // someone still coming to this desk reads best; then by id, so the pick is stable
    .sort((x, y) => Number(y.activeHere) - Number(x.activeHere) || (x.c.id < y.c.id ? -1 : 1))[0]?.c;
  if (traveller === undefined) throw new Error('no demo customer with visits at two branches');
  const customers = await openDemoCustomers(app, page);

  // "/" focuses the search from anywhere on the screen; the first match is selected; arrows move
  await page.keyboard.press('/');
  await expect(customers.search).toBeFocused();
  await page.keyboard.type(traveller.name.split(' ')[0] ?? '');
  await expect(customers.selectedRow).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('ArrowDown');
  await expect(customers.selectedRow).toHaveAttribute('aria-rowindex', '3');
  // the list itself: one tab stop, arrows, Home/End, Enter opens the selected customer
  await customers.grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(customers.selectedRow).toHaveAttribute('aria-rowindex', '4');
  await page.keyboard.press('Home');
  await expect(customers.selectedRow).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('ArrowDown');
  const chosen = (await customers.selectedRow.getByRole('link').innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: chosen })).toBeVisible();
  await page.goBack();

  // Search the traveller by full name and open with Enter from the search box
  await customers.search.fill(traveller.name);
  await expect(customers.selectedRow).toContainText(traveller.name);
  await customers.search.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: traveller.name })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/customers/${traveller.id}$`));

  // Per-branch figures equal the engine's for every branch of theirs
  const money = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  for (const a of pairsOf(traveller.id)) {
    const name = facts.data.branches.find((b) => b.id === a.branch_id)?.name ?? a.branch_id;
    const card = page.getByRole('region', { name: `At ${name}` });
    await expect(card.locator('[data-status]')).toHaveAttribute('data-status', a.status);
    await expect(card.getByRole('definition').nth(0)).toHaveText(String(a.total_bookings));
    await expect(card.getByRole('definition').nth(1)).toHaveText(money.format(a.total_spent / 100));
    await expect(card.getByRole('definition').nth(5)).toHaveText(String(a.no_shows));
    await expect(card.getByRole('definition').nth(6)).toHaveText(a.favorite_service || '—');
    await expect(card.getByRole('definition').nth(7)).toHaveText(a.preferred_staff || '—');
  }
  const bookings = facts.data.bookings.filter((b) => b.customer_id === traveller.id);
  await expect(page.getByText(`${bookings.length} bookings at all branches`)).toBeVisible();
  await page.screenshot({ path: shot('13-customer-detail') });

  // New booking from the customer's page: the customer is preselected
  await page.getByRole('button', { name: 'New booking' }).click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await expect(dialog.getByText(traveller.name)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Back to the list: the search is still there
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Customers' }).click();
  await expect(customers.search).toHaveValue(traveller.name);
  await expect(customers.selectedRow).toContainText(traveller.name);

  // An unknown id has a designed not-found state
  await page.goto('/#/customers/cu-nobody');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer not found' })).toBeVisible();
});

test('empty states name what hides the customers; registration and CSV export from the list; all branches', async ({ app, page }) => {
  test.setTimeout(180_000);
  const facts = demoFacts();
  const { pairs } = homeBranch(facts);
  const total = pairs.length;
  const customers = await openDemoCustomers(app, page);

  // A search that finds nobody offers to register them
  await customers.search.fill('Zzyzx Qwerty');
  await expect(page.getByRole('heading', { name: 'No customer matches “Zzyzx Qwerty”' })).toBeVisible();
  await page.getByRole('button', { name: 'Register “Zzyzx Qwerty”' }).click();
  const register = page.getByRole('dialog', { name: 'Register a customer' });
  await expect(register.getByLabel('Full name')).toHaveValue('Zzyzx Qwerty');
  await register.getByRole('button', { name: 'Cancel' }).click();
  await customers.search.fill('');

  // Filters that hide everyone are named, with what each alone hides, and can be removed one by one
  await customers.statusBox('New').check();
  await customers.filters.getByLabel('Minimum visits').fill('5');
  await expect(page.getByRole('heading', { name: 'No customers match these filters' })).toBeVisible();
  await expect(page.getByText('Status: New', { exact: true })).toBeVisible();
  await expect(page.getByText('At least 5 visits', { exact: true })).toBeVisible();
  await page.screenshot({ path: shot('12-customers-no-match') });
  await page.getByRole('button', { name: 'Remove filter: Minimum visits' }).click();
  await customers.expectShown(pairs.filter((a) => a.status === 'new').length, total);
  await page.getByRole('button', { name: /^Clear filters/ }).click();

  // Export the visible list as CSV (a download in web mode)
  const atRisk = pairs.filter((a) => a.status === 'at_risk');
  await customers.statusBox('At risk').check();
  await customers.expectShown(atRisk.length, total);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`customers-${facts.data.branches[0]?.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${facts.today}.csv`);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('customer_id,name,phone,email,branch,status,days_since_last_visit,visits,total_spent,first_visit_date,last_visit_date,no_shows,spending_tier,frequency_tier,tags,opted_in_marketing');
  expect(lines).toHaveLength(atRisk.length + 1);
  const ids = new Set(atRisk.map((a) => a.customer_id));
  for (const line of lines.slice(1)) {
    expect(ids.has(line.split(',')[0] ?? '')).toBe(true);
    expect(line).toContain(',at_risk,');
  }
  await app.toast(`Exported ${atRisk.length} customers to ${download.suggestedFilename()}`);
  await page.getByRole('button', { name: /^Clear filters/ }).click();

  // Register from the list: the new customer opens, and the branch has one more
  await page.getByRole('button', { name: 'New customer' }).click();
  const form = new CustomerFormModel(page.getByRole('dialog', { name: 'Register a customer' }));
  await form.fill({ name: 'Zoë Villanueva', phone: '0917 555 0199', email: 'zoe.v@example.com' });
  await form.submit(/^Register/);
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Villanueva' })).toBeVisible();
  await expect(page.getByText('+63 917 555 0199')).toBeVisible();
  await app.go('Customers');
  await customers.expectShown(total + 1);

  // All branches: every customer of the business once
  await page.getByRole('switch', { name: 'All branches' }).check();
  await customers.expectShown(facts.data.customers.length + 1);
  await customers.search.fill('zoe villanueva');
  await expect(customers.rows.first()).toContainText('Zoë Villanueva');
});

test('a branch without customers invites the first registration', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  await app.go('Customers');
  await expect(page.getByRole('heading', { name: 'No customers at Makati Central yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  await page.getByRole('button', { name: 'Register a customer' }).click();
  await expect(page.getByRole('dialog', { name: 'Register a customer' })).toBeVisible();
});
