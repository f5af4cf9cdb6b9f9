/**
 * `GET /api/outbox/audit?branch_id=&from=&to=&limit=&before=` — the outbox's audit
 * (server/outbox/audit.ts) for the people accountable for it: who queued each message, from which
 * device, for which customer, on which channel and purpose, and what the outbox decided, newest
 * first. Policy `outbox_audit read`: a manager reads its own branch (asking for another is 403),
 * hq every branch (or the one it names), a front desk nothing.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { OutboxAuditEntry, OutboxAuditResponse } from '../../../shared/sync/protocol';
import { formatInstant } from '../../../shared/time/instant';
import { deniedMessage, readBranch } from '../../authz/policy';
import { toNumber } from '../../db/database';
import { ApiError, badRequest } from '../../store/errors';
import type { Store } from '../../store/store';
import { deviceFirst, requireDevice } from '../guards';
import { FORMATS, instantOf } from '../input-schemas';

export const AUDIT_PAGE = { default: 200, max: 1000 } as const;

const instant = Type.String({ format: FORMATS.instant, description: 'an ISO 8601 instant (e.g. 2026-03-01T00:00:00Z)' });

const AuditQuery = Type.Object({
  branch_id: Type.Optional(Type.String({ maxLength: 100, description: 'one branch id' })),
  from: Type.Optional(instant),
  to: Type.Optional(instant),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: AUDIT_PAGE.max, description: `a whole number from 1 to ${AUDIT_PAGE.max}` })),
  before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'an audit entry id (a whole number from 1)' })),
});

export function outboxAuditRoutes(app: FastifyInstance, store: Store): void {
  const auditor = deviceFirst(store, { authorize: (device) => readBranch(device, 'outbox_audit') });
  app.get<{ Querystring: Static<typeof AuditQuery> }>('/api/outbox/audit', { preValidation: auditor, schema: { querystring: AuditQuery } }, async (request): Promise<OutboxAuditResponse> => {
    const device = await requireDevice(store, request);
    const scope = readBranch(device, 'outbox_audit');
    const query = request.query;
    const asked = query.branch_id;
    if (scope !== null && asked !== undefined && asked !== scope) {
      throw new ApiError(403, `${deniedMessage(device.role, 'outbox_audit', 'read')} of branch ${asked} (only ${scope})`);
    }
    const branch = scope ?? asked ?? null;
    const from = query.from === undefined ? null : instantOf(query.from);
    const to = query.to === undefined ? null : instantOf(query.to);
    if (from !== null && to !== null && from > to) throw badRequest('from is after to', [{ field: 'from', message: 'must not be after to' }]);
    const limit = query.limit ?? AUDIT_PAGE.default;
    const before = query.before ?? null;

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
