import { formatDay, parseDay } from '../shared/time/calendar';
import { formatMoney } from '../shared/money';
import { servicesUsed, visitGaps } from '../renderer/src/features/customer-detail/profile-analytics';
import { expect, test } from './fixtures';
import { CustomersPage, demoFacts } from './pages/customers-page';
import { ProfilePage } from './pages/profile-page';
import { WelcomePage } from './pages/welcome-page';
import { dismissToasts, scrollMainTo } from './support/screens';
import { shot } from './support/shot';

const money = (cents: number): string => Number(formatMoney(cents)).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test('profile: tags (and the list filter by tag), care details, follow-up on Today, a logged contact on the timeline, consent stamped, analytics from the history', async ({ app, page }) => {
  test.setTimeout(180_000);
  const facts = demoFacts();
  const names = new Map<string, number>();
  for (const c of facts.data.customers) names.set(c.name, (names.get(c.name) ?? 0) + 1);
  const pair = [...facts.index.activities()]
    .filter((a) => a.branch_id === facts.homeId && a.total_bookings >= 4)
    .map((a) => ({ a, c: facts.customers.get(a.customer_id) }))
    .filter((x) => x.c !== undefined && x.c.opted_in_marketing && x.c.phone !== '' && names.get(x.c.name) === 1 && x.c.follow_up_date === '')
    .sort((x, y) => (x.a.customer_id < y.a.customer_id ? -1 : 1))[0];
  if (pair?.c === undefined) throw new Error('no suitable demo customer');
  const customer = pair.c;
  const history = facts.index.forCustomer(customer.id).flatMap((p) => facts.index.bookingsOf(p.branch_id, customer.id));

  await app.open();
  await new WelcomePage(page).loadDemo();
  await dismissToasts(page);
  await app.searchAndOpen(customer.name);
  const profile = new ProfilePage(page);
  await expect(profile.heading).toHaveText(customer.name);

  await test.step('tags: added and removed in place; the Customers list filters by the new tag', async () => {
    await profile.addTag('coffee lover');
    await profile.addTag('temporary');
    await profile.removeTag('temporary');
    await expect(profile.tags).toHaveText([...customer.tags, 'coffee lover']);
    await app.go('Customers');
    const customers = new CustomersPage(page);
    const more = customers.filters.getByRole('button', { name: /^All \d+ tags$/ });
    if (await more.isVisible()) await more.click();
    await customers.filters.getByRole('checkbox', { name: /^coffee lover\b/ }).check();
    await customers.expectShown(1, [...facts.index.activities()].filter((a) => a.branch_id === facts.homeId).length);
    await expect(customers.rows.first()).toContainText(customer.name);
    await customers.rows.first().click();
    await expect(profile.heading).toHaveText(customer.name);
  });

  await test.step('care details: preferences, preferred staff, allergies, notes', async () => {
    await profile.editCare({ Preferences: 'Quiet chair, espresso', 'Preferred staff': 'Ana', 'Allergies and sensitivities': 'Latex gloves', Notes: 'Prefers mornings' });
    await expect(profile.careFact('Allergies and sensitivities')).toHaveText('Latex gloves');
    await expect(profile.careFact('Preferred staff')).toHaveText('Ana');
  });

  await test.step('marketing consent per channel is stamped with the time it changes and the desk that changed it', async () => {
    await profile.consentSwitch('Text messages (SMS)').uncheck();
    await expect(profile.consentState('sms')).toHaveText('Withdrawn 2 Mar 2026, 14:30 · This desk');
    await expect(profile.consentSwitch('Text messages (SMS)')).not.toBeChecked();
    await profile.consentSwitch('App notifications').check();
    await expect(profile.consentState('push')).toHaveText('Given 2 Mar 2026, 14:30 · This desk');
  });

  await test.step('a logged contact appears on the one timeline of bookings and contacts', async () => {
    await profile.logContact({ channel: 'Phone call', purpose: 'follow-up', message: 'Called about the next beard trim; will book next week.' });
    const first = profile.historyEntries.first();
    await expect(first).toContainText('Phone call · follow-up');
    await expect(first).toContainText('Called about the next beard trim; will book next week.');
    await expect(first).toContainText('Logged');
    await expect(profile.history.getByRole('radiogroup', { name: 'Show' })).toContainText(`All ${history.length + 1}`);
    await profile.history.getByText(/^Contacts/).click();
    await expect(profile.historyEntries).toHaveCount(1);
    await profile.history.getByText(/^All/).click();
  });

  await test.step('analytics from the history: services used and gaps between visits', async () => {
    const services = servicesUsed(history);
    const table = page.getByRole('region', { name: 'Services used' }).getByRole('row');
    const top = services[0];
    if (top === undefined) throw new Error('no services');
    await expect(table.nth(1)).toHaveText(new RegExp(`^${top.service}\\s*${top.visits}\\s*${money(top.spent).replace('.', '\\.')}`));
    await expect(table).toHaveCount(services.length + 1);
    const gaps = visitGaps(history);
    await expect(page.getByTestId('gap-stats')).toHaveText(`typical ${gaps.median} days · average ${gaps.average} · longest ${gaps.longest}`);
  });

  await test.step('a follow-up due today shows on the Today screen, and can be marked done', async () => {
    await profile.setFollowUp(facts.today);
    await expect(profile.care.getByLabel('Follow up on')).toHaveAccessibleDescription('Due: it shows on the Today screen');
    await dismissToasts(page);
    await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
    await page.screenshot({ path: shot('32-profile') });
    await scrollMainTo(page.getByRole('heading', { name: 'Analytics' }));
    await page.screenshot({ path: shot('33-profile-analytics') });
    await scrollMainTo(profile.history);
    await page.screenshot({ path: shot('34-profile-history') });

    await app.go('Today');
    const due = page.getByRole('list', { name: 'Follow-ups due' }).getByRole('listitem').filter({ hasText: customer.name });
    await expect(due).toContainText('Due today');
    await dismissToasts(page);
    await page.screenshot({ path: shot('35-today-follow-ups') });
    await due.getByRole('button', { name: `Done: clear the follow-up of ${customer.name}` }).click();
    await expect(due).toHaveCount(0);
  });

  await test.step('everything is stored: after a reload the profile is the same', async () => {
    await app.reload();
    await app.searchAndOpen(customer.name);
    await expect(profile.tags).toHaveText([...customer.tags, 'coffee lover']);
    await expect(profile.careFact('Allergies and sensitivities')).toHaveText('Latex gloves');
    await expect(profile.consentState('sms')).toHaveText('Withdrawn 2 Mar 2026, 14:30 · This desk');
    await expect(profile.historyEntries.first()).toContainText('Called about the next beard trim');
    await expect(profile.care.getByLabel('Follow up on')).toHaveValue('');
    expect(formatDay(parseDay(facts.today) ?? 0)).toBe(facts.today);
  });
});
