import type { PairActivity } from '../shared/engine/activity';
import { expect, test } from './fixtures';
import { CustomersPage, demoFacts } from './pages/customers-page';
import { cliMetrics, DashboardPage } from './pages/dashboard-page';
import { WelcomePage } from './pages/welcome-page';
import { shot } from './support/shot';

test('the dashboard shows the CLI’s metrics for the same data; the at-risk list holds exactly the at-risk customers', async ({ app, page }) => {
  test.setTimeout(180_000);
  const facts = demoFacts();
  const report = cliMetrics(facts.data, facts.today);
  const home = report.branches[facts.homeId];
  if (home === undefined) throw new Error('the CLI reported no metrics for the desk’s branch');
  const nameOf = (id: string): string => facts.customers.get(id)?.name ?? id;
  const pairs = [...facts.index.activities()].filter((a) => a.branch_id === facts.homeId);
  const byValue = (x: PairActivity, y: PairActivity): number =>
    y.total_spent - x.total_spent ||
    y.total_bookings - x.total_bookings ||
    (nameOf(x.customer_id) < nameOf(y.customer_id) ? -1 : nameOf(x.customer_id) > nameOf(y.customer_id) ? 1 : 0) ||
    (x.customer_id < y.customer_id ? -1 : 1);

  await app.open();
  await new WelcomePage(page).loadDemo();
  await page.getByRole('status').getByRole('button', { name: 'Dismiss' }).first().click();
  await app.go('Dashboard');
  const dash = new DashboardPage(page);
  await dash.expectMetrics(home);
  await expect(page.getByRole('img', { name: /^Status mix: / })).toHaveAttribute(
    'aria-label',
    `Status mix: ${home.active} active, ${home.win_back} win-back, ${home.at_risk} at risk, ${home.churned} churned, ${home.new} new`,
  );
  await page.screenshot({ path: shot('14-dashboard') });

  // The action list: exactly the branch's at-risk customers (ranked by value at risk once the
  // desk's predictions are ready: the order is checked in predictions.spec.ts)
  await expect(dash.atRisk).toContainText(`${home.at_risk} at risk, most value at risk first`);
  await dash.atRisk.getByRole('button', { name: /^Show all/ }).click();
  await expect(dash.atRiskItems).toHaveCount(home.at_risk);
  const expectedAtRisk = pairs.filter((a) => a.status === 'at_risk').map((a) => nameOf(a.customer_id));
  const shownAtRisk = await dash.atRiskItems.getByRole('link').allInnerTexts();
  expect([...shownAtRisk].sort()).toEqual([...expectedAtRisk].sort());
  await dash.atRisk.getByRole('button', { name: 'Show fewer' }).click();

  // Top 10 by spend
  const expectedTop = pairs.filter((a) => a.total_bookings > 0).sort(byValue).slice(0, 10).map((a) => nameOf(a.customer_id));
  expect(await dash.top.getByRole('link').allInnerTexts()).toEqual(expectedTop);
  await page.locator('#main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('15-dashboard-lists') });

  // An at-risk customer opens on their page, at risk at this branch
  const first = shownAtRisk[0] ?? '';
  await dash.atRiskItems.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
  const homeName = facts.data.branches[0]?.name ?? '';
  await expect(page.getByRole('region', { name: `At ${homeName}` }).locator('[data-status]')).toHaveAttribute('data-status', 'at_risk');

  // Other branches and all branches: the CLI's figures too
  await app.go('Dashboard');
  for (const branch of facts.data.branches.slice(1)) {
    const m = report.branches[branch.id];
    if (m === undefined) throw new Error(`no CLI metrics for ${branch.id}`);
    await dash.chooseBranch(branch.name);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByText(`${branch.name} · as of`)).toBeVisible();
    await dash.expectMetrics(m);
  }
  await dash.chooseBranch('All branches');
  await dash.expectMetrics(report.all);

  // A status card of the desk's own branch opens those customers in the list
  await dash.chooseBranch(`${homeName} (this desk)`);
  await page.getByRole('button', { name: /^At risk: \d+ — show them in Customers$/ }).click();
  const customers = new CustomersPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expect(customers.statusBox('At risk')).toBeChecked();
  await customers.expectShown(home.at_risk, home.customers);
});

test('a branch without customers gets a designed empty dashboard', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  await app.go('Dashboard');
  await expect(page.getByRole('heading', { name: 'No customers at Makati Central yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Customers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
});
