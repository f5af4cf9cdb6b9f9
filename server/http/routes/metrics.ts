import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { stableJson } from '../../../shared/util/json';
import { badRequest, forbidden, notFound } from '../../store/errors';
import { loadBranches } from '../../store/branches';
import { branchCustomers } from '../../services/branch-customers';
import { CUSTOMER_STATUSES } from '../../../shared/domain/types';
import { metricsReport } from '../../services/metrics';
import { revenueReport } from '../../services/revenue';
import type { BranchCustomersResponse, RevenueResponse } from '../../../shared/sync/protocol';
import type { Store } from '../../store/store';
import { MAX_TREND_DAYS, metricsTrend } from '../../services/trend';
import { readBranch } from '../../authz/policy';
import { deviceFirst, requireDevice } from '../guards';
import { dayOf, FORMATS } from '../input-schemas';

const MetricsQuery = Type.Object({
  as_of: Type.Optional(Type.String({ format: FORMATS.day, description: 'a date YYYY-MM-DD' })),
});

const DEFAULT_TREND_DAYS = 30;

const day = Type.String({ format: FORMATS.day, description: 'a date YYYY-MM-DD' });

/** `?days=` (the last days, 30 by default) or `?from=&to=` (a range of at most MAX_TREND_DAYS days). */
const TrendQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TREND_DAYS, description: `a whole number from 1 to ${MAX_TREND_DAYS}` })),
  from: Type.Optional(day),
  to: Type.Optional(day),
});

/** `?from=&to=`, both required, at most MAX_TREND_DAYS days. */
const RevenueQuery = Type.Object({ from: day, to: day });

const BranchCustomersQuery = Type.Object({
  branch_id: Type.String({ minLength: 1, maxLength: 100, description: 'a branch id' }),
  status: Type.Union(CUSTOMER_STATUSES.map((s) => Type.Literal(s)), { description: CUSTOMER_STATUSES.join(', ') }),
});

export function metricsRoutes(app: FastifyInstance, store: Store): void {
  /** A branch's customers of one status today (hq: any branch; manager: its own), for HQ's drill-down. */
  app.get<{ Querystring: Static<typeof BranchCustomersQuery> }>(
    '/api/metrics/customers',
    { preValidation: deviceFirst(store, { authorize: (device) => readBranch(device, 'customer_lists') }), schema: { querystring: BranchCustomersQuery } },
    async (request) => {
      const scope = readBranch(await requireDevice(store, request), 'customer_lists');
      const { branch_id, status } = request.query;
      if (scope !== null && branch_id !== scope) throw forbidden(`a device of ${scope} may not list the customers of ${branch_id}`);
      if (!(await loadBranches(store.db)).has(branch_id)) throw notFound(`no branch ${branch_id}`);
      return (await branchCustomers(store, branch_id, status)) satisfies BranchCustomersResponse;
    },
  );

  /** Takings, visits and average ticket per branch over a range (hq: every branch; manager: its own). */
  app.get<{ Querystring: Static<typeof RevenueQuery> }>(
    '/api/metrics/revenue',
    { preValidation: deviceFirst(store, { authorize: (device) => readBranch(device, 'revenue') }), schema: { querystring: RevenueQuery } },
    async (request) => {
      const scope = readBranch(await requireDevice(store, request), 'revenue');
      const { from, to } = request.query;
      const fromDay = dayOf(from);
      const toDay = dayOf(to);
      if (fromDay > toDay) throw badRequest(`from ${from} is after to ${to}`, [{ field: 'from', message: 'must not be after to' }]);
      if (toDay - fromDay + 1 > MAX_TREND_DAYS) throw badRequest(`the range is longer than ${MAX_TREND_DAYS} days`, [{ field: 'to', message: `at most ${MAX_TREND_DAYS} days after from` }]);
      return { from, to, ...(await revenueReport(store, fromDay, toDay, scope)) } satisfies RevenueResponse;
    },
  );

  /** The CLI `metrics` JSON, byte for byte (hq: every branch; manager: its own branch). */
  app.get<{ Querystring: Static<typeof MetricsQuery> }>(
    '/api/metrics',
    { preValidation: deviceFirst(store, { authorize: (device) => readBranch(device, 'metrics') }), schema: { querystring: MetricsQuery } },
    async (request, reply) => {
      const scope = readBranch(await requireDevice(store, request), 'metrics');
      const { as_of } = request.query;
      const report = await metricsReport(store, as_of === undefined ? undefined : dayOf(as_of), scope);
      return reply.type('application/json; charset=utf-8').send(`${stableJson(report)}\n`);
    },
  );

  app.get<{ Querystring: Static<typeof TrendQuery> }>(
    '/api/metrics/trend',
    { preValidation: deviceFirst(store, { authorize: (device) => readBranch(device, 'metrics') }), schema: { querystring: TrendQuery } },
    async (request) => {
      const scope = readBranch(await requireDevice(store, request), 'metrics');
      const { days, from, to } = request.query;
      if (from === undefined && to === undefined) return metricsTrend(store, { days: days ?? DEFAULT_TREND_DAYS }, scope);
      if (days !== undefined) throw badRequest('give either days or from and to, not both', [{ field: 'days', message: 'not with from/to' }]);
      if (from === undefined || to === undefined) {
        const missing = from === undefined ? 'from' : 'to';
        throw badRequest(`${missing} is required with ${missing === 'from' ? 'to' : 'from'} (a date YYYY-MM-DD)`, [{ field: missing, message: 'must be a date YYYY-MM-DD' }]);
      }
      const fromDay = dayOf(from);
      const toDay = dayOf(to);
      if (fromDay > toDay) throw badRequest(`from ${from} is after to ${to}`, [{ field: 'from', message: 'must not be after to' }]);
      if (toDay - fromDay + 1 > MAX_TREND_DAYS) throw badRequest(`the range is longer than ${MAX_TREND_DAYS} days`, [{ field: 'to', message: `at most ${MAX_TREND_DAYS} days after from` }]);
      return metricsTrend(store, { fromDay, toDay }, scope);
    },
  );
}
