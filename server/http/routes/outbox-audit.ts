/**
 * `GET /api/outbox/audit?branch_id=&from=&to=&limit=&before=` — the outbox's audit
 * (server/outbox/audit.ts) for the people accountable for it: who queued each message, from which
 * device, for which customer, on which channel and purpose, and what the outbox decided, newest
 * first. Policy `outbox_audit read`: a manager reads its own branch (asking for another is 403),
 * hq every branch (or the one it names), a front desk nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { OutboxAuditEntry, OutboxAuditResponse } from '../../../shared/sync/protocol';
import { formatInstant, parseInstant } from '../../../shared/time/instant';
import { deniedMessage, readBranch } from '../../authz/policy';
import { toNumber } from '../../db/database';
import { ApiError, badRequest } from '../../store/errors';
import type { Store } from '../../store/store';
import { requireDevice } from '../guards';

export const AUDIT_PAGE = { default: 200, max: 1000 } as const;

function instantParam(query: Record<string, unknown>, name: 'from' | 'to'): number | null {
  const v = query[name];
  if (v === undefined || v === '') return null;
  const ms = typeof v === 'string' ? parseInstant(v) : null;
  if (ms === null) throw badRequest(`${name} "${String(v)}" is not an ISO 8601 instant (e.g. 2026-03-01T00:00:00Z)`, [{ field: name, message: 'must be an ISO 8601 instant' }]);
  return ms;
}

function wholeParam(query: Record<string, unknown>, name: 'limit' | 'before', min: number, max: number): number | null {
  const v = query[name];
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string' || !/^\d{1,15}$/.test(v) || Number(v) < min || Number(v) > max) {
    throw badRequest(`${name} must be a whole number from ${min} to ${max}`, [{ field: name, message: `must be ${min}–${max}` }]);
  }
  return Number(v);
}

export function outboxAuditRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/outbox/audit', async (request): Promise<OutboxAuditResponse> => {
    const device = await requireDevice(store, request);
    const scope = readBranch(device, 'outbox_audit');
    const query = request.query as Record<string, unknown>;
    const asked = query.branch_id;
    if (asked !== undefined && typeof asked !== 'string') throw badRequest('branch_id must be one branch id', [{ field: 'branch_id', message: 'must be a string' }]);
    if (scope !== null && asked !== undefined && asked !== '' && asked !== scope) {
      throw new ApiError(403, `${deniedMessage(device.role, 'outbox_audit', 'read')} of branch ${asked} (only ${scope})`);
    }
    const branch = scope ?? (asked === undefined || asked === '' ? null : asked);
    const from = instantParam(query, 'from');
    const to = instantParam(query, 'to');
    if (from !== null && to !== null && from > to) throw badRequest('from is after to', [{ field: 'from', message: 'must not be after to' }]);
    const limit = wholeParam(query, 'limit', 1, AUDIT_PAGE.max) ?? AUDIT_PAGE.default;
    const before = wholeParam(query, 'before', 1, Number.MAX_SAFE_INTEGER);

    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (branch !== null) add('a.branch_id = ?', branch);
    if (from !== null) add('a.at_ms >= ?', from);
    if (to !== null) add('a.at_ms <= ?', to);
    if (before !== null) add('a.id < ?', before);
    params.push(limit + 1);
    const rows = await store.db.query<Omit<OutboxAuditEntry, 'at' | 'id' | 'queued_by_label'> & { id: unknown; at_ms: unknown; label: string | null }>(
      `SELECT a.id, a.communication_id, a.customer_id, a.branch_id, a.channel, a.purpose, a.queued_by, d.label, a.queued_role, a.outcome, a.reason, a.at_ms
       FROM outbox_audit a LEFT JOIN devices d ON d.id = a.queued_by
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT $${params.length}`,
      params,
    );
    const entries: OutboxAuditEntry[] = rows.slice(0, limit).map(({ id, at_ms, label, ...r }) => ({
      id: toNumber(id),
      ...r,
      queued_by_label: label ?? (r.queued_by === 'server' ? 'Server (automated)' : ''),
      at: formatInstant(toNumber(at_ms)),
    }));
    const last = entries[entries.length - 1];
    return { entries, next_before: rows.length > limit && last !== undefined ? last.id : null };
  });
}
