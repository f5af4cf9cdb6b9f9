import { expect, test } from '@playwright/test';
import { HqDashboard } from './pages/hq-dashboard';
import { pairAll, withSampleServer } from './support/sample-server';
import { SERVER_TARGETS } from './support/server';

const target = SERVER_TARGETS[0] ?? 'pglite';

/**
 * The retention model is reference data from the server: fitted after the import, read by every
 * device. On fixtures/sample the fit runs to a boundary (no heterogeneity in drop-out), so no
 * device may show a number: HQ's predicted panel and a paired desk's call-back list both name
 * the server's reason and fall back to the rules. A real server process; desks in Chromium.
 */
test(`a failed server fit reaches HQ and the paired desk as its reason, never as numbers (${target})`, async ({ browser }) => {
  test.setTimeout(180_000);
  await withSampleServer(browser, target, async ({ storage, server, open }) => {
    const model = (await (await fetch(`${server.url}/api/retention/model`, { headers: { authorization: 'Bearer nope' } })).json()) as unknown;
    expect(model).toMatchObject({ error: expect.any(String) as unknown });
    const [codeHq, codeDesk] = await Promise.all([storage.enrol('', 'hq'), storage.enrol('br-nyc', 'manager')]);

    const hqDesk = await open('HQ', { baseURL: server.url, viewport: { width: 1280, height: 720 } });
    const hq = new HqDashboard(hqDesk.page);
    await hqDesk.pairingForm.getByLabel('Enrolment code').fill(codeHq);
    await hqDesk.pairingForm.getByRole('button', { name: 'Connect' }).click();
    await expect(hq.heading).toBeVisible();
    const panel = hqDesk.page.getByRole('region', { name: 'Predicted, next 30 and 90 days' });
    await expect(panel).toContainText(/No predictions: (visit|spend) model: the fit ran to a boundary/);
    await expect(panel.getByRole('table')).toHaveCount(0);

    const desk = await open('NYC', { baseURL: server.url });
    await pairAll(server, [[desk, codeDesk]]);
    await desk.page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    const callBack = desk.page.getByRole('region', { name: 'At risk: call them back' });
    await expect(callBack).toContainText('biggest spenders first');
    await expect(callBack.getByRole('note')).toContainText(/No predictions: (visit|spend) model: the fit ran to a boundary/);
    await expect(callBack).not.toContainText('chance of return');
  });
});
