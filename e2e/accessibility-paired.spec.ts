import { expect, test } from '@playwright/test';
import { HqDashboard } from './pages/hq-dashboard';
import { expectNoProblems, withSampleServer } from './support/sample-server';
import { expectAccessible } from './support/axe';

/** axe-core over the screens only a paired desk shows: HQ's dashboard and a paired desk's Settings. */
test('HQ and a paired desk have no serious or critical axe violation', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  await withSampleServer(browser, 'pglite', async ({ storage, server, desks, open }) => {
    const [codeHq, codeDesk] = await Promise.all([storage.enrol('', 'hq'), storage.enrol('br-manila', 'manager')]);
    const hqDesk = await open('HQ', { baseURL: server.url });
    const hq = new HqDashboard(hqDesk.page);
    await hqDesk.pairingForm.getByLabel('Enrolment code').fill(codeHq);
    await hqDesk.pairingForm.getByRole('button', { name: 'Connect' }).click();
    await expect(hq.heading).toBeVisible();
    await expect(hq.label).toContainText(/Figures for today/);
    await expectAccessible(hqDesk.page, 'HQ dashboard');

    const desk = await open('Manila', { baseURL: baseURL as string });
    await desk.fillPairing(server.url, codeDesk);
    await desk.pairingForm.getByRole('button', { name: 'Connect' }).click();
    await expect(desk.page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible({ timeout: 60_000 });
    await expectAccessible(desk.page, 'Today on a paired desk');
    await desk.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(desk.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(desk.page.getByRole('list', { name: 'Money settings from the server' }).or(desk.page.getByLabel('Money settings from the server'))).toBeVisible();
    await expectAccessible(desk.page, 'Settings on a paired desk');
    await expectNoProblems(desks);
  });
});
