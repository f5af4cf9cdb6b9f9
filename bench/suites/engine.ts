/**
 * engine.full_recompute and engine.incremental, in this Node process, on generated data
 * (shared/demo). The engine is `buildActivityIndex` / `ActivityIndex` (shared/engine), the same
 * code the CLI, the desk and the server run.
 */
import { DemoGenerator, demoOptions, type GeneratedBooking, type GeneratedCustomer } from '../../shared/demo';
import { computePairActivity, type BookingFact } from '../../shared/engine/activity';
import type { ActivityIndex } from '../../shared/engine/activity-index';
import { buildActivityIndex } from '../../shared/engine/dataset';
import type { BookingStatus } from '../../shared/domain/types';
import { progress } from '../lib/log';
import { seeded } from '../lib/prng';
import { measurement, type Measurement } from '../lib/result';
import { median } from '../lib/stats';
import { fitFigure, incrementalWithPrediction } from './predict';

export interface EngineSizes {
  branches: number;
  customers: number;
  bookings: number;
  /** Timed runs of the full recompute and its baseline (after one warm-up of each). */
  fullRuns: number;
  /** Single-booking changes timed. */
  incrementalSamples: number;
  /** Pairs the retention model is fitted over (predict.fit; 100,000 when absent). */
  predictPairs?: number;
}

export interface EngineData {
  branches: DemoGenerator['branches'];
  customers: GeneratedCustomer[];
  bookings: GeneratedBooking[];
  asOfDay: number;
}

function generateEngineData(sizes: Pick<EngineSizes, 'branches' | 'customers' | 'bookings'>): EngineData {
  const generator = new DemoGenerator(demoOptions('bench-quick', { branches: sizes.branches, customers: sizes.customers, targetBookings: sizes.bookings }));
  const customers: GeneratedCustomer[] = [];
  const bookings: GeneratedBooking[] = [];
  for (const history of generator.customers()) {
    customers.push(history.customer);
    for (const b of history.bookings) bookings.push(b);
  }
  return { branches: generator.branches, customers, bookings, asOfDay: generator.today };
}

/** The floor: one pass putting every booking into its pair's list in a Map (no rules computed). */
function groupByPair(bookings: readonly BookingFact[]): Map<string, BookingFact[]> {
  const pairs = new Map<string, BookingFact[]>();
  for (const b of bookings) {
    const key = `${b.branch_id}\u0000${b.customer_id}`;
    const list = pairs.get(key);
    if (list === undefined) pairs.set(key, [b]);
    else list.push(b);
  }
  return pairs;
}

/** The floor must do the work it claims (every booking in its pair's list), or the ratio flatters the engine. */
function floorProblem(groups: ReadonlyMap<string, readonly BookingFact[]>, bookings: readonly BookingFact[]): void {
  let total = 0;
  for (const [key, list] of groups) {
    total += list.length;
    for (const b of list) if (`${b.branch_id}\u0000${b.customer_id}` !== key) throw new Error(`engine.full_recompute floor: booking ${b.id} grouped under another pair`);
  }
  if (total !== bookings.length) throw new Error(`engine.full_recompute floor: grouped ${total} of ${bookings.length} bookings`);
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function timed<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const out = fn();
  return [performance.now() - t0, out];
}

export function fullRecompute(data: EngineData, runs: number): { measurement: Measurement; pairs: number; index: ActivityIndex } {
  const input = { branches: data.branches, customers: data.customers, bookings: data.bookings };
  const engineMs: number[] = [];
  const floorMs: number[] = [];
  let index: ActivityIndex | undefined;
  let groups = 0;
  // One warm-up of each (JIT), then alternate so both see the same machine load.
  for (let run = -1; run < runs; run += 1) {
    collectGarbage();
    const [ms, built] = timed(() => buildActivityIndex(input, data.asOfDay));
    collectGarbage();
    const [floor, grouped] = timed(() => groupByPair(data.bookings));
    if (run >= 0) {
      engineMs.push(ms);
      floorMs.push(floor);
    }
    index = built;
    groups = grouped.size;
    floorProblem(grouped, data.bookings);
  }
  if (index === undefined) throw new Error('no runs');
  progress(`engine.full_recompute: ${data.bookings.length} bookings, ${data.customers.length} customers → ${index.size} pairs (${groups} with bookings); runs ${engineMs.map((x) => x.toFixed(0)).join(', ')} ms; floor ${floorMs.map((x) => x.toFixed(0)).join(', ')} ms`);
  const value = median(engineMs);
  return {
    measurement: measurement({
      name: 'engine.full_recompute',
      value,
      unit: 'ms',
      baseline: `bare single pass grouping the same ${data.bookings.length.toLocaleString('en-US')} bookings by pair in a Map (median of ${runs})`,
      baselineValue: median(floorMs),
      ratioKind: 'cost',
      target: '≤ 3× baseline and < 1000 ms',
      limit: { ratioAtMost: 3, valueBelow: 1000 },
    }),
    pairs: index.size,
    index,
  };
}

const CHANGES: Record<BookingStatus, BookingStatus> = {
  completed: 'no_show',
  no_show: 'completed',
  cancelled: 'completed',
  scheduled: 'checked_in',
  checked_in: 'completed',
};

/**
 * One booking's status changes (a desk completing, a no-show…): `ActivityIndex.upsertFact` with
 * the booking's pair known (as the desk's change stream tells it), until its pair's activity is
 * updated. Baseline: `computePairActivity` of the same pair from its bookings (the rules alone,
 * no index upkeep).
 */
export function incremental(data: EngineData, index: ActivityIndex, samples: number): Measurement {
  const random = seeded(4);
  const current = new Map<string, BookingFact>();
  const changeMs: number[] = [];
  const floorMs: number[] = [];
  for (let i = -Math.min(200, samples); i < samples; i += 1) {
    const picked = data.bookings[Math.floor(random() * data.bookings.length)] as BookingFact;
    const before = current.get(picked.id) ?? picked;
    const next: BookingFact = { ...before, status: CHANGES[before.status] };
    const t0 = performance.now();
    const change = index.upsertFact(next, { branch_id: before.branch_id, customer_id: before.customer_id });
    const t1 = performance.now();
    if (change.updated.length !== 1) throw new Error(`a status change updated ${change.updated.length} pairs`);
    current.set(next.id, next);
    const facts = index.bookingsOf(next.branch_id, next.customer_id);
    const rules = index.rulesFor(next.branch_id);
    const t2 = performance.now();
    computePairActivity(next.customer_id, next.branch_id, facts, index.asOf, rules);
    const t3 = performance.now();
    if (i >= 0) {
      changeMs.push(t1 - t0);
      floorMs.push(t3 - t2);
    }
  }
  return measurement({
    name: 'engine.incremental',
    value: median(changeMs),
    unit: 'ms',
    baseline: `computePairActivity of the changed pair alone, no index upkeep (median of ${samples})`,
    baselineValue: median(floorMs),
    ratioKind: 'cost',
    target: 'median < 1 ms',
    limit: { valueBelow: 1 },
  });
}

export function runEngine(sizes: EngineSizes): Measurement[] {
  const t0 = performance.now();
  const data = generateEngineData(sizes);
  progress(`engine: generated ${data.customers.length} customers, ${data.bookings.length} bookings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const full = fullRecompute(data, sizes.fullRuns);
  const engine = incremental(data, full.index, sizes.incrementalSamples);
  // Predictive retention (issue 13): the fit over the business, and a pair's prediction inside
  // the incremental update, on the same index.
  const fit = fitFigure(sizes.predictPairs ?? 100_000);
  return [full.measurement, engine, fit.measurement, incrementalWithPrediction(data.bookings, full.index, fit.model, sizes.incrementalSamples)];
}
