/**
 * The business's retention model on the server (docs/DESIGN.md §7): fitted over every pair of
 * the business from the stored bookings, nightly (after the day roll-over) and after an import,
 * stored in `retention_model` and sent to every device as reference data, so an offline desk
 * predicts with the last parameters and desks and HQ agree. HQ's per-branch outlook is computed
 * with the same model and the same shared code as the desks'.
 */
import { visitHistories, type VisitFact } from '../../shared/predict/history';
import type { RfmPoint } from '../../shared/predict/bgnbd';
import type { SpendPoint } from '../../shared/predict/gamma-gamma';
import { fitRetentionPoints } from '../../shared/predict/model';
import { parseStoredModel, type StoredRetentionModel } from '../../shared/predict/model-wire';
import { outlookTotals, pairOutlook, roundedTotals, type OutlookTotals } from '../../shared/predict/outlook';
import { formatDay } from '../../shared/time/calendar';
import { toNumber, type Queryable } from '../db/database';
import { loadBranches } from '../store/branches';
import type { Store } from '../store/store';

/** The business's "today": the latest local date of its branches (UTC's without branches). */
export async function businessDay(store: Store): Promise<number> {
  const branches = await loadBranches(store.db);
  let day = store.today({ timezone: 'UTC' });
  if (branches.size > 0) day = Math.max(...[...branches.values()].map((b) => store.today(b)));
  return day;
}

async function completedFacts(q: Queryable, branchIds?: readonly string[]): Promise<VisitFact[]> {
  const rows = await q.query<{ customer_id: string; branch_id: string; price: unknown; local_day: unknown }>(
    `SELECT customer_id, branch_id, price, local_day FROM bookings
     WHERE NOT deleted AND status = 'completed'${branchIds === undefined ? '' : ' AND branch_id = ANY($1::text[])'}`,
    branchIds === undefined ? [] : [branchIds],
  );
  return rows.map((r) => ({ customer_id: r.customer_id, branch_id: r.branch_id, status: 'completed', price: toNumber(r.price), day: toNumber(r.local_day) }));
}

/**
 * What the fit needs of every pair with a completed visit on or before `asOfDay`, summarised by
 * PostgreSQL (the visit days, each day's spend, then per pair): x, t_x, T and, for pairs with
 * paid repeat visits, m_x — the same numbers `rfmPoint` and `meanRepeatSpend` give from the pair's
 * visit history (cents are whole numbers, so the sums are exact). A business of 10M bookings
 * sends a row per distinct point with its count instead of a row per booking, so the server's
 * event loop is not held by grouping millions of bookings in JavaScript (the likely reason HQ's
 * requests took 0.6–20 s right after start-up in the full bench of 2026-12-04; not re-measured).
 */
async function fitPoints(q: Queryable, asOfDay: number): Promise<{ points: Array<RfmPoint & { n: number }>; spend: Array<SpendPoint & { n: number }> }> {
  const rows = await q.query<{ x: unknown; t_x: unknown; big_t: unknown; repeat_cents: unknown; n: unknown }>(
    `WITH visit_days AS (
       SELECT customer_id, branch_id, local_day, sum(price) AS cents
       FROM bookings WHERE NOT deleted AND status = 'completed' AND local_day <= $1
       GROUP BY customer_id, branch_id, local_day
     ), pairs AS (
       SELECT count(*) - 1 AS x, max(local_day) - min(local_day) AS t_x, $1 - min(local_day) AS big_t,
              sum(cents) - (array_agg(cents ORDER BY local_day))[1] AS repeat_cents
       FROM visit_days GROUP BY customer_id, branch_id
     )
     SELECT x, t_x, big_t, repeat_cents, count(*) AS n FROM pairs GROUP BY x, t_x, big_t, repeat_cents`,
    [asOfDay],
  );
  const points: Array<RfmPoint & { n: number }> = [];
  const spend: Array<SpendPoint & { n: number }> = [];
  for (const r of rows) {
    const x = toNumber(r.x);
    const n = toNumber(r.n);
    points.push({ x, t_x: toNumber(r.t_x), T: toNumber(r.big_t), n });
    const m = x === 0 ? 0 : toNumber(r.repeat_cents) / x / 100;
    if (x > 0 && m > 0) spend.push({ x, m_x: m, n });
  }
  return { points, spend };
}

/** Fits the model over every pair of the business as of `asOfDay` and stores it (or the reason it failed). */
export async function fitBusinessModel(store: Store, asOfDay?: number): Promise<StoredRetentionModel> {
  const day = asOfDay ?? (await businessDay(store));
  const t0 = performance.now();
  const { points, spend } = await fitPoints(store.db, day);
  const outcome = fitRetentionPoints(points, spend);
  const fitMs = Math.round(performance.now() - t0);
  const fittedAt = new Date(store.clock()).toISOString();
  const stored: StoredRetentionModel = outcome.ok
    ? { ok: true, as_of: formatDay(day), fitted_at: fittedAt, fit_ms: fitMs, model: outcome.model }
    : { ok: false, as_of: formatDay(day), fitted_at: fittedAt, fit_ms: fitMs, reason: outcome.reason };
  await store.db.query(
    `INSERT INTO retention_model (id, as_of, fitted_at, ok, model, reason, fit_ms) VALUES (1, $1, $2, $3, $4::jsonb, $5, $6)
     ON CONFLICT (id) DO UPDATE SET as_of = $1, fitted_at = $2, ok = $3, model = $4::jsonb, reason = $5, fit_ms = $6`,
    [stored.as_of, fittedAt, stored.ok, stored.ok ? JSON.stringify(stored.model) : null, stored.ok ? '' : stored.reason, fitMs],
  );
  store.log.info({ as_of: stored.as_of, ok: stored.ok, fit_ms: fitMs, ...(stored.ok ? { pairs: stored.model.pairs } : { reason: stored.reason }) }, 'retention model fitted');
  return stored;
}

export async function loadRetentionModel(q: Queryable): Promise<StoredRetentionModel | null> {
  const rows = await q.query<{ as_of: string; fitted_at: unknown; ok: boolean; model: unknown; reason: string; fit_ms: unknown }>(
    'SELECT as_of, fitted_at, ok, model, reason, fit_ms FROM retention_model WHERE id = 1',
  );
  const r = rows[0];
  if (r === undefined) return null;
  const fittedAt = r.fitted_at instanceof Date ? r.fitted_at.toISOString() : new Date(String(r.fitted_at)).toISOString();
  const parsed = parseStoredModel({ ok: r.ok, as_of: r.as_of, fitted_at: fittedAt, fit_ms: toNumber(r.fit_ms), model: r.model, reason: r.reason });
  if (!parsed.ok) throw new Error(`the stored retention model is unreadable: ${parsed.problem}`);
  return parsed.value;
}

/** Fits again when no model is stored or it is older than the business's today (the nightly job). */
export async function refitIfStale(store: Store): Promise<StoredRetentionModel> {
  const day = await businessDay(store);
  const current = await loadRetentionModel(store.db);
  if (current !== null && current.as_of >= formatDay(day)) return current;
  return fitBusinessModel(store, day);
}

export interface BranchOutlook extends OutlookTotals {
  /** The branch-local date the pairs were predicted as of. */
  as_of: string;
}

/**
 * Per branch, the sums of its pairs' outlooks (expected visits and predicted revenue in the next
 * 30 / 90 days, value at risk), each pair predicted as of the branch's local today with the
 * stored model — what a desk of that branch shows for the same data and date. Null without a
 * fitted model.
 */
export async function branchOutlooks(store: Store, branchIds: readonly string[]): Promise<Record<string, BranchOutlook> | null> {
  const stored = await loadRetentionModel(store.db);
  if (stored === null || !stored.ok) return null;
  const branches = await loadBranches(store.db);
  const byBranch = new Map<string, VisitFact[]>();
  for (const f of await completedFacts(store.db, branchIds)) {
    const own = byBranch.get(f.branch_id);
    if (own === undefined) byBranch.set(f.branch_id, [f]);
    else own.push(f);
  }
  const out: Record<string, BranchOutlook> = {};
  for (const id of branchIds) {
    const branch = branches.get(id);
    if (branch === undefined) continue;
    const today = store.today(branch);
    const own = byBranch.get(id) ?? [];
    const totals = outlookTotals(visitHistories(own, today).map((h) => pairOutlook(stored.model, h, today)));
    out[id] = { ...roundedTotals(totals), as_of: formatDay(today) };
  }
  return out;
}
