/**
 * The optional retention rule, once a day: customers with no visit for N years are anonymised
 * (shared/privacy/retention.ts decides; off unless every branch of the customer turned it on).
 * One process runs it per UTC day (claimed in `job_runs`), in batches.
 */
import type { CustomerDoc } from '../../shared/domain/schemas';
import { retentionDue } from '../../shared/privacy/retention';
import { civilFromDays, formatDay, MS_PER_DAY } from '../../shared/time/calendar';
import type { Queryable } from '../db/database';
import { loadMasters } from '../store/documents';
import type { Store } from '../store/store';
import { loadBranchSettings } from '../triggers/branch-settings';
import { eraseCustomersOnServer } from './erase-customers';

const BATCH = 500;

/** Claims today's run for this process; false when another run already claimed it. */
async function claimRun(q: Queryable, day: number): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO job_runs (job, branch_id, day) VALUES ('retention', '', $1)
     ON CONFLICT (job, branch_id) DO UPDATE SET day = EXCLUDED.day WHERE job_runs.day < EXCLUDED.day
     RETURNING day`,
    [day],
  );
  return rows.length > 0;
}

/** Runs the retention rule if it has not run today; returns the customers anonymised. */
export async function runRetention(store: Store, options: { force?: boolean } = {}): Promise<string[]> {
  const settings = await loadBranchSettings(store.db);
  const enabled = [...settings.values()].filter((s) => s.retention_enabled);
  if (enabled.length === 0) return [];
  const today = Math.floor(store.clock() / MS_PER_DAY);
  if (!(await claimRun(store.db, today)) && options.force !== true) return [];
  // Pre-filter in SQL: nobody whose latest visit anywhere is within the shortest period.
  const minYears = Math.min(...enabled.map((s) => s.retention_years));
  const t = civilFromDays(today);
  const cutoff = `${String(t.year - minYears).padStart(4, '0')}${formatDay(today).slice(4)}`;
  const candidates = await store.db.query<{ customer_id: string; pairs: { branch_id: string; last_visit_date: string | null }[] }>(
    `SELECT a.customer_id, json_agg(json_build_object('branch_id', a.branch_id, 'last_visit_date', a.last_visit_date)) AS pairs
     FROM customer_branch_activity a
     WHERE a.customer_id IN (SELECT customer_id FROM customer_branch_activity WHERE branch_id = ANY($1::text[]))
     GROUP BY a.customer_id
     HAVING COALESCE(max(a.last_visit_date), '') < $2`,
    [enabled.map((s) => s.branch_id), cutoff],
  );
  const erased: string[] = [];
  for (let i = 0; i < candidates.length; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    const ids = batch.map((c) => c.customer_id);
    const customers = await loadMasters<CustomerDoc>(store.db, 'customers', ids);
    const future = await store.db.query<{ customer_id: string }>(
      "SELECT DISTINCT customer_id FROM bookings WHERE customer_id = ANY($1::text[]) AND NOT deleted AND start_ms > $2 AND status IN ('scheduled', 'checked_in')",
      [ids, store.clock()],
    );
    const withFuture = new Set(future.map((f) => f.customer_id));
    const due = batch
      .filter((c) => {
        const customer = customers.get(c.customer_id)?.doc;
        return (
          customer !== undefined &&
          !customer._deleted &&
          retentionDue({ customer, pairs: c.pairs, settings, hasFutureBooking: withFuture.has(c.customer_id), today })
        );
      })
      .map((c) => c.customer_id);
    if (due.length > 0) erased.push(...(await eraseCustomersOnServer(store, due, 'server')).erased.map((c) => c.id));
  }
  if (erased.length > 0) store.log.info({ count: erased.length }, 'retention rule anonymised customers');
  return erased;
}
