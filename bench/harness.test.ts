/**
 * The benchmark harness itself on toy sizes, in process (no PostgreSQL, no browser): the JSON
 * shape of results, how ratios and `ok` are derived, the table, the COPY escaping of the bulk
 * loader, and the engine suite end to end. Never asserts on how long anything took.
 */
import { describe, expect, it } from 'vitest';
import { copyLine } from './lib/copy-text';
import { formatTable, measurement, MEASUREMENT_NAMES, resultProblems, type Limit, type RatioKind } from './lib/result';

/** One measurement of `value` against `baselineValue`, through the public `measurement`. */
function measured(value: number, baselineValue: number, ratioKind: RatioKind = 'cost', limit: Limit = {}) {
  return measurement({ name: 'ui.memory', value, unit: 'ms', baseline: 'b', baselineValue, ratioKind, target: 't', limit });
}
import { median, percentile, summary } from './lib/stats';
import { runEngine } from './suites/engine';

describe('measurement records', () => {
  it('have exactly the issue keys and derive ratio and ok from the figures', () => {
    const m = measurement({
      name: 'sync.push',
      value: 3000,
      unit: 'docs/s',
      baseline: 'multi-row INSERTs',
      baselineValue: 12_000,
      ratioKind: 'throughput',
      target: '≥ 0.3× baseline throughput',
      limit: { ratioAtLeast: 0.3 },
    });
    expect(Object.keys(m).sort()).toEqual(['baseline', 'baseline_value', 'name', 'ok', 'ratio', 'target', 'unit', 'value']);
    expect(m.ratio).toBe(0.25);
    expect(m.ok).toBe(false);
    expect(resultProblems([m])).toEqual([]);
  });

  it('reads speed-ups as baseline ÷ value and costs as value ÷ baseline', () => {
    expect(measured(5, 5000, 'speedup').ratio).toBe(1000);
    expect(measured(900, 300, 'cost').ratio).toBe(3);
    expect(measured(10, 40, 'throughput').ratio).toBe(0.25);
  });

  it('needs every part of a limit', () => {
    // (value, baseline) chosen so the ratio is the one named: cost = value ÷ baseline, speed-up = baseline ÷ value.
    expect(measured(999, 333, 'cost', { ratioAtMost: 3, valueBelow: 1000 })).toMatchObject({ ratio: 3, ok: true });
    expect(measured(1000, 500, 'cost', { ratioAtMost: 3, valueBelow: 1000 })).toMatchObject({ ratio: 2, ok: false });
    expect(measured(500, 166.1, 'cost', { ratioAtMost: 3, valueBelow: 1000 })).toMatchObject({ ratio: 3.01, ok: false });
    expect(measured(20, 998, 'speedup', { ratioAtLeast: 50, valueBelow: 100 })).toMatchObject({ ratio: 49.9, ok: false });
    expect(measured(19_999, 19_999, 'cost', { valueAtLeast: 20_000 })).toMatchObject({ ratio: 1, ok: false });
    expect(measured(Number.NaN, Number.NaN, 'cost', { valueBelow: 1 }).ok).toBe(false);
  });

  it('rounds figures without losing small ones', () => {
    expect(measured(1234.56, 1).value).toBe(1235);
    expect(measured(12.345, 1).value).toBe(12.3);
    expect(measured(0.0123456, 1).value).toBe(0.01235);
    expect(measured(0, 1).value).toBe(0);
  });

  it('reports malformed results', () => {
    expect(resultProblems({})).toEqual(['results must be an array']);
    expect(resultProblems([{ name: 'nope', value: '1' }]).length).toBeGreaterThan(1);
    const m = measurement({ name: 'ui.memory', value: 1, unit: 'MB', baseline: 'b', baselineValue: 1, ratioKind: 'cost', target: '< 300 MB', limit: { valueBelow: 300 } });
    expect(resultProblems([m, m])).toEqual(['ui.memory appears more than once']);
  });

  it('prints one table row per measurement', () => {
    const rows = MEASUREMENT_NAMES.map((name) =>
      measurement({ name, value: 1, unit: 'ms', baseline: 'floor', baselineValue: 2, ratioKind: 'cost', target: '< 5 ms', limit: { valueBelow: 5 } }),
    );
    const table = formatTable(rows).split('\n');
    expect(table).toHaveLength(2 + MEASUREMENT_NAMES.length);
    for (const name of MEASUREMENT_NAMES) expect(table.some((line) => line.startsWith(`| ${name} `))).toBe(true);
  });
});

describe('statistics', () => {
  it('uses nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 0.95)).toBe(95);
    expect(percentile([3, 1, 2], 0.5)).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(summary([1, 2, 3]).max).toBe(3);
  });
});

describe('COPY text format', () => {
  it('escapes backslash, tab, newline and carriage return, and writes null as \\N', () => {
    expect(copyLine(['a\\b\tc\nd\re'])).toBe('a\\\\b\\tc\\nd\\re\n');
    expect(copyLine([null, undefined, true, false, 12])).toBe('\\N\t\\N\tt\tf\t12\n');
    expect(copyLine(['x', '{"a":"b\\"c"}', null])).toBe('x\t{"a":"b\\\\"c"}\t\\N\n');
  });
});

describe('engine suite on a toy data set', () => {
  it('measures the engine figures and the predictive-retention ones with their baselines (each run checks the floor grouped every booking into its pair)', () => {
    const results = runEngine({ branches: 2, customers: 200, bookings: 1500, fullRuns: 2, incrementalSamples: 50, predictPairs: 2000 });
    expect(results.map((r) => r.name)).toEqual(['engine.full_recompute', 'engine.incremental', 'predict.fit', 'predict.incremental']);
    expect(resultProblems(results)).toEqual([]);
    for (const r of results) {
      expect(r.value).toBeGreaterThan(0);
      expect(r.baseline_value).toBeGreaterThan(0);
    }
  });
});
