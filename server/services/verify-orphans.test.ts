/**
 * Issue 8: a booking for a customer id that does not exist (stored before the push refused
 * them, or written around the API) is no customer: metrics never count it and `verify` reports it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseDay } from '../../shared/time/calendar';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { bookingDoc } from '../test-support/docs';
import { loadBranches, timezonesOf } from '../store/branches';
import { writeDocuments } from '../store/documents';
import { importDataset } from './import';
import { metricsFromRaw } from '../test-support/raw-metrics';
import { advanceClock, lockStamps, nextStamps } from '../store/stamps';
import { verifyProjection } from './verify';

describe.each(TARGETS)('bookings of customers that do not exist, on $name', (target) => {
  let db: TestDatabase;
  afterEach(async () => {
    await db?.close();
  });

  it('are not counted by metrics and are reported by verify', { timeout: 120_000 }, async () => {
    db = await target.open({ clock: new ManualClock(Date.parse('2026-03-01T06:00:00Z')).read });
    await importDataset(db.store, twoBranches(), 0);
    const day = parseDay('2026-03-01') as number;
    const before = await metricsFromRaw(db.store, day, null);
    expect((await verifyProjection(db.store)).differences).toEqual([]);
    await db.store.db.transaction(async (tx) => {
      await lockStamps(tx);
      const branches = await loadBranches(tx);
      const [stamp] = await nextStamps(tx, 1);
      const ghost = bookingDoc({ id: 'bk-ghost', customer_id: 'cu-ghost', branch_id: 'br-a', status: 'completed', start_at: '2026-02-25T03:00:00Z' });
      await writeDocuments(tx, 'bookings', [{ doc: ghost as never, stamp: stamp as number }], { timezones: timezonesOf(branches), ownerBranch: 'br-a' });
      await advanceClock(tx);
    });
    expect(await metricsFromRaw(db.store, day, null)).toEqual(before);
    expect((await verifyProjection(db.store)).differences).toEqual(['cu-ghost,br-a: 1 booking(s) for a customer that does not exist']);
  });
});
