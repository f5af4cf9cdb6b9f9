/**
 * Daily metrics for trend charts: the stored snapshots of finished days plus the live counters
 * of each branch's current day, grouped by branch-local date.
 */
import { emptyAccumulator, finishMetrics, mergeAccumulators, type BranchMetrics, type MetricsAccumulator } from '../../shared/engine/metrics';
import type { TrendResponse } from '../../shared/sync/protocol';
import { formatDay } from '../../shared/time/calendar';
import { toNumber } from '../db/database';
import { loadBranches } from '../store/branches';
import { accumulatorOf, COUNTERS_SQL, loadProjection, type CounterRow } from './projection';
import { rollStale } from './roller';
import type { Store } from '../store/store';

export const MAX_TREND_DAYS = 366;

export async function metricsTrend(store: Store, days: number, scope: string | null): Promise<TrendResponse> {
  const branches = [...(await loadBranches(store.db, store.org)).values()].filter((b) => scope === null || b.id === scope);
  const ids = branches.map((b) => b.id);
  await rollStale(store, ids);
  const projection = await loadProjection(store.db, ids);
  const byDay = new Map<number, Map<string, MetricsAccumulator>>();
  const put = (day: number, branch: string, acc: MetricsAccumulator) => {
    let m = byDay.get(day);
    if (m === undefined) byDay.set(day, (m = new Map()));
    m.set(branch, acc);
  };
  let minDay = Number.POSITIVE_INFINITY;
  for (const [id, p] of projection) {
    put(p.asOfDay, id, p.acc);
    minDay = Math.min(minDay, p.asOfDay - days + 1);
  }
  if (Number.isFinite(minDay)) {
    const rows = await store.db.query<CounterRow & { branch_id: string; day: unknown }>(
      `SELECT branch_id, day, ${COUNTERS_SQL} FROM metrics_snapshots WHERE day >= $1 AND branch_id = ANY($2::text[]) ORDER BY day`,
      [minDay, ids],
    );
    for (const r of rows) {
      const day = toNumber(r.day);
      const p = projection.get(r.branch_id);
      if (p === undefined || day >= p.asOfDay || day <= p.asOfDay - days) continue;
      put(day, r.branch_id, accumulatorOf(r));
    }
  }
  const out: TrendResponse['days'] = [];
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const accs = byDay.get(day) as Map<string, MetricsAccumulator>;
    const all = emptyAccumulator();
    const perBranch: Record<string, BranchMetrics> = {};
    for (const id of [...accs.keys()].sort()) {
      const acc = accs.get(id) as MetricsAccumulator;
      perBranch[id] = finishMetrics(acc);
      mergeAccumulators(all, acc);
    }
    out.push({ date: formatDay(day), branches: perBranch, all: finishMetrics(all) });
  }
  return { days: out };
}
