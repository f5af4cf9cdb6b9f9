/**
 * One benchmark figure with its baseline from the same run, in the shape of
 * `bench/results/latest.json` (issue 4): `{name, value, unit, baseline, baseline_value, ratio,
 * target, ok}`.
 */
export const MEASUREMENT_NAMES = [
  'engine.full_recompute',
  'engine.incremental',
  'predict.fit',
  'predict.incremental',
  'replica.ingest',
  'sync.initial_pull',
  'sync.push',
  'hq.metrics',
  'hq.trend',
  'ui.search',
  'ui.memory',
  'ui.cold_start',
  'ui.cold_start_new_day',
  'ui.cold_start_customers',
  'live.latency',
  'live.hq_bytes',
  'cli.startup',
  'cli.activity',
  'cli.metrics',
  'cli.memory',
] as const;

export type MeasurementName = (typeof MEASUREMENT_NAMES)[number];

export interface Measurement {
  name: MeasurementName;
  value: number;
  unit: string;
  /** What the baseline is (measured in the same process and run). */
  baseline: string;
  baseline_value: number;
  /** See `RatioKind`: value ÷ baseline, or baseline ÷ value for speed-ups. */
  ratio: number;
  /** The target in words, e.g. "≤ 3× baseline and < 1000 ms". */
  target: string;
  ok: boolean;
}

/**
 * How the ratio reads:
 * - `throughput`: value ÷ baseline (both per second; 0.5 = half the baseline's throughput);
 * - `cost`: value ÷ baseline (both times or sizes; 3 = three times the baseline's cost);
 * - `speedup`: baseline ÷ value (both times; 50 = fifty times faster than the baseline).
 */
export type RatioKind = 'throughput' | 'cost' | 'speedup';

export interface Limit {
  /** Pass when the ratio is at least / at most this. */
  ratioAtLeast?: number;
  ratioAtMost?: number;
  /** Pass when the value is below / at least this (in the measurement's unit). */
  valueBelow?: number;
  valueAtLeast?: number;
}

export interface MeasurementInput {
  name: MeasurementName;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number;
  ratioKind: RatioKind;
  target: string;
  limit: Limit;
}

/** Rounds to a sensible number of significant digits for the report (never to zero). */
function roundFigure(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : Math.abs(x) >= 1 ? 2 : 3 - Math.floor(Math.log10(Math.abs(x)));
  const f = 10 ** Math.min(6, digits);
  return Math.round(x * f) / f;
}

function ratioOf(kind: RatioKind, value: number, baseline: number): number {
  if (kind === 'speedup') return value === 0 ? Number.POSITIVE_INFINITY : baseline / value;
  return baseline === 0 ? Number.POSITIVE_INFINITY : value / baseline;
}

/** Whether a value and ratio meet every part of a limit. */
function meets(limit: Limit, value: number, ratio: number): boolean {
  if (!Number.isFinite(value) || Number.isNaN(ratio)) return false;
  if (limit.ratioAtLeast !== undefined && !(ratio >= limit.ratioAtLeast)) return false;
  if (limit.ratioAtMost !== undefined && !(ratio <= limit.ratioAtMost)) return false;
  if (limit.valueBelow !== undefined && !(value < limit.valueBelow)) return false;
  if (limit.valueAtLeast !== undefined && !(value >= limit.valueAtLeast)) return false;
  return true;
}

/** Builds the JSON record: the ratio and `ok` come from the exact figures, the record carries rounded ones. */
export function measurement(input: MeasurementInput): Measurement {
  const ratio = ratioOf(input.ratioKind, input.value, input.baselineValue);
  return {
    name: input.name,
    value: roundFigure(input.value),
    unit: input.unit,
    baseline: input.baseline,
    baseline_value: roundFigure(input.baselineValue),
    ratio: roundFigure(ratio),
    target: input.target,
    ok: meets(input.limit, input.value, ratio),
  };
}

const KEYS = ['name', 'value', 'unit', 'baseline', 'baseline_value', 'ratio', 'target', 'ok'] as const;

/** Problems with a results array (empty when it has exactly the issue's shape). */
export function resultProblems(results: unknown): string[] {
  if (!Array.isArray(results)) return ['results must be an array'];
  const problems: string[] = [];
  results.forEach((r: unknown, i) => {
    if (typeof r !== 'object' || r === null) {
      problems.push(`[${i}] is not an object`);
      return;
    }
    const keys = Object.keys(r);
    if (keys.length !== KEYS.length || !KEYS.every((k) => keys.includes(k))) problems.push(`[${i}] keys ${keys.join(',')} are not ${KEYS.join(',')}`);
    const m = r as Record<string, unknown>;
    if (!(MEASUREMENT_NAMES as readonly unknown[]).includes(m.name)) problems.push(`[${i}] unknown name ${String(m.name)}`);
    for (const k of ['value', 'baseline_value', 'ratio'] as const) if (typeof m[k] !== 'number') problems.push(`[${i}] ${k} is not a number`);
    for (const k of ['unit', 'baseline', 'target'] as const) if (typeof m[k] !== 'string' || m[k] === '') problems.push(`[${i}] ${k} is not a text`);
    if (typeof m.ok !== 'boolean') problems.push(`[${i}] ok is not a boolean`);
  });
  const names = results.map((r: { name?: unknown }) => r?.name);
  for (const name of MEASUREMENT_NAMES) if (names.filter((n) => n === name).length > 1) problems.push(`${name} appears more than once`);
  return problems;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function figure(x: number): string {
  return Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: 3 }) : String(x);
}

/** A plain-text table (also valid Markdown) of the results. */
export function formatTable(results: readonly Measurement[]): string {
  const rows = results.map((r) => [r.name, `${figure(r.value)} ${r.unit}`, `${figure(r.baseline_value)} ${r.unit}`, `${figure(r.ratio)}×`, r.target, r.ok ? 'yes' : 'NO', r.baseline]);
  const head = ['measurement', 'value', 'baseline', 'ratio', 'target', 'ok', 'baseline is'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i] ?? 0, i === 1 || i === 2 || i === 3)).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i >= 1 && i <= 3 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n');
}
