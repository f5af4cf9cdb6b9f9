import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { CommunicationDoc, CustomerDoc } from '../shared/domain/schemas';
import type { CustomerExport } from '../shared/privacy/export';
import { ProfilePage } from './pages/profile-page';
import { expectNoProblems, pullDocuments, withSampleServer } from './support/sample-server';
import { shot } from './support/shot';

/**
 * Privacy across desks: a customer known at two branches (Manila and New York, each desk in its
 * own browser context with its own replica) asks for their data, then to be forgotten. The
 * erasure made at one desk reaches the server and the other desk; totals stay, anonymously.
 */
const SHARED = { id: 'cu-000045', email: 'cu-000045@example.com', name: 'Siobhán Tane' };

test('export a customer\u2019s data, then erase them at one desk: the server and a second desk get the anonymous customer, search forgets them, totals stay', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  await withSampleServer(browser, 'pglite', async ({ storage, server, desks, open }) => {
    const [codeA, codeB] = await Promise.all([storage.enrol('br-manila', 'manager'), storage.enrol('br-nyc', 'front_desk')]);
    const a = await open('A', { baseURL: baseURL as string });
    const b = await open('B', { baseURL: baseURL as string, timezoneId: 'America/New_York' });
    await a.pairFromWelcome(server.url, codeA);
    await b.pairFromWelcome(server.url, codeB);
    await a.expectSynced();
    await b.expectSynced();

    const profileA = new ProfilePage(a.page);
    const profileB = new ProfilePage(b.page);
    await a.openCustomer(SHARED.email, SHARED.name);
    await b.openCustomer(SHARED.email, SHARED.name);
    const totalsB = (await b.page.getByRole('region', { name: 'Profile' }).getByRole('definition').last().textContent()) ?? '';

    await test.step('export: everything the desk holds about the customer, as JSON', async () => {
      await profileA.logContact({ channel: 'Phone call', purpose: 'privacy request', message: `${SHARED.name} asked for a copy of her data and then to be forgotten.` });
      const download = a.page.waitForEvent('download');
      await profileA.privacy.getByRole('button', { name: 'Export customer data' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`customer-data-${SHARED.id}-2026-03-02.json`);
      const bundle = JSON.parse(readFileSync(await file.path(), 'utf8')) as CustomerExport;
      expect(bundle.format).toBe('branchdesk-customer-export');
      expect(bundle.customer).toMatchObject({ id: SHARED.id, name: SHARED.name, email: SHARED.email });
      expect(bundle.bookings.length).toBeGreaterThan(0);
      expect(bundle.bookings.every((x) => x.customer_id === SHARED.id && x.branch_id === 'br-manila')).toBe(true);
      expect(bundle.communications.map((c) => c.purpose)).toEqual(['privacy request']);
      expect(bundle.activity.map((p) => p.branch_id)).toContain('br-manila');
      expect(JSON.stringify(bundle)).not.toContain('_rev');
    });

    await test.step('erase at desk A, with a typed confirmation', async () => {
      await profileA.privacy.getByRole('button', { name: 'Erase customer…' }).click();
      const dialog = a.page.getByRole('dialog', { name: `Erase ${SHARED.name}?` });
      await expect(dialog.getByRole('button', { name: 'Erase customer' })).toBeDisabled();
      await dialog.getByLabel('Type ERASE to confirm').fill('erase');
      await a.page.screenshot({ path: shot('39-erase-confirm') });
      await dialog.getByRole('button', { name: 'Erase customer' }).click();
      await expect(profileA.heading).toHaveText('Erased customer');
      await expect(a.page.getByRole('region', { name: 'Profile' })).not.toContainText(SHARED.email);
      await expect(profileA.historyEntries.filter({ hasText: 'privacy request' })).not.toContainText('asked for a copy');
      await a.expectSynced();
    });

    await test.step('the server holds only the anonymous customer and the blanked message', async () => {
      const token = await a.deviceToken();
      const customer = (await pullDocuments<CustomerDoc>(server, token, 'customers')).find((c) => c.id === SHARED.id);
      expect(customer).toMatchObject({ name: '', email: '', phone: '', opted_in_marketing: false, tags: [] });
      expect(customer?.erased_at).not.toBe('');
      const messages = (await pullDocuments<CommunicationDoc>(server, token, 'communications')).filter((c) => c.customer_id === SHARED.id);
      expect(messages.map((m) => m.message)).toEqual(['']);
    });

    await test.step('the second desk gets the erasure live: anonymous page, gone from search, the same totals', async () => {
      await expect(profileB.heading).toHaveText('Erased customer', { timeout: 30_000 });
      await expect(b.page.getByRole('region', { name: 'Profile' }).getByRole('definition').last()).toHaveText(totalsB);
      await b.page.screenshot({ path: shot('40-erased-on-second-desk') });
      for (const desk of [a, b]) {
        await desk.page.keyboard.press('Control+k');
        const palette = desk.page.getByRole('dialog', { name: 'Search customers' });
        await palette.getByRole('combobox', { name: 'Search customers' }).fill(SHARED.email);
        await expect(palette.getByRole('option')).toHaveCount(0);
        await desk.page.keyboard.press('Escape');
      }
      // after a reload, from the replica: still erased
      await b.reload();
      await b.page.goto(`/#/customers/${SHARED.id}`);
      await expect(profileB.heading).toHaveText('Erased customer');
    });

    await expectNoProblems(desks);
  });
});
