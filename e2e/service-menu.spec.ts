import { expect, test } from '@playwright/test';
import type { ServiceDoc } from '../shared/domain/schemas';
import { MenuSettings } from './pages/menu-settings';
import { TodayPage } from './pages/today-page';
import { expectNoProblems, pullDocuments, withSampleServer } from './support/sample-server';
import { expectAccessible } from './support/axe';
import { dismissToasts } from './support/screens';
import { shot } from './support/shot';

/**
 * The service menu of a branch (issue 11, item 3), synced through a real server: the manager's
 * desk adds services (a price range checked before saving), the server stores them, and the
 * branch's front desk gets them — read-only in Settings, and in the booking form, where picking a
 * service fills its duration and price. A retired service is no longer offered; a one-off service
 * typed by hand still books.
 */
test("a manager's service menu reaches the branch's front desk, whose bookings take its duration and price", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  await withSampleServer(browser, 'pglite', async ({ storage, server, desks, open }) => {
    const [codeManager, codeFront] = await Promise.all([storage.enrol('br-manila', 'manager'), storage.enrol('br-manila', 'front_desk')]);
    const manager = await open('Manager', { baseURL: baseURL as string });
    const front = await open('Front', { baseURL: baseURL as string });
    for (const [desk, code] of [[manager, codeManager], [front, codeFront]] as const) {
      await desk.page.setViewportSize({ width: 1024, height: 768 });
      await desk.pairFromWelcome(server.url, code);
      await expect(desk.page.getByTestId('branch-name')).toHaveText('Manila Makati');
      await desk.expectSynced(60_000);
    }

    // The manager builds the menu; a range upside down is refused in the form
    await manager.go('Settings');
    const menu = new MenuSettings(manager.page);
    await expect(menu.services.getByText('No services yet.')).toBeVisible();
    await menu.services.getByRole('button', { name: 'Add service…' }).click();
    await menu.fillService({ name: 'Signature cut', category: 'Hair', duration: '45', price: '350', priceMax: '300' });
    await menu.serviceDialog.getByRole('button', { name: 'Save service' }).click();
    await expect(menu.serviceDialog.getByLabel('Price up to')).toHaveAccessibleDescription(/The top of the range must be at least the price/);
    await expectAccessible(manager.page, 'service dialog with an error');
    await menu.fillService({ priceMax: '450' });
    await menu.serviceDialog.getByRole('button', { name: 'Save service' }).click();
    await expect(menu.serviceDialog).toBeHidden();
    await menu.addService({ name: 'Beard trim', category: 'Beard', duration: '20', price: '150' });
    await menu.addService({ name: 'Hot towel shave', category: 'Beard', duration: '30', price: '200' });
    await expect(menu.serviceRow('Signature cut')).toContainText('45 min');
    await expect(menu.serviceRow('Signature cut')).toContainText('350.00–450.00');
    // a second "signature cut" is refused
    await menu.services.getByRole('button', { name: 'Add service…' }).click();
    await menu.fillService({ name: 'signature CUT', duration: '30', price: '100' });
    await menu.serviceDialog.getByRole('button', { name: 'Save service' }).click();
    await expect(menu.serviceDialog.getByLabel('Service name')).toHaveAccessibleDescription(/"Signature cut" is already on the menu/);
    await menu.serviceDialog.getByRole('button', { name: 'Cancel' }).click();
    await manager.expectSynced(60_000);
    await dismissToasts(manager.page);
    await manager.page.screenshot({ path: shot('44-service-menu-settings') });
    await expectAccessible(manager.page, 'Settings with the service menu');

    // The server stores what the manager saved
    const stored = await pullDocuments<ServiceDoc>(server, await front.deviceToken(), 'services');
    expect(stored.map((s) => [s.name, s.category, s.duration_min, s.price, s.price_max, s.active]).sort()).toEqual([
      ['Beard trim', 'Beard', 20, 15000, null, true],
      ['Hot towel shave', 'Beard', 30, 20000, null, true],
      ['Signature cut', 'Hair', 45, 35000, 45000, true],
    ]);

    // The front desk gets it: read-only in Settings
    await front.expectSynced(60_000);
    await front.go('Settings');
    const frontMenu = new MenuSettings(front.page);
    await expect(frontMenu.serviceRow('Signature cut')).toBeVisible({ timeout: 30_000 });
    await expect(frontMenu.services.getByRole('note')).toHaveText("Only a manager's desk can change the service menu.");
    await expect(frontMenu.services.getByRole('button', { name: 'Add service…' })).toHaveCount(0);
    await expect(frontMenu.services.getByRole('button', { name: 'Edit Signature cut' })).toHaveCount(0);

    // … and books from it: the service fills duration and price
    await front.go('Today');
    const today = new TodayPage(front.page);
    await front.page.getByRole('button', { name: 'New booking' }).first().click();
    const dialog = front.page.getByRole('dialog', { name: 'New booking' });
    await dialog.getByRole('combobox', { name: 'Customer' }).fill('Maria');
    await dialog.getByRole('option').first().click();
    await dialog.getByLabel('Time').fill('16:00');
    await dialog.getByLabel('Service').fill('Signature cut');
    await expect(dialog.getByLabel('Duration (minutes)')).toHaveValue('45');
    await expect(dialog.getByLabel('Price')).toHaveValue('350.00');
    await expect(dialog.getByLabel('Service')).toHaveAccessibleDescription('On the menu: 45 min, 350.00–450.00');
    await dialog.getByLabel('Staff').fill('Zed');
    await front.page.screenshot({ path: shot('49-booking-from-menu') });
    await dialog.getByRole('button', { name: 'Save booking' }).click();
    await expect(dialog).toBeHidden();
    await expect(today.agenda.getByRole('button', { name: /^16:00–16:45, Maria .*, Signature cut, Scheduled/ })).toBeVisible();

    // The manager retires a service: the front desk no longer gets it as the menu's
    await manager.go('Settings');
    await menu.services.getByRole('button', { name: 'Edit Hot towel shave' }).click();
    await menu.serviceDialog.getByRole('switch', { name: /Offered for new bookings/ }).uncheck();
    await menu.serviceDialog.getByRole('button', { name: 'Save service' }).click();
    await expect(menu.serviceDialog).toBeHidden();
    await expect(menu.serviceRow('Hot towel shave')).toContainText('Retired');
    await manager.expectSynced(60_000);
    await front.expectSynced(60_000);
    await front.go('Settings');
    await expect(frontMenu.serviceRow('Hot towel shave')).toContainText('Retired', { timeout: 30_000 });
    await front.go('Today');
    await front.page.getByRole('button', { name: 'New booking' }).first().click();
    await dialog.getByRole('combobox', { name: 'Customer' }).fill('Maria');
    await dialog.getByRole('option').first().click();
    await dialog.getByLabel('Time').fill('17:00');
    await dialog.getByLabel('Service').fill('Hot towel shave');
    await expect(dialog.getByLabel('Service')).toHaveAccessibleDescription('Not on the menu: booked as a one-off');
    await expect(dialog.getByLabel('Duration (minutes)')).toHaveValue('30'); // the form's default, not the retired service's
    await dialog.getByLabel('Price').fill('180');
    await dialog.getByRole('button', { name: 'Save booking' }).click();
    await expect(dialog).toBeHidden();
    await expect(today.agenda.getByRole('button', { name: /^17:00–17:30, Maria .*, Hot towel shave, Scheduled/ })).toBeVisible();

    await expectNoProblems(desks);
  });
});
