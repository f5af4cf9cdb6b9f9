/**
 * Daily metrics for trend charts and past dates, computed from history (docs/DESIGN.md §2): the
 * stored day sums of every pair's status intervals (server/services/history.ts), never from
 * snapshots. The range ends on the latest branch-local today; every branch reports every day.
 */
import type { BranchMetrics } from '../../shared/engine/metrics';
import type { TrendDay } from '../../shared/engine/trend';
import type { TrendResponse } from '../../shared/sync/protocol';
import { formatDay, MS_PER_DAY } from '../../shared/time/calendar';
import { loadBranches, type BranchInfo } from '../store/branches';
import { lockStamps } from '../store/stamps';
import type { Store } from '../store/store';
import { branchData } from './projection';
import { rebuildBranchHistory, trendFromHistory, unbuiltHistories } from './history';
import { rollStale } from './roller';

/** Longest range served: five years of days (one row per branch per day). */
export const MAX_TREND_DAYS = 1830;

export type TrendRange = { days: number } | { fromDay: number; toDay: number };

/** Builds the history of branches that have none yet (a database upgraded from before issue 14). */
export async function ensureHistories(store: Store, branches: readonly BranchInfo[]): Promise<void> {
  const missing = new Set(await unbuiltHistories(store.db, branches.map((b) => b.id)));
  for (const branch of branches) {
    if (!missing.has(branch.id)) continue;
    await store.db.transaction(async (tx) => {
      await lockStamps(tx);
      if ((await unbuiltHistories(tx, [branch.id])).length === 0) return;
      await rebuildBranchHistory(tx, branch, await branchData(tx, branch.id));
    });
  }
}

async function scoped(store: Store, scope: string | null): Promise<BranchInfo[]> {
  return [...(await loadBranches(store.db)).values()].filter((b) => scope === null || b.id === scope);
}

/** The latest branch-local today among the branches (UTC's when there are none). */
export function latestToday(store: Store, branches: readonly BranchInfo[]): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const b of branches) latest = Math.max(latest, store.today(b));
  return Number.isFinite(latest) ? latest : Math.floor(store.clock() / MS_PER_DAY);
}

/** Metrics of every day of the range for the branches in scope (null = every branch). */
export async function trendDays(store: Store, range: TrendRange, scope: string | null): Promise<{ branches: BranchInfo[]; days: TrendDay[]; today: number }> {
  const branches = await scoped(store, scope);
  await rollStale(store, branches.map((b) => b.id));
  await ensureHistories(store, branches);
  const today = latestToday(store, branches);
  const toDay = 'days' in range ? today : range.toDay;
  const fromDay = 'days' in range ? today - range.days + 1 : range.fromDay;
  const days = await trendFromHistory(store.db, branches.map((b) => b.id), fromDay, toDay);
  return { branches, days, today };
}

export async function metricsTrend(store: Store, range: TrendRange | number, scope: string | null): Promise<TrendResponse> {
  const { days, today } = await trendDays(store, typeof range === 'number' ? { days: range } : range, scope);
  const first = days[0];
  const last = days.at(-1);
  return {
    from: first?.date ?? formatDay(today),
    to: last?.date ?? formatDay(today),
    today: formatDay(today),
    days: days.map((d) => {
      const branches: Record<string, BranchMetrics> = {};
      for (const [id, m] of d.branches) branches[id] = m;
      return { date: d.date, branches, all: d.all };
    }),
  };
}
