import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SCHEMA_VERSION } from '../shared/domain/schemas';
import { HqDashboard, shownNumber } from './pages/hq-dashboard';
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
    status: 'completed', price: 5500, notes: '', created_at: at, updated_at: at, amendments: [], series: null, payment: null, _deleted: false,
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

    const page = hqDesk.page;
    // A range covers every day from the bookings (no snapshot was ever taken on this server).
    await page.getByLabel('Chart range').selectOption({ label: 'Year 2025' });
    const churnTable = page.getByRole('table', { name: 'Churn trend by day' });
    await page.getByRole('region', { name: 'Churn trend' }).getByText('Show the figures as a table').click();
    await expect(churnTable.locator('tbody tr')).toHaveCount(365);
    await expect(churnTable.locator('tbody tr').first()).toHaveAttribute('data-date', '2025-01-01');
    await expect(churnTable.locator('tbody tr').last()).toHaveAttribute('data-date', '2025-12-31');
    await expect(page.getByRole('region', { name: 'Branches over the range' })).toContainText('2025-01-01 → 2025-12-31');
    await page.screenshot({ path: shot('51-hq-year-range') });
    // A custom range out of order is refused, naming why.
    await page.getByLabel('Chart range').selectOption({ label: 'Custom…' });
    await page.getByLabel('Range from').fill('2026-02-10');
    await page.getByLabel('Range to').fill('2026-02-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByRole('group', { name: 'Range of the charts' }).getByRole('alert')).toHaveText('The range starts (2026-02-10) after it ends (2026-02-01)');
    await page.getByLabel('Range to').fill('2026-02-25');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByRole('group', { name: 'Range of the charts' }).getByRole('alert')).toHaveCount(0);
    await expect(churnTable.locator('tbody tr')).toHaveCount(16);

    await hq.setDate('2026-02-20');
    await expect(hq.label).not.toContainText('live');
    await expect(hq.label).toContainText('a past date');
    const before = await hq.metricsOf('br-nyc');
    const manilaBefore = await hq.metricsOf('br-manila');
    const winBacks = page.getByRole('table', { name: 'Win-backs by day' });
    await page.getByRole('region', { name: 'Win-backs' }).getByText('Show the figures as a table').click();
    const nycOn = (date: string) => winBacks.locator(`tr[data-date="${date}"] td[data-branch="br-nyc"]`);
    await expect(nycOn('2026-02-20')).toHaveText(String(before.win_back));
    const feb18 = await nycOn('2026-02-18').textContent();
    // Revenue over the same range, from the bookings: the late visit adds its price
    const revenue = page.getByRole('table', { name: 'Revenue' });
    await expect(page.getByRole('region', { name: 'Revenue' })).toContainText('Completed visits 2026-02-10 → 2026-02-25, against 2026-01-25 → 2026-02-09');
    const nycRevenue = async (metric: 'takings' | 'visits'): Promise<number> => shownNumber((await revenue.locator(`tr[data-branch="br-nyc"] td[data-metric="${metric}"]`).textContent()) ?? '', 'avg_clv');
    await expect(revenue.locator('tr[data-branch="br-nyc"] td[data-metric="visits"]')).toHaveText(/^\d/);
    const takingsBefore = await nycRevenue('takings');
    const visitsBefore = await nycRevenue('visits');

    await pushLateVisit(server, await tokenOf(server, codeDesk));
    await hqDesk.page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(async () => (await hq.metricsOf('br-nyc')).win_back, { timeout: 20_000 }).toBe(before.win_back + 1);
    const after = await hq.metricsOf('br-nyc');
    expect(after.churned).toBe(before.churned - 1);
    expect(after.avg_visits).toBeGreaterThan(before.avg_visits);
    expect(await hq.metricsOf('br-manila')).toEqual(manilaBefore);
    // The chart's own figures changed on the past days from the visit on, not before.
    await expect(nycOn('2026-02-20')).toHaveText(String(before.win_back + 1));
    await expect(nycOn('2026-02-18')).toHaveText(feb18 ?? '');
    await expect.poll(() => nycRevenue('visits'), { timeout: 20_000 }).toBe(visitsBefore + 1);
    expect(await nycRevenue('takings')).toBeCloseTo(takingsBefore + 55, 2);
    await page.screenshot({ path: shot('50-hq-past-day') });
    // Every HQ table exports as CSV with the raw figures.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Branch comparison as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('branch-comparison-2026-02-20.csv');
    const lines = readFileSync(await file.path(), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('branch_id,branch,customers,active,win_back,at_risk,churned,new,new_customers_30d,churn_rate,avg_clv,avg_visits');
    const nycLine = lines.find((l) => l.startsWith('br-nyc,'))?.split(',') ?? [];
    expect(Number(nycLine[4])).toBe(before.win_back + 1);
    expect(lines.at(-1)?.startsWith('all,All branches,')).toBe(true);
    const trendDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Win-backs by day as CSV' }).click();
    const trendLines = readFileSync(await (await trendDownload).path(), 'utf8').trim().split('\n');
    expect(trendLines[0]).toBe('date,br-akl,br-london,br-manila,br-nyc,all');
    expect(trendLines.find((l) => l.startsWith('2026-02-20,'))?.split(',')[4]).toBe(String(before.win_back + 1));

    // Drill down into one branch: its own trend and its period-over-period figures.
    await page.getByRole('button', { name: 'Drill down into New York SoHo' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'New York SoHo', exact: true })).toBeVisible();
    await expect(winBacks.locator('thead th')).toHaveText(['Date', 'New York SoHo']);
    const period = page.getByRole('table', { name: 'Period over period' });
    await expect(period.locator('thead th')).toHaveText(['Figure', '2026-02-20', '2026-01-20', 'vs last month', '2025-02-20', 'vs last year']);
    await expect(period.locator('tr[data-metric="win_back"] td').first()).toHaveText(String(before.win_back + 1));
    await expect(page.getByRole('table', { name: 'Branches over the range' }).locator('tr[data-branch]')).toHaveCount(1);
    // ... and to the customers behind its figures (today's statuses), to call back
    const people = page.getByRole('region', { name: 'Customers of New York SoHo' });
    await expect(people).toContainText('Today’s statuses');
    await people.getByRole('radio', { name: 'Churned' }).check();
    const churnedTable = people.getByRole('table', { name: 'Churned customers of New York SoHo' });
    const shownCount = Number(((await people.getByRole('status').textContent()) ?? '').replace(/\D/g, ''));
    expect(shownCount).toBeGreaterThan(0);
    await expect(churnedTable.locator('tbody tr')).toHaveCount(shownCount);
    const customersDownload = page.waitForEvent('download');
    await people.getByRole('button', { name: 'Download Churned customers of New York SoHo as CSV' }).click();
    const customerLines = readFileSync(await (await customersDownload).path(), 'utf8').trim().split('\n');
    expect(customerLines[0]).toBe('customer_id,name,phone,email,last_visit_date,days_since_last_visit,total_bookings,total_spent,spending_tier');
    expect(customerLines).toHaveLength(shownCount + 1);
    await people.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('52-hq-drill-down') });
    await page.getByRole('button', { name: 'Back to all branches' }).click();
    await expect(hq.table).toBeVisible();
    await expectNoProblems(desks);
  });
});
