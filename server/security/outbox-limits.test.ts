/**
 * Issue 8, "outbox safety" against a real server process (PGlite, and PostgreSQL when
 * DATABASE_URL is set) with an SMS gateway stand-in:
 * - at most RATE_LIMITS.perCustomer messages per customer per 24 h are handed to the gateway;
 * - at most RATE_LIMITS.perDevice messages per queuing desk per hour: the desk's earlier hour of
 *   hand-overs is written into the audit the limit counts (with the server stopped), rather than
 *   sending 500 real messages; another desk, and history older than the hour, are not limited;
 * - the audit has a reader: GET /api/outbox/audit names who queued each message from which
 *   device, scoped (manager: own branch; hq: all; front desk: refused).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxAuditEntry, OutboxAuditResponse, PullResponse, WireDoc } from '../../shared/sync/protocol';
import { formatInstant } from '../../shared/time/instant';
import { RATE_LIMITS } from '../authz/outbox-policy';
import { communicationDoc } from '../test-support/docs';
import { freshCustomer, freshId, recently } from './attack-docs';
import { openTarget, TARGET_NAMES, type Actor, type Target } from './harness';

type Doc = WireDoc<Record<string, unknown>>;
const SLOW = 180_000;

describe.each(TARGET_NAMES)('outbox rate limits and audit on %s', { timeout: SLOW }, (name) => {
  let t: Target;
  const startedAt = new Date(Date.now() - 1000).toISOString();
  // what the tests queued, by purpose
  const reminders: string[] = [];
  let overDesk = '';
  let otherDesk = '';
  let windowPassed = '';
  /** When mgA's seeded hour of hand-overs happened. */
  let seededMs = 0;

  const customer = async (who: Actor, branch: string): Promise<string> => {
    const c = freshCustomer(branch);
    expect((await who.post('/api/sync/customers/push', [{ newDocumentState: c }])).status).toBe(200);
    return c.id as string;
  };
  const queue = async (who: Actor, customerId: string, purpose: string, count = 1): Promise<string[]> => {
    const docs = Array.from({ length: count }, () => communicationDoc({ id: freshId('cm'), customer_id: customerId, branch_id: who.branch, status: 'queued', purpose, message: `Hello ${purpose}`, at: recently() }));
    const res = await who.post('/api/sync/communications/push', docs.map((d) => ({ newDocumentState: d })));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual([]);
    return docs.map((d) => d.id);
  };
  const messages = async (): Promise<Map<string, Doc>> =>
    new Map(((await t.actors.hq.get('/api/sync/communications/pull?limit=2000')).body as PullResponse<Doc>).documents.map((d) => [d.id as string, d]));
  const decided = (d: Doc | undefined): boolean => d !== undefined && (['sent', 'failed', 'cancelled'].includes(d.status as string) || (d.status === 'queued' && d.error !== ''));
  /** Waits until the outbox delivered (or gave up on) every message, or deferred it with a reason. */
  const settled = async (ids: readonly string[]): Promise<Map<string, Doc>> => {
    for (let i = 0; i < 300; i += 1) {
      const all = await messages();
      if (ids.every((id) => decided(all.get(id)))) return all;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the outbox did not decide on ${ids.join(', ')}`);
  };
  const delivered = (ids: readonly string[]) => t.hook.requests.map((r) => (r.body as { id: string }).id).filter((id) => ids.includes(id));

  beforeAll(async () => {
    t = await openTarget(name);
    const mgA = t.actors.mgA.session.device_id;
    const mgB = t.actors.mgB.session.device_id;
    // mgA handed RATE_LIMITS.perDevice messages to the gateway in the last hour; mgB as many, but
    // more than an hour ago. Written as the outbox writes them, into the table the limit counts.
    await t.offline(async (store) => {
      const now = Date.now();
      seededMs = now - 30 * 60_000;
      const rows = (device: string, branch: string, atMs: number) =>
        Array.from({ length: RATE_LIMITS.perDevice }, (_, i) => ({ communication_id: `cm-history-${device}-${i}`, customer_id: `cu-history-${i}`, branch_id: branch, channel: 'sms', purpose: 'marketing', queued_by: device, queued_role: 'manager', outcome: 'handed_over', reason: '', at_ms: atMs }));
      const history = [...rows(mgA, 'br-a', seededMs), ...rows(mgB, 'br-b', now - RATE_LIMITS.deviceWindowMs - 60_000)];
      await store.db.query(
        `INSERT INTO outbox_audit (communication_id, customer_id, branch_id, channel, purpose, queued_by, queued_role, outcome, reason, at_ms)
         SELECT communication_id, customer_id, branch_id, channel, purpose, queued_by, queued_role, outcome, reason, at_ms
         FROM jsonb_to_recordset($1::jsonb) AS r(communication_id text, customer_id text, branch_id text, channel text, purpose text, queued_by text, queued_role text, outcome text, reason text, at_ms bigint)`,
        [JSON.stringify(history)],
      );
    });
  }, SLOW);
  afterAll(async () => {
    await t?.close();
  }, SLOW);

  it(`hands at most ${RATE_LIMITS.perCustomer} messages per customer per 24 h to the gateway; the rest wait with the reason`, async () => {
    const cu = await customer(t.actors.fdA, 'br-a');
    const ids = await queue(t.actors.fdA, cu, 'appointment reminder', RATE_LIMITS.perCustomer + 2);
    reminders.push(...ids);
    const all = await settled(ids);
    const sent = ids.filter((id) => all.get(id)?.status === 'sent');
    const waiting = ids.filter((id) => all.get(id)?.status === 'queued');
    expect(sent).toHaveLength(RATE_LIMITS.perCustomer);
    expect(waiting).toHaveLength(2);
    // a slot frees 24 h after the customer's first hand-over (as the audit recorded it)
    const handOvers = ((await t.actors.mgA.get('/api/outbox/audit?limit=1000')).body as OutboxAuditResponse).entries.filter((e) => ids.includes(e.communication_id) && e.outcome === 'handed_over');
    const firstMs = Math.min(...handOvers.map((e) => Date.parse(e.at)));
    for (const id of waiting) {
      expect(all.get(id)?.error).toContain(`at most ${RATE_LIMITS.perCustomer} messages per customer in 24 hours`);
      expect(all.get(id)?.next_attempt_at).toBe(formatInstant(firstMs + RATE_LIMITS.customerWindowMs));
    }
    expect(delivered(ids).sort()).toEqual([...sent].sort());
  });

  it(`hands at most ${RATE_LIMITS.perDevice} messages per desk per hour: a desk over it waits, other desks and older history do not`, async () => {
    overDesk = (await queue(t.actors.mgA, await customer(t.actors.mgA, 'br-a'), 'marketing'))[0] as string;
    otherDesk = (await queue(t.actors.fdA, await customer(t.actors.fdA, 'br-a'), 'appointment reminder'))[0] as string;
    windowPassed = (await queue(t.actors.mgB, await customer(t.actors.mgB, 'br-b'), 'marketing'))[0] as string;
    const all = await settled([overDesk, otherDesk, windowPassed]);
    expect(all.get(overDesk)).toMatchObject({ status: 'queued', error: expect.stringContaining(`at most ${RATE_LIMITS.perDevice} messages per desk in an hour`) });
    // a slot frees when the oldest counted hand-over leaves the hour
    expect(all.get(overDesk)?.next_attempt_at).toBe(formatInstant(seededMs + RATE_LIMITS.deviceWindowMs));
    expect(all.get(otherDesk)?.status).toBe('sent');
    expect(all.get(windowPassed)?.status).toBe('sent');
    expect(delivered([overDesk, otherDesk, windowPassed]).sort()).toEqual([otherDesk, windowPassed].sort());
  });

  const audit = async (who: Actor, query = ''): Promise<OutboxAuditEntry[]> => {
    const res = await who.get(`/api/outbox/audit?from=${encodeURIComponent(startedAt)}${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body as OutboxAuditResponse).entries;
  };

  it('the audit names who queued each message from which device; a manager reads its branch, hq every branch', async () => {
    const a = await audit(t.actors.mgA);
    expect(new Set(a.map((e) => e.branch_id))).toEqual(new Set(['br-a']));
    const handed = a.find((e) => e.communication_id === otherDesk && e.outcome === 'handed_over');
    expect(handed).toMatchObject({ queued_by: t.actors.fdA.session.device_id, queued_by_label: 'Front desk 1', queued_role: 'front_desk', channel: 'sms', purpose: 'appointment reminder' });
    expect(a.find((e) => e.communication_id === otherDesk && e.outcome === 'sent')).toBeDefined();
    expect(a.find((e) => e.communication_id === overDesk && e.outcome === 'deferred')).toMatchObject({ queued_by: t.actors.mgA.session.device_id, queued_by_label: 'Manager 1', reason: expect.stringContaining('per desk') });
    expect(a.filter((e) => reminders.includes(e.communication_id) && e.outcome === 'handed_over')).toHaveLength(RATE_LIMITS.perCustomer);
    // newest first
    expect(a.map((e) => e.id)).toEqual([...a.map((e) => e.id)].sort((x, y) => y - x));
    const all = await audit(t.actors.hq);
    expect(new Set(all.map((e) => e.branch_id))).toEqual(new Set(['br-a', 'br-b']));
    expect((await audit(t.actors.hq, '&branch_id=br-b')).every((e) => e.branch_id === 'br-b')).toBe(true);
    expect((await audit(t.actors.mgB)).map((e) => e.communication_id)).toEqual(expect.arrayContaining([windowPassed]));
    expect((await audit(t.actors.mgB)).some((e) => e.branch_id !== 'br-b')).toBe(false);
  });

  it('the audit is refused to front desks and to a manager asking for another branch', async () => {
    for (const who of [t.actors.fdA, t.actors.fdB]) {
      const res = await who.get('/api/outbox/audit');
      expect(res.status).toBe(403);
      expect((res.body as { error: string }).error).toBe('a front_desk device may not read outbox audit');
    }
    const res = await t.actors.mgB.get('/api/outbox/audit?branch_id=br-a');
    expect(res.status).toBe(403);
    expect((res.body as { error: string }).error).toContain('of branch br-a');
    expect((await fetch(`${t.url}/api/outbox/audit`)).status).toBe(401);
  });

  it('pages and filters by time, and names a bad parameter', async () => {
    const first = (await t.actors.hq.get(`/api/outbox/audit?limit=2&from=${encodeURIComponent(startedAt)}`)).body as OutboxAuditResponse;
    expect(first.entries).toHaveLength(2);
    expect(first.next_before).toBe(first.entries[1]?.id);
    const second = (await t.actors.hq.get(`/api/outbox/audit?limit=2&before=${first.next_before}&from=${encodeURIComponent(startedAt)}`)).body as OutboxAuditResponse;
    expect(second.entries.every((e) => e.id < (first.next_before as number))).toBe(true);
    const everything = await audit(t.actors.hq, '&limit=1000');
    const last = (await t.actors.hq.get(`/api/outbox/audit?limit=1000&from=${encodeURIComponent(startedAt)}&before=${everything[everything.length - 1]?.id}`)).body as OutboxAuditResponse;
    expect(last).toEqual({ entries: [], next_before: null });
    // the seeded hour before the test is outside "from", inside "to"
    expect(everything.some((e) => e.communication_id.startsWith('cm-history-'))).toBe(false);
    const before = (await t.actors.hq.get(`/api/outbox/audit?limit=1000&to=${encodeURIComponent(startedAt)}`)).body as OutboxAuditResponse;
    expect(before.entries.every((e) => e.communication_id.startsWith('cm-history-'))).toBe(true);
    expect(before.entries.length).toBe(RATE_LIMITS.perDevice * 2 > 1000 ? 1000 : RATE_LIMITS.perDevice * 2);
    for (const [query, field] of [['from=yesterday', 'from'], ['to=2026-13-01T00:00:00Z', 'to'], ['limit=0', 'limit'], ['limit=5000', 'limit'], ['before=x', 'before']] as const) {
      const res = await t.actors.hq.get(`/api/outbox/audit?${query}`);
      expect(res.status, query).toBe(400);
      expect((res.body as { details: { field: string }[] }).details[0]?.field).toBe(field);
    }
  });
});
