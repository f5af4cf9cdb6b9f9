/**
 * Data sizes of the full run (the figures) and of `--quick` (under 3 minutes on 2 cores:
 * the engine runs at full size; ingest, push/pull, the UI's bookings and the organisation behind
 * hq.metrics are scaled down; see bench/README.md).
 */
import type { EngineSizes } from '../suites/engine';
import type { CliSizes } from '../suites/cli';
import type { HqSizes } from '../suites/hq';
import type { SyncSizes } from '../suites/sync';
import type { UiSizes } from '../suites/browser';

export interface Sizes {
  engine: EngineSizes;
  ingest: { customers: number; bookings: number };
  sync: SyncSizes;
  ui: UiSizes;
  hq: HqSizes;
  cli: CliSizes;
}

export const FULL: Sizes = {
  engine: { branches: 20, customers: 100_000, bookings: 1_000_000, fullRuns: 7, incrementalSamples: 5000 },
  ingest: { customers: 20_000, bookings: 100_000 },
  sync: { customers: 20_000, bookings: 100_000, liveSamples: 100, hqPushes: 100 },
  ui: { customers: 50_000, bookings: 500_000, coldStartRuns: 3 },
  hq: { branches: 200, customers: 1_000_000, bookings: 10_000_000, requests: 30, baselineRuns: 2, trendRequests: 5, naiveDays: 3 },
  cli: { customers: 100_000, bookings: 1_000_000, runs: 3 },
};

export const QUICK: Sizes = {
  engine: { branches: 20, customers: 100_000, bookings: 1_000_000, fullRuns: 3, incrementalSamples: 2000 },
  ingest: { customers: 4000, bookings: 20_000 },
  sync: { customers: 6000, bookings: 30_000, liveSamples: 30, hqPushes: 100 },
  ui: { customers: 30_000, bookings: 90_000, coldStartRuns: 2 },
  hq: { branches: 20, customers: 40_000, bookings: 200_000, requests: 20, baselineRuns: 2, trendRequests: 10, naiveDays: 12 },
  cli: { customers: 100_000, bookings: 1_000_000, runs: 1 },
};

/** Tiny sizes for trying the harness out (`--smoke`): every step runs, no figure means anything. */
export const SMOKE: Sizes = {
  engine: { branches: 4, customers: 2000, bookings: 20_000, fullRuns: 2, incrementalSamples: 200, predictPairs: 5000 },
  ingest: { customers: 500, bookings: 3000 },
  sync: { customers: 500, bookings: 3000, liveSamples: 5, hqPushes: 4 },
  ui: { customers: 2000, bookings: 10_000, coldStartRuns: 1 },
  hq: { branches: 4, customers: 2000, bookings: 20_000, requests: 5, baselineRuns: 1, trendRequests: 3, naiveDays: 366 },
  cli: { customers: 2000, bookings: 20_000, runs: 1 },
};
