import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';
import { WelcomePage } from './pages/welcome-page';
import { shot } from './support/shot';

/** Texts inside `region` that the layout clips: cut by an overflow edge, or ellipsised. */
async function clipped(region: Locator): Promise<string[]> {
  return region.evaluate((root) => {
    const out: string[] = [];
    const box = root.getBoundingClientRect();
    const right = Math.min(box.right, document.documentElement.clientWidth);
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      const text = (el.textContent ?? '').trim();
      if (text === '' || el.getClientRects().length === 0 || el.closest('.visually-hidden') !== null) continue;
      const r = el.getBoundingClientRect();
      if (r.right > right + 0.5) out.push(`“${text}” runs past the right edge (${Math.round(r.right)} > ${Math.round(right)})`);
      else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible' && getComputedStyle(el).display !== 'inline') out.push(`“${text}” is cut (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return out;
  });
}


for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
]) {
  test(`at ${size.width}×${size.height} the dashboard's lists show every column whole`, async ({ app, page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await app.open();
    await new WelcomePage(page).loadDemo();
    await page.getByRole('status').getByRole('button', { name: 'Dismiss' }).first().click();
    await app.go('Dashboard');
    const dash = new DashboardPage(page);
    await expect(dash.top.getByRole('link')).toHaveCount(10);
    await expect(dash.atRiskItems.first()).toBeVisible();
    await dash.top.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: shot(`60-dashboard-lists-${size.width}`) });
    expect(await clipped(dash.top)).toEqual([]);
    expect(await clipped(dash.atRisk)).toEqual([]);
  });
}
