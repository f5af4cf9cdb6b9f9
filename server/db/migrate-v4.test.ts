/**
 * Migration 22 (document schema 4) gives the criteria of every stored segment and campaign the
 * prediction and cadence filters, unset, exactly as the desk's RxDB migration does
 * (`upgradeV3toV4`), and keeps every stamp (old checkpoints stay valid).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { upgradeV3toV4 } from '../../shared/domain/upgrade';
import { validateDocument } from '../../shared/domain/validate';
import { BARE_TARGETS, type BareTarget } from '../test-support/bare-databases';
import { ensureOrg } from '../store/org';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

/** Criteria as schema 3 stored them (no prediction or cadence filters). */
const V3_CRITERIA = {
  statuses: ['at_risk'], spending_tiers: [], frequency_tiers: [], tags: ['beard'], min_visits: 3, min_spent: null, days_since_min: null, days_since_max: null,
  rfm: { r_min: null, r_max: null, f_min: null, f_max: null, m_min: 4, m_max: null }, high_value: true, vip: null, opted_in: null, has_future_booking: false,
  birthday: '', anniversary: '',
};
const V3_SEGMENT = { id: 'sg-1', branch_id: 'br-a', name: 'Lapsing regulars', criteria: V3_CRITERIA, created_at: '', updated_at: '' };
const V3_CAMPAIGN = {
  id: 'ca-1', branch_id: 'br-a', name: 'We miss you', kind: 'manual', segment_id: 'sg-1', criteria: V3_CRITERIA, channel: 'sms', variants: [{ key: 'A', message: 'Hi {first_name}' }],
  holdout_pct: 0, offer: '', status: 'draft', audience_size: 0, sent_at: '', created_at: '', updated_at: '',
};

describe.each(BARE_TARGETS)('migration to document schema 4 on $name', (target) => {
  let opened: Awaited<ReturnType<BareTarget['open']>> | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('gives stored segment and campaign criteria the new filters, unset, like the desk does, and keeps stamps', { timeout: 120_000 }, async () => {
    opened = await target.open();
    const q = opened.db;
    await migrate(q, MIGRATIONS.filter((m) => m.version < 22));
    await ensureOrg(q);
    await q.query(`INSERT INTO segments (id, stamp, data, branch_id) VALUES ('sg-1', 31, $1::jsonb, 'br-a')`, [JSON.stringify(V3_SEGMENT)]);
    await q.query(`INSERT INTO campaigns (id, stamp, data, branch_id) VALUES ('ca-1', 32, $1::jsonb, 'br-a')`, [JSON.stringify(V3_CAMPAIGN)]);
    expect(await migrate(q, MIGRATIONS.filter((m) => m.version <= 22))).toEqual([22]);
    for (const [table, doc, stamp] of [['segments', V3_SEGMENT, 31], ['campaigns', V3_CAMPAIGN, 32]] as const) {
      const rows = await q.query<{ data: Record<string, unknown>; stamp: unknown }>(`SELECT data, stamp FROM ${table}`);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.data).toEqual(upgradeV3toV4(table, structuredClone(doc)));
      expect(rows[0]?.data.criteria).toMatchObject({ ...V3_CRITERIA, chance_from_pct: null, chance_below_pct: null, min_predicted_value: null, min_value_at_risk: null, overdue_for_them: null });
      expect(validateDocument(table, rows[0]?.data)).toEqual([]);
      expect(Number(rows[0]?.stamp)).toBe(stamp);
    }
  });
});
