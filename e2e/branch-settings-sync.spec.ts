import { expect, test } from '@playwright/test';
import type { BranchDoc } from '../shared/domain/schemas';
import { deskMetrics, HqDashboard } from './pages/hq-dashboard';
import { SettingsPage } from './pages/settings-page';
import { SyncDesk } from './pages/sync-desk';
import { expectAccessible } from './support/axe';
import { expectNoProblems, pullDocuments, withSampleServer } from './support/sample-server';
import { dismissToasts } from './support/screens';
import { shot } from './support/shot';

const TODAY = '2026-03-02';

/**
 * A paired desk is configurable (issue 11, item 9): the branch's manager changes its name,
 * thresholds, time zone (asked first: every booking's displayed time moves) and country on their
 * paired desk (the country local phone numbers are read in, on every desk that chose none itself); the server checks and stores it; the branch's front desk shows the new settings
 * read-only ("only a manager's desk can change this"), and HQ's table names the branch anew and
 * counts its customers with the new thresholds — the same figures as the branch's own desk.
 */
test("a manager's desk changes the branch's thresholds and time zone; the branch's other desk and HQ follow", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  await withSampleServer(browser, 'pglite', async ({ storage, server, desks, open }) => {
    const [codeManager, codeFront, codeHq] = await Promise.all([storage.enrol('br-manila', 'manager'), storage.enrol('br-manila', 'front_desk'), storage.enrol('', 'hq')]);
    const manager = await open('Manager', { baseURL: baseURL as string });
    const front = await open('Front', { baseURL: baseURL as string });
    for (const [desk, code] of [[manager, codeManager], [front, codeFront]] as const) {
      await desk.pairFromWelcome(server.url, code);
      await expect(desk.page.getByTestId('branch-name')).toHaveText('Manila Makati');
      await desk.expectSynced(60_000);
    }
    const hqDesk = await SyncDesk.open(browser, 'HQ', { baseURL: server.url });
    desks.push(hqDesk);
    const hq = new HqDashboard(hqDesk.page);
    await hqDesk.pairingForm.getByLabel('Enrolment code').fill(codeHq);
    await hqDesk.pairingForm.getByRole('button', { name: 'Connect' }).click();
    await expect(hq.heading).toBeVisible();
    await hq.setDate(TODAY);
    const before = await hq.metricsOf('br-manila');
    expect(before).toEqual(await deskMetrics(front));

    // The front desk sees the branch's settings, read-only, and says who changes them
    await front.go('Settings');
    const frontSettings = new SettingsPage(front.page);
    const facts = front.page.getByRole('definition').filter({ hasText: /./ });
    await expect(front.page.getByRole('note').filter({ hasText: "Only a manager's desk can change this branch's name, time zone, thresholds and country." })).toBeVisible();
    await expect(frontSettings.branchForm).toHaveCount(0);
    await expect(facts.filter({ hasText: 'Asia/Manila' })).toBeVisible();
    // branches.csv names no country: local phone numbers are read in the one the zone implies
    const phoneCountry = front.page.getByRole('form', { name: 'Phone numbers on this desk' }).getByLabel('Country for phone numbers');
    await expect(phoneCountry).toHaveValue('PH');

    // The manager changes the name, the thresholds (barbershop → salon), the zone and the country
    await manager.go('Settings');
    const settings = new SettingsPage(manager.page);
    await settings.branchForm.getByLabel('Branch name').fill('Makati Central');
    await settings.choosePreset('Salon');
    await settings.branchForm.getByLabel('Time zone').selectOption('Asia/Tokyo');
    await settings.branchForm.getByLabel('Country for phone numbers').selectOption('JP');
    await settings.branchForm.getByRole('button', { name: 'Save branch settings' }).click();
    // a zone change is said first (Tokyo is an hour ahead of Manila) and saved on a second, explicit press
    await expect(settings.branchForm.getByRole('alert')).toHaveText(/moves every booking's displayed time later by 1 h: a booking at 10:00 Asia\/Manila time shows at 11:00 Asia\/Tokyo time/);
    await expectAccessible(manager.page, 'paired manager: branch settings with the time-zone question');
    await settings.branchForm.getByRole('button', { name: 'Change time zone and save' }).click();
    await expect(manager.page.getByRole('status').filter({ hasText: 'Branch settings saved' })).toBeVisible();
    await expect(manager.page.getByTestId('branch-name')).toHaveText('Makati Central');
    await manager.expectSynced(60_000);
    await dismissToasts(manager.page);
    await manager.page.setViewportSize({ width: 1024, height: 768 });
    await settings.branchForm.scrollIntoViewIfNeeded();
    await manager.page.screenshot({ path: shot('58-branch-settings-paired-manager') });

    // The server holds it
    const stored = await pullDocuments<BranchDoc>(server, await front.deviceToken(), 'branches');
    expect(stored.find((b) => b.id === 'br-manila')).toMatchObject({ name: 'Makati Central', timezone: 'Asia/Tokyo', active_days: 30, at_risk_days: 90, country: 'JP' });

    // The branch's front desk follows, still read-only
    await expect(front.page.getByTestId('branch-name')).toHaveText('Makati Central', { timeout: 30_000 });
    await expect(facts.filter({ hasText: 'Asia/Tokyo' })).toBeVisible();
    await expect(facts.filter({ hasText: 'Salon: active up to 30 days, at risk up to 90' })).toBeVisible();
    await expect(facts.filter({ hasText: 'Japan' })).toBeVisible();
    // the front desk chose no phone country of its own: it follows the branch's
    await expect(phoneCountry).toHaveValue('JP');
    await expect(frontSettings.branchForm).toHaveCount(0);
    await expectAccessible(front.page, 'paired front desk: branch settings read-only');
    await front.expectSynced(60_000);

    // HQ names the branch anew and counts with the new thresholds: the branch desk's own figures
    await expect(hq.row('br-manila').getByRole('rowheader')).toHaveText('Makati Central', { timeout: 30_000 });
    await expect.poll(async () => (await hq.metricsOf('br-manila')).churned, { timeout: 30_000 }).not.toBe(before.churned);
    const after = await hq.metricsOf('br-manila');
    expect(after.customers).toBe(before.customers);
    expect(after.churned).toBeLessThan(before.churned);
    expect(after).toEqual(await deskMetrics(front));
    expect(after).toEqual(await deskMetrics(manager));
    await expectNoProblems(desks);
  });
});
