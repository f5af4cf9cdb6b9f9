/**
 * hq.trend: the 366-day trend of every branch and the organisation from the server's stored
 * history (server/services/history.ts: the day sums of every pair's status intervals), on the
 * organisation hq.metrics loaded. Baseline, same run, same data: the naive way, every branch's raw
 * bookings read once and the whole organisation recomputed as of each day (each pair from its
 * earliest evidence, computePairActivity, accumulate). At full size the naive way is measured on
 * a few days and multiplied to 366 (said in the baseline text); its figures are checked equal to
 * the trend's on the days it computed.
 */
import { computePairActivity } from '../../shared/engine/activity';
import { accumulate, emptyAccumulator, finishMetrics, mergeAccumulators, type BranchMetrics, type MetricsAccumulator } from '../../shared/engine/metrics';
import type { TrendDay } from '../../shared/engine/trend';
import { formatDay } from '../../shared/time/calendar';
import { stableJson } from '../../shared/util/json';
import { SyncApi } from '../../renderer/src/sync/api';
import { loadBranches } from '../../server/store/branches';
import { loadCreatedAt, pairSince } from '../../server/services/history';
import { branchData } from '../../server/services/projection';
import { trendDays } from '../../server/services/trend';
import { progress } from '../lib/log';
import { measurement, type Measurement } from '../lib/result';
import type { BenchServer } from '../lib/server';
import { median } from '../lib/stats';

export const TREND_DAYS = 366;

/** The naive per-day recomputation on `days` (day numbers); returns the figures and the time split. */
async function naive(server: BenchServer, days: readonly number[]): Promise<{ byDay: Map<number, { branches: Record<string, BranchMetrics>; all: BranchMetrics }>; loadMs: number; computeMs: number }> {
  const branches = await loadBranches(server.store.db);
  const accs = new Map<number, Map<string, MetricsAccumulator>>(days.map((d) => [d, new Map()]));
  let loadMs = 0;
  let computeMs = 0;
  for (const branch of branches.values()) {
    const t0 = performance.now();
    const data = await branchData(server.store.db, branch.id);
    const customers = [...new Set([...data.facts.keys(), ...data.homes])];
    const created = await loadCreatedAt(server.store.db, customers);
    loadMs += performance.now() - t0;
    const t1 = performance.now();
    for (const day of days) {
      const acc = emptyAccumulator();
      for (const customerId of customers) {
        const facts = data.facts.get(customerId) ?? [];
        if (pairSince(created.get(customerId), branch.timezone, facts) > day) continue;
        accumulate(acc, computePairActivity(customerId, branch.id, facts, day, branch.rules), day);
      }
      accs.get(day)?.set(branch.id, acc);
    }
    computeMs += performance.now() - t1;
  }
  const byDay = new Map<number, { branches: Record<string, BranchMetrics>; all: BranchMetrics }>();
  for (const [day, perBranch] of accs) {
    const all = emptyAccumulator();
    const out: Record<string, BranchMetrics> = {};
    for (const [id, acc] of perBranch) {
      out[id] = finishMetrics(acc);
      mergeAccumulators(all, acc);
    }
    byDay.set(day, { branches: out, all: finishMetrics(all) });
  }
  return { byDay, loadMs, computeMs };
}

export async function runHqTrend(server: BenchServer, hqToken: string, sizes: { requests: number; naiveDays: number }, bookings: number): Promise<{ measurement: Measurement; info: Record<string, unknown> }> {
  const times: number[] = [];
  let trend: TrendDay[] = [];
  for (let i = -1; i < sizes.requests; i += 1) {
    const t0 = performance.now();
    trend = (await trendDays(server.store, { days: TREND_DAYS }, null)).days;
    if (i >= 0) times.push(performance.now() - t0);
  }
  if (trend.length !== TREND_DAYS) throw new Error(`the trend has ${trend.length} days, not ${TREND_DAYS}`);
  // The endpoint as HQ calls it (HTTP, JSON of every branch's figures on every day), for the record.
  const api = new SyncApi(server.url, hqToken);
  const endpoint: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const t0 = performance.now();
    await api.trend(TREND_DAYS);
    endpoint.push(performance.now() - t0);
  }
  const first = (await trendDays(server.store, { days: 1 }, null)).today - TREND_DAYS + 1;
  const step = Math.max(1, Math.floor(TREND_DAYS / sizes.naiveDays));
  const sample: number[] = [];
  for (let i = 0; i < TREND_DAYS && sample.length < sizes.naiveDays; i += step) sample.push(first + TREND_DAYS - 1 - i);
  const slow = await naive(server, sample);
  for (const day of sample) {
    const mine = trend[day - first];
    const theirs = slow.byDay.get(day);
    if (mine === undefined || theirs === undefined) throw new Error(`no figures for ${formatDay(day)}`);
    if (stableJson({ branches: Object.fromEntries(mine.branches), all: mine.all }) !== stableJson(theirs)) {
      throw new Error(`trend and naive recomputation disagree on ${formatDay(day)}: ${stableJson(mine.all)} vs ${stableJson(theirs.all)}`);
    }
  }
  const naiveMs = slow.loadMs + (slow.computeMs / sample.length) * TREND_DAYS;
  const branches = trend[0]?.branches.size ?? 0;
  progress(
    `hq.trend: ${TREND_DAYS} days × ${branches} branches in ${times.map((t) => t.toFixed(0)).join(', ')} ms (endpoint with JSON ${endpoint.map((t) => t.toFixed(0)).join(', ')} ms); naive: load ${slow.loadMs.toFixed(0)} ms + ${(slow.computeMs / sample.length).toFixed(0)} ms per day on ${sample.length} days, equal there`,
  );
  return {
    measurement: measurement({
      name: 'hq.trend',
      value: median(times),
      unit: 'ms',
      baseline: `naive per-day recomputation of the ${bookings.toLocaleString('en-US')} bookings: raw data read once + ${TREND_DAYS} × one day's recomputation (measured on ${sample.length} of the days${sample.length < TREND_DAYS ? ', multiplied' : ''}); figures checked equal on those days`,
      baselineValue: naiveMs,
      ratioKind: 'speedup',
      target: '≥ 100× faster than baseline and < 1000 ms',
      limit: { ratioAtLeast: 100, valueBelow: 1000 },
    }),
    info: { trend_ms: times, endpoint_ms: endpoint, naive_load_ms: slow.loadMs, naive_per_day_ms: slow.computeMs / sample.length, naive_days: sample.length },
  };
}
