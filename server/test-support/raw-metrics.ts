/**
 * The metrics report as of one local date computed from the raw bookings with the shared engine
 * (what `metrics` computes from a data set): what the server's stored counters and history must
 * equal.
 */
import { emptyAccumulator, finishMetrics, mergeAccumulators, type BranchMetrics, type MetricsAccumulator, type MetricsReport } from '../../shared/engine/metrics';
import { formatDay } from '../../shared/time/calendar';
import { loadBranches } from '../store/branches';
import type { Store } from '../store/store';
import { accumulateAll, branchActivities, branchData } from '../services/projection';

export async function metricsFromRaw(store: Store, asOfDay: number, scope: string | null): Promise<MetricsReport> {
  const all = emptyAccumulator();
  const branches: Record<string, BranchMetrics> = {};
  for (const branch of (await loadBranches(store.db)).values()) {
    if (scope !== null && branch.id !== scope) continue;
    const acc: MetricsAccumulator = accumulateAll(branchActivities(branch, await branchData(store.db, branch.id), asOfDay), asOfDay);
    branches[branch.id] = finishMetrics(acc);
    mergeAccumulators(all, acc);
  }
  return { as_of: formatDay(asOfDay), branches, all: finishMetrics(all) };
}
