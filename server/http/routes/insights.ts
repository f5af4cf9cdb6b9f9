/**
 * Business-wide insight rules (RFM cut-offs, high-value share), kept with the organisation
 * settings and sent to desks in `org.insights` (enrolment and `GET /api/session`):
 * - `GET /api/insights/rules` (any device) → `{ rules, suggested }`: the current rules and
 *   cut-offs derived from the organisation's quintiles (null without visits);
 * - `PUT /api/insights/rules` (hq) with `InsightRules` → the saved rules. Desks pick them up
 *   with their next session check.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { insightRulesProblems, type InsightRules, type RfmCutoffs } from '../../../shared/insights/business-rules';
import { rfmCutoffsFromQuintiles } from '../../../shared/insights/rfm';
import { toNumber } from '../../db/database';
import { badRequest } from '../../store/errors';
import { saveInsightRules } from '../../store/org';
import type { Store } from '../../store/store';
import { authorize } from '../../authz/policy';
import { deviceFirst, requireDevice } from '../guards';

const whole = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'a whole number ≥ 0' });
const quartet = Type.Tuple([whole, whole, whole, whole], { description: 'four whole numbers ≥ 0' });

/** `InsightRules` (shared/insights/business-rules); the cut-offs' order is the domain rule's `insightRulesProblems`. */
const InsightRulesBody = Type.Object(
  {
    rfm: Type.Object({ recency_days: quartet, frequency: quartet, monetary: quartet }, { description: 'the RFM cut-offs {recency_days, frequency, monetary}' }),
    high_value_pct: Type.Integer({ minimum: 1, maximum: 100, description: 'a whole percentage from 1 to 100' }),
  },
  { description: 'insight rules {rfm, high_value_pct}' },
);

export interface InsightRulesResponse {
  rules: InsightRules;
  suggested: RfmCutoffs | null;
}

/** Quintile cut-offs over every pair with a visit, computed by PostgreSQL (percentile_disc = nearest rank). */
async function suggestedCutoffs(store: Store): Promise<RfmCutoffs | null> {
  const rows = await store.db.query<{ n: unknown; days: unknown[] | null; visits: unknown[] | null; spent: unknown[] | null }>(
    `SELECT count(*) AS n,
       percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY days_since_last_visit) AS days,
       percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY total_bookings) AS visits,
       percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY total_spent) AS spent
     FROM customer_branch_activity WHERE total_bookings > 0 AND days_since_last_visit IS NOT NULL`,
  );
  const r = rows[0];
  if (r === undefined || toNumber(r.n) === 0 || r.days === null || r.visits === null || r.spent === null) return null;
  return rfmCutoffsFromQuintiles({ days: r.days.map(toNumber), visits: r.visits.map(toNumber), spent: r.spent.map(toNumber) });
}

export function insightRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/insights/rules', async (request) => {
    authorize(await requireDevice(store, request), 'insight_rules', 'read');
    const org = await store.reloadOrg();
    return { rules: org.insights, suggested: await suggestedCutoffs(store) } satisfies InsightRulesResponse;
  });

  app.put<{ Body: Static<typeof InsightRulesBody> }>(
    '/api/insights/rules',
    { preValidation: deviceFirst(store, { authorize: (device) => authorize(device, 'insight_rules', 'write') }), schema: { body: InsightRulesBody } },
    async (request) => {
      const problems = insightRulesProblems(request.body);
      if (problems.length > 0) throw badRequest(`invalid insight rules: ${problems[0]}`, problems.map((message) => ({ message })));
      const { rfm, high_value_pct } = request.body;
      const rules: InsightRules = { rfm: { recency_days: rfm.recency_days, frequency: rfm.frequency, monetary: rfm.monetary }, high_value_pct };
      await saveInsightRules(store.db, rules);
      return { rules: (await store.reloadOrg()).insights, suggested: await suggestedCutoffs(store) } satisfies InsightRulesResponse;
    },
  );
}
