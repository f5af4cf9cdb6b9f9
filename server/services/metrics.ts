/**
 * Metrics reports. Today's report (every branch at its own local today) reads the per-branch
 * counters: one row per branch. Any other date reads the stored history (server/services/history.ts).
 */
import { emptyAccumulator, finishMetrics, mergeAccumulators, type BranchMetrics, type MetricsAccumulator, type MetricsReport } from '../../shared/engine/metrics';
import { formatDay, MS_PER_DAY } from '../../shared/time/calendar';
import { loadBranches, type BranchInfo } from '../store/branches';
import { loadProjection } from './projection';
import { rollStale } from './roller';
import type { Store } from '../store/store';
import { trendFromHistory } from './history';
import { ensureHistories } from './trend';

function report(asOf: string, accs: Map<string, MetricsAccumulator>): MetricsReport {
  const all = emptyAccumulator();
  const branches: Record<string, BranchMetrics> = {};
  for (const [id, acc] of accs) {
    branches[id] = finishMetrics(acc);
    mergeAccumulators(all, acc);
  }
  return { as_of: asOf, branches, all: finishMetrics(all) };
}

async function scopedBranches(store: Store, scope: string | null): Promise<BranchInfo[]> {
  const all = await loadBranches(store.db);
  return [...all.values()].filter((b) => scope === null || b.id === scope);
}

/**
 * The report for `asOfDay`, or for each branch's local today when undefined. Today's answers
 * from the branch counters (one row per branch); a given date from the stored history (the sums
 * of the pairs' status intervals up to that date, server/services/history.ts). `scope` null =
 * every branch (hq); a branch id = that branch only (a manager). The as_of of a "today" report is
 * the latest branch-local date among the branches.
 */
export async function metricsReport(store: Store, asOfDay: number | undefined, scope: string | null): Promise<MetricsReport> {
  const branches = await scopedBranches(store, scope);
  const ids = branches.map((b) => b.id);
  if (asOfDay !== undefined) {
    // Any date, past or not: from the stored history (pairs exist from their earliest evidence).
    await ensureHistories(store, branches);
    const [day] = await trendFromHistory(store.db, ids, asOfDay, asOfDay);
    const out: Record<string, BranchMetrics> = {};
    if (day === undefined) throw new Error('a one-day trend returned no day');
    for (const [id, m] of day.branches) out[id] = m;
    return { as_of: formatDay(asOfDay), branches: out, all: day.all };
  }
  await rollStale(store, ids);
  const projection = await loadProjection(store.db, ids);
  const accs = new Map<string, MetricsAccumulator>();
  let latest = Number.NEGATIVE_INFINITY;
  for (const branch of branches) {
    const p = projection.get(branch.id);
    if (p !== undefined) {
      // The branch's counters are exactly its metrics as of its stored day.
      accs.set(branch.id, p.acc);
      latest = Math.max(latest, p.asOfDay);
    } else {
      throw new Error(`branch ${branch.id} has no projection after rolling`);
    }
  }
  const day = Number.isFinite(latest) ? latest : Math.floor(store.clock() / MS_PER_DAY);
  return report(formatDay(day), accs);
}
