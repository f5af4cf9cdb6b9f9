import { expect, test, type Locator } from '@playwright/test';
import type { MetricsReport } from '../shared/engine/metrics';
import { SCHEMA_VERSION } from '../shared/domain/schemas';
import { deskMetrics, HqDashboard } from './pages/hq-dashboard';
import type { SyncDesk } from './pages/sync-desk';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';
import { expectNoProblems, withSampleServer } from './support/sample-server';
import { closedPort, SERVER_TARGETS, type SyncServer } from './support/server';
import { shot } from './support/shot';

/**
 * Two branch desks (Manila, New York) and HQ, each in its own browser context with its own
 * replica, syncing through a real server process (PGlite; also PostgreSQL when DATABASE_URL is
 * set) seeded with the sample data through the CLI. The renderer is the production web build
 * (CSP on), served from another origin than the server.
 */
const SHARED = { search: 'cu-000045@example.com', id: 'cu-000045', name: 'Siobhán Tane' };
/** A Manila customer a manager erases while desk A is offline with a booking for them. */
const ERASED = { search: 'cu-000044@example.com', id: 'cu-000044', name: 'Aroha Santos' };
const TODAY = '2026-03-02';

async function apiGet(server: SyncServer, token: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, 'x-branchdesk-schema': String(SCHEMA_VERSION) } });
  return { status: res.status, body: await res.json() };
}

async function saveCustomer(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
}

async function tagsOf(desk: SyncDesk): Promise<string[]> {
  return (await desk.page.getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents()).map((t) => t.trim()).sort();
}

for (const target of SERVER_TARGETS) {
  test(`two branches and HQ sync through a real server (${target})`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    const screenshots = target === 'pglite';
    await withSampleServer(browser, target, async ({ storage, server, desks, open, stopServer }) => {
      const [codeA, codeB, codeHq, codeHq2, codeManager] = await Promise.all([
        storage.enrol('br-manila', 'front_desk'),
        storage.enrol('br-nyc', 'front_desk'),
        storage.enrol('', 'hq'),
        storage.enrol('', 'hq'),
        storage.enrol('br-manila', 'manager'),
      ]);
      const url = server.url;
      const base = baseURL as string;
      const a = await open('A', { baseURL: base, allowedErrors: [/status of 403/, /ERR_INTERNET_DISCONNECTED/, /ERR_CONNECTION_REFUSED/] });
      const b = await open('B', { baseURL: base, timezoneId: 'America/New_York', allowedErrors: [/status of 401/, /ERR_CONNECTION_REFUSED/, /ERR_INTERNET_DISCONNECTED/] });
      // HQ uses the dashboard the server itself serves at `/` (same origin: the address is prefilled)
      const hqDesk = await open('HQ', { baseURL: url, allowedErrors: [/ERR_CONNECTION_REFUSED/] });
      const hq = new HqDashboard(hqDesk.page);

      await test.step('pairing: clear errors for an unreachable server, an unknown and a used code', async () => {
        await a.fillPairing(url, codeA);
        if (screenshots) {
          await a.page.getByRole('heading', { name: 'Connect to your server' }).scrollIntoViewIfNeeded();
          await a.page.screenshot({ path: shot('20-pairing') });
        }
        await a.pairingForm.getByRole('button', { name: 'Connect' }).click();
        await expect(a.page.getByTestId('branch-name')).toHaveText('Manila Makati');
        await a.expectSynced();

        // B first worked on its own: a local branch with a customer and a booking; it pairs from Settings
        await new WelcomePage(b.page).setUpBranch({ name: 'Pop-up Desk', timezone: 'America/New_York' });
        await new TodayPage(b.page).newBooking({ register: { name: 'Local Only Person', phone: '+1 212 555 0199' } }, { service: 'Haircut', time: '09:00', price: '20' });
        await b.go('Settings');
        const nowhere = await closedPort();
        await b.pairFromWelcome(`http://127.0.0.1:${nowhere}`, codeB);
        await expect(b.pairingForm.getByLabel('Server address')).toHaveAccessibleDescription(new RegExp(`Can't reach 127\\.0\\.0\\.1:${nowhere}`));
        await b.pairFromWelcome(url, 'ABCD-EFGH-JKMN-PQRS');
        // the desk's own data would be replaced: it asks first, before a code is spent
        const replace = b.page.getByRole('dialog', { name: 'Replace this desk’s data?' });
        await expect(replace).toContainText('This desk holds 1 customer, 1 booking that are not on the server (Pop-up Desk).');
        await replace.getByRole('button', { name: 'Erase local data and pair' }).click();
        await expect(b.pairingForm.getByLabel('Enrolment code')).toHaveAccessibleDescription(/does not know this code/);
        await expect(b.page.getByTestId('branch-name')).toHaveText('Pop-up Desk'); // nothing erased for a bad code
        await b.pairFromWelcome(url, codeA);
        await expect(b.pairingForm.getByLabel('Enrolment code')).toHaveAccessibleDescription(/already used/);
        await b.pairFromWelcome(url, 'ABCD');
        await expect(b.pairingForm.getByLabel('Enrolment code')).toHaveAccessibleDescription(/16 letters and digits \(you entered 4\)/);
        await b.pairFromWelcome(url, codeB);
        await expect(b.page.getByTestId('branch-name')).toHaveText('New York SoHo');
        await b.expectSynced();
        await b.page.keyboard.press('Control+k');
        await b.page.getByRole('combobox', { name: 'Search customers' }).fill('Local Only');
        await expect(b.page.getByRole('dialog', { name: 'Search customers' }).getByRole('option')).toHaveCount(0);
        await b.page.keyboard.press('Escape');

        await expect(hqDesk.pairingForm.getByLabel('Server address')).toHaveValue(url);
        await hqDesk.pairingForm.getByLabel('Enrolment code').fill(codeHq);
        await hqDesk.pairingForm.getByRole('button', { name: 'Connect' }).click();
        await expect(hq.heading).toBeVisible();
        await expect(hq.label).toContainText(/Figures for today/);
        // a paired front desk shows its branch as the server holds it (only its managers change it): no form
        await a.go('Settings');
        await expect(a.page.getByRole('form', { name: 'Branch settings' })).toHaveCount(0);
        const fromServer = a.page.getByRole('definition').filter({ hasText: /active up to \d+ days, at risk up to \d+/ });
        await expect(fromServer).toBeVisible();
        await expect(a.page.getByRole('form', { name: 'Phone numbers on this desk' }).getByLabel('Country for phone numbers')).toBeVisible();
        if (screenshots) {
          await expect(a.page.getByTestId('sync-summary')).toContainText('Everything on this desk is on the server.');
          await a.page.screenshot({ path: shot('21-sync-settings') });
        }
      });

      await test.step('a change to a shared customer reaches the other branch live', async () => {
        await a.openCustomer(SHARED.search, SHARED.name);
        await b.openCustomer(SHARED.search, SHARED.name);
        const edit = await a.editCustomer(SHARED.name);
        await edit.getByLabel('Full name').fill('Siobhán Tane-Reyes');
        await saveCustomer(edit);
        await expect(b.page.getByRole('heading', { level: 1 })).toHaveText('Siobhán Tane-Reyes', { timeout: 20_000 });
        await a.expectSynced();
      });

      await test.step('both go offline, both edit the same customer, both reconnect: they converge', async () => {
        await a.setOffline(true);
        await b.setOffline(true);
        await expect(a.statusLabel).toHaveText('Offline');
        await expect(b.statusLabel).toHaveText('Offline');

        const onA = await a.editCustomer('Siobhán Tane-Reyes');
        await onA.getByLabel('Full name').fill('Siobhán T. Reyes');
        await onA.getByLabel(/^Tags/).fill('vip');
        await saveCustomer(onA);
        const onB = await b.editCustomer('Siobhán Tane-Reyes');
        await onB.getByLabel(/^Tags/).fill('regular');
        await saveCustomer(onB);
        await b.withdrawConsent();
        await expect(a.pending).toHaveText('1 change to send');
        await expect(b.pending).toHaveText('1 change to send');
        if (screenshots) await a.page.screenshot({ path: shot('22-sync-offline') });

        await a.setOffline(false);
        await b.setOffline(false);
        for (const desk of [a, b]) {
          await expect(desk.page.getByRole('heading', { level: 1 })).toHaveText('Siobhán T. Reyes', { timeout: 30_000 });
          await expect.poll(() => tagsOf(desk), { timeout: 30_000 }).toEqual(['regular', 'vip']);
          await expect(desk.page.getByText('No marketing consent')).toBeVisible();
          await desk.expectSynced();
        }
        // Every replica and the server hold the same document.
        const forms = [];
        for (const desk of [a, b]) {
          const dialog = await desk.editCustomer('Siobhán T. Reyes');
          forms.push({
            name: await dialog.getByLabel('Full name').inputValue(),
            tags: (await dialog.getByLabel(/^Tags/).inputValue()).split(',').map((t) => t.trim()).sort(),
            optedIn: /^Agrees/.test((await dialog.getByTestId('form-consent').textContent()) ?? ''),
          });
          await dialog.getByRole('button', { name: 'Cancel' }).click();
        }
        const hqToken = await hqDesk.deviceToken();
        const pulled = (await apiGet(server, hqToken, '/api/sync/customers/pull?limit=2000')).body as { documents: { id: string; name: string; tags: string[]; opted_in_marketing: boolean }[] };
        const doc = pulled.documents.find((d) => d.id === SHARED.id);
        const onServer = { name: doc?.name, tags: [...(doc?.tags ?? [])].sort(), optedIn: doc?.opted_in_marketing };
        expect(forms[0]).toEqual({ name: 'Siobhán T. Reyes', tags: ['regular', 'vip'], optedIn: false });
        expect(forms[1]).toEqual(forms[0]);
        expect(onServer).toEqual(forms[0]);
      });

      await test.step('a visit completed at A: HQ follows live and equals each branch desk for the same date', async () => {
        await hq.setDate(TODAY);
        const before = await hq.metricsOf('br-manila');
        await a.go('Today');
        const today = new TodayPage(a.page);
        await today.newBooking({ search: SHARED.search }, { service: 'Haircut', time: '12:00', price: '30' });
        await today.select('Siobhán T. Reyes');
        await today.complete('30');
        await a.expectSynced();
        // HQ refreshes by itself (live stream), without a click
        await expect.poll(async () => (await hq.metricsOf('br-manila')).avg_visits, { timeout: 20_000 }).not.toBe(before.avg_visits);
        const deskA = await deskMetrics(a);
        const deskB = await deskMetrics(b);
        expect(await hq.metricsOf('br-manila')).toEqual(deskA);
        expect(await hq.metricsOf('br-nyc')).toEqual(deskB);
        const report = (await apiGet(server, await hqDesk.deviceToken(), `/api/metrics?as_of=${TODAY}`)).body as MetricsReport;
        expect(report.branches['br-manila']).toEqual(deskA);
        expect(report.branches['br-nyc']).toEqual(deskB);
        await hq.sortBy('Churn rate');
        const order = await hq.branchOrder();
        const rates = Object.fromEntries(Object.entries(report.branches).map(([id, m]) => [id, m.churn_rate]));
        expect(order.map((id) => rates[id])).toEqual([...order.map((id) => rates[id] as number)].sort((x, y) => y - x));
        if (screenshots) {
          await hqDesk.page.setViewportSize({ width: 1440, height: 1560 });
          await hqDesk.page.screenshot({ path: shot('23-hq-dashboard') });
          await hqDesk.page.setViewportSize({ width: 1440, height: 900 });
        }
      });

      await test.step('a branch token reads and writes only its own branch', async () => {
        const tokenA = await a.deviceToken();
        const bookings = (await apiGet(server, tokenA, '/api/sync/bookings/pull?limit=2000')).body as { documents: { branch_id: string }[] };
        expect(bookings.documents.length).toBeGreaterThan(0);
        expect(new Set(bookings.documents.map((d) => d.branch_id))).toEqual(new Set(['br-manila']));
        const nycBooking = {
          id: 'bk-intruder',
          customer_id: SHARED.id,
          branch_id: 'br-nyc',
          service: 'Haircut',
          staff: '',
          start_at: '2026-03-02T10:00:00-05:00',
          duration_min: 30,
          status: 'scheduled',
          price: 0,
          notes: '',
          created_at: '',
          updated_at: '',
          amendments: [],
          series: null,
          payment: null,
          _deleted: false,
        };
        const push = await fetch(`${server.url}/api/sync/bookings/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokenA}`, 'x-branchdesk-schema': String(SCHEMA_VERSION), 'content-type': 'application/json' },
          body: JSON.stringify([{ newDocumentState: nycBooking }]),
        });
        expect(push.status).toBe(403);
        expect((await apiGet(server, tokenA, '/api/metrics')).status).toBe(403);
        const nycPull = (await apiGet(server, await b.deviceToken(), '/api/sync/bookings/pull?limit=2000')).body as { documents: { id: string }[] };
        expect(nycPull.documents.some((d) => d.id === 'bk-intruder')).toBe(false);
      });

      await test.step('a push the server refuses shows the document and field, and nothing is lost', async () => {
        // offline, A books a visit for a customer a Manila manager erases meanwhile: the server refuses it
        const enrolled = await fetch(`${url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: codeManager }) });
        const managerToken = ((await enrolled.json()) as { token: string }).token;
        await a.go('Today');
        await a.setOffline(true);
        await expect(a.statusLabel).toHaveText('Offline');
        await a.page.getByLabel('Go to date').fill('2026-03-03');
        await expect(a.page.getByRole('heading', { level: 1, name: /3 March 2026/ })).toBeVisible();
        const today = new TodayPage(a.page);
        await today.newBooking({ search: ERASED.search }, { service: 'Beard trim', time: '10:00', price: '25' });
        const erase = await fetch(`${url}/api/privacy/customers/${ERASED.id}/erase`, { method: 'POST', headers: { authorization: `Bearer ${managerToken}`, 'x-branchdesk-schema': String(SCHEMA_VERSION), 'content-type': 'application/json' }, body: '{}' });
        expect(erase.status).toBe(200);
        await a.setOffline(false);
        await expect(a.statusLabel).toHaveText('1 not synced', { timeout: 30_000 });
        await expect(a.status).toContainText(/The server refused (Aroha Santos|an erased customer)’s booking on 3 Mar 2026, 10:00: customer "cu-000044" was erased/);
        await expect(a.pending).toHaveText('1 change to send');
        if (screenshots) {
          await a.go('Settings');
          await expect(a.page.getByTestId('sync-summary')).toContainText('Everything else syncs');
          await a.page.screenshot({ path: shot('24-sync-error') });
        }
        // other changes still sync while the refused booking waits
        await b.openCustomer(SHARED.search, 'Siobhán T. Reyes');
        await a.openCustomer(SHARED.search, 'Siobhán T. Reyes');
        const edit = await a.editCustomer('Siobhán T. Reyes');
        await edit.getByLabel('Full name').fill('Siobhán Tane-Ortiz');
        await saveCustomer(edit);
        await expect(b.page.getByRole('heading', { level: 1 })).toHaveText('Siobhán Tane-Ortiz', { timeout: 20_000 });
        // the refused booking is still on the desk after a reload, still waiting
        await a.reload();
        await expect(a.pending).toHaveText('1 change to send');
        await expect(a.statusLabel).toHaveText('1 not synced', { timeout: 30_000 });
        await a.status.click();
        await expect(a.page.getByRole('list', { name: 'Not synced' }).getByRole('listitem')).toContainText(/’s booking on 3 Mar 2026, 10:00: customer "cu-000044" was erased/);
      });

      await test.step('HQ keeps the last report readable when the server is gone', async () => {
        // a second HQ browser, on the desk web build (another origin than the server)
        const hq2Desk = await open('HQ2', { baseURL: base, allowedErrors: [/ERR_CONNECTION_REFUSED/] });
        await hq2Desk.pairFromWelcome(url, codeHq2);
        const hq2 = new HqDashboard(hq2Desk.page);
        await expect(hq2.label).toContainText('· live');
        await stopServer();
        await hq2Desk.reload();
        await expect(hq2.label).toContainText(/offline — showing the report from/, { timeout: 30_000 });
        await expect(hq2.row('br-manila')).toBeVisible();
        if (screenshots) await hq2Desk.page.screenshot({ path: shot('25-hq-offline') });
        // the dashboard served by the (now stopped) server: a refresh says offline, the report stays
        await hqDesk.page.getByRole('button', { name: 'Refresh' }).click();
        await expect(hq.label).toContainText(/offline — showing the report from/, { timeout: 30_000 });
        await expect(hq.row('br-manila')).toBeVisible();
      });

      await expectNoProblems(desks);
    });
  });
}
