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
  const form = page.getByRole('form', { name: 'Branch settings' });
  await expect(form.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');

  // Changing the zone says what it does to every booking's time before anything is saved
  await form.getByLabel('Time zone').selectOption('Asia/Manila');
  await form.getByRole('button', { name: 'Save branch settings' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    "Changing the time zone moves every booking's displayed time later by 2 h 30 min: a booking at 10:00 Asia/Kolkata time shows at 12:30 Asia/Manila time. Dates and statuses follow the new zone.",
  );
  // Nothing was saved: a reload (the form holds an unsaved change, so it asks; leave) shows the old zone
  page.once('dialog', (d) => void d.accept());
  await app.reload();
  await app.go('Settings');
  await expect(form.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');
  await form.getByLabel('Time zone').selectOption('Asia/Manila');
  await form.getByRole('button', { name: 'Save branch settings' }).click();
  await form.getByRole('button', { name: 'Change time zone and save' }).click();
  await app.toast(/Branch settings saved/);
  await expect(form.getByLabel('Time zone')).toHaveValue('Asia/Manila');
});
