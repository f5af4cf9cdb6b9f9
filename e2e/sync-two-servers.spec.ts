import { expect, test } from '@playwright/test';
import { SCHEMA_VERSION } from '../shared/domain/schemas';
import { SyncDesk } from './pages/sync-desk';
import { createStorage, startSyncServer, type Storage, type SyncServer } from './support/server';

/**
 * Several server processes on one PostgreSQL database: a desk streaming from process 1 sees,
 * live, a change pushed through process 2 (PostgreSQL LISTEN/NOTIFY between them).
 */
test('two server processes on PostgreSQL share live updates with a desk', async ({ browser, baseURL }) => {
  test.skip(process.env.DATABASE_URL === undefined, 'needs PostgreSQL (DATABASE_URL)');
  test.setTimeout(120_000);
  const storage: Storage = await createStorage('postgres');
  const servers: SyncServer[] = [];
  let desk: SyncDesk | null = null;
  try {
    await storage.cli(['import', '--data', 'fixtures/sample']);
    const [one, two] = await Promise.all([startSyncServer(storage), startSyncServer(storage)]);
    servers.push(one as SyncServer, two as SyncServer);
    const [deskCode, otherCode] = await Promise.all([storage.enrol('br-manila', 'front_desk'), storage.enrol('br-manila', 'front_desk')]);

    desk = await SyncDesk.open(browser, 'A', { baseURL: baseURL as string });
    await desk.pairFromWelcome((one as SyncServer).url, deskCode);
    await desk.expectSynced();
    await desk.openCustomer('cu-000045@example.com', 'Siobhán Tane');

    // Another device of the branch changes the customer through the other server process.
    const enrolled = await fetch(`${(two as SyncServer).url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: otherCode }) });
    const { token } = (await enrolled.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'x-branchdesk-schema': String(SCHEMA_VERSION), 'content-type': 'application/json' };
    const pulled = (await (await fetch(`${(two as SyncServer).url}/api/sync/customers/pull?limit=2000`, { headers })).json()) as { documents: { id: string; name: string }[] };
    const master = pulled.documents.find((d) => d.id === 'cu-000045');
    expect(master).toBeDefined();
    const push = await fetch(`${(two as SyncServer).url}/api/sync/customers/push`, {
      method: 'POST',
      headers,
      body: JSON.stringify([{ assumedMasterState: master, newDocumentState: { ...master, name: 'Siobhán Tane (via server 2)' } }]),
    });
    expect(await push.json()).toEqual([]);

    await expect(desk.page.getByRole('heading', { level: 1 })).toHaveText('Siobhán Tane (via server 2)', { timeout: 20_000 });
    await desk.expectSynced();
    expect(await desk.unexpectedProblems()).toEqual([]);
  } finally {
    await desk?.close();
    for (const s of servers) await s.stop();
    await storage.dispose();
  }
});
