/**
 * The business's money settings, kept with the organisation (docs/DESIGN.md §10):
 * - `GET /api/org/money` (any device) → `OrgMoney`: the currency and the spending-tier boundaries;
 * - `PUT /api/org/money` (hq) with `OrgMoney` → the saved settings. Every branch's HQ projection
 *   (each pair's spending tier) is recomputed in the same transaction, HQ screens are told
 *   (a `branches` notice), and desks take the new values at their next session check
 *   (`GET /api/session`, `org.currency` and `org.rules.tiers`).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { currencyProblem } from '../../../shared/domain/currency';
import { spendingTiersProblems } from '../../../shared/domain/settings';
import type { OrgMoney } from '../../../shared/sync/protocol';
import { authorize } from '../../authz/policy';
import { recomputeBranch } from '../../services/projection';
import { loadBranches } from '../../store/branches';
import { badRequest } from '../../store/errors';
import { notifyChange } from '../../store/notify';
import { loadOrg, saveOrgMoney } from '../../store/org';
import type { Store } from '../../store/store';
import { deviceFirst, requireDevice } from '../guards';

const cents = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'whole cents, 0 or more' });

const OrgMoneyBody = Type.Object(
  {
    currency: Type.String({ maxLength: 3, description: "an ISO 4217 code such as PHP, or '' for none" }),
    spending: Type.Object({ vipAbove: cents, highFrom: cents, mediumFrom: cents }, { additionalProperties: false, description: 'spending tiers {vipAbove, highFrom, mediumFrom}' }),
  },
  { additionalProperties: false, description: 'money settings {currency, spending}' },
);

function moneyOf(org: { currency?: string; rules: { tiers: { spending: OrgMoney['spending'] } } }): OrgMoney {
  const { vipAbove, highFrom, mediumFrom } = org.rules.tiers.spending;
  return { currency: org.currency ?? '', spending: { vipAbove, highFrom, mediumFrom } };
}

export function orgMoneyRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/org/money', async (request) => {
    authorize(await requireDevice(store, request), 'org_money', 'read');
    return moneyOf(await store.reloadOrg()) satisfies OrgMoney;
  });

  app.put<{ Body: Static<typeof OrgMoneyBody> }>(
    '/api/org/money',
    { preValidation: deviceFirst(store, { authorize: (device) => authorize(device, 'org_money', 'write') }), schema: { body: OrgMoneyBody } },
    async (request) => {
      const body = request.body;
      const problems = [
        ...(body.currency === '' ? [] : [currencyProblem(body.currency)].filter((m): m is string => m !== null).map((message) => ({ field: 'currency', message }))),
        ...spendingTiersProblems(body.spending).map((p) => ({ field: `spending.${p.field}`, message: p.message })),
      ];
      if (problems.length > 0) throw badRequest(`invalid money settings: ${problems[0]?.field} ${problems[0]?.message}`, problems);
      const money: OrgMoney = { currency: body.currency, spending: { ...body.spending } };
      await store.db.transaction(async (tx) => {
        const before = moneyOf(await loadOrg(tx));
        await saveOrgMoney(tx, money);
        const tiersChanged = JSON.stringify(before.spending) !== JSON.stringify(money.spending);
        if (tiersChanged) {
          // each pair's spending tier follows at once on HQ; the pair history (statuses over
          // time) depends on the thresholds only and is kept
          for (const branch of (await loadBranches(tx)).values()) await recomputeBranch(tx, branch, store.today(branch), undefined, 'if-stale');
        }
        if (tiersChanged || before.currency !== money.currency) await notifyChange(tx, { collection: 'branches', branches: null });
      });
      await store.reloadOrg();
      request.log.info({ currency: money.currency, spending: money.spending }, 'business money settings changed');
      return money satisfies OrgMoney;
    },
  );
}
