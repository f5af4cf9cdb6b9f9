import type { FastifyInstance } from 'fastify';
import { parseDay } from '../../../shared/time/calendar';
import { stableJson } from '../../../shared/util/json';
import { badRequest } from '../../store/errors';
import { metricsReport } from '../../services/metrics';
import type { Store } from '../../store/store';
import { MAX_TREND_DAYS, metricsTrend } from '../../services/trend';
import { readBranch } from '../../authz/policy';
import { requireDevice } from '../guards';

export function metricsRoutes(app: FastifyInstance, store: Store): void {
  /** The CLI `metrics` JSON, byte for byte (hq: every branch; manager: its own branch). */
  app.get('/api/metrics', async (request, reply) => {
    const device = await requireDevice(store, request);
    const scope = readBranch(device, 'metrics');
    const asOf = (request.query as Record<string, unknown>).as_of;
    let day: number | undefined;
    if (asOf !== undefined) {
      day = typeof asOf === 'string' ? (parseDay(asOf) ?? undefined) : undefined;
      if (day === undefined) throw badRequest(`as_of "${String(asOf)}" is not a date (YYYY-MM-DD)`, [{ field: 'as_of', message: 'must be a date YYYY-MM-DD' }]);
    }
    const report = await metricsReport(store, day, scope);
    return reply.type('application/json; charset=utf-8').send(`${stableJson(report)}\n`);
  });

  app.get('/api/metrics/trend', async (request) => {
    const device = await requireDevice(store, request);
    const scope = readBranch(device, 'metrics');
    const query = request.query as Record<string, unknown>;
    if (query.from !== undefined || query.to !== undefined) {
      if (query.days !== undefined) throw badRequest('give either days or from and to, not both', [{ field: 'days', message: 'not with from/to' }]);
      const dayOf = (name: 'from' | 'to') => {
        const v = query[name];
        const d = typeof v === 'string' ? parseDay(v) : null;
        if (d === null) throw badRequest(`${name} "${String(v ?? '')}" is not a date (YYYY-MM-DD)`, [{ field: name, message: 'must be a date YYYY-MM-DD' }]);
        return d;
      };
      const fromDay = dayOf('from');
      const toDay = dayOf('to');
      if (fromDay > toDay) throw badRequest(`from ${String(query.from)} is after to ${String(query.to)}`, [{ field: 'from', message: 'must not be after to' }]);
      if (toDay - fromDay + 1 > MAX_TREND_DAYS) throw badRequest(`the range is longer than ${MAX_TREND_DAYS} days`, [{ field: 'to', message: `at most ${MAX_TREND_DAYS} days after from` }]);
      return metricsTrend(store, { fromDay, toDay }, scope);
    }
    const text = query.days ?? '30';
    if (typeof text !== 'string' || !/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > MAX_TREND_DAYS) {
      throw badRequest(`days must be a whole number from 1 to ${MAX_TREND_DAYS}`, [{ field: 'days', message: `must be 1–${MAX_TREND_DAYS}` }]);
    }
    return metricsTrend(store, { days: Number(text) }, scope);
  });
}
