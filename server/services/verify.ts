/**
 * Recomputes the precomputed activity of every branch (as of the branch's stored day) from raw
 * data and lists every row and counter that differs.
 */
import { ACTIVITY_FIELDS } from '../../shared/engine/activity';
import { compareCodePoints } from '../../shared/util/compare';
import { loadBranches } from '../store/branches';
import { accumulateAll, branchActivities, branchData, counterValues, loadProjection, rowToActivity, type ActivityRow } from './projection';
import type { Store } from '../store/store';

export interface VerifyResult {
  rows: number;
  differences: string[];
}

/** The computed fields (the pair's ids are the key). */
const FIELDS = ACTIVITY_FIELDS.filter((f) => f !== 'customer_id' && f !== 'branch_id');

const COUNTER_NAMES = ['customers', 'new', 'active', 'win_back', 'at_risk', 'churned', 'new_customers_30d', 'with_visits', 'spent_cents', 'visits'];

function show(v: unknown): string {
  return v === null ? '(empty)' : JSON.stringify(v);
}

export async function verifyProjection(store: Store): Promise<VerifyResult> {
  const branches = await loadBranches(store.db);
  const projection = await loadProjection(store.db, [...branches.keys()]);
  const differences: string[] = [];
  let rows = 0;
  const strays = await store.db.query<{ branch_id: string; n: unknown }>(
    'SELECT branch_id, count(*) AS n FROM customer_branch_activity WHERE branch_id <> ALL($1::text[]) GROUP BY branch_id ORDER BY branch_id',
    [[...branches.keys()]],
  );
  for (const s of strays) differences.push(`${s.branch_id}: ${String(s.n)} activity rows for a branch that does not exist`);
  const orphans = await store.db.query<{ branch_id: string; customer_id: string; n: unknown }>(
    `SELECT b.branch_id, b.customer_id, count(*) AS n FROM bookings b
     WHERE NOT b.deleted AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = b.customer_id)
     GROUP BY b.branch_id, b.customer_id ORDER BY b.branch_id, b.customer_id LIMIT 100`,
  );
  for (const o of orphans) differences.push(`${o.customer_id},${o.branch_id}: ${String(o.n)} booking(s) for a customer that does not exist`);

  for (const branch of branches.values()) {
    const stored = projection.get(branch.id);
    if (stored === undefined) {
      differences.push(`${branch.id}: no projection (the branch was never computed)`);
      continue;
    }
    const expected = new Map(branchActivities(branch, await branchData(store.db, branch.id), stored.asOfDay).map((a) => [a.customer_id, a]));
    const actualRows = await store.db.query<ActivityRow>('SELECT * FROM customer_branch_activity WHERE branch_id = $1', [branch.id]);
    const actual = new Map(actualRows.map((r) => [r.customer_id as string, rowToActivity(r)]));
    rows += actual.size;
    const ids = [...new Set([...expected.keys(), ...actual.keys()])].sort(compareCodePoints);
    for (const id of ids) {
      const e = expected.get(id);
      const a = actual.get(id);
      const pair = `${id},${branch.id}`;
      if (e === undefined) differences.push(`${pair}: stored row has no pair in the data`);
      else if (a === undefined) differences.push(`${pair}: missing row (expected status ${e.status})`);
      else {
        const diffs = FIELDS.filter((f) => a[f] !== e[f]).map((f) => `${f} stored ${show(a[f])} expected ${show(e[f])}`);
        if (diffs.length > 0) differences.push(`${pair}: ${diffs.join('; ')}`);
      }
    }
    const want = counterValues(accumulateAll(expected.values(), stored.asOfDay));
    const have = counterValues(stored.acc);
    const counterDiffs = COUNTER_NAMES.filter((_, i) => want[i] !== have[i]).map((n) => {
      const i = COUNTER_NAMES.indexOf(n);
      return `${n} stored ${have[i]} expected ${want[i]}`;
    });
    if (counterDiffs.length > 0) differences.push(`${branch.id} counters: ${counterDiffs.join('; ')}`);
  }
  return { rows, differences };
}
