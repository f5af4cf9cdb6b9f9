/**
 * The outbox's records (server/db/migrations.ts v5): who queued each message, and one audit row
 * per delivery decision (handed over, sent, failed, cancelled, deferred by a rate limit), with
 * the device that queued it. The rate limits count `handed_over` rows.
 */
import { toNumber, type Queryable } from '../db/database';
import type { Device } from '../store/device';
import { SERVER_QUEUER } from '../authz/outbox-policy';

export interface Queuer {
  device_id: string;
  role: string;
  branch_id: string;
  /** The queuing device was revoked since (its pending messages are not delivered). */
  revoked: boolean;
}

export type AuditOutcome = 'handed_over' | 'sent' | 'failed' | 'cancelled' | 'deferred';

export interface AuditRow {
  communication_id: string;
  customer_id: string;
  branch_id: string;
  channel: string;
  purpose: string;
  queuer: Queuer;
  outcome: AuditOutcome;
  reason: string;
}

/** Notes that `device` queued these messages (the latest queuer wins). */
export async function recordQueuers(tx: Queryable, device: Device, ids: readonly string[], nowMs: number): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `INSERT INTO outbox_queuers (communication_id, device_id, role, branch_id, queued_ms)
     SELECT id, $2, $3, $4, $5 FROM unnest($1::text[]) AS id
     ON CONFLICT (communication_id) DO UPDATE SET device_id = EXCLUDED.device_id, role = EXCLUDED.role, branch_id = EXCLUDED.branch_id, queued_ms = EXCLUDED.queued_ms`,
    [ids, device.id, device.role, device.branch_id, nowMs],
  );
}

/** Who queued each message; automated messages (trigger_key) without a row were queued by the server. */
export async function queuersOf(q: Queryable, messages: readonly { id: string; trigger_key: string; branch_id: string }[]): Promise<Map<string, Queuer>> {
  const rows =
    messages.length === 0
      ? []
      : await q.query<Queuer & { communication_id: string }>(
          `SELECT q.communication_id, q.device_id, q.role, q.branch_id, (d.revoked_ms IS NOT NULL) AS revoked
           FROM outbox_queuers q LEFT JOIN devices d ON d.id = q.device_id WHERE q.communication_id = ANY($1::text[])`,
          [messages.map((m) => m.id)],
        );
  const known = new Map(rows.map((r) => [r.communication_id, { device_id: r.device_id, role: r.role, branch_id: r.branch_id, revoked: r.revoked === true }]));
  const fallback = (m: { trigger_key: string; branch_id: string }): Queuer =>
    m.trigger_key !== '' ? { device_id: SERVER_QUEUER, role: 'server', branch_id: m.branch_id, revoked: false } : { device_id: 'unknown', role: 'unknown', branch_id: m.branch_id, revoked: false };
  return new Map(messages.map((m) => [m.id, known.get(m.id) ?? fallback(m)]));
}

export async function writeAudit(tx: Queryable, rows: readonly AuditRow[], nowMs: number): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO outbox_audit (communication_id, customer_id, branch_id, channel, purpose, queued_by, queued_role, outcome, reason, at_ms)
     SELECT communication_id, customer_id, branch_id, channel, purpose, queued_by, queued_role, outcome, reason, $2
     FROM jsonb_to_recordset($1::jsonb) AS r(communication_id text, customer_id text, branch_id text, channel text, purpose text, queued_by text, queued_role text, outcome text, reason text)`,
    [JSON.stringify(rows.map(({ queuer, ...r }) => ({ ...r, queued_by: queuer.device_id, queued_role: queuer.role }))), nowMs],
  );
}

export interface WindowCount {
  count: number;
  /** The oldest counted hand-over (epoch ms): one slot frees when it leaves the window. */
  oldestMs: number;
}

/** Hand-overs since `sinceMs`, per value of `column` (customer_id or queued_by). */
export async function handOversSince(q: Queryable, column: 'customer_id' | 'queued_by', values: readonly string[], sinceMs: number): Promise<Map<string, WindowCount>> {
  if (values.length === 0) return new Map();
  const rows = await q.query<{ key: string; n: unknown; oldest: unknown }>(
    `SELECT ${column} AS key, count(*) AS n, min(at_ms) AS oldest FROM outbox_audit
     WHERE outcome = 'handed_over' AND ${column} = ANY($1::text[]) AND at_ms > $2 GROUP BY ${column}`,
    [values, sinceMs],
  );
  return new Map(rows.map((r) => [r.key, { count: toNumber(r.n), oldestMs: toNumber(r.oldest) }]));
}
