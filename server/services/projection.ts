/**
 * HQ projection: the `customer_branch_activity` rows (one per pair, as of each branch's
 * `as_of_day`) and the per-branch counters in `branch_projection`, both maintained inside the
 * transactions that change bookings or customers, with the shared engine (computePairActivity).
 */
import { ACTIVITY_FIELDS, computePairActivity, pairExists, sameActivity, type BookingFact, type PairActivity } from '../../shared/engine/activity';
import { pairKey } from '../../shared/engine/activity-index';
import { accumulate, emptyAccumulator, type MetricsAccumulator } from '../../shared/engine/metrics';
import type { BookingStatus, CustomerStatus } from '../../shared/domain/types';
import { toNumber, type Queryable } from '../db/database';
import type { BranchInfo } from '../store/branches';
import { historyStale, loadCreatedAt, loadPairHistories, pairEntries, rebuildBranchHistory, writePairHistories, type PairHistoryChange } from './history';

export interface PairRef {
  branch_id: string;
  customer_id: string;
}

const ACTIVITY_COLUMNS = ACTIVITY_FIELDS;

const ACTIVITY_TYPES: Record<(typeof ACTIVITY_COLUMNS)[number], string> = {
  branch_id: 'text',
  customer_id: 'text',
  status: 'text',
  days_since_last_visit: 'integer',
  total_bookings: 'integer',
  total_spent: 'bigint',
  first_visit_date: 'text',
  last_visit_date: 'text',
  no_shows: 'integer',
  spending_tier: 'text',
  frequency_tier: 'text',
  favorite_service: 'text',
  preferred_staff: 'text',
};

const RECORDSET = `jsonb_to_recordset($1::jsonb) AS r(${ACTIVITY_COLUMNS.map((c) => `${c} ${ACTIVITY_TYPES[c]}`).join(', ')})`;

export type ActivityRow = Record<(typeof ACTIVITY_COLUMNS)[number], unknown>;

/** A stored activity row as the engine's PairActivity. */
export function rowToActivity(r: ActivityRow): PairActivity {
  return {
    customer_id: r.customer_id as string,
    branch_id: r.branch_id as string,
    status: r.status as PairActivity['status'],
    days_since_last_visit: r.days_since_last_visit === null ? null : toNumber(r.days_since_last_visit),
    total_bookings: toNumber(r.total_bookings),
    total_spent: toNumber(r.total_spent),
    first_visit_date: (r.first_visit_date as string | null) ?? null,
    last_visit_date: (r.last_visit_date as string | null) ?? null,
    no_shows: toNumber(r.no_shows),
    spending_tier: r.spending_tier as PairActivity['spending_tier'],
    frequency_tier: r.frequency_tier as PairActivity['frequency_tier'],
    favorite_service: r.favorite_service as string,
    preferred_staff: r.preferred_staff as string,
  };
}

const COUNTER_COLUMNS = [
  'customers',
  'status_new',
  'status_active',
  'status_win_back',
  'status_at_risk',
  'status_churned',
  'new_customers_30d',
  'with_visits',
  'spent_cents',
  'visits',
] as const;

export type CounterRow = Record<(typeof COUNTER_COLUMNS)[number], unknown>;

const COUNTERS_SQL = COUNTER_COLUMNS.join(', ');

export function counterValues(acc: MetricsAccumulator): number[] {
  return [
    acc.customers,
    acc.statuses.new,
    acc.statuses.active,
    acc.statuses.win_back,
    acc.statuses.at_risk,
    acc.statuses.churned,
    acc.newCustomers30d,
    acc.withVisits,
    acc.spentCents,
    acc.visits,
  ];
}

export function accumulatorOf(row: CounterRow): MetricsAccumulator {
  return {
    customers: toNumber(row.customers),
    statuses: {
      new: toNumber(row.status_new),
      active: toNumber(row.status_active),
      win_back: toNumber(row.status_win_back),
      at_risk: toNumber(row.status_at_risk),
      churned: toNumber(row.status_churned),
    },
    newCustomers30d: toNumber(row.new_customers_30d),
    withVisits: toNumber(row.with_visits),
    spentCents: toNumber(row.spent_cents),
    visits: toNumber(row.visits),
  };
}

function subtract(into: MetricsAccumulator, a: MetricsAccumulator): void {
  into.customers -= a.customers;
  for (const s of Object.keys(into.statuses) as CustomerStatus[]) into.statuses[s] -= a.statuses[s];
  into.newCustomers30d -= a.newCustomers30d;
  into.withVisits -= a.withVisits;
  into.spentCents -= a.spentCents;
  into.visits -= a.visits;
}

interface FactRow {
  id: string;
  customer_id: string;
  branch_id: string;
  service: string;
  staff: string;
  status: string;
  price: unknown;
  start_ms: unknown;
  local_day: unknown;
}

const FACT_COLUMNS = 'b.id, b.customer_id, b.branch_id, b.service, b.staff, b.status, b.price, b.start_ms, b.local_day';

function toFact(r: FactRow): BookingFact {
  return {
    id: r.id,
    customer_id: r.customer_id,
    branch_id: r.branch_id,
    service: r.service,
    staff: r.staff,
    status: r.status as BookingStatus,
    price: toNumber(r.price),
    ms: toNumber(r.start_ms),
    day: toNumber(r.local_day),
  };
}

function pairsJson(pairs: readonly PairRef[]): string {
  return JSON.stringify(pairs.map((p) => ({ branch_id: p.branch_id, customer_id: p.customer_id })));
}

/** A fact as one JSON array (bigint columns arrive as JSON numbers, exact below 2^53). */
type FactTuple = [string, string, string, string, string, string, number, number, number];

interface PairStateRows {
  facts: FactTuple[];
  homes: [string, string][];
  old: ActivityRow[];
  projection: (CounterRow & { branch_id: string; as_of_day: unknown })[];
}

/**
 * Everything `refreshPairs` reads, in ONE round trip (it runs inside every push transaction):
 * the pairs' bookings as facts, the customers' home branches, the pairs' stored activity rows
 * and the branches' counters. Pairs are looked up one by one (LATERAL → index scans), never by a
 * hash join that would scan a whole table for a few pairs.
 */
async function readPairState(q: Queryable, pairs: readonly PairRef[], branchIds: readonly string[]): Promise<PairStateRows> {
  const rows = await q.query<PairStateRows>(
    `WITH p AS (SELECT DISTINCT branch_id, customer_id FROM jsonb_to_recordset($1::jsonb) AS p(branch_id text, customer_id text))
     SELECT
       (SELECT coalesce(json_agg(json_build_array(b.id, b.customer_id, b.branch_id, b.service, b.staff, b.status, b.price, b.start_ms, b.local_day)), '[]'::json)
          FROM p CROSS JOIN LATERAL (SELECT * FROM bookings x WHERE x.branch_id = p.branch_id AND x.customer_id = p.customer_id AND NOT x.deleted
            AND EXISTS (SELECT 1 FROM customers k WHERE k.id = x.customer_id)) b) AS facts,
       (SELECT coalesce(json_agg(json_build_array(c.id, c.home_branch_id)), '[]'::json)
          FROM customers c WHERE c.id IN (SELECT customer_id FROM p) AND NOT c.deleted) AS homes,
       (SELECT coalesce(json_agg(a), '[]'::json)
          FROM p CROSS JOIN LATERAL (SELECT * FROM customer_branch_activity x WHERE x.branch_id = p.branch_id AND x.customer_id = p.customer_id) a) AS old,
       (SELECT coalesce(json_agg(bp), '[]'::json)
          FROM (SELECT branch_id, as_of_day, ${COUNTERS_SQL} FROM branch_projection WHERE branch_id = ANY($2::text[])) bp) AS projection`,
    [pairsJson(pairs), branchIds],
  );
  const row = rows[0];
  if (row === undefined) throw new Error('reading the pairs returned no row');
  return row;
}

function factOf(t: FactTuple): BookingFact {
  return {
    id: t[0],
    customer_id: t[1],
    branch_id: t[2],
    service: t[3],
    staff: t[4],
    status: t[5] as BookingStatus,
    price: toNumber(t[6]),
    ms: toNumber(t[7]),
    day: toNumber(t[8]),
  };
}

/** Every booking fact of a branch grouped by customer, and the customers whose home it is. */
export async function branchData(q: Queryable, branchId: string): Promise<{ facts: Map<string, BookingFact[]>; homes: Set<string> }> {
  // A booking whose customer does not exist is no customer's visit: metrics never count it (verify reports it).
  const rows = await q.query<FactRow>(
    `SELECT ${FACT_COLUMNS} FROM bookings b WHERE b.branch_id = $1 AND NOT b.deleted AND EXISTS (SELECT 1 FROM customers k WHERE k.id = b.customer_id)`,
    [branchId],
  );
  const facts = new Map<string, BookingFact[]>();
  for (const r of rows) {
    let list = facts.get(r.customer_id);
    if (list === undefined) facts.set(r.customer_id, (list = []));
    list.push(toFact(r));
  }
  const homeRows = await q.query<{ id: string }>('SELECT id FROM customers WHERE home_branch_id = $1 AND NOT deleted', [branchId]);
  return { facts, homes: new Set(homeRows.map((r) => r.id)) };
}

/** Activity of every pair of a branch as of `day`, computed from the branch's data. */
export function branchActivities(
  branch: BranchInfo,
  data: { facts: Map<string, BookingFact[]>; homes: Set<string> },
  day: number,
): PairActivity[] {
  const out: PairActivity[] = [];
  for (const [customerId, facts] of data.facts) out.push(computePairActivity(customerId, branch.id, facts, day, branch.rules));
  for (const customerId of data.homes) {
    if (!data.facts.has(customerId)) out.push(computePairActivity(customerId, branch.id, [], day, branch.rules));
  }
  return out;
}

export function accumulateAll(activities: Iterable<PairActivity>, day: number): MetricsAccumulator {
  const acc = emptyAccumulator();
  for (const a of activities) accumulate(acc, a, day);
  return acc;
}

async function upsertActivities(q: Queryable, rows: readonly PairActivity[]): Promise<void> {
  const update = ACTIVITY_COLUMNS.filter((c) => c !== 'branch_id' && c !== 'customer_id').map((c) => `${c} = EXCLUDED.${c}`);
  for (let i = 0; i < rows.length; i += 5000) {
    await q.query(
      `INSERT INTO customer_branch_activity (${ACTIVITY_COLUMNS.join(', ')})
       SELECT ${ACTIVITY_COLUMNS.map((c) => `r.${c}`).join(', ')} FROM ${RECORDSET}
       ON CONFLICT (branch_id, customer_id) DO UPDATE SET ${update.join(', ')}`,
      [JSON.stringify(rows.slice(i, i + 5000))],
    );
  }
}

export async function loadProjection(q: Queryable, branchIds: readonly string[]): Promise<Map<string, { asOfDay: number; acc: MetricsAccumulator }>> {
  const rows = await q.query<CounterRow & { branch_id: string; as_of_day: unknown }>(
    `SELECT branch_id, as_of_day, ${COUNTERS_SQL} FROM branch_projection WHERE branch_id = ANY($1::text[])`,
    [branchIds],
  );
  return new Map(rows.map((r) => [r.branch_id, { asOfDay: toNumber(r.as_of_day), acc: accumulatorOf(r) }]));
}

async function saveProjection(q: Queryable, branchId: string, asOfDay: number, acc: MetricsAccumulator): Promise<void> {
  const placeholders = COUNTER_COLUMNS.map((_, i) => `$${i + 3}`).join(', ');
  await q.query(
    `INSERT INTO branch_projection (branch_id, as_of_day, ${COUNTERS_SQL}) VALUES ($1, $2, ${placeholders})
     ON CONFLICT (branch_id) DO UPDATE SET as_of_day = EXCLUDED.as_of_day, ${COUNTER_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
    [branchId, asOfDay, ...counterValues(acc)],
  );
}

export async function writeSnapshot(q: Queryable, branchId: string, day: number, acc: MetricsAccumulator, final: boolean): Promise<void> {
  const placeholders = COUNTER_COLUMNS.map((_, i) => `$${i + 3}`).join(', ');
  await q.query(
    `INSERT INTO metrics_snapshots (branch_id, day, ${COUNTERS_SQL}, final) VALUES ($1, $2, ${placeholders}, $${COUNTER_COLUMNS.length + 3})
     ON CONFLICT (branch_id, day) DO UPDATE SET ${COUNTER_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, final = EXCLUDED.final`,
    [branchId, day, ...counterValues(acc), final],
  );
}

/**
 * Recomputes every pair of a branch as of `day` from raw data, replacing its activity rows and
 * counters. With `historyFrom`, also writes final snapshots for the days historyFrom…day−1.
 * The pair history (server/services/history.ts) is rebuilt too, or with 'if-stale' (the daily
 * roll) only when it was never built or the branch's thresholds changed.
 * Call under the stamp lock.
 */
export async function recomputeBranch(tx: Queryable, branch: BranchInfo, day: number, historyFrom?: number, history: 'rebuild' | 'if-stale' = 'rebuild'): Promise<MetricsAccumulator> {
  const data = await branchData(tx, branch.id);
  if (historyFrom !== undefined) {
    for (let d = historyFrom; d < day; d += 1) {
      await writeSnapshot(tx, branch.id, d, accumulateAll(branchActivities(branch, data, d), d), true);
    }
  }
  const activities = branchActivities(branch, data, day);
  await tx.query('DELETE FROM customer_branch_activity WHERE branch_id = $1', [branch.id]);
  await upsertActivities(tx, activities);
  const acc = accumulateAll(activities, day);
  const stale = history === 'rebuild' || (await historyStale(tx, branch));
  await saveProjection(tx, branch.id, day, acc);
  if (stale) await rebuildBranchHistory(tx, branch, data);
  return acc;
}

/** A pair whose activity row changed: before (absent for a new pair) and after (absent when removed). */
export interface PairChange {
  before?: PairActivity;
  after?: PairActivity;
}

/**
 * Brings the activity of the given pairs up to date after their bookings or home branch changed,
 * adjusting the branch counters by the difference (call under the stamp lock). A branch without
 * a projection yet is recomputed whole as of `today(branch)` (its id is added to `recomputed`,
 * when given). Returns the rows that changed (not those of a branch recomputed whole), for the
 * automated triggers.
 */
export async function refreshPairs(
  tx: Queryable,
  pairs: readonly PairRef[],
  branches: ReadonlyMap<string, BranchInfo>,
  today: (branch: BranchInfo) => number,
  recomputed?: Set<string>,
): Promise<PairChange[]> {
  const unique = new Map<string, PairRef>();
  for (const p of pairs) if (branches.has(p.branch_id) && p.customer_id !== '') unique.set(pairKey(p.branch_id, p.customer_id), p);
  if (unique.size === 0) return [];
  const branchIds = [...new Set([...unique.values()].map((p) => p.branch_id))];
  const state = await readPairState(tx, [...unique.values()], branchIds);
  const projection = new Map(state.projection.map((r) => [r.branch_id, { asOfDay: toNumber(r.as_of_day), acc: accumulatorOf(r) }]));
  for (const id of branchIds) {
    if (projection.has(id)) continue;
    // A branch without a projection yet is computed whole (its pairs included).
    const branch = branches.get(id) as BranchInfo;
    const day = today(branch);
    projection.set(id, { asOfDay: day, acc: await recomputeBranch(tx, branch, day) });
    recomputed?.add(id);
    for (const [key, p] of unique) if (p.branch_id === id) unique.delete(key);
  }
  if (unique.size === 0) return [];
  const facts = new Map<string, BookingFact[]>();
  for (const t of state.facts) {
    const fact = factOf(t);
    const key = pairKey(fact.branch_id, fact.customer_id);
    const list = facts.get(key);
    if (list === undefined) facts.set(key, [fact]);
    else list.push(fact);
  }
  const homes = new Map(state.homes);
  await refreshHistories(tx, [...unique.values()], branches, facts, homes);
  const old = new Map(state.old.map((r) => [pairKey(r.branch_id as string, r.customer_id as string), rowToActivity(r)]));

  const upserts: PairActivity[] = [];
  const removals: PairRef[] = [];
  const changes: PairChange[] = [];
  const deltas = new Map<string, MetricsAccumulator>();
  for (const [key, pair] of unique) {
    const branch = branches.get(pair.branch_id) as BranchInfo;
    const asOf = (projection.get(pair.branch_id) as { asOfDay: number }).asOfDay;
    const pairFacts = facts.get(key) ?? [];
    const exists = pairExists(pairFacts.length, homes.get(pair.customer_id) === pair.branch_id);
    const next = exists ? computePairActivity(pair.customer_id, pair.branch_id, pairFacts, asOf, branch.rules) : undefined;
    const before = old.get(key);
    if (next !== undefined && before !== undefined && sameActivity(next, before)) continue;
    if (next === undefined && before === undefined) continue;
    changes.push({ ...(before !== undefined ? { before } : {}), ...(next !== undefined ? { after: next } : {}) });
    let delta = deltas.get(pair.branch_id);
    if (delta === undefined) deltas.set(pair.branch_id, (delta = emptyAccumulator()));
    if (before !== undefined) {
      const minus = emptyAccumulator();
      accumulate(minus, before, asOf);
      subtract(delta, minus);
    }
    if (next !== undefined) {
      accumulate(delta, next, asOf);
      upserts.push(next);
    } else {
      removals.push(pair);
    }
  }
  await writePairChanges(tx, upserts, removals, deltas);
  return changes;
}

/** Moves the pairs' history entries (server/services/history.ts) to what their bookings say now. */
async function refreshHistories(
  tx: Queryable,
  pairs: readonly PairRef[],
  branches: ReadonlyMap<string, BranchInfo>,
  facts: ReadonlyMap<string, BookingFact[]>,
  homes: ReadonlyMap<string, string>,
): Promise<void> {
  const [stored, created] = await Promise.all([loadPairHistories(tx, pairs), loadCreatedAt(tx, pairs.map((p) => p.customer_id))]);
  const changes: PairHistoryChange[] = pairs.map((p) => {
    const key = pairKey(p.branch_id, p.customer_id);
    const after = pairEntries(branches.get(p.branch_id) as BranchInfo, facts.get(key) ?? [], homes.get(p.customer_id) === p.branch_id, created.get(p.customer_id));
    return { branch_id: p.branch_id, customer_id: p.customer_id, before: stored.get(key) ?? [], after };
  });
  await writePairHistories(tx, changes);
}

/**
 * Stores what `refreshPairs` computed in ONE statement: changed activity rows upserted, vanished
 * pairs deleted (never the same pair as an upsert), branch counters moved by the deltas.
 */
async function writePairChanges(tx: Queryable, upserts: readonly PairActivity[], removals: readonly PairRef[], deltas: ReadonlyMap<string, MetricsAccumulator>): Promise<void> {
  if (upserts.length === 0 && removals.length === 0 && deltas.size === 0) return;
  const update = ACTIVITY_COLUMNS.filter((c) => c !== 'branch_id' && c !== 'customer_id').map((c) => `${c} = EXCLUDED.${c}`);
  const counterTypes = COUNTER_COLUMNS.map((c) => `${c} bigint`).join(', ');
  await tx.query(
    `WITH upserted AS (
       INSERT INTO customer_branch_activity (${ACTIVITY_COLUMNS.join(', ')})
       SELECT ${ACTIVITY_COLUMNS.map((c) => `r.${c}`).join(', ')} FROM ${RECORDSET}
       ON CONFLICT (branch_id, customer_id) DO UPDATE SET ${update.join(', ')}
       RETURNING 1
     ), deleted AS (
       DELETE FROM customer_branch_activity a USING jsonb_to_recordset($2::jsonb) AS p(branch_id text, customer_id text)
       WHERE a.branch_id = p.branch_id AND a.customer_id = p.customer_id
       RETURNING 1
     ), counted AS (
       UPDATE branch_projection bp SET ${COUNTER_COLUMNS.map((c) => `${c} = bp.${c} + d.${c}`).join(', ')}
       FROM jsonb_to_recordset($3::jsonb) AS d(branch_id text, ${counterTypes})
       WHERE bp.branch_id = d.branch_id
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM upserted) AS upserted, (SELECT count(*) FROM deleted) AS deleted, (SELECT count(*) FROM counted) AS counted`,
    [
      JSON.stringify(upserts),
      pairsJson(removals),
      JSON.stringify(
        [...deltas].map(([branchId, acc]) => {
          const values = counterValues(acc);
          return Object.fromEntries([['branch_id', branchId], ...COUNTER_COLUMNS.map((c, i) => [c, values[i]])]);
        }),
      ),
    ],
  );
}
