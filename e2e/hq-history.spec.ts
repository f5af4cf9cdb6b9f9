import { expect, test } from '@playwright/test';
import { SCHEMA_VERSION } from '../shared/domain/schemas';
import { HqDashboard } from './pages/hq-dashboard';
import { expectNoProblems, withSampleServer } from './support/sample-server';
import { SERVER_TARGETS, type SyncServer } from './support/server';
import { shot } from './support/shot';

/**
 * HQ's figures are true for their date (issue 14): a past date's figures come from the bookings'
 * history on the server, so a visit an offline desk syncs days late changes that past day on HQ.
 * A real server process seeded with fixtures/sample through the CLI; HQ in Chromium.
 */
async function tokenOf(server: SyncServer, code: string): Promise<string> {
  const res = await fetch(`${server.url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** What a desk's replication sends when it comes back online with a visit recorded offline. */
async function pushLateVisit(server: SyncServer, token: string): Promise<void> {
  const at = '2026-02-19T15:00:00Z';
  const visit = {
    id: 'bk-late-e2e', customer_id: 'cu-000013', branch_id: 'br-nyc', service: 'Haircut', staff: 'Ana', start_at: at, duration_min: 30,
    status: 'completed', price: 5500, notes: '', created_at: at, updated_at: at, amendments: [], _deleted: false,
  };
  const res = await fetch(`${server.url}/api/sync/bookings/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-branchdesk-schema': String(SCHEMA_VERSION), 'content-type': 'application/json' },
    body: JSON.stringify([{ newDocumentState: visit }]),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual([]);
}

const target = SERVER_TARGETS[0] ?? 'pglite';

test(`a visit pushed days late changes the past day on HQ (${target})`, async ({ browser }) => {
  test.setTimeout(180_000);
  await withSampleServer(browser, target, async ({ storage, server, desks, open }) => {
    const [codeHq, codeDesk] = await Promise.all([storage.enrol('', 'hq'), storage.enrol('br-nyc', 'front_desk')]);
    const hqDesk = await open('HQ', { baseURL: server.url, viewport: { width: 1280, height: 720 } });
    const hq = new HqDashboard(hqDesk.page);
    await hqDesk.pairingForm.getByLabel('Enrolment code').fill(codeHq);
    await hqDesk.pairingForm.getByRole('button', { name: 'Connect' }).click();
    await expect(hq.heading).toBeVisible();

    await hq.setDate('2026-02-20');
    await expect(hq.label).not.toContainText('live');
    const before = await hq.metricsOf('br-nyc');
    const manilaBefore = await hq.metricsOf('br-manila');

    await pushLateVisit(server, await tokenOf(server, codeDesk));
    await hqDesk.page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(async () => (await hq.metricsOf('br-nyc')).win_back, { timeout: 20_000 }).toBe(before.win_back + 1);
    const after = await hq.metricsOf('br-nyc');
    expect(after.churned).toBe(before.churned - 1);
    expect(after.avg_visits).toBeGreaterThan(before.avg_visits);
    expect(await hq.metricsOf('br-manila')).toEqual(manilaBefore);
    await hqDesk.page.screenshot({ path: shot('50-hq-past-day'), fullPage: true });
    await expectNoProblems(desks);
  });
});
