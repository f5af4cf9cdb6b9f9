/**
 * The baseline of hq.metrics: the organisation report's figures computed by GROUP BY over the
 * raw bookings (and customers' home branches), as of each branch's day with its thresholds —
 * what a server without the precomputed projection would run. The result goes through the same
 * rounding (`finishMetrics`) so it can be compared with the endpoint's answer field by field.
 */
import { emptyAccumulator, finishMetrics, mergeAccumulators, type MetricsAccumulator, type MetricsReport } from '../../shared/engine/metrics';
import { toNumber, type Queryable } from '../../server/db/database';

export interface BranchDay {
  branch_id: string;
  day: number;
  active_days: number;
  at_risk_days: number;
}

export const GROUP_BY_SQL = `
WITH d AS (
  SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[]) AS d(branch_id, day, active_days, at_risk_days)
),
visit AS (
  SELECT b.branch_id, b.customer_id, b.local_day, b.price,
         row_number() OVER (PARTITION BY b.branch_id, b.customer_id ORDER BY b.start_ms DESC, b.id COLLATE "C" DESC) AS rn
  FROM bookings b JOIN d ON d.branch_id = b.branch_id
  WHERE NOT b.deleted AND b.status = 'completed' AND b.local_day <= d.day
),
visits AS (
  SELECT branch_id, customer_id, count(*) AS n, sum(price) AS spent, min(local_day) AS first_day,
         max(local_day) FILTER (WHERE rn = 1) AS last_day, max(local_day) FILTER (WHERE rn = 2) AS prev_day
  FROM visit GROUP BY branch_id, customer_id
),
pair AS (
  SELECT b.branch_id, b.customer_id FROM bookings b JOIN d ON d.branch_id = b.branch_id WHERE NOT b.deleted
  UNION
  SELECT c.home_branch_id, c.id FROM customers c JOIN d ON d.branch_id = c.home_branch_id WHERE NOT c.deleted
),
status AS (
  SELECT p.branch_id, v.n, v.spent, v.first_day, d.day,
         CASE WHEN v.n IS NULL THEN 'new'
              WHEN d.day - v.last_day <= d.active_days THEN
                CASE WHEN v.prev_day IS NOT NULL AND v.last_day - v.prev_day > d.at_risk_days THEN 'win_back' ELSE 'active' END
              WHEN d.day - v.last_day <= d.at_risk_days THEN 'at_risk'
              ELSE 'churned' END AS status
  FROM pair p JOIN d ON d.branch_id = p.branch_id
  LEFT JOIN visits v ON v.branch_id = p.branch_id AND v.customer_id = p.customer_id
)
SELECT branch_id,
       count(*) AS customers,
       count(*) FILTER (WHERE status = 'new') AS status_new,
       count(*) FILTER (WHERE status = 'active') AS status_active,
       count(*) FILTER (WHERE status = 'win_back') AS status_win_back,
       count(*) FILTER (WHERE status = 'at_risk') AS status_at_risk,
       count(*) FILTER (WHERE status = 'churned') AS status_churned,
       count(*) FILTER (WHERE first_day BETWEEN day - 29 AND day) AS new_customers_30d,
       count(n) AS with_visits,
       coalesce(sum(spent), 0) AS spent_cents,
       coalesce(sum(n), 0) AS visits
FROM status GROUP BY branch_id`;

export async function groupByReport(q: Queryable, days: readonly BranchDay[], asOf: string): Promise<MetricsReport> {
  const rows = await q.query<Record<string, unknown> & { branch_id: string }>(GROUP_BY_SQL, [
    days.map((d) => d.branch_id),
    days.map((d) => d.day),
    days.map((d) => d.active_days),
    days.map((d) => d.at_risk_days),
  ]);
  const accs = new Map<string, MetricsAccumulator>(days.map((d) => [d.branch_id, emptyAccumulator()]));
  for (const r of rows) {
    accs.set(r.branch_id, {
      customers: toNumber(r.customers),
      statuses: {
        new: toNumber(r.status_new),
        active: toNumber(r.status_active),
        win_back: toNumber(r.status_win_back),
        at_risk: toNumber(r.status_at_risk),
        churned: toNumber(r.status_churned),
      },
      newCustomers30d: toNumber(r.new_customers_30d),
      withVisits: toNumber(r.with_visits),
      spentCents: toNumber(r.spent_cents),
      visits: toNumber(r.visits),
    });
  }
  const all = emptyAccumulator();
  const branches: MetricsReport['branches'] = {};
  for (const [id, acc] of [...accs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    branches[id] = finishMetrics(acc);
    mergeAccumulators(all, acc);
  }
  return { as_of: asOf, branches, all: finishMetrics(all) };
}
