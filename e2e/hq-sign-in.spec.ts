import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { FIXED_NOW } from './fixtures';
import { HqDashboard } from './pages/hq-dashboard';
import { expectNoProblems, withSampleServer } from './support/sample-server';
import { SERVER_TARGETS } from './support/server';
import { shot } from './support/shot';

const target = SERVER_TARGETS[0] ?? 'pglite';

/** A whole browser on a profile folder: closing it and launching again on the folder is a browser restart. */
async function launchBrowser(profile: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, locale: 'en-GB', timezoneId: 'Asia/Manila', viewport: { width: 1440, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.clock.setFixedTime(FIXED_NOW);
  return { context, page, problems };
}

test(`HQ in a browser: the server's page signs in to HQ first and stays signed in across a browser restart; a desk paired again with its own branch keeps its data (${target})`, async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  await withSampleServer(browser, target, async ({ storage, server, desks, open }) => {
    const profile = mkdtempSync(join(tmpdir(), 'branchdesk-hq-profile-'));
    try {
      await test.step("the server's own page: HQ sign-in comes first, the address prefilled", async () => {
        const { context, page, problems } = await launchBrowser(profile);
        await page.goto(server.url);
        await expect(page.getByRole('heading', { level: 1, name: 'Branchdesk HQ' })).toBeVisible();
        await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Sign in to HQ');
        const form = page.getByRole('form', { name: 'Pair with a server' });
        await expect(form.getByLabel('Server address')).toHaveValue(server.url);
        await page.screenshot({ path: shot('52-hq-sign-in') });
        await form.getByLabel('Enrolment code').fill(await storage.enrol('', 'hq'));
        await form.getByRole('button', { name: 'Connect' }).click();
        const hq = new HqDashboard(page);
        await expect(hq.heading).toBeVisible();
        await expect(hq.label).toContainText(/Figures for /);
        // nothing readable in the session's storage: the token is sealed in IndexedDB
        expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('branchdesk.secret.')))).toEqual([]);
        expect(problems).toEqual([]);
        await context.close();
      });

      await test.step('the browser closed and opened again: still signed in, the figures load from the server', async () => {
        const { context, page, problems } = await launchBrowser(profile);
        await page.goto(server.url);
        const hq = new HqDashboard(page);
        await expect(hq.heading).toBeVisible();
        await expect(hq.label).toContainText(/Figures for /);
        await expect(page.getByRole('form', { name: 'Pair with a server' })).toHaveCount(0);
        expect(problems).toEqual([]);
        await context.close();
      });

      await test.step('revoked on the server: the open page says so at once, the sealed token is forgotten, and a restart stays signed out', async () => {
        const { context, page, problems } = await launchBrowser(profile);
        await page.goto(server.url);
        const hq = new HqDashboard(page);
        await expect(hq.label).toContainText(/Figures for /);
        const devices = (await storage.cli(['devices'])).trim().split('\n').slice(1);
        const hqDevices = devices.filter((line) => line.split(',')[1] === 'hq');
        expect(hqDevices).toHaveLength(1);
        const deviceId = (hqDevices[0] ?? '').split(',')[0] ?? '';
        await storage.cli(['revoke', '--device', deviceId]);
        // the next refresh (going back online, the live stream's reconnection or a reload) meets the refusal
        await page.reload();
        const again = page.getByRole('region', { name: 'Sign in again' });
        await expect(again).toBeVisible({ timeout: 30_000 });
        await expect(again).toContainText('revoked');
        await expect(page.getByTestId('sync-label')).toHaveText('Signed out');
        // the last report stays readable below
        await expect(hq.label).toContainText(/Figures for /);
        await page.screenshot({ path: shot('53-hq-sign-in-revoked') });
        await context.close();
        const restarted = await launchBrowser(profile);
        await restarted.page.goto(server.url);
        const stillRevoked = restarted.page.getByRole('region', { name: 'Sign in again' });
        await expect(stillRevoked).toContainText('revoked');
        await stillRevoked.getByLabel('Enrolment code').fill(await storage.enrol('', 'hq'));
        await stillRevoked.getByRole('button', { name: 'Sign in' }).click();
        await expect(restarted.page.getByRole('region', { name: 'Sign in again' })).toHaveCount(0);
        await expect(restarted.page.getByTestId('sync-label')).toHaveText('Live', { timeout: 30_000 });
        await expect(new HqDashboard(restarted.page).label).not.toContainText(/showing the report from/);
        expect([...problems, ...restarted.problems].filter((p) => !/401|Unauthorized/.test(p))).toEqual([]);
        await restarted.context.close();
      });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }

    await test.step('a desk of the dev server shows the front desk welcome, not HQ sign-in', async () => {
      const desk = await open('Desk', { baseURL: baseURL as string });
      await expect(desk.page.getByRole('heading', { level: 1, name: 'Welcome to your front desk' })).toBeVisible();
      await desk.pairFromWelcome(server.url, await storage.enrol('br-manila', 'manager'));
      await desk.expectSynced(60_000);
    });

    await test.step('unpaired and paired again with a new code for the same branch: no erase prompt, the data stays and syncs', async () => {
      const desk = desks[0];
      if (desk === undefined) throw new Error('no desk');
      const page = desk.page;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
      const count = page.getByTestId('customer-count');
      await expect(count).toHaveText(/ customers$/);
      const before = await count.textContent();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Unpair…' }).click();
      await page.getByRole('dialog', { name: 'Unpair this desk?' }).getByRole('button', { name: 'Unpair' }).click();
      await expect(desk.pairingForm).toBeVisible();
      await desk.fillPairing(server.url, await storage.enrol('br-manila', 'manager'));
      await desk.pairingForm.getByRole('button', { name: 'Pair this desk' }).click();
      await desk.expectSynced(60_000);
      await expect(page.getByRole('dialog', { name: 'Replace this desk’s data?' })).toHaveCount(0);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
      await expect(count).toHaveText(before ?? '');
    });

    await expectNoProblems(desks);
  });
});
