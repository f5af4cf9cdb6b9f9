/**
 * Daily automated triggers, run after the branches roll to a new local day (and at start-up):
 * customers who became at_risk or churned at a branch, and birthdays. Idempotent: events carry
 * de-dup keys (`queue.ts`), so running twice, on two processes, or again after a crash queues
 * nothing new. A status event stays due for `STATUS_LOOKBACK_DAYS` (a server that was down, or
 * a customer held back by the frequency cap, is still reached while it matters).
 *
 * "We miss you" (at_risk): a pair with a known cadence (≥ 3 visit days) gets it when it becomes
 * overdue for them (`dueOverdueEvent`, the cadence of shared/predict/cadence.ts — what the desk's
 * "Overdue for them" shows); every other pair keeps the fixed rule (became at_risk).
 */
import type { BranchSettingsDoc, CustomerDoc } from '../../shared/domain/schemas';
import type { PairActivity } from '../../shared/engine/activity';
import { preferredBranch } from '../../shared/insights/preferred-branch';
import { birthdayEvent, dueOverdueEvent, dueStatusEvent } from '../../shared/insights/triggers';
import { cadenceOf } from '../../shared/predict/cadence';
import { visitHistories, type VisitHistory } from '../../shared/predict/history';
import { civilFromDays, daysInMonth, formatDay } from '../../shared/time/calendar';
import { toNumber, type Queryable } from '../db/database';
import { loadBranches, type BranchInfo } from '../store/branches';
import { loadProjection, rowToActivity, type ActivityRow } from '../services/projection';
import { advanceClock, lockStamps } from '../store/stamps';
import type { Store } from '../store/store';
import { loadBranchSettings } from './branch-settings';
import { queueAutomatedMessages, type DueEvent } from './queue';

export const STATUS_LOOKBACK_DAYS = 7;

/** Visit histories of the branch's pairs as of the day (completed bookings, shared/predict/history.ts). */
async function branchHistories(q: Queryable, branchId: string, asOfDay: number): Promise<VisitHistory[]> {
  const rows = await q.query<{ customer_id: string; price: unknown; local_day: unknown }>(
    `SELECT customer_id, price, local_day FROM bookings WHERE branch_id = $1 AND NOT deleted AND status = 'completed' AND local_day <= $2`,
    [branchId, asOfDay],
  );
  return visitHistories(
    rows.map((r) => ({ customer_id: r.customer_id, branch_id: branchId, status: 'completed' as const, price: toNumber(r.price), day: toNumber(r.local_day) })),
    asOfDay,
  );
}

/** Status events due at a branch as of its projection day. */
async function statusEvents(q: Queryable, branch: BranchInfo, settings: BranchSettingsDoc, asOfDay: number): Promise<DueEvent[]> {
  const t = branch.rules.thresholds;
  const out: DueEvent[] = [];
  // Pairs with a known cadence: "we miss you" when overdue for them, never by the fixed rule.
  const withCadence = new Set<string>();
  if (settings.auto_at_risk) {
    for (const h of await branchHistories(q, branch.id, asOfDay)) {
      const cadence = cadenceOf(h, asOfDay);
      if (cadence === null) continue;
      withCadence.add(h.customer_id);
      const e = dueOverdueEvent(h, cadence, asOfDay, STATUS_LOOKBACK_DAYS);
      if (e !== null) out.push({ ...e, lastVisitDate: formatDay(h.days[h.days.length - 1] as number) });
    }
  }
  const ranges: [string, number][] = [];
  if (settings.auto_at_risk) ranges.push(['at_risk', t.activeDays]);
  if (settings.auto_churned) ranges.push(['churned', t.atRiskDays]);
  for (const [status, threshold] of ranges) {
    const rows = await q.query<ActivityRow>(
      `SELECT * FROM customer_branch_activity
       WHERE branch_id = $1 AND status = $2 AND days_since_last_visit BETWEEN $3 AND $4`,
      [branch.id, status, threshold + 1, threshold + STATUS_LOOKBACK_DAYS],
    );
    for (const row of rows) {
      const a = rowToActivity(row);
      if (status === 'at_risk' && withCadence.has(a.customer_id)) continue;
      const e = dueStatusEvent(a, t, asOfDay, STATUS_LOOKBACK_DAYS);
      if (e !== null) out.push({ ...e, lastVisitDate: a.last_visit_date });
    }
  }
  return out;
}

/**
 * Birthday events at a branch: customers linked to it whose birthday is the branch's today, for
 * whom this branch is the one that greets — their preferred branch (most visits, then most
 * recent) among those with birthday messages on; without visits, the home branch, else the
 * first such branch by id.
 */
async function birthdayEvents(
  q: Queryable,
  branch: BranchInfo,
  today: number,
  settings: ReadonlyMap<string, BranchSettingsDoc>,
): Promise<DueEvent[]> {
  const { year, month, day } = civilFromDays(today);
  const mmdd = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const leapDayToday = month === 2 && day === 28 && daysInMonth(year, 2) === 28;
  const rows = await q.query<{ data: CustomerDoc }>(
    `SELECT c.data FROM customer_links l JOIN customers c ON c.id = l.customer_id
     WHERE l.branch_id = $1 AND NOT c.deleted AND c.data->>'birthday' <> ''
       AND (substr(c.data->>'birthday', 6) = $2 OR ($3 AND substr(c.data->>'birthday', 6) = '02-29'))`,
    [branch.id, mmdd, leapDayToday],
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.data.id);
  const pairRows = await q.query<ActivityRow>('SELECT * FROM customer_branch_activity WHERE customer_id = ANY($1::text[])', [ids]);
  const pairs = new Map<string, PairActivity[]>();
  for (const r of pairRows) {
    const a = rowToActivity(r);
    pairs.set(a.customer_id, [...(pairs.get(a.customer_id) ?? []), a]);
  }
  const out: DueEvent[] = [];
  for (const { data: customer } of rows) {
    const candidates = (pairs.get(customer.id) ?? []).filter((p) => settings.get(p.branch_id)?.auto_birthday === true);
    let greeter = preferredBranch(candidates);
    if (greeter === '') greeter = candidates.some((p) => p.branch_id === customer.home_branch_id) ? customer.home_branch_id : ([...candidates.map((p) => p.branch_id)].sort()[0] ?? '');
    if (greeter !== branch.id) continue;
    const e = birthdayEvent(customer, branch.id, today);
    const own = candidates.find((p) => p.branch_id === branch.id);
    if (e !== null) out.push({ ...e, lastVisitDate: own?.last_visit_date ?? null });
  }
  return out;
}

/** Runs the daily triggers of every branch (or the given ones); returns the messages queued. */
export async function runDailyTriggers(store: Store, only?: readonly string[]): Promise<number> {
  const branches = await loadBranches(store.db);
  const settings = await loadBranchSettings(store.db);
  const ids = (only ?? [...branches.keys()]).filter((id) => {
    const s = settings.get(id);
    return branches.has(id) && s !== undefined && (s.auto_at_risk || s.auto_churned || s.auto_birthday);
  });
  let queued = 0;
  for (const id of ids) {
    const branch = branches.get(id) as BranchInfo;
    const s = settings.get(id) as BranchSettingsDoc;
    queued += await store.db.transaction(async (tx) => {
      await lockStamps(tx);
      const projection = (await loadProjection(tx, [id])).get(id);
      if (projection === undefined) return 0;
      const asOfDay = toNumber(projection.asOfDay);
      const events = [...(await statusEvents(tx, branch, s, asOfDay)), ...(s.auto_birthday ? await birthdayEvents(tx, branch, asOfDay, settings) : [])];
      const inserted = await queueAutomatedMessages(tx, events, { branches, settings, nowMs: store.clock(), log: store.log });
      if (inserted.length > 0) await advanceClock(tx);
      return inserted.length;
    });
  }
  return queued;
}
