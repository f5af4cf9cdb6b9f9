import { expect, test } from '@playwright/test';
import { MenuSettings } from './pages/menu-settings';
import { TodayPage } from './pages/today-page';
import { expectNoProblems, withSampleServer } from './support/sample-server';
import { shot } from './support/shot';

/**
 * Two desks of one branch, both offline, book the same staff member at overlapping times. Neither
 * can see the other's booking until they sync; after sync both desks show both bookings with the
 * overlap badge: the conflict is derived from the data on each desk, never merged away.
 */
test('a double-booking made by two offline desks shows on both after sync', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  await withSampleServer(browser, 'pglite', async ({ storage, server, desks, open }) => {
    const [codeA, codeB] = await Promise.all([storage.enrol('br-manila', 'front_desk'), storage.enrol('br-manila', 'front_desk')]);
    const offline = [/ERR_INTERNET_DISCONNECTED/, /ERR_CONNECTION_REFUSED/, /ERR_NETWORK_CHANGED/];
    const a = await open('A', { baseURL: baseURL as string, allowedErrors: offline });
    const b = await open('B', { baseURL: baseURL as string, allowedErrors: offline });
    for (const [desk, code] of [[a, codeA], [b, codeB]] as const) {
      await desk.pairFromWelcome(server.url, code);
      await expect(desk.page.getByTestId('branch-name')).toHaveText('Manila Makati');
      await desk.expectSynced(60_000);
    }

    await a.setOffline(true);
    await b.setOffline(true);
    const todayA = new TodayPage(a.page);
    const todayB = new TodayPage(b.page);
    await todayA.newBooking({ register: { name: 'Dina Lopez', phone: '+63 917 111 2233' } }, { service: 'Haircut', staff: 'Zed', time: '18:00', duration: '45', price: '30' });
    await todayB.newBooking({ register: { name: 'Eli Ramos', phone: '+63 917 444 5566' } }, { service: 'Haircut', staff: 'Zed', time: '18:30', duration: '30', price: '28' });
    // Offline, each desk knows only its own booking: no overlap yet
    await expect(todayA.booking('Dina Lopez')).not.toHaveAccessibleName(/double-booked/);
    await expect(todayB.booking('Eli Ramos')).not.toHaveAccessibleName(/double-booked/);
    await expect(todayA.booking('Eli Ramos')).toHaveCount(0);

    await a.setOffline(false);
    await b.setOffline(false);
    await a.expectSynced(60_000);
    await b.expectSynced(60_000);
    for (const today of [todayA, todayB]) {
      await expect(today.booking('Dina Lopez')).toHaveAccessibleName(/^18:00–18:45, Dina Lopez, Haircut, Scheduled, .*staff double-booked$/);
      await expect(today.booking('Eli Ramos')).toHaveAccessibleName(/^18:30–19:00, Eli Ramos, Haircut, Scheduled, .*staff double-booked$/);
    }
    await todayB.select('Dina Lopez');
    await expect(todayB.panel.getByRole('status', { name: 'Overlapping bookings' })).toContainText('Zed already has Eli Ramos at Mon 2 Mar, 18:30 (30 min)');
    await b.page.screenshot({ path: shot('43-offline-double-booking-after-sync') });

    await expectNoProblems(desks);
  });
});

/**
 * Hours and bookings made on two offline desks: the manager's desk gives Zed hours ending at
 * 17:00 while a front desk, offline too and not knowing them, books Zed at 17:30. After sync both
 * desks flag that booking as outside Zed's hours: the flag is derived on each desk from the
 * booking and the hours, never stored, so neither sync order can lose it.
 */
test('a booking outside staff hours set on another offline desk is flagged on both after sync', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  await withSampleServer(browser, 'pglite', async ({ storage, server, desks, open }) => {
    const [codeManager, codeFront] = await Promise.all([storage.enrol('br-manila', 'manager'), storage.enrol('br-manila', 'front_desk')]);
    const offline = [/ERR_INTERNET_DISCONNECTED/, /ERR_CONNECTION_REFUSED/, /ERR_NETWORK_CHANGED/];
    const manager = await open('Manager', { baseURL: baseURL as string, allowedErrors: offline });
    const front = await open('Front', { baseURL: baseURL as string, allowedErrors: offline });
    for (const [desk, code] of [[manager, codeManager], [front, codeFront]] as const) {
      await desk.pairFromWelcome(server.url, code);
      await expect(desk.page.getByTestId('branch-name')).toHaveText('Manila Makati');
      await desk.expectSynced(60_000);
    }
    await manager.setOffline(true);
    await front.setOffline(true);

    await manager.go('Settings');
    await new MenuSettings(manager.page).addStaff('Zed', { Monday: { from: '09:00', to: '17:00', breaks: '' } });
    const todayFront = new TodayPage(front.page);
    await todayFront.newBooking({ register: { name: 'Dina Lopez', phone: '+63 917 111 2233' } }, { service: 'Haircut', staff: 'Zed', time: '17:30', duration: '30', price: '30' });
    // Offline, the front desk does not know Zed's hours: nothing to flag yet
    await expect(todayFront.booking('Dina Lopez')).not.toHaveAccessibleName(/outside staff hours/);

    await manager.setOffline(false);
    await front.setOffline(false);
    await manager.expectSynced(60_000);
    await front.expectSynced(60_000);
    await manager.go('Today');
    const todayManager = new TodayPage(manager.page);
    for (const today of [todayFront, todayManager]) {
      await expect(today.booking('Dina Lopez')).toHaveAccessibleName(/^17:30–18:00, Dina Lopez, Haircut, Scheduled, .*outside staff hours$/, { timeout: 30_000 });
    }
    await todayFront.select('Dina Lopez');
    await expect(todayFront.panel.getByRole('status', { name: 'Outside working hours' })).toContainText('Zed works 09:00–17:00 on Mondays');
    await front.page.screenshot({ path: shot('50-offline-hours-conflict-after-sync') });
    await expectNoProblems(desks);
  });
});
