/**
 * Migration 17 (document schema 3) puts every stored booking outside any recurring series,
 * exactly as the desk's RxDB migration does (`upgradeV2toV3`), and keeps every stamp (old
 * checkpoints stay valid).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { upgradeV2toV3, upgradeV3toV4 } from '../../shared/domain/upgrade';
import { validateDocument } from '../../shared/domain/validate';
import { BARE_TARGETS, type BareTarget } from '../test-support/bare-databases';
import { ensureOrg } from '../store/org';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

const TARGETS = BARE_TARGETS;

/** A booking as schema 2 stored it (no `series`). */
const V2_BOOKING = {
  id: 'bk-1', customer_id: 'cu-1', branch_id: 'br-a', service: 'Haircut', staff: 'Ana', start_at: '2026-02-20T10:00:00+08:00', duration_min: 30,
  status: 'no_show', price: 2500, notes: 'n', created_at: '', updated_at: '', amendments: [],
};

describe.each(TARGETS)('migration to document schema 3 on $name', (target) => {
  let opened: Awaited<ReturnType<BareTarget['open']>> | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('puts stored bookings outside any series like the desk does, and keeps stamps', { timeout: 120_000 }, async () => {
    opened = await target.open();
    const q = opened.db;
    await migrate(q, MIGRATIONS.filter((m) => m.version < 17));
    await ensureOrg(q);
    await q.query(
      `INSERT INTO bookings (id, stamp, data, branch_id, customer_id, status, price, start_ms, local_day, service, staff)
       VALUES ('bk-1', 21, $1::jsonb, 'br-a', 'cu-1', 'no_show', 2500, 0, 0, 'Haircut', 'Ana')`,
      [JSON.stringify(V2_BOOKING)],
    );
    expect(await migrate(q, MIGRATIONS.filter((m) => m.version <= 17))).toEqual([17]);
    const rows = await q.query<{ data: Record<string, unknown>; stamp: unknown }>('SELECT data, stamp FROM bookings');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data).toEqual(upgradeV2toV3('bookings', structuredClone(V2_BOOKING)));
    expect(rows[0]?.data.series).toBeNull();
    // valid once the later schema-4 step (migration 23, its own test) says it is not paid yet
    expect(validateDocument('bookings', upgradeV3toV4('bookings', rows[0]?.data ?? {}))).toEqual([]);
    expect(Number(rows[0]?.stamp)).toBe(21);
  });
});
