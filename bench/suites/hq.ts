/**
 * hq.metrics: the organisation report (`GET /api/metrics`, every branch as of its local today,
 * an hq device) from a running server on PostgreSQL holding a generated organisation; baseline
 * the same figures by GROUP BY over the raw bookings, in the same run (and checked equal).
 */
import { demoOptions } from '../../shared/demo';
import type { MetricsReport } from '../../shared/engine/metrics';
import { formatDay } from '../../shared/time/calendar';
import { stableJson } from '../../shared/util/json';
import { loadBranches } from '../../server/store/branches';
import { loadProjection } from '../../server/services/projection';
import { SyncApi } from '../../renderer/src/sync/api';
import { groupByReport, type BranchDay } from '../lib/hq-baseline';
import { loadOrganisation } from '../lib/hq-load';
import { progress } from '../lib/log';
import { measurement, type Measurement } from '../lib/result';
import { openBenchServer } from '../lib/server';
import { median } from '../lib/stats';
import { runHqTrend } from './hq-trend';

export interface HqSizes {
  branches: number;
  customers: number;
  bookings: number;
  requests: number;
  baselineRuns: number;
  /** hq.trend: timed requests, and the days the naive per-day recomputation is measured on. */
  trendRequests: number;
  naiveDays: number;
}

function differences(a: MetricsReport, b: MetricsReport): string[] {
  const out: string[] = [];
  const ids = new Set([...Object.keys(a.branches), ...Object.keys(b.branches)]);
  for (const id of ids) if (stableJson(a.branches[id]) !== stableJson(b.branches[id])) out.push(`${id}: ${stableJson(a.branches[id])} vs ${stableJson(b.branches[id])}`);
  if (stableJson(a.all) !== stableJson(b.all)) out.push(`all: ${stableJson(a.all)} vs ${stableJson(b.all)}`);
  return out;
}

export async function runHq(sizes: HqSizes): Promise<{ measurements: Measurement[]; info: Record<string, unknown> }> {
  const server = await openBenchServer('hq');
  try {
    const today = formatDay(Math.floor(Date.now() / 86_400_000));
    const loaded = await loadOrganisation(server, demoOptions('bench-full', { branches: sizes.branches, customers: sizes.customers, targetBookings: sizes.bookings, today }));
    progress(`hq.metrics: loaded ${loaded.branches} branches, ${loaded.customers} customers, ${loaded.bookings} bookings in ${loaded.seconds.toFixed(1)} s (projection ${loaded.projectionSeconds.toFixed(1)} s)`);
    await server.start();
    const hq = await server.enrol('', 'hq');
    const api = new SyncApi(server.url, hq.token);

    const times: number[] = [];
    let report: MetricsReport | undefined;
    for (let i = -2; i < sizes.requests; i += 1) {
      const t0 = performance.now();
      report = await api.metrics();
      if (i >= 0) times.push(performance.now() - t0);
    }
    if (report === undefined) throw new Error('no report');

    const branches = await loadBranches(server.store.db);
    const projection = await loadProjection(server.store.db, [...branches.keys()]);
    const days: BranchDay[] = [...branches.values()].map((b) => ({
      branch_id: b.id,
      day: projection.get(b.id)?.asOfDay ?? server.store.today(b),
      active_days: b.rules.thresholds.activeDays,
      at_risk_days: b.rules.thresholds.atRiskDays,
    }));
    const baselineTimes: number[] = [];
    let baseline: MetricsReport | undefined;
    for (let i = 0; i < sizes.baselineRuns; i += 1) {
      const t0 = performance.now();
      baseline = await groupByReport(server.store.db, days, report.as_of);
      baselineTimes.push(performance.now() - t0);
    }
    if (baseline === undefined) throw new Error('no baseline run');
    const diff = differences(report, baseline);
    if (diff.length > 0) throw new Error(`the endpoint and the GROUP BY baseline disagree:\n${diff.slice(0, 5).join('\n')}`);
    progress(`hq.metrics: endpoint ${times.map((t) => t.toFixed(1)).join(', ')} ms; GROUP BY ${baselineTimes.map((t) => t.toFixed(0)).join(', ')} ms; figures equal for ${Object.keys(report.branches).length} branches and all`);
    const trend = await runHqTrend(server, hq.token, { requests: sizes.trendRequests, naiveDays: sizes.naiveDays }, loaded.bookings);
    return {
      measurements: [measurement({
        name: 'hq.metrics',
        value: median(times),
        unit: 'ms',
        baseline: `the same report by GROUP BY over the ${loaded.bookings.toLocaleString('en-US')} raw bookings (${loaded.branches} branches, ${loaded.customers.toLocaleString('en-US')} customers), same PostgreSQL; figures checked equal`,
        baselineValue: median(baselineTimes),
        ratioKind: 'speedup',
        target: '≥ 50× faster than baseline and < 100 ms',
        limit: { ratioAtLeast: 50, valueBelow: 100 },
      }), trend.measurement],
      info: { ...loaded, requests: sizes.requests, baselineRuns: sizes.baselineRuns, trend: trend.info },
    };
  } finally {
    await server.close();
  }
}
