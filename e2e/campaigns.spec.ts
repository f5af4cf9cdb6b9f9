import { readFileSync } from 'node:fs';
import { criteria } from '../shared/domain/criteria';
import { humanDate, firstName } from '../shared/domain/template';
import { sampleCustomer } from '../renderer/src/features/campaigns/campaign-audience';
import { AUDIENCE_COLUMNS, readAudienceCsv } from '../renderer/src/features/campaigns/test-audience';
import { expect, test, FIXED_NOW } from './fixtures';
import { CampaignPage } from './pages/campaigns-page';
import { demoFacts } from './pages/customers-page';
import { ProfilePage } from './pages/profile-page';
import { SegmentsPage } from './pages/segments-page';
import { WelcomePage } from './pages/welcome-page';
import { audience, demoSnapshot } from './support/insights';
import { dismissToasts } from './support/screens';
import { shot } from './support/shot';

const REGULARS_AT_RISK = criteria({ statuses: ['at_risk'], frequency_tiers: ['regular', 'frequent'] });

test('campaign preview: the audience leaves out non-consenting, future-booked and recently messaged customers; unknown placeholders block sending; the audience CSV; queue to the outbox', async ({ app, page }) => {
  test.setTimeout(240_000);
  const facts = demoFacts();
  const base = demoSnapshot(facts);
  const before = audience(base, REGULARS_AT_RISK, 'sms');
  expect(before.excluded.future_booking, 'the demo has at-risk regulars who already booked').toBeGreaterThan(0);
  // two recipients to change on the desk: one withdraws SMS consent, one gets a marketing text
  const [withdraws, texted] = [...before.recipients].sort((a, b) => (a.customer.id < b.customer.id ? -1 : 1));
  if (withdraws === undefined || texted === undefined) throw new Error('need two recipients');
  const changed = demoSnapshot(facts, (docs) => {
    const c = docs.get(withdraws.customer.id);
    if (c !== undefined) docs.set(c.id, { ...c, consent: { ...c.consent, sms: { granted: false, at: FIXED_NOW.toISOString() } } });
  });
  const expected = audience(changed, REGULARS_AT_RISK, 'sms', new Map([[texted.customer.id, FIXED_NOW.getTime()]]), FIXED_NOW.getTime());

  await app.open();
  await new WelcomePage(page).loadDemo();
  await dismissToasts(page);
  const profile = new ProfilePage(page);

  await test.step('on the desk: one customer withdraws SMS consent, another is sent a marketing text', async () => {
    await app.searchAndOpen(withdraws.customer.email || withdraws.customer.name);
    await expect(profile.heading).toHaveText(withdraws.customer.name);
    await profile.consentSwitch('Text messages (SMS)').uncheck();
    await expect(profile.consentState('sms')).toHaveText(/^Withdrawn/);
    await app.searchAndOpen(texted.customer.email || texted.customer.name);
    await expect(profile.heading).toHaveText(texted.customer.name);
    await profile.logContact({ channel: 'SMS', purpose: 'marketing', status: 'Sent', message: 'Spring offer' });
  });

  const segments = new SegmentsPage(page);
  await segments.open();
  await segments.toggle('Status', 'At risk').check();
  await segments.toggle('Visit frequency', 'Regular').check();
  await segments.toggle('Visit frequency', 'Frequent').check();
  await segments.save('At-risk regulars');
  await segments.saved('At-risk regulars').getByRole('button', { name: 'New campaign' }).click();
  const campaign = new CampaignPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'At-risk regulars' })).toBeVisible();

  await test.step('the audience preview counts each rule as the shared audience rules do', async () => {
    await campaign.expectAudience({
      size: expected.recipients.length,
      members: before.recipients.length + Object.values(before.excluded).reduce((s, n) => s + n, 0),
      no_consent: expected.excluded.no_consent,
      no_address: expected.excluded.no_address,
      future_booking: expected.excluded.future_booking,
      recently_messaged: expected.excluded.recently_messaged,
    });
    expect(expected.excluded.no_consent).toBe(before.excluded.no_consent + 1);
    expect(expected.excluded.recently_messaged).toBe(1);
    expect(expected.recipients.length).toBe(before.recipients.length - 2);
    const holdout = Number((await campaign.group('holdout').textContent()) ?? '');
    await expect(campaign.group('A')).toHaveText(String(expected.recipients.length - holdout));
    // email reaches a different set: consent and addresses per channel
    await campaign.form.getByLabel('Channel').selectOption({ label: 'Email' });
    await expect(campaign.size()).toHaveText(new RegExp(`^${audience(changed, REGULARS_AT_RISK, 'email', new Map([[texted.customer.id, FIXED_NOW.getTime()]]), FIXED_NOW.getTime()).recipients.length} customers?$`));
    await campaign.form.getByLabel('Channel').selectOption({ label: 'SMS' });
    await expect(campaign.size()).toHaveText(`${expected.recipients.length} customers`);
  });

  await test.step('unknown placeholders are named and block sending; the preview renders for a real recipient', async () => {
    await campaign.form.getByLabel(/^Offer/).fill('15% off this week');
    await campaign.message('A').fill('Hi {first_name}, {bogus} at {branch}');
    await expect(campaign.message('A')).toHaveAccessibleDescription(/^Unknown placeholder \{bogus\} \(allowed: \{name\}, \{first_name\}, \{branch\}, \{last_visit\}, \{offer\}\)/);
    await expect(campaign.queueButton).toBeDisabled();
    await expect(page.getByRole('alert').filter({ hasText: 'Sending is blocked' })).toBeVisible();
    await campaign.message('A').fill('Hi {first_name}, we miss you at {branch} since {last_visit}. {offer}');
    await expect(campaign.queueButton).toBeEnabled();
    const sample = sampleCustomer(expected.recipients);
    if (sample === null) throw new Error('no recipients');
    const previewText = `Hi ${firstName(sample.customer.name)}, we miss you at Manila Makati since ${humanDate(sample.activity?.last_visit_date ?? null)}. 15% off this week`;
    await expect(campaign.preview('A')).toHaveText(previewText);
    // the SMS's length and parts while writing, for the previewed customer
    await expect(page.getByLabel('SMS length of variant A')).toHaveText(new RegExp(`^${previewText.length} characters · 1 SMS for ${sample.customer.name}; `));
    await campaign.message('A').fill(`Hi {first_name}, we miss you at {branch} since {last_visit}. {offer} ${'x'.repeat(150)}`);
    await expect(page.getByLabel('SMS length of variant A')).toHaveText(new RegExp(`^${previewText.length + 151} characters · 2 SMS parts for `));
    await campaign.message('A').fill('Hi {first_name}, we miss you at {branch} since {last_visit}. {offer}');
    await dismissToasts(page);
    await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
    await page.screenshot({ path: shot('36-campaign-editor') });
  });

  let holdout = 0;
  await test.step('export the audience as CSV: every recipient once, with their group and message', async () => {
    const download = page.waitForEvent('download');
    await campaign.form.getByRole('button', { name: 'Export audience CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`audience-at-risk-regulars-audience-${facts.today}.csv`);
    const text = readFileSync(await file.path(), 'utf8');
    const { header, rows, problems } = readAudienceCsv(text);
    expect(header).toBe(AUDIENCE_COLUMNS.join(','));
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.customer_id).sort()).toEqual(expected.recipients.map((v) => v.customer.id).sort());
    expect(rows.some((r) => r.customer_id === withdraws.customer.id || r.customer_id === texted.customer.id)).toBe(false);
    for (const r of rows) {
      expect(['A', 'holdout']).toContain(r.group);
      if (r.group === 'holdout') expect(r.message).toBe('');
      else expect(r.message).toBe(`Hi ${firstName(r.name ?? '')}, we miss you at Manila Makati since ${humanDate(r.last_visit_date ?? '')}. 15% off this week`);
    }
    holdout = rows.filter((r) => r.group === 'holdout').length;
    await expect(campaign.group('holdout')).toHaveText(String(holdout));
  });

  await test.step('queue on a desk with no server: the confirm step says nothing goes out and shows the split that is queued; no result is shown', async () => {
    await campaign.queueButton.click();
    await expect(campaign.confirmDialog.getByRole('note')).toContainText('This desk has no server, so these messages cannot go out');
    const split = campaign.confirmDialog.getByRole('list', { name: 'Split by group' });
    await expect(split.getByRole('listitem')).toHaveText([`Variant A: ${expected.recipients.length - holdout}`, ...(holdout > 0 ? [`Holdout (receive nothing): ${holdout}`] : [])]);
    await campaign.confirmDialog.getByRole('button', { name: 'Queue without sending' }).click();
    await expect(page.getByRole('heading', { name: 'Delivery' })).toBeVisible();
    await expect(campaign.delivery('queued')).toContainText(String(expected.recipients.length - holdout));
    await expect(campaign.delivery('held')).toContainText(String(holdout));
    // the queued split is the confirmed one
    const groups = page.getByRole('table', { name: 'Groups' });
    await expect(groups.getByRole('row', { name: /^Variant A/ })).toContainText(String(expected.recipients.length - holdout));
    await expect(groups.getByRole('row', { name: /^Holdout/ })).toContainText(String(holdout));
    // nothing was sent: no share booked, no uplift — only why
    await expect(campaign.result.getByRole('status')).toContainText('No result yet: this desk has no server');
    await expect(page.getByRole('table', { name: 'Result by group' })).toHaveCount(0);
    await expect(campaign.result).not.toContainText('%');
    await expect(campaign.result).not.toContainText('pts');
    await dismissToasts(page);
    await page.screenshot({ path: shot('37-campaign-detail') });
  });

  await test.step('the frequency cap now holds back everyone just messaged', async () => {
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    await expect(page.getByRole('table').getByRole('link', { name: 'At-risk regulars' })).toBeVisible();
    await segments.open();
    await segments.saved('At-risk regulars').getByRole('button', { name: 'New campaign' }).click();
    await expect(campaign.excluded('recently_messaged')).toHaveText(`−${expected.recipients.length - holdout + 1}`);
    await expect(campaign.size()).toHaveText(`${holdout} ${holdout === 1 ? 'customer' : 'customers'}`);
  });
});
