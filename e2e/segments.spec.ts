import { criteria } from '../shared/domain/criteria';
import { expect, test } from './fixtures';
import { CustomersPage, demoFacts } from './pages/customers-page';
import { SegmentsPage } from './pages/segments-page';
import { WelcomePage } from './pages/welcome-page';
import { demoSnapshot, members } from './support/insights';
import { dismissToasts, scrollMainTo } from './support/screens';
import { shot } from './support/shot';

test('segments: build with live counts equal to the shared rules, save (kept after reload), apply in the Customers list; save the list filters as a segment', async ({ app, page }) => {
  test.setTimeout(180_000);
  const facts = demoFacts();
  const snapshot = demoSnapshot(facts);
  const count = (c: Parameters<typeof criteria>[0]): number => members(snapshot, criteria(c)).length;

  await app.open();
  await new WelcomePage(page).loadDemo();
  await page.getByRole('status').getByRole('button', { name: 'Dismiss' }).first().click();
  const segments = new SegmentsPage(page);
  await segments.open();

  // Everyone at the branch, then each filter narrows the live count exactly as the shared matcher does
  await segments.expectCount(snapshot.views.length);
  await segments.toggle('Status', 'At risk').check();
  await segments.expectCount(count({ statuses: ['at_risk'] }));
  await segments.toggle('Visit frequency', 'Regular').check();
  await segments.toggle('Visit frequency', 'Frequent').check();
  const regulars = { statuses: ['at_risk' as const], frequency_tiers: ['regular' as const, 'frequent' as const] };
  await segments.expectCount(count(regulars));
  await segments.builder.getByLabel('Marketing consent').selectOption({ label: 'Agrees to marketing' });
  const target = { ...regulars, opted_in: true };
  const n = count(target);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(count(regulars));
  await segments.expectCount(n);
  // a typing mistake is named and left out of the count
  await segments.builder.getByLabel('Visits, at least').fill('five');
  await expect(segments.builder.getByLabel('Visits, at least')).toHaveAccessibleDescription('Enter a whole number of visits, like 3');
  await segments.expectCount(n);
  await segments.builder.getByLabel('Visits, at least').fill('');

  await segments.save('At-risk regulars');
  await expect(segments.savedCount('At-risk regulars')).toHaveText(`${n} customers`);
  await expect(segments.saved('At-risk regulars')).toContainText('At risk · Regular or Frequent · Agrees to marketing');
  await dismissToasts(page);
  await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
  await page.screenshot({ path: shot('30-segments') });

  // The RFM grid starts a segment of one cell; the top regulars list holds them (high value and frequent)
  const champions = count({ rfm: { r_min: 5, r_max: 5, f_min: 5, f_max: 5, m_min: null, m_max: null } });
  await page.getByRole('button', { name: new RegExp(`^R5 F5: ${champions} customers`) }).click();
  await segments.expectCount(champions);
  await expect(segments.builder.getByLabel('Segment name')).toHaveValue('RFM R5 F5');
  const vips = snapshot.views.filter((v) => v.vip).length;
  await expect(page.getByRole('radiogroup', { name: 'Value list' }).getByText(/^Top regulars/)).toContainText(String(vips));
  await scrollMainTo(page.getByRole('region', { name: 'Tiers' }));
  await page.screenshot({ path: shot('31-segments-charts') });

  // Saved segments live in the replica: still there after a reload, same live count
  await app.reload();
  await segments.open();
  await expect(segments.savedCount('At-risk regulars')).toHaveText(`${n} customers`);

  // Applied as a Customers list filter: the list's own filters take what they can show, the chip the rest
  await segments.saved('At-risk regulars').getByRole('button', { name: 'Show in Customers' }).click();
  const customers = new CustomersPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await customers.expectShown(n, snapshot.views.length);
  await expect(page.getByTestId('applied-segment')).toContainText('At-risk regulars');
  await expect(customers.statusBox('At risk')).toBeChecked();
  await expect(customers.filters.getByRole('checkbox', { name: /^Regular\b/ })).toBeChecked();
  // removing the segment's extra criterion (consent) widens the list to the list filters alone
  await page.getByRole('button', { name: /^Remove the segment's other filters/ }).click();
  await customers.expectShown(count(regulars), snapshot.views.length);

  // The list's own filters saved as a segment
  await page.getByRole('button', { name: /^Clear filters/ }).click();
  await customers.filters.getByRole('checkbox', { name: /^kids\b/ }).check();
  const kids = count({ tags: ['kids'] });
  await customers.expectShown(kids, snapshot.views.length);
  await page.getByRole('button', { name: 'Save as segment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as a segment' });
  await dialog.getByLabel('Segment name').fill('At-risk regulars');
  await dialog.getByRole('button', { name: 'Save segment' }).click();
  await expect(dialog.getByLabel('Segment name')).toHaveAccessibleDescription('There is already a segment called “At-risk regulars”');
  await dialog.getByLabel('Segment name').fill('Kids');
  await dialog.getByRole('button', { name: 'Save segment' }).click();
  await expect(dialog).toBeHidden();
  await segments.open();
  await expect(segments.savedCount('Kids')).toHaveText(`${kids} customers`);

  // Deleting asks first (the shared confirm dialog): "Keep it" and Escape keep the segment.
  await segments.saved('Kids').getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Kids”?' });
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toBeHidden();
  await segments.saved('Kids').getByRole('button', { name: 'Delete' }).click();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(segments.saved('Kids')).toBeVisible();
  await segments.saved('Kids').getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete segment' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Deleted segment “Kids”')).toBeVisible();
  await expect(segments.saved('Kids')).toHaveCount(0);
  await expect(segments.saved('At-risk regulars')).toBeVisible();
});
