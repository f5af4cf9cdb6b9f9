import { buildActivityIndex } from '../shared/engine/dataset';
import { runBacktest } from '../shared/predict/backtest';
import { visitHistories } from '../shared/predict/history';
import { fitRetentionModel } from '../shared/predict/model';
import { describeCadence } from '../shared/predict/cadence';
import { LIKELY_TO_LAPSE_BELOW, pairOutlook, type PairOutlook } from '../shared/predict/outlook';
import { parseDay } from '../shared/time/calendar';
import { pairKey } from '../shared/engine/activity-index';
import type { BookingFact } from '../shared/engine/activity';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { CustomersPage, demoFacts } from './pages/customers-page';
import { DashboardPage } from './pages/dashboard-page';
import { WelcomePage } from './pages/welcome-page';
import { shot } from './support/shot';

/** Scrolls the app's main area (not the window) so the element's top is in view. */
async function scrollMainTo(target: Locator): Promise<void> {
  await target.evaluate((el) => {
    const main = document.getElementById('main');
    if (main === null) return;
    main.scrollTo(0, el.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop - 16);
  });
}

const money = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const moneyText = (major: number): string => money.format(Math.round(major * 100) / 100);
const chance = (p: number): string => `${p > 0 && p < 1 ? Math.min(99, Math.max(1, Math.round(p * 100))) : Math.round(p * 100)}%`;
const visits = (v: number): string => `${v.toFixed(1)} ${v.toFixed(1) === '1.0' ? 'visit' : 'visits'}`;

/**
 * The desk with no server fits the retention model on its own bookings (in idle time after they
 * are read) and shows the same outlook as the shared model fitted in Node on the same demo data:
 * the call-back list ranked by value at risk, the profile's next 90 days and cadence, the
 * Customers list's sort and filters.
 */
test('a desk without a server predicts from its own data: call-back list by value at risk, profile outlook, list sort and filters', async ({ app, page }) => {
  test.setTimeout(240_000);
  const facts = demoFacts();
  const day = parseDay(facts.today) ?? 0;
  const all: BookingFact[] = [];
  for (const h of facts.index.histories()) all.push(...h.bookings);
  const histories = visitHistories(all, day);
  const fitted = fitRetentionModel(histories, day);
  if (!fitted.ok) throw new Error(`the demo data should fit: ${fitted.reason}`);
  const outlooks = new Map<string, PairOutlook>(histories.map((h) => [pairKey(h.branch_id, h.customer_id), pairOutlook(fitted.model, h, day)]));
  const outlookOf = (customerId: string): PairOutlook => {
    const o = outlooks.get(pairKey(facts.homeId, customerId));
    if (o === undefined) throw new Error(`no outlook for ${customerId}`);
    return o;
  };
  const nameOf = (id: string): string => facts.customers.get(id)?.name ?? id;
  const homePairs = [...facts.index.activities()].filter((a) => a.branch_id === facts.homeId);
  const atRisk = homePairs
    .filter((a) => a.status === 'at_risk')
    .sort(
      (x, y) =>
        outlookOf(y.customer_id).value_at_risk_90 - outlookOf(x.customer_id).value_at_risk_90 ||
        y.total_spent - x.total_spent ||
        y.total_bookings - x.total_bookings ||
        (nameOf(x.customer_id) < nameOf(y.customer_id) ? -1 : nameOf(x.customer_id) > nameOf(y.customer_id) ? 1 : 0) ||
        (x.customer_id < y.customer_id ? -1 : 1),
    );

  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await new WelcomePage(page).loadDemo();
  await page.getByRole('status').getByRole('button', { name: 'Dismiss' }).first().click();
  await app.go('Dashboard');
  const dash = new DashboardPage(page);

  // The call-back list, ranked by value at risk as predicted in Node from the same data
  await expect(dash.atRisk).toContainText(`${atRisk.length} at risk, most value at risk first`);
  await expect(dash.atRisk.getByRole('note')).toHaveCount(0);
  await dash.atRisk.getByRole('button', { name: /^Show all/ }).click();
  expect(await dash.atRiskItems.getByRole('link').allInnerTexts()).toEqual(atRisk.map((a) => nameOf(a.customer_id)));
  const top = atRisk[0];
  if (top === undefined) throw new Error('the demo has no at-risk customer at the desk’s branch');
  const topOutlook = outlookOf(top.customer_id);
  expect(topOutlook.value_at_risk_90).toBeGreaterThan(0);
  await expect(dash.atRiskItems.first()).toContainText(`${chance(topOutlook.p_alive)} chance of return`);
  await expect(dash.atRiskItems.first()).toContainText(moneyText(topOutlook.value_at_risk_90));
  await dash.atRisk.getByRole('button', { name: 'Show fewer' }).click();
  await scrollMainTo(dash.atRisk);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('50-callback-by-value-at-risk') });

  // The profile: next 90 days at the desk's branch and the personal cadence
  await dash.atRiskItems.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: nameOf(top.customer_id) })).toBeVisible();
  const homeName = facts.data.branches[0]?.name ?? '';
  const outlook = page.getByRole('region', { name: `${homeName}: next 90 days` });
  const fact = (label: string) => outlook.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
  await expect(fact('Chance of return')).toHaveText(chance(topOutlook.p_alive));
  await expect(fact('Expected visits')).toHaveText(visits(topOutlook.expected_visits_90));
  await expect(fact('Predicted value')).toContainText(moneyText(topOutlook.predicted_value_90));
  await expect(fact('Value at risk')).toContainText(moneyText(topOutlook.value_at_risk_90));
  await expect(outlook).toContainText(topOutlook.cadence === null ? 'Cadence after 3 visits' : describeCadence(topOutlook.cadence));
  await page.getByRole('region', { name: `At ${homeName}`, exact: true }).scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('51-profile-outlook') });

  // The list: sorted by value at risk, filtered to "overdue for them" and "likely to lapse"
  await app.go('Customers');
  const customers = new CustomersPage(page);
  await customers.sortBy('Value at risk, highest first');
  const byRisk = homePairs
    .filter((a) => outlooks.has(pairKey(a.branch_id, a.customer_id)))
    .sort((x, y) => outlookOf(y.customer_id).value_at_risk_90 - outlookOf(x.customer_id).value_at_risk_90 || (nameOf(x.customer_id).toLowerCase() < nameOf(y.customer_id).toLowerCase() ? -1 : 1));
  const shownFirst = (await customers.firstRows(5)).map((r) => r.name);
  expect(shownFirst).toEqual(byRisk.slice(0, 5).map((a) => nameOf(a.customer_id)));

  const overdue = homePairs.filter((a) => outlooks.get(pairKey(a.branch_id, a.customer_id))?.cadence?.status === 'overdue');
  const lapsing = homePairs.filter((a) => (outlooks.get(pairKey(a.branch_id, a.customer_id))?.p_alive ?? 1) < LIKELY_TO_LAPSE_BELOW);
  expect(overdue.length).toBeGreaterThan(0);
  await customers.filters.getByRole('checkbox', { name: /^Overdue for them/ }).check();
  await customers.expectShown(overdue.length, homePairs.length);
  await expect(customers.rows.first()).toContainText(/usually every \d+ days? · due \d+ days? ago/);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('52-customers-overdue-for-them') });
  await customers.filters.getByRole('checkbox', { name: /^Overdue for them/ }).uncheck();
  await customers.filters.getByRole('checkbox', { name: /^Likely to lapse/ }).check();
  await customers.expectShown(lapsing.length, homePairs.length);
  // The prediction filters are criteria: the list saves as a segment with them.
  await expect(page.getByRole('button', { name: 'Save as segment' })).toBeEnabled();
});

/**
 * A manager measures the predictions on their own branch: the business model fitted on the
 * history up to 90 days ago, predicted vs actual visits since, in total and per tenth, and the
 * AUC of the chance of return and of the rule-based status — the same figures as the shared
 * backtest (the CLI's `backtest`) computes in Node on the same demo data.
 */
test('“How good are these predictions”: the dashboard’s backtest for the branch equals the shared backtest on the demo data', async ({ app, page }) => {
  test.setTimeout(240_000);
  const facts = demoFacts();
  const to = parseDay(facts.today) ?? 0;
  const from = to - 90;
  const all: BookingFact[] = [];
  for (const h of facts.index.histories()) all.push(...h.bookings);
  const past = buildActivityIndex(facts.data, from);
  const outcome = runBacktest(all, from, to, (h) => past.get(h.branch_id, h.customer_id)?.status ?? 'new', facts.homeId);
  if (!outcome.ok) throw new Error(`the demo should fit: ${outcome.reason}`);
  const { report } = outcome;
  const one = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await new WelcomePage(page).loadDemo();
  await page.getByRole('status').getByRole('button', { name: 'Dismiss' }).first().click();
  await app.go('Dashboard');
  const check = page.getByRole('region', { name: 'How good are these predictions?' });
  await check.getByRole('button', { name: 'Measure the last 90 days' }).click();
  const result = check.getByRole('region', { name: 'Prediction check result' });
  const fact = (label: string) => result.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
  await expect(fact('Predicted visits')).toHaveText(one.format(report.total.predicted));
  await expect(fact('Actual visits')).toHaveText(report.total.actual.toLocaleString('en'));
  await expect(fact('Customers who came back')).toHaveText(`${report.came_back.toLocaleString('en')} of ${report.pairs.toLocaleString('en')}`);
  await expect(fact('Chance of return, AUC')).toHaveText(report.auc.p_alive?.toFixed(2) ?? 'n/a');
  await expect(fact('Expected visits, AUC')).toHaveText(report.auc.expected_visits?.toFixed(2) ?? 'n/a');
  await expect(fact('Rule-based status, AUC')).toHaveText(report.auc.rule_status?.toFixed(2) ?? 'n/a');
  const rows = result.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(11);
  for (const d of report.deciles) {
    await expect(rows.nth(d.decile)).toHaveText(new RegExp(`^${d.decile}\\s*${d.pairs}\\s*${one.format(d.predicted).replace('.', '\\.')}\\s*${d.actual.toLocaleString('en')}$`));
  }
  await scrollMainTo(check);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('53-prediction-check') });
});
