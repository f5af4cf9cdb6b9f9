import { expect, test, type Locator } from '@playwright/test';
import { SCHEMA_VERSION, type CustomerDoc } from '../shared/domain/schemas';
import { ProfilePage } from './pages/profile-page';
import type { SyncDesk } from './pages/sync-desk';
import { TodayPage } from './pages/today-page';
import { expectNoProblems, pairAll, pullDocuments, withSampleServer } from './support/sample-server';
import { SERVER_TARGETS, type SyncServer } from './support/server';
import { shot } from './support/shot';

/**
 * Issue 8: consent cannot be lost by a stale form, and a document the server refuses never
 * blocks the rest of its collection. Two desks of one branch, each in its own browser context
 * with its own replica, syncing through a real server process seeded with the sample data.
 */
const CUSTOMER = { search: 'cu-000045@example.com', id: 'cu-000045', name: 'Siobhán Tane' };

async function pullCustomer(server: SyncServer, token: string, id: string): Promise<CustomerDoc | undefined> {
  return (await pullDocuments<CustomerDoc>(server, token, 'customers')).find((d) => d.id === id);
}

async function tagsOf(desk: SyncDesk): Promise<string[]> {
  return (await new ProfilePage(desk.page).tags.allTextContents()).map((t) => t.trim()).sort();
}

function consentLine(desk: SyncDesk): Locator {
  return desk.page.getByRole('region', { name: 'Profile' }).getByText(/marketing consent|Agrees to offers/);
}

for (const target of SERVER_TARGETS) {
  test(`a stale edit form loses no opt-out, tag or consent record (${target})`, async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    await withSampleServer(browser, target, async ({ storage, server, desks, open }) => {
      const [codeA, codeB] = await Promise.all([storage.enrol('br-manila', 'front_desk'), storage.enrol('br-manila', 'front_desk')]);
      const a = await open('A', { baseURL: baseURL as string });
      const b = await open('B', { baseURL: baseURL as string });
      await pairAll(server, [
        [a, codeA],
        [b, codeB],
      ]);
      const before = await pullCustomer(server, await a.deviceToken(), CUSTOMER.id);
      expect(before).toMatchObject({ opted_in_marketing: true, tags: [] });

      await a.openCustomer(CUSTOMER.search, CUSTOMER.name);
      await b.openCustomer(CUSTOMER.search, CUSTOMER.name);
      await expect(consentLine(a)).toHaveText('Agrees to offers');

      // A opens the edit form and starts typing
      const form = await a.editCustomer(CUSTOMER.name);
      await expect(form.getByTestId('form-consent')).toContainText('Agrees to offers');
      await expect(form.getByRole('checkbox', { name: /Agrees to receive offers/ })).toHaveCount(0);
      await form.getByLabel(/^Notes/).fill('Prefers mornings');
      await form.getByLabel(/^Tags/).fill('beard');

      // meanwhile B opts the customer out of marketing and adds a tag
      await new ProfilePage(b.page).addTag('vip');
      await b.withdrawConsent();
      await b.expectSynced();
      const optedOut = await pullCustomer(server, await b.deviceToken(), CUSTOMER.id);
      expect(optedOut).toMatchObject({ opted_in_marketing: false, tags: ['vip'] });

      // B's change reaches A while the form is open (the form says so), then A saves its change
      await expect(form.getByTestId('form-consent')).toContainText('No marketing consent', { timeout: 20_000 });
      await a.page.screenshot({ path: shot('40-stale-form') });
      await form.getByRole('button', { name: 'Save changes' }).click();
      await expect(form).toBeHidden();
      await expect(a.page.getByRole('status').filter({ hasText: /Saved Siobhán Tane\. Changed on another desk meanwhile: the tags/ })).toBeVisible();
      await a.expectSynced();

      // both desks and the server: the opt-out, both tags, A's note, and no new consent record
      for (const desk of [a, b]) {
        await expect.poll(() => tagsOf(desk), { timeout: 20_000 }).toEqual(['beard', 'vip']);
        await expect(consentLine(desk)).toHaveText(/^No marketing consent/);
        await expect(new ProfilePage(desk.page).careFact('Notes')).toHaveText('Prefers mornings', { timeout: 20_000 });
      }
      const after = await pullCustomer(server, await a.deviceToken(), CUSTOMER.id);
      expect(after?.opted_in_marketing).toBe(false);
      expect(after?.consent).toEqual(optedOut?.consent);
      expect([...(after?.tags ?? [])].sort()).toEqual(['beard', 'vip']);
      expect(after?.home_branch_id).toBe(before?.home_branch_id);

      await expectNoProblems(desks);
    });
  });
}

async function bookingsOf(server: SyncServer, token: string, customerId: string): Promise<{ id: string; start_at: string; service: string }[]> {
  const documents = await pullDocuments<{ id: string; customer_id: string; start_at: string; service: string; _deleted: boolean }>(server, token, 'bookings');
  return documents.filter((d) => d.customer_id === customerId && !d._deleted);
}

/** A manager device of the branch, enrolled over the API (no browser): erases a customer as a manager's desk would. */
async function managerToken(server: SyncServer, code: string): Promise<string> {
  const res = await fetch(`${server.url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

const OTHER = { search: 'cu-000044@example.com', id: 'cu-000044', name: 'Aroha Santos' };

for (const target of SERVER_TARGETS) {
  test(`a date out of range is refused at the desk; a document the server refuses is parked with its reason, the rest syncs, and it can be discarded (${target})`, async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    await withSampleServer(browser, target, async ({ storage, server, desks, open }) => {
      const [codeA, codeB, codeM] = await Promise.all([storage.enrol('br-manila', 'front_desk'), storage.enrol('br-manila', 'front_desk'), storage.enrol('br-manila', 'manager')]);
      // the browser logs the refused push (403) once
      const a = await open('A', { baseURL: baseURL as string, allowedErrors: [/status of 403/, /ERR_INTERNET_DISCONNECTED/] });
      const b = await open('B', { baseURL: baseURL as string });
      await pairAll(server, [
        [a, codeA],
        [b, codeB],
      ]);
      const manager = await managerToken(server, codeM);
      const before = (await bookingsOf(server, await a.deviceToken(), OTHER.id)).length;
      const today = new TodayPage(a.page);

      // a booking more than 5 years ahead is refused when it is written, at the Date field: nothing to send
      await a.go('Today');
      await a.page.getByLabel('Go to date').fill('2032-05-10');
      await expect(a.page.getByRole('heading', { level: 1, name: /10 May 2032/ })).toBeVisible();
      await a.page.getByRole('button', { name: 'New booking' }).first().click();
      const dialog = a.page.getByRole('dialog', { name: 'New booking' });
      await dialog.getByRole('combobox', { name: 'Customer' }).fill(CUSTOMER.search);
      await dialog.getByRole('option').first().click();
      await today.fillBooking(dialog, { service: 'Beard trim', time: '10:00', price: '25' });
      await dialog.getByRole('button', { name: 'Save booking' }).click();
      await expect(dialog.getByLabel('Date')).toHaveAccessibleDescription(/Must be within 5 years of today/);
      await a.page.setViewportSize({ width: 1024, height: 768 });
      await a.page.screenshot({ path: shot('43-date-out-of-range-1024') });
      await a.page.setViewportSize({ width: 1440, height: 900 });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      await expect(today.booking('Siobhán Tane')).toHaveCount(0);
      await expect(a.pending).toHaveCount(0);

      // offline, A books a visit for a customer a manager erases meanwhile (the server refuses it) and one it takes: one push batch
      await a.setOffline(true);
      await expect(a.statusLabel).toHaveText('Offline');
      await a.page.getByLabel('Go to date').fill('2026-03-03');
      await expect(a.page.getByRole('heading', { level: 1, name: /3 March 2026/ })).toBeVisible();
      await today.newBooking({ search: CUSTOMER.search }, { service: 'Beard trim', time: '10:00', price: '25' });
      await today.newBooking({ search: OTHER.search }, { service: 'Haircut', time: '11:00', price: '30' });
      await expect(a.pending).toHaveText('2 changes to send');
      const erased = await fetch(`${server.url}/api/privacy/customers/${CUSTOMER.id}/erase`, { method: 'POST', headers: { authorization: `Bearer ${manager}`, 'x-branchdesk-schema': String(SCHEMA_VERSION), 'content-type': 'application/json' }, body: '{}' });
      expect(erased.status).toBe(200);
      await a.setOffline(false);

      // the good booking reaches the server and the other desk; the refused one is parked with the reason
      const reason = /The server refused (Siobhán Tane|an erased customer)’s booking on 3 Mar 2026, 10:00: customer "cu-000045" was erased/;
      await expect(a.statusLabel).toHaveText('1 not synced', { timeout: 30_000 });
      await expect(a.status).toContainText(reason);
      await expect(a.pending).toHaveText('1 change to send');
      await expect.poll(async () => (await bookingsOf(server, await a.deviceToken(), OTHER.id)).length, { timeout: 20_000 }).toBe(before + 1);
      expect((await bookingsOf(server, await a.deviceToken(), CUSTOMER.id)).some((d) => d.start_at.startsWith('2026-03-03T10:00'))).toBe(false);
      expect((await bookingsOf(server, await a.deviceToken(), OTHER.id)).some((d) => d.start_at.startsWith('2026-03-03T11:00'))).toBe(true);
      await b.go('Today');
      await b.page.getByLabel('Go to date').fill('2026-03-03');
      await expect(new TodayPage(b.page).booking(OTHER.name)).toBeVisible({ timeout: 20_000 });

      // later changes of the same collection still sync while it is parked
      await b.page.getByLabel('Go to date').fill('2026-03-04');
      await new TodayPage(b.page).newBooking({ search: OTHER.search }, { service: 'Haircut', time: '09:00', price: '30' });
      await b.expectSynced();
      await a.page.getByLabel('Go to date').fill('2026-03-04');
      await expect(today.booking(OTHER.name)).toBeVisible({ timeout: 20_000 });

      // the "Not synced" list, reached from the sync indicator, shows it and discards it
      await a.status.click();
      await expect(a.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      const list = a.page.getByRole('list', { name: 'Not synced' });
      await expect(list.getByRole('listitem')).toHaveCount(1);
      await expect(list.getByRole('listitem')).toContainText(/’s booking on 3 Mar 2026, 10:00: customer "cu-000045" was erased/);
      await expect(list.getByRole('link', { name: 'Open' })).toHaveAttribute('href', `#/customers/${CUSTOMER.id}`);
      await a.page.getByRole('region', { name: 'Not synced' }).scrollIntoViewIfNeeded();
      await a.page.screenshot({ path: shot('41-not-synced') });
      await a.page.setViewportSize({ width: 1024, height: 768 });
      await a.page.screenshot({ path: shot('41-not-synced-1024') });
      await a.page.setViewportSize({ width: 1440, height: 900 });
      await list.getByRole('button', { name: 'Discard…' }).click();
      const confirm = a.page.getByRole('dialog', { name: 'Discard this change?' });
      await expect(confirm).toContainText('This record exists only on this desk; it is removed.');
      await confirm.getByRole('button', { name: 'Remove it' }).click();
      await expect(a.page.getByRole('region', { name: 'Not synced' })).toHaveCount(0);
      await a.expectSynced();
      await a.go('Today');
      await a.page.getByLabel('Go to date').fill('2026-03-03');
      await expect(a.page.getByRole('heading', { level: 1, name: /3 March 2026/ })).toBeVisible();
      await expect(today.booking(OTHER.name)).toBeVisible();
      await expect(today.booking('Erased customer')).toHaveCount(0);
      // and after a reload nothing comes back
      await a.reload();
      await a.expectSynced();
      expect((await bookingsOf(server, await a.deviceToken(), CUSTOMER.id)).some((d) => d.start_at.startsWith('2026-03-03T10:00'))).toBe(false);

      await expectNoProblems(desks);
    });
  });
}
