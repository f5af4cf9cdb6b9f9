import { expect, test } from './fixtures';
import { WelcomePage } from './pages/welcome-page';

// Chromium reports this zone as "Asia/Calcutta" (ICU's id); IANA renamed it Asia/Kolkata.
test.use({ timezoneId: 'Asia/Kolkata' });

test('time-zone pickers use current IANA names: Asia/Kolkata, never Asia/Calcutta', async ({ app, page }) => {
  await app.open();
  const welcome = new WelcomePage(page);
  const zone = welcome.setupForm.getByLabel('Time zone');
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Calcutta');
  await expect(zone).toHaveValue('Asia/Kolkata');
  const values = await zone.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(values).not.toContain('Asia/Calcutta');
  expect(values).not.toContain('Asia/Saigon');
  expect(values).not.toContain('Europe/Kiev');
  expect(values).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Asia/Ho_Chi_Minh', 'Europe/Kyiv', 'Asia/Manila']));
  expect(new Set(values).size).toBe(values.length);

  await welcome.setUpBranch({ name: 'Bandra West', country: 'IN' });
  await app.go('Settings');
  await expect(page.getByRole('form', { name: 'Branch settings' }).getByLabel('Time zone')).toHaveValue('Asia/Kolkata');
});
