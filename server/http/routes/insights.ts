/**
 * Business-wide insight rules (RFM cut-offs, high-value share), kept with the organisation
 * settings and sent to desks in `org.insights` (enrolment and `GET /api/session`):
 * - `GET /api/insights/rules` (any device) → `{ rules, suggested }`: the current rules and
 *   cut-offs derived from the organisation's quintiles (null without visits);
 * - `PUT /api/insights/rules` (hq) with `InsightRules` → the saved rules. Desks pick them up
 *   with their next session check.
 */
import type { FastifyInstance } from 'fastify';
import { insightRulesProblems, type InsightRules, type RfmCutoffs } from '../../../shared/insights/business-rules';
import { rfmCutoffsFromQuintiles } from '../../../shared/insights/rfm';
import { toNumber } from '../../db/database';
import { badRequest } from '../../store/errors';
import { saveInsightRules } from '../../store/org';
import type { Store } from '../../store/store';
import { authorize } from '../../authz/policy';
import { requireDevice } from '../guards';

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

  app.put('/api/insights/rules', async (request) => {
    authorize(await requireDevice(store, request), 'insight_rules', 'write');
    const problems = insightRulesProblems(request.body);
    if (problems.length > 0) throw badRequest(`invalid insight rules: ${problems[0]}`, problems.map((message) => ({ message })));
    const body = request.body as InsightRules;
    const rules: InsightRules = { rfm: body.rfm, high_value_pct: body.high_value_pct };
    await saveInsightRules(store.db, rules);
    return { rules: (await store.reloadOrg()).insights, suggested: await suggestedCutoffs(store) } satisfies InsightRulesResponse;
  });
}
