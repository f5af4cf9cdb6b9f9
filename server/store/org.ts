import { randomBytes } from 'node:crypto';
import { DEFAULT_RULES, type RuleSettings } from '../../shared/domain/settings';
import type { OrgInfo, OrgMoney } from '../../shared/sync/protocol';
import { insightRulesOrDefault, type InsightRules } from '../../shared/insights/business-rules';
import type { Queryable } from '../db/database';

export interface OrgSettings extends OrgInfo {
  /** Server-only secret (signs stream tickets); never sent to a desk. */
  server_secret: string;
  insights: InsightRules;
}

/** Creates the organisation row (secrets from the OS CSPRNG) the first time; keeps it after. */
export async function ensureOrg(q: Queryable, name = 'Branchdesk'): Promise<void> {
  await q.query(
    `INSERT INTO org_settings (id, name, customer_id_secret, server_secret, rules)
     VALUES (1, $1, $2, $3, $4::jsonb) ON CONFLICT (id) DO NOTHING`,
    [name, randomBytes(32).toString('base64url'), randomBytes(32).toString('base64url'), JSON.stringify(DEFAULT_RULES)],
  );
}

export async function loadOrg(q: Queryable): Promise<OrgSettings> {
  const rows = await q.query<{ name: string; customer_id_secret: string; server_secret: string; rules: RuleSettings; insights: unknown; currency: string }>(
    'SELECT name, customer_id_secret, server_secret, rules, insights, currency FROM org_settings WHERE id = 1',
  );
  const row = rows[0];
  if (row === undefined) throw new Error('organisation settings are missing (database not initialised)');
  return {
    name: row.name,
    customer_id_secret: row.customer_id_secret,
    server_secret: row.server_secret,
    rules: row.rules,
    insights: insightRulesOrDefault(row.insights),
    currency: row.currency,
  };
}

/** Replaces the business-wide insight rules (validated by the caller). */
export async function saveInsightRules(q: Queryable, insights: InsightRules): Promise<void> {
  await q.query('UPDATE org_settings SET insights = $1::jsonb WHERE id = 1', [JSON.stringify(insights)]);
}

/**
 * Replaces the business's currency and spending tiers (validated by the caller), in the caller's
 * transaction; the frequency tiers and thresholds stay.
 */
export async function saveOrgMoney(q: Queryable, money: OrgMoney): Promise<void> {
  await q.query(
    `UPDATE org_settings SET currency = $1, rules = jsonb_set(rules, '{tiers,spending}', $2::jsonb) WHERE id = 1`,
    [money.currency, JSON.stringify({ vipAbove: money.spending.vipAbove, highFrom: money.spending.highFrom, mediumFrom: money.spending.mediumFrom })],
  );
}

export function publicOrg(org: OrgSettings): OrgInfo {
  return { name: org.name, customer_id_secret: org.customer_id_secret, rules: org.rules, insights: org.insights, currency: org.currency ?? '' };
}
