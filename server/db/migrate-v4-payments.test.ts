/**
 * Migration 23 (document schema 4, bookings: checkout) says every stored booking is not paid yet and every
 * correction it carries left the payment as it was, exactly as the desk's RxDB migration does
 * (`upgradeV3toV4`), keeping the corrections' order and every stamp (old checkpoints stay valid).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { upgradeV3toV4 } from '../../shared/domain/upgrade';
import { validateDocument } from '../../shared/domain/validate';
import { BARE_TARGETS, type BareTarget } from '../test-support/bare-databases';
import { ensureOrg } from '../store/org';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

const TARGETS = BARE_TARGETS;

const amendment = (id: string, at: string, price: number, before: number) => ({
  id, at, by_device: 'dev-1', by_role: 'manager', reason: `fix ${id}`, price, service: null, staff: null, status: null,
  before: { price: before, service: 'Haircut', staff: 'Ana', status: 'completed' },
});

/** Bookings as schema 3 stored them (no `payment`, amendments without payment): one corrected twice, one plain. */
const V3_BOOKINGS = [
  {
    id: 'bk-1', customer_id: 'cu-1', branch_id: 'br-a', service: 'Haircut', staff: 'Ana', start_at: '2026-02-20T10:00:00+08:00', duration_min: 30,
    status: 'completed', price: 2000, notes: 'n', created_at: '', updated_at: '', series: null,
    amendments: [amendment('am-2', '2026-02-21T09:00:00Z', 2200, 2500), amendment('am-1', '2026-02-22T09:00:00Z', 2000, 2200)],
  },
  {
    id: 'bk-2', customer_id: 'cu-1', branch_id: 'br-a', service: 'Haircut', staff: 'Ana', start_at: '2026-02-27T10:00:00+08:00', duration_min: 30,
    status: 'scheduled', price: 2500, notes: '', created_at: '', updated_at: '', series: { id: 'sr-1', index: 1, count: 2 }, amendments: [],
  },
];

describe.each(TARGETS)('migration of bookings to document schema 4 (payments) on $name', (target) => {
  let opened: Awaited<ReturnType<BareTarget['open']>> | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('marks stored bookings and their corrections unpaid like the desk does, in order, and keeps stamps', { timeout: 120_000 }, async () => {
    opened = await target.open();
    const q = opened.db;
    await migrate(q, MIGRATIONS.filter((m) => m.version < 23));
    await ensureOrg(q);
    let stamp = 30;
    for (const b of V3_BOOKINGS) {
      stamp += 1;
      await q.query(
        `INSERT INTO bookings (id, stamp, data, branch_id, customer_id, status, price, start_ms, local_day, service, staff)
         VALUES ($1, $2, $3::jsonb, 'br-a', 'cu-1', $4, $5, 0, 0, 'Haircut', 'Ana')`,
        [b.id, stamp, JSON.stringify(b), b.status, b.price],
      );
    }
    expect(await migrate(q, MIGRATIONS.filter((m) => m.version <= 23))).toEqual([23]);
    const rows = await q.query<{ id: string; data: Record<string, unknown>; stamp: unknown }>('SELECT id, data, stamp FROM bookings ORDER BY id');
    expect(rows).toHaveLength(2);
    rows.forEach((row, i) => {
      expect(row.data).toEqual(upgradeV3toV4('bookings', structuredClone(V3_BOOKINGS[i]) as Record<string, unknown>));
      expect(row.data.payment).toBeNull();
      expect(validateDocument('bookings', row.data)).toEqual([]);
      expect(Number(row.stamp)).toBe(31 + i);
    });
    const amendments = rows[0]?.data.amendments as { id: string; payment: unknown; before: { payment: unknown } }[];
    expect(amendments.map((a) => a.id)).toEqual(['am-2', 'am-1']);
    for (const a of amendments) expect([a.payment, a.before.payment]).toEqual([null, null]);
    // run again: nothing left to migrate
    expect(await migrate(q, MIGRATIONS)).toEqual([]);
  });
});
