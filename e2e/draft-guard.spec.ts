import type { Dialog } from '@playwright/test';
import { expect, test } from './fixtures';
import { WelcomePage } from './pages/welcome-page';

test('a reload in the middle of a form asks before losing the draft; an untouched form reloads without asking', async ({ app, page }) => {
  await app.open();
  await new WelcomePage(page).setUpBranch({ name: 'Makati Central', country: 'PH' });
  const asked: string[] = [];
  let answer: (d: Dialog) => Promise<void> = (d) => d.dismiss();
  const reload = (): void => void page.evaluate(() => location.reload()).catch(() => undefined);
  page.on('dialog', (d) => {
    asked.push(d.type());
    void answer(d);
  });

  // Untouched: no question
  await page.getByRole('button', { name: 'New booking' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await expect(dialog).toBeVisible();
  await app.reload();
  expect(asked).toEqual([]);

  // Typed into: the reload asks; staying keeps what was typed
  await page.getByRole('button', { name: 'New booking' }).first().click();
  await dialog.getByLabel('Service').fill('Haircut');
  reload();
  await expect.poll(() => asked).toEqual(['beforeunload']);
  await expect(dialog.getByLabel('Service')).toHaveValue('Haircut');

  // Leaving reloads (the draft is gone, as confirmed)
  answer = (d) => d.accept();
  const loaded = page.waitForEvent('load');
  reload();
  await loaded;
  expect(asked).toEqual(['beforeunload', 'beforeunload']);
  await app.waitReady();
  await expect(dialog).toHaveCount(0);

  // A Settings form too, while it holds a change
  await app.go('Settings');
  const money = page.getByRole('form', { name: 'Money settings' });
  await money.getByLabel('VIP above').fill('20000');
  answer = (d) => d.dismiss();
  reload();
  await expect.poll(() => asked).toHaveLength(3);
  await expect(money.getByLabel('VIP above')).toHaveValue('20000');
});
