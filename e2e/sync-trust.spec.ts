import { expect, test, type Locator } from '@playwright/test';
import { SCHEMA_VERSION, type CustomerDoc } from '../shared/domain/schemas';
import { ProfilePage } from './pages/profile-page';
import { SyncDesk } from './pages/sync-desk';
import { createStorage, SERVER_TARGETS, startSyncServer, type Storage, type SyncServer } from './support/server';
import { shot } from './support/shot';

/**
 * Issue 8: consent cannot be lost by a stale form, and a document the server refuses never
 * blocks the rest of its collection. Two desks of one branch, each in its own browser context
 * with its own replica, syncing through a real server process seeded with the sample data.
 */
const CUSTOMER = { search: 'cu-000045@example.com', id: 'cu-000045', name: 'Siobhán Tane' };

async function pullCustomer(server: SyncServer, token: string, id: string): Promise<CustomerDoc | undefined> {
  const res = await fetch(`${server.url}/api/sync/customers/pull?limit=2000`, { headers: { authorization: `Bearer ${token}`, 'x-branchdesk-schema': String(SCHEMA_VERSION) } });
  const body = (await res.json()) as { documents: (CustomerDoc & { _deleted: boolean })[] };
  return body.documents.find((d) => d.id === id);
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
    const storage: Storage = await createStorage(target);
    let server: SyncServer | null = null;
    const desks: SyncDesk[] = [];
    try {
      await storage.cli(['import', '--data', 'fixtures/sample']);
      server = await startSyncServer(storage);
      const [codeA, codeB] = await Promise.all([storage.enroll('br-manila', 'front_desk'), storage.enroll('br-manila', 'front_desk')]);
      const a = await SyncDesk.open(browser, 'A', { baseURL: baseURL as string });
      const b = await SyncDesk.open(browser, 'B', { baseURL: baseURL as string });
      desks.push(a, b);
      await a.pairFromWelcome(server.url, codeA);
      await b.pairFromWelcome(server.url, codeB);
      await a.expectSynced();
      await b.expectSynced();
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

      const problems = (await Promise.all(desks.map((d) => d.unexpectedProblems()))).flat();
      expect(problems, 'console errors, page errors and CSP violations').toEqual([]);
    } finally {
      for (const d of desks) await d.close().catch(() => undefined);
      await server?.stop();
      await storage.dispose();
    }
  });
}
