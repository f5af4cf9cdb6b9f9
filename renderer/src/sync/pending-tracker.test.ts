import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PendingDb } from './pending-db';
import { PendingTracker } from './pending-tracker';

let n = 0;
const dbs: PendingDb[] = [];

function setup(docs: Map<string, Record<string, unknown>>, name = `pending-${++n}`) {
  const db = new PendingDb(name);
  dbs.push(db);
  const tracker = new PendingTracker(db, async (collection, ids) =>
    ids.flatMap((id): Record<string, unknown>[] => {
      const doc = docs.get(`${collection}/${id}`);
      return doc === undefined ? [] : [doc];
    }),
  );
  return { db, tracker, name };
}

afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
});

describe('PendingTracker', () => {
  it('counts local writes once per document and survives a restart', async () => {
    const docs = new Map<string, Record<string, unknown>>();
    const { tracker, name } = setup(docs);
    await tracker.load();
    const counts: number[] = [];
    tracker.subscribe((c) => counts.push(c));
    tracker.noteLocalWrites('customers', ['cu-1', 'cu-2']);
    tracker.noteLocalWrites('customers', ['cu-1']);
    tracker.noteLocalWrites('bookings', ['bk-1']);
    expect(tracker.count).toBe(3);
    expect(tracker.countOf('customers')).toBe(2);
    expect(counts).toEqual([2, 2, 3]);
    await tracker.flush();
    const again = setup(docs, name).tracker;
    await again.load();
    expect(again.count).toBe(3);
    expect(again.mark()).toBe(4);
  });

  it('settles a change only when the sent state is the current one', async () => {
    const docs = new Map<string, Record<string, unknown>>([['customers/cu-1', { id: 'cu-1', name: 'B', _deleted: false, _rev: '2-x', _meta: { lwt: 1 } }]]);
    const { tracker } = setup(docs);
    await tracker.load();
    tracker.noteLocalWrites('customers', ['cu-1']);
    await tracker.settle('customers', [{ id: 'cu-1', name: 'A', _deleted: false }]); // an older state was sent
    expect(tracker.count).toBe(1);
    await tracker.settle('customers', [{ name: 'B', _deleted: false, id: 'cu-1' }]);
    expect(tracker.count).toBe(0);
    await tracker.settle('customers', [{ id: 'cu-9', _deleted: false }]); // not pending: nothing to do
    expect(tracker.count).toBe(0);
    await tracker.flush();
  });

  it('keeps a change written while its previous state was being confirmed', async () => {
    const docs = new Map<string, Record<string, unknown>>([['bookings/bk-1', { id: 'bk-1', status: 'scheduled', _deleted: false }]]);
    const { tracker, name } = setup(docs);
    await tracker.load();
    tracker.noteLocalWrites('bookings', ['bk-1']);
    const settling = tracker.settle('bookings', [{ id: 'bk-1', status: 'scheduled', _deleted: false }]);
    tracker.noteLocalWrites('bookings', ['bk-1']);
    docs.set('bookings/bk-1', { id: 'bk-1', status: 'completed', _deleted: false });
    await settling;
    expect(tracker.count).toBe(1);
    const mark = tracker.mark();
    tracker.noteLocalWrites('customers', ['cu-1']);
    tracker.syncedUpTo('bookings', mark);
    tracker.syncedUpTo('customers', mark);
    expect(tracker.count).toBe(1);
    expect(tracker.has('customers', 'cu-1')).toBe(true);
    await tracker.flush();
    const again = setup(docs, name).tracker;
    await again.load();
    expect(again.has('customers', 'cu-1')).toBe(true);
    expect(again.count).toBe(1);
    await again.clear();
    const third = setup(docs, name).tracker;
    await third.load();
    expect(third.count).toBe(0);
  });
});
