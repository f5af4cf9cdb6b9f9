/**
 * Migration 4 (document schema 1) upgrades stored documents exactly as the desk's RxDB
 * migration does (`upgradeV0toV1`), keeps every stamp (old checkpoints stay valid) and fills
 * the outbox columns.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { upgradeV0toV1 } from '../../shared/domain/upgrade';
import { validateDocument } from '../../shared/domain/validate';
import { DEFAULT_INSIGHT_RULES } from '../../shared/insights/business-rules';
import { BARE_TARGETS, type BareTarget } from '../test-support/bare-databases';
import { ensureOrg } from '../store/org';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

/** A database at schema version 3 (before document schema 1), bare: no Store on top. */
const TARGETS = BARE_TARGETS;

const consent = { granted: true, at: '2026-01-01T00:00:00Z' };
const V0 = {
  customers: {
    id: 'cu-1', name: 'Maria Santos', phone: '+639171234567', email: '', birthday: '', opted_in_marketing: true, preferred_contact: 'sms',
    consent: { sms: consent, email: consent, push: { granted: false, at: '' } }, tags: ['a'], notes: 'n', preferences: 'p', home_branch_id: 'br-a',
    registered_branch_id: '', referred_by: '', follow_up_date: '', created_at: '', updated_at: '', erased_at: '',
  },
  communications: {
    id: 'co-1', customer_id: 'cu-1', branch_id: 'br-a', channel: 'email', purpose: 'follow-up', status: 'queued', message: 'Hello',
    at: '2026-02-21T09:00:00Z', campaign_id: '', error: '', updated_at: '',
  },
  campaigns: {
    id: 'ca-1', branch_id: 'br-a', name: 'Back', criteria: { status: ['churned', 'bogus'], min_visits: 2 }, channel: 'sms', message: 'Hi {name}',
    status: 'sent', audience_size: 3, created_at: '', updated_at: '',
  },
};

describe.each(TARGETS)('migration to document schema 1 on $name', (target) => {
  let opened: Awaited<ReturnType<BareTarget['open']>> | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('upgrades stored documents like the desk does, keeps stamps and fills the outbox columns', async () => {
    opened = await target.open();
    const q = opened.db;
    await migrate(q, MIGRATIONS.filter((m) => m.version < 4));
    await ensureOrg(q);
    await q.query(`INSERT INTO customers (id, stamp, data, home_branch_id, phone, email) VALUES ('cu-1', 11, $1::jsonb, 'br-a', '+639171234567', '')`, [JSON.stringify(V0.customers)]);
    await q.query(`INSERT INTO communications (id, stamp, data, branch_id, customer_id) VALUES ('co-1', 12, $1::jsonb, 'br-a', 'cu-1')`, [JSON.stringify(V0.communications)]);
    await q.query(`INSERT INTO campaigns (id, stamp, data, branch_id) VALUES ('ca-1', 13, $1::jsonb, 'br-a')`, [JSON.stringify(V0.campaigns)]);

    // Migration 4 alone (later migrations, e.g. 5's outbox audit, are not this test's subject).
    expect(await migrate(q, MIGRATIONS.filter((m) => m.version <= 4))).toEqual([4]);

    for (const [table, doc] of Object.entries(V0) as [keyof typeof V0, Record<string, unknown>][]) {
      const rows = await q.query<{ data: Record<string, unknown>; stamp: unknown }>(`SELECT data, stamp FROM ${table}`);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.data).toEqual(upgradeV0toV1(table, structuredClone(doc)));
      expect(validateDocument(table, rows[0]?.data)).toEqual([]);
      expect(Number(rows[0]?.stamp)).toBe({ customers: 11, communications: 12, campaigns: 13 }[table]);
    }
    const outbox = await q.query<{ status: string; channel: string; trigger_key: string; due_ms: unknown }>('SELECT status, channel, trigger_key, due_ms FROM communications');
    expect(outbox).toEqual([{ status: 'queued', channel: 'email', trigger_key: '', due_ms: expect.anything() }]);
    expect(Number(outbox[0]?.due_ms)).toBe(0);
    // the column as migration 4 left it (loadOrg reads columns of later migrations too)
    expect((await q.query<{ insights: unknown }>('SELECT insights FROM org_settings WHERE id = 1'))[0]?.insights).toEqual(DEFAULT_INSIGHT_RULES);
    for (const table of ['segments', 'branch_settings']) expect(await q.query(`SELECT * FROM ${table}`)).toEqual([]);
  });
});
