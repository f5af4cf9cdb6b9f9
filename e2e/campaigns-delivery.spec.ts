import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseDataset } from '../shared/csv/import';
import { SCHEMA_VERSION, type CommunicationDoc } from '../shared/domain/schemas';
import { buildActivityIndex } from '../shared/engine/dataset';
import { buildAudience } from '../shared/insights/audience';
import { DEFAULT_INSIGHT_RULES } from '../shared/insights/business-rules';
import { criteria } from '../shared/domain/criteria';
import { segmentMembers } from '../shared/insights/segment';
import { firstName } from '../shared/domain/template';
import { parseDay } from '../shared/time/calendar';
import { importedCustomerDoc } from '../shared/csv/imported-docs';
import { buildSnapshot } from '../renderer/src/features/segments/insight-snapshot';
import { startMailServer, type TestMailServer } from '../server/test-support/mail';
import { FIXED_NOW } from './fixtures';
import { CampaignPage } from './pages/campaigns-page';
import { ProfilePage } from './pages/profile-page';
import { SegmentsPage } from './pages/segments-page';
import { SyncDesk } from './pages/sync-desk';
import { dismissToasts } from './support/screens';
import { decodeQuotedPrintable } from './support/mail-text';
import { createStorage, startSyncServer, type Storage, type SyncServer } from './support/server';
import { shot } from './support/shot';

/**
 * "Done means" of issue 5, end to end: a manager's desk paired with a real server finds the
 * at-risk regulars of the branch, looks at one's history, sends them a tracked email campaign
 * that the server delivers through a real SMTP server started here, sees "sent" come back, and
 * erases a customer who asks.
 */
const BRANCH = 'br-manila';
const TODAY = '2026-03-02';
const AT_RISK_REGULARS = criteria({ statuses: ['at_risk'], frequency_tiers: ['regular', 'frequent'] });

/** The branch as the server imported fixtures/sample, in Node. */
function sampleSnapshot(grantEmailTo: string | null) {
  const read = (f: string): string => readFileSync(`fixtures/sample/${f}`, 'utf8');
  const ds = parseDataset({ branches: read('branches.csv'), customers: read('customers.csv'), bookings: read('bookings.csv') });
  if (!ds.ok) throw new Error('fixtures/sample does not parse');
  const today = parseDay(TODAY) ?? 0;
  const index = buildActivityIndex(ds.dataset, today);
  const customers = new Map(ds.dataset.customers.map((c) => [c.id, importedCustomerDoc(c, undefined)]));
  const g = grantEmailTo === null ? undefined : customers.get(grantEmailTo);
  if (g !== undefined) customers.set(g.id, { ...g, opted_in_marketing: true, consent: { ...g.consent, email: { granted: true, at: FIXED_NOW.toISOString() } } });
  return buildSnapshot({ customers, activities: index.activities(), branchId: BRANCH, today, rules: DEFAULT_INSIGHT_RULES, bookingsOf: (b, c) => index.bookingsOf(b, c) });
}

test('a manager finds the at-risk regulars, sees their history, sends a tracked email campaign the server delivers over SMTP, sees it sent, and erases a customer', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const before = sampleSnapshot(null);
  const segment = segmentMembers(AT_RISK_REGULARS, before.views, before.today);
  const emailAudience = (s: ReturnType<typeof sampleSnapshot>) => buildAudience({ channel: 'email', members: segmentMembers(AT_RISK_REGULARS, s.views, s.today), lastContact: new Map(), capDays: 7, nowMs: FIXED_NOW.getTime() });
  // one of them tells the desk they agree to emails now
  const convert = emailAudience(before).recipients.length;
  const grant = segment.find((v) => v.customer.email !== '' && !v.customer.consent.email.granted && !v.hasFutureBooking);
  if (grant === undefined) throw new Error('fixtures/sample has no at-risk regular to convert to email');
  const recipients = emailAudience(sampleSnapshot(grant.customer.id)).recipients;
  expect(recipients.length).toBe(convert + 1);
  expect(recipients.length).toBeGreaterThanOrEqual(2);

  const mail: TestMailServer = await startMailServer();
  const storage: Storage = await createStorage('pglite');
  let server: SyncServer | null = null;
  let desk: SyncDesk | null = null;
  try {
    await storage.cli(['import', '--data', 'fixtures/sample']);
    Object.assign(storage.env, { SMTP_URL: mail.url, SMTP_FROM: 'Branchdesk <no-reply@example.com>', SMTP_SUBJECT: 'News from {branch}' });
    server = await startSyncServer(storage);
    const code = await storage.enrol(BRANCH, 'manager');
    desk = await SyncDesk.open(browser, 'manager', { baseURL: baseURL as string });
    const page = desk.page;
    await desk.pairFromWelcome(server.url, code);
    await desk.expectSynced();

    const segments = new SegmentsPage(page);
    const profile = new ProfilePage(page);
    const campaign = new CampaignPage(page);

    await test.step('find the at-risk regulars of the branch', async () => {
      await segments.open();
      await segments.toggle('Status', 'At risk').check();
      await segments.toggle('Visit frequency', 'Regular').check();
      await segments.toggle('Visit frequency', 'Frequent').check();
      await segments.expectCount(segment.length);
      await segments.save('At-risk regulars');
      await segments.saved('At-risk regulars').getByRole('button', { name: 'Show in Customers' }).click();
      await expect(page.getByTestId('customer-count')).toHaveText(new RegExp(`^${segment.length} of \\d+ customers$`));
    });

    await test.step('see one\u2019s history, and record that they agree to emails', async () => {
      await page.getByRole('grid', { name: /^Customers/ }).getByRole('row').filter({ hasText: grant.customer.name }).click();
      await expect(profile.heading).toHaveText(grant.customer.name);
      await expect(profile.history).toContainText('bookings at all branches');
      const visited = page.getByRole('region', { name: 'Branches visited' }).getByRole('row').filter({ hasText: 'Manila Makati' });
      await expect(visited.getByRole('cell').nth(1)).toHaveText(String(grant.activity?.total_bookings ?? -1));
      await profile.consentSwitch('Email').check();
      await expect(profile.consentState('email')).toHaveText(/^Given 2 Mar 2026/);
    });

    await test.step('send them a tracked email campaign', async () => {
      await segments.open();
      await segments.saved('At-risk regulars').getByRole('button', { name: 'New campaign' }).click();
      await campaign.form.getByLabel('Channel').selectOption({ label: 'Email' });
      await campaign.form.getByLabel(/^Holdout/).fill('0');
      await campaign.form.getByLabel(/^Offer/).fill('Your next visit is 15% off');
      await campaign.message('A').fill('Hi {first_name}, we have missed you at {branch}. {offer}');
      await expect(campaign.size()).toHaveText(`${recipients.length} customers`);
      await campaign.queue();
      await expect(campaign.delivery('queued').or(campaign.delivery('sending')).or(campaign.delivery('sent')).first()).toBeVisible();
    });

    await test.step('the server delivers through SMTP and "sent" comes back to the desk', async () => {
      await mail.waitFor(recipients.length);
      expect(mail.received.map((m) => m.to[0]).sort()).toEqual(recipients.map((v) => v.customer.email.toLowerCase()).sort());
      for (const m of mail.received) {
        const who = recipients.find((v) => v.customer.email.toLowerCase() === m.to[0]);
        expect(m.header('subject')).toContain('News from Manila Makati');
        expect(decodeQuotedPrintable(m.body)).toContain(`Hi ${firstName(who?.customer.name ?? '')}, we have missed you at Manila Makati. Your next visit is 15% off`);
      }
      await expect(campaign.delivery('sent')).toContainText(String(recipients.length), { timeout: 60_000 });
      await expect(campaign.delivery('queued')).toHaveCount(0);
      await expect(page.getByRole('region', { name: 'Campaign' }).getByText('Sent', { exact: true })).toBeVisible();
      // sent, and the 30 days have only begun: the group sizes, the day of the result, no figure
      await expect(campaign.result.getByRole('status')).toContainText(/^Measuring: sent .*; the result is shown on /);
      await expect(page.getByRole('table', { name: 'Groups' }).getByRole('row', { name: /^Variant A/ })).toContainText(String(recipients.length));
      await expect(page.getByRole('table', { name: 'Result by group' })).toHaveCount(0);
      await desk?.expectSynced();
      await dismissToasts(page);
      await page.screenshot({ path: shot('41-campaign-sent') });
    });

    await test.step('erase a customer who asks: the sent message stays counted, its text is gone everywhere', async () => {
      await page.getByRole('table', { name: 'Messages' }).getByRole('link', { name: grant.customer.name }).click();
      await expect(profile.heading).toHaveText(grant.customer.name);
      await expect(profile.historyEntries.filter({ hasText: 'Campaign message' }).first()).toContainText('Sent');
      await profile.erase();
      await desk?.expectSynced();
      const res = await fetch(`${(server as SyncServer).url}/api/sync/communications/pull?limit=2000`, { headers: { authorization: `Bearer ${await (desk as SyncDesk).deviceToken()}`, 'x-branchdesk-schema': String(SCHEMA_VERSION) } });
      const messages = ((await res.json()) as { documents: CommunicationDoc[] }).documents.filter((m) => m.customer_id === grant.customer.id && m.campaign_id !== '');
      expect(messages.map((m) => [m.status, m.message])).toEqual([['sent', '']]);
    });

    await test.step('31 days after the send the result is shown, each customer counted in the group they were in', async () => {
      // the server stamped the send with its own clock: the desk's clock moves 31 days past it
      await page.clock.setFixedTime(Date.now() + 31 * 86_400_000);
      await (desk as SyncDesk).reload();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
      await page.getByRole('table').getByRole('link', { name: 'At-risk regulars' }).click();
      const result = page.getByRole('table', { name: 'Result by group' });
      await expect(result.getByRole('row', { name: /^Variant A/ }).getByRole('cell').first()).toHaveText(String(recipients.length));
      await expect(campaign.result).toContainText('No holdout: without customers who received nothing, the effect of the campaign cannot be measured');
      await expect(page.getByRole('table', { name: 'Groups' })).toHaveCount(0);
    });

    expect(await desk.unexpectedProblems()).toEqual([]);
  } finally {
    await desk?.close().catch(() => undefined);
    await server?.stop();
    await storage.dispose();
    await mail.close();
  }
});
