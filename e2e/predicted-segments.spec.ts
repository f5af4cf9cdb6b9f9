import { criteria } from '../shared/domain/criteria';
import { LIKELY_TO_LAPSE_BELOW } from '../shared/predict/outlook';
import { expect, test } from './fixtures';
import { CampaignPage } from './pages/campaigns-page';
import { CustomersPage, demoFacts } from './pages/customers-page';
import { SegmentsPage } from './pages/segments-page';
import { WelcomePage } from './pages/welcome-page';
import { expectAccessible } from './support/axe';
import { audience, demoOutlooks, demoSnapshot, members } from './support/insights';
import { dismissToasts, scrollMainTo } from './support/screens';
import { shot } from './support/shot';

const money = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A manager saves "likely to lapse, high value" on the demo business (a desk with no server, which
 * fits the model on its own bookings): chance of return below 50 % and a predicted value in the
 * next 90 days of at least an amount. The live count, the members in the Customers list and the
 * campaign audience equal the shared rules run in Node with the model fitted on the same data.
 */
test('segments on predictions: "likely to lapse, high value" — live count, saved, its members in Customers, a campaign audience', async ({ app, page }) => {
  test.setTimeout(300_000);
  const facts = demoFacts();
  const outlooks = demoOutlooks(facts);
  const snapshot = demoSnapshot(facts, undefined, outlooks);
  const lapsing = snapshot.views.filter((v) => v.outlook !== null && v.outlook.p_alive < LIKELY_TO_LAPSE_BELOW);
  // "High value": the amount (to the cent) that keeps about the top third of the lapsing customers by predicted value.
  const values = lapsing.map((v) => v.outlook?.predicted_value_90 ?? 0).sort((a, b) => b - a);
  const thresholdCents = Math.floor((values[Math.floor(values.length / 3)] ?? 0) * 100);
  const threshold = money.format(thresholdCents / 100);
  const target = criteria({ chance_below_pct: 50, min_predicted_value: thresholdCents });
  const expected = members(snapshot, target);
  expect(expected.length, 'the demo has lapsing customers of high predicted value').toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(lapsing.length);
  const reach = audience(snapshot, target, 'sms');

  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await new WelcomePage(page).loadDemo();
  await dismissToasts(page);
  const segments = new SegmentsPage(page);
  await segments.open();

  await test.step('build it: the live count equals the shared rules with the model fitted in Node', async () => {
    await segments.builder.getByLabel('Chance of return, below (%)').fill('50');
    await segments.expectCount(lapsing.length);
    await segments.builder.getByLabel('Predicted value, at least').fill(threshold);
    await segments.expectCount(expected.length);
    await expect(segments.builder.getByRole('note')).toHaveCount(0);
    // The desk fitted the model in a Web Worker, off the main thread.
    expect(page.workers().map((w) => w.url())).toEqual(expect.arrayContaining([expect.stringMatching(/fit-worker/)]));
    // a typing mistake is named and left out of the count
    await segments.builder.getByLabel('Chance of return, at least (%)').fill('150');
    await expect(segments.builder.getByLabel('Chance of return, at least (%)')).toHaveAccessibleDescription('Enter a whole percent from 0 to 100, like 50');
    await segments.expectCount(expected.length);
    await segments.builder.getByLabel('Chance of return, at least (%)').fill('');
    await segments.save('Likely to lapse, high value');
    await expect(segments.savedCount('Likely to lapse, high value')).toHaveText(`${expected.length} ${expected.length === 1 ? 'customer' : 'customers'}`);
    await expect(segments.saved('Likely to lapse, high value')).toContainText(
      `Chance of return below 50 % · Predicted value (90 days) at least ${threshold}`,
    );
    await dismissToasts(page);
    await scrollMainTo(segments.builder.getByRole('group', { name: 'Predictions (next 90 days)' }));
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'segment builder with prediction filters');
    await page.screenshot({ path: shot('60-segment-likely-to-lapse-high-value') });
  });

  await test.step('its members in the Customers list', async () => {
    await segments.saved('Likely to lapse, high value').getByRole('button', { name: 'Show in Customers' }).click();
    const customers = new CustomersPage(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await expect(page.getByTestId('applied-segment')).toContainText('Likely to lapse, high value');
    await customers.expectShown(expected.length, snapshot.views.length);
    const shown = (await customers.firstRows(Math.min(5, expected.length))).map((r) => r.name);
    const names = new Set(expected.map((v) => v.customer.name));
    for (const name of shown) expect(names.has(name), `${name} is a member`).toBe(true);
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'customers list with a prediction segment');
    await page.screenshot({ path: shot('61-customers-prediction-segment') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await customers.expectShown(expected.length, snapshot.views.length);
    await page.screenshot({ path: shot('61-customers-prediction-segment-1440') });
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  await test.step('a campaign audience: the members, then the audience rules', async () => {
    await segments.open();
    await segments.saved('Likely to lapse, high value').getByRole('button', { name: 'New campaign' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Likely to lapse, high value' })).toBeVisible();
    const campaign = new CampaignPage(page);
    await campaign.expectAudience({
      size: reach.recipients.length,
      members: expected.length,
      no_consent: reach.excluded.no_consent,
      no_address: reach.excluded.no_address,
      future_booking: reach.excluded.future_booking,
      recently_messaged: reach.excluded.recently_messaged,
    });
    await expect(campaign.audience.getByRole('note')).toHaveCount(0);
    await dismissToasts(page);
    await scrollMainTo(campaign.audience);
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'campaign from a prediction segment');
    await page.screenshot({ path: shot('62-campaign-prediction-audience') });
  });
});
