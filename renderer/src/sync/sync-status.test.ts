import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATUS, summarizeSync, syncStatusReducer, type SyncEvent, type SyncStatusState } from './sync-status';

const run = (events: SyncEvent[], from: SyncStatusState = INITIAL_SYNC_STATUS): SyncStatusState => events.reduce(syncStatusReducer, from);
const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 16);
const unreachable = { kind: 'unreachable', message: "Can't reach the server; retrying." } as const;

describe('syncStatusReducer + summarizeSync', () => {
  it('says "Not paired" before sync starts and "Connecting" until the stream is open', () => {
    expect(summarizeSync(INITIAL_SYNC_STATUS, clock).label).toBe('Not paired');
    expect(summarizeSync(run([{ type: 'started', online: true, firstSync: false }]), clock).label).toBe('Connecting');
  });

  it('counts documents while syncing and remembers when everything went idle', () => {
    const s = run([
      { type: 'started', online: true, firstSync: false },
      { type: 'stream-open' },
      { type: 'active', collection: 'bookings', active: true, at: 1 },
      { type: 'active', collection: 'customers', active: true, at: 1 },
      { type: 'transferred', count: 40 },
      { type: 'transferred', count: 2 },
    ]);
    expect(summarizeSync(s, clock)).toMatchObject({ tone: 'syncing', label: 'Syncing 42' });
    const idle = run([{ type: 'active', collection: 'bookings', active: false, at: 5 }, { type: 'active', collection: 'customers', active: false, at: Date.UTC(2026, 2, 2, 6, 31) }], s);
    expect(summarizeSync(idle, clock)).toMatchObject({ tone: 'synced', label: 'Synced at 06:31' });
    expect(idle.transferred).toBe(0);
  });

  it('shows offline with the waiting changes, and does not call going idle offline "synced"', () => {
    const s = run([{ type: 'started', online: true, firstSync: false }, { type: 'stream-open' }, { type: 'offline' }, { type: 'pending', count: 3 }]);
    expect(summarizeSync(s, clock)).toMatchObject({ tone: 'offline', label: 'Offline' });
    expect(summarizeSync(s, clock).detail).toMatch(/3 changes wait on this desk/);
    const back = run([{ type: 'active', collection: 'bookings', active: true, at: 1 }, { type: 'active', collection: 'bookings', active: false, at: 9 }], s);
    expect(back.lastSyncedAt).toBeNull();
    expect(summarizeSync(run([{ type: 'online' }, { type: 'stream-open' }], back), clock).label).toBe('Connected');
  });

  it('reports refused changes until the collection is retried, above server trouble', () => {
    const s = run([
      { type: 'started', online: true, firstSync: false },
      { type: 'stream-open' },
      { type: 'trouble', problem: unreachable },
      { type: 'rejected', collection: 'bookings', problem: { kind: 'rejected', message: 'The server refused a change — booking bk-1: start_at must be within 5 years of today' } },
    ]);
    expect(summarizeSync(s, clock)).toMatchObject({ tone: 'error', label: 'Sync error' });
    expect(summarizeSync(s, clock).detail).toMatch(/booking bk-1: start_at .* Nothing is lost/);
    const retried = run([{ type: 'retrying', collection: 'bookings' }], s);
    expect(summarizeSync(retried, clock)).toMatchObject({ tone: 'warning', label: 'Server unreachable' });
    expect(summarizeSync(run([{ type: 'transferred', count: 1 }], retried), clock).tone).not.toBe('warning');
  });

  it('stops for good on a fatal problem', () => {
    const s = run([{ type: 'started', online: true, firstSync: false }, { type: 'fatal', problem: { kind: 'outdated', message: 'update the app' } }]);
    expect(s.running).toBe(false);
    expect(summarizeSync(s, clock)).toEqual({ tone: 'error', label: 'Update needed', detail: 'update the app' });
  });

  it('tracks first-sync progress with and without a known total', () => {
    let s = run([{ type: 'started', online: true, firstSync: true }, { type: 'stream-open' }, { type: 'pulled', count: 1000 }]);
    expect(summarizeSync(s, clock).label).toBe('First sync: 1,000');
    s = run([{ type: 'first-sync-total', total: 2500 }, { type: 'pulled', count: 500 }], s);
    expect(s.firstSync).toEqual({ done: 1500, total: 2500 });
    expect(summarizeSync(s, clock).label).toBe('First sync: 1,500 of 2,500');
    expect(run([{ type: 'first-sync-done' }], s).firstSync).toBeNull();
    expect(run([{ type: 'pulled', count: 5 }], INITIAL_SYNC_STATUS).firstSync).toBeNull();
  });
});
