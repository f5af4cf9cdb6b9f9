import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';
import { WelcomePage } from './pages/welcome-page';
import { shot } from './support/shot';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(list: Locator): Promise<{ name: string; box: Box }[]> {
  const out: { name: string; box: Box }[] = [];
  for (const item of await list.all()) {
    if (!(await item.isVisible())) continue;
    const box = await item.boundingBox();
    if (box !== null) out.push({ name: (await item.getAttribute('aria-label')) ?? ((await item.textContent()) ?? '').trim(), box });
  }
  return out;
}

async function expectToast(page: Page, text: RegExp): Promise<void> {
  await expect(page.locator('.toast-message').filter({ hasText: text })).toBeVisible();
}

/** No toast's box meets a control of the booking panel, the page header or the navigation. */
async function expectToastsClear(page: Page, today: TodayPage): Promise<number> {
  const toasts = await boxes(page.locator('.toast'));
  const controls = [
    ...(await boxes(today.panel.locator('button, a, input, select, textarea'))),
    ...(await boxes(page.locator('.page-header').getByRole('button'))),
    ...(await boxes(page.getByRole('navigation', { name: 'Main' }).getByRole('link'))),
  ];
  expect(controls.length).toBeGreaterThan(3);
  const hits = toasts.flatMap((t) => controls.filter((c) => overlaps(t.box, c.box)).map((c) => `“${t.name}” covers “${c.name}”`));
  expect(hits).toEqual([]);
  return toasts.length;
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
]) {
  test(`at ${size.width}×${size.height} toasts name the booking's date and never cover the booking panel's actions`, async ({ app, page }) => {
    await page.setViewportSize(size);
    await app.open();
    await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
    const today = new TodayPage(page);

    await today.newBooking({ register: { name: 'Maria Santos', phone: '0917 123 4567' } }, { service: 'Haircut', staff: 'Ana', time: '15:00', price: '250' });
    await expectToast(page, /^Booked Maria Santos · \w{3} \d{1,2} \w{3}, 15:00 with Ana \(30 min\)$/);
    await today.newBooking({ register: { name: 'Ben Cruz', phone: '0917 765 4321' } }, { service: 'Fade', staff: 'Ana', time: '16:00', price: '300' });
    await today.select('Maria Santos');
    await today.checkIn();
    await expectToast(page, /^Maria Santos is checked in · \w{3} \d{1,2} \w{3}, 15:00$/);
    // Toasts stacked while the panel of a checked-in booking shows its actions
    await page.screenshot({ path: shot(`43-toasts-${size.width}x${size.height}`) });
    expect(await expectToastsClear(page, today)).toBeGreaterThan(1);
    await expect(today.panel.getByRole('button', { name: 'Complete…' })).toBeVisible();

    // The panel's actions stay usable with the toasts up
    await today.panel.getByRole('button', { name: 'Complete…' }).click({ trial: true });
    await today.complete();
    await expectToast(page, /^Completed Maria Santos's Haircut · ₱250\.00 · not paid yet · \w{3} \d{1,2} \w{3}, 15:00$/);
    expect(await expectToastsClear(page, today)).toBeGreaterThan(0);
  });
}
