/**
 * The server's precomputed history for trends (docs/DESIGN.md §2, issue 14). Every pair's status
 * over time is a handful of intervals (shared/engine/trend.ts); the server keeps, per pair, the
 * difference entries those intervals write (`pair_history`), and per branch and day their sums
 * (`branch_day_deltas`). The metrics of a branch as of any day D are the sums of its entries
 * dated on or before D, so a trend over any range reads two small queries per request, whatever
 * the number of bookings. Both tables change in the same transactions as the bookings and
 * customers (refreshPairs, recomputeBranch): a booking pushed days late moves the past days at
 * once. Daily snapshots (`metrics_snapshots`) are no source for any figure.
 */
import type { BookingFact } from '../../shared/engine/activity';
import { pairExists } from '../../shared/engine/activity';
import { pairKey } from '../../shared/engine/activity-index';
import { pairDeltas, TREND_FIELDS, trendFromDeltas, type BranchDeltas, type DayDelta, type TrendDay } from '../../shared/engine/trend';
import { parseInstant } from '../../shared/time/instant';
import { zoneClock } from '../../shared/time/zone';
import { toNumber, type Queryable } from '../db/database';
import type { BranchInfo } from '../store/branches';

/** The counter columns of `branch_day_deltas`, in the engine's field order (TREND_FIELDS). */
export const DELTA_COLUMNS = ['customers', 'status_new', 'status_active', 'status_win_back', 'status_at_risk', 'status_churned', 'new_customers_30d', 'with_visits', 'spent_cents', 'visits'] as const;

if (DELTA_COLUMNS.length !== TREND_FIELDS) throw new Error('branch_day_deltas columns and the trend fields disagree');

/** A pair's stored entries: `[day, v0, …, v9]` per day. */
type StoredDelta = number[];

function toStored(deltas: readonly DayDelta[]): StoredDelta[] {
  return deltas.map((d) => [d.day, ...d.values]);
}

function fromStored(rows: readonly StoredDelta[]): DayDelta[] {
  return rows.map((r) => ({ day: toNumber(r[0]), values: r.slice(1).map(toNumber) }));
}

/**
 * The branch-local day from which a pair exists: the earliest of the customer's created_at and
 * the pair's bookings; -Infinity when the customer has no created_at (as ActivityIndex does).
 */
export function pairSince(createdAt: string | null | undefined, timezone: string, facts: readonly BookingFact[]): number {
  const created = createdAt === null || createdAt === undefined || createdAt === '' ? null : parseInstant(createdAt);
  if (created === null) return Number.NEGATIVE_INFINITY;
  let since = zoneClock(timezone).localDay(created);
  for (const f of facts) if (f.day < since) since = f.day;
  return since;
}

/** A pair's entries now: none when the pair does not exist (no booking there, not its home). */
export function pairEntries(branch: BranchInfo, facts: readonly BookingFact[], isHome: boolean, createdAt: string | null | undefined): DayDelta[] {
  if (!pairExists(facts.length, isHome)) return [];
  return pairDeltas(pairSince(createdAt, branch.timezone, facts), facts, branch.rules.thresholds);
}

/** The stored entries of the given pairs (absent = none stored), by pairKey. */
export async function loadPairHistories(q: Queryable, pairs: readonly { branch_id: string; customer_id: string }[]): Promise<Map<string, DayDelta[]>> {
  if (pairs.length === 0) return new Map();
  const rows = await q.query<{ branch_id: string; customer_id: string; deltas: StoredDelta[] }>(
    `SELECT h.branch_id, h.customer_id, h.deltas
       FROM jsonb_to_recordset($1::jsonb) AS p(branch_id text, customer_id text)
       JOIN pair_history h ON h.branch_id = p.branch_id AND h.customer_id = p.customer_id`,
    [JSON.stringify(pairs.map((p) => ({ branch_id: p.branch_id, customer_id: p.customer_id })))],
  );
  return new Map(rows.map((r) => [pairKey(r.branch_id, r.customer_id), fromStored(r.deltas)]));
}

/** The customers' created_at (null when absent), deleted customers included. */
export async function loadCreatedAt(q: Queryable, customerIds: readonly string[]): Promise<Map<string, string | null>> {
  if (customerIds.length === 0) return new Map();
  const rows = await q.query<{ id: string; created_at: string | null }>(
    "SELECT id, data->>'created_at' AS created_at FROM customers WHERE id = ANY($1::text[])",
    [[...new Set(customerIds)]],
  );
  return new Map(rows.map((r) => [r.id, r.created_at]));
}

export interface PairHistoryChange {
  branch_id: string;
  customer_id: string;
  before: readonly DayDelta[];
  after: readonly DayDelta[];
}

function sameEntries(a: readonly DayDelta[], b: readonly DayDelta[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as DayDelta;
    const y = b[i] as DayDelta;
    if (x.day !== y.day) return false;
    for (let f = 0; f < TREND_FIELDS; f += 1) if ((x.values[f] ?? 0) !== (y.values[f] ?? 0)) return false;
  }
  return true;
}

/**
 * Replaces the entries of the given pairs and moves the branch day sums by the difference, in
 * one statement. Pairs whose entries did not change are skipped.
 */
export async function writePairHistories(tx: Queryable, changes: readonly PairHistoryChange[]): Promise<void> {
  const changed = changes.filter((c) => !sameEntries(c.before, c.after));
  if (changed.length === 0) return;
  const sums = new Map<string, number[]>();
  const move = (branchId: string, d: DayDelta, sign: number) => {
    const key = `${branchId}\u0000${d.day}`;
    let row = sums.get(key);
    if (row === undefined) sums.set(key, (row = new Array<number>(TREND_FIELDS).fill(0)));
    for (let f = 0; f < TREND_FIELDS; f += 1) row[f] = (row[f] as number) + sign * (d.values[f] ?? 0);
  };
  for (const c of changed) {
    for (const d of c.before) move(c.branch_id, d, -1);
    for (const d of c.after) move(c.branch_id, d, 1);
  }
  const dayRows = [...sums]
    .filter(([, values]) => values.some((v) => v !== 0))
    .map(([key, values]) => {
      const [branchId, day] = key.split('\u0000') as [string, string];
      return Object.fromEntries([['branch_id', branchId], ['day', Number(day)], ...DELTA_COLUMNS.map((c, i) => [c, values[i]])]);
    });
  const kept = changed.filter((c) => c.after.length > 0).map((c) => ({ branch_id: c.branch_id, customer_id: c.customer_id, deltas: toStored(c.after) }));
  const gone = changed.filter((c) => c.after.length === 0).map((c) => ({ branch_id: c.branch_id, customer_id: c.customer_id }));
  const types = DELTA_COLUMNS.map((c) => `${c} bigint`).join(', ');
  await tx.query(
    `WITH upserted AS (
       INSERT INTO pair_history (branch_id, customer_id, deltas)
       SELECT r.branch_id, r.customer_id, r.deltas FROM jsonb_to_recordset($1::jsonb) AS r(branch_id text, customer_id text, deltas jsonb)
       ON CONFLICT (branch_id, customer_id) DO UPDATE SET deltas = EXCLUDED.deltas
       RETURNING 1
     ), deleted AS (
       DELETE FROM pair_history h USING jsonb_to_recordset($2::jsonb) AS p(branch_id text, customer_id text)
       WHERE h.branch_id = p.branch_id AND h.customer_id = p.customer_id
       RETURNING 1
     ), moved AS (
       INSERT INTO branch_day_deltas (branch_id, day, ${DELTA_COLUMNS.join(', ')})
       SELECT d.branch_id, d.day, ${DELTA_COLUMNS.map((c) => `d.${c}`).join(', ')} FROM jsonb_to_recordset($3::jsonb) AS d(branch_id text, day integer, ${types})
       ON CONFLICT (branch_id, day) DO UPDATE SET ${DELTA_COLUMNS.map((c) => `${c} = branch_day_deltas.${c} + EXCLUDED.${c}`).join(', ')}
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM upserted) AS upserted, (SELECT count(*) FROM deleted) AS deleted, (SELECT count(*) FROM moved) AS moved`,
    [JSON.stringify(kept), JSON.stringify(gone), JSON.stringify(dayRows)],
  );
}

/**
 * Rebuilds a branch's history from its raw data: every pair's entries and the day sums replaced.
 * Marks the branch built (branch_projection.history_built), so metricsTrend trusts its sums.
 */
export async function rebuildBranchHistory(
  tx: Queryable,
  branch: BranchInfo,
  data: { facts: Map<string, BookingFact[]>; homes: Set<string> },
): Promise<void> {
  const customers = new Set([...data.facts.keys(), ...data.homes]);
  const created = await loadCreatedAt(tx, [...customers]);
  await tx.query('DELETE FROM pair_history WHERE branch_id = $1', [branch.id]);
  await tx.query('DELETE FROM branch_day_deltas WHERE branch_id = $1', [branch.id]);
  const changes: PairHistoryChange[] = [];
  for (const customerId of customers) {
    const after = pairEntries(branch, data.facts.get(customerId) ?? [], data.homes.has(customerId), created.get(customerId));
    if (after.length > 0) changes.push({ branch_id: branch.id, customer_id: customerId, before: [], after });
  }
  for (let i = 0; i < changes.length; i += 5000) await writePairHistories(tx, changes.slice(i, i + 5000));
  await tx.query('UPDATE branch_projection SET history_built = true, history_rules = $2 WHERE branch_id = $1', [branch.id, historyRulesOf(branch)]);
}

/** What a branch's entries depend on besides its data: its thresholds. */
function historyRulesOf(branch: BranchInfo): string {
  return JSON.stringify({ activeDays: branch.rules.thresholds.activeDays, atRiskDays: branch.rules.thresholds.atRiskDays });
}

/**
 * Whether a branch's stored history must be rebuilt: never built, or built with other thresholds.
 * (Its entries do not depend on the date, so a new day alone never needs it.)
 */
export async function historyStale(q: Queryable, branch: BranchInfo): Promise<boolean> {
  const rows = await q.query<{ history_built: boolean; history_rules: string | null }>('SELECT history_built, history_rules FROM branch_projection WHERE branch_id = $1', [branch.id]);
  const row = rows[0];
  return row === undefined || !row.history_built || row.history_rules !== historyRulesOf(branch);
}

/** Branches among `ids` whose history has not been built yet (a database upgraded to migration 11). */
export async function unbuiltHistories(q: Queryable, ids: readonly string[]): Promise<string[]> {
  const rows = await q.query<{ branch_id: string }>('SELECT branch_id FROM branch_projection WHERE branch_id = ANY($1::text[]) AND NOT history_built', [ids]);
  return rows.map((r) => r.branch_id);
}

/** Every day of [fromDay, toDay] for the given branches, from the stored day sums. */
export async function trendFromHistory(q: Queryable, branchIds: readonly string[], fromDay: number, toDay: number): Promise<TrendDay[]> {
  const sums = DELTA_COLUMNS.map((c) => `sum(${c})::float8 AS ${c}`).join(', ');
  const before = await q.query<Record<string, unknown> & { branch_id: string }>(
    `SELECT branch_id, ${sums} FROM branch_day_deltas WHERE branch_id = ANY($1::text[]) AND day < $2 GROUP BY branch_id`,
    [branchIds, fromDay],
  );
  const inRange = await q.query<Record<string, unknown> & { branch_id: string; day: unknown }>(
    `SELECT branch_id, day, ${DELTA_COLUMNS.map((c) => `${c}::float8 AS ${c}`).join(', ')} FROM branch_day_deltas
      WHERE branch_id = ANY($1::text[]) AND day >= $2 AND day <= $3`,
    [branchIds, fromDay, toDay],
  );
  const byBranch = new Map<string, { before: number[]; days: DayDelta[] }>(branchIds.map((id) => [id, { before: new Array<number>(TREND_FIELDS).fill(0), days: [] }]));
  for (const r of before) {
    const b = byBranch.get(r.branch_id);
    if (b !== undefined) b.before = DELTA_COLUMNS.map((c) => toNumber(r[c]));
  }
  for (const r of inRange) byBranch.get(r.branch_id)?.days.push({ day: toNumber(r.day), values: DELTA_COLUMNS.map((c) => toNumber(r[c])) });
  const branches: BranchDeltas[] = [...byBranch].map(([branchId, b]) => ({ branchId, before: b.before, days: b.days }));
  return trendFromDeltas(branches, fromDay, toDay);
}
