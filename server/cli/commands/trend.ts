import { trendCsv } from '../../../shared/csv/trend-csv';
import { historyIndex } from '../../../shared/engine/dataset';
import { computeTrend } from '../../../shared/engine/trend';
import { dayOption, parseOptions, requireOption } from '../args';
import { usageError } from '../errors';
import { loadDataset } from '../load-dataset';


/** Longest range accepted: a century of days (the output is one row per branch per day). */
export const MAX_TREND_DAYS = 36_525;

export async function trendCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { data: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } }, 'trend');
  const dir = requireOption(opts.data, 'data', 'trend');
  const from = requireOption(opts.from, 'from', 'trend');
  const to = requireOption(opts.to, 'to', 'trend');
  const fromDay = dayOption(from, 'from', 'trend');
  const toDay = dayOption(to, 'to', 'trend');
  if (fromDay > toDay) throw usageError(`trend: --from ${from} is after --to ${to}`);
  if (toDay - fromDay + 1 > MAX_TREND_DAYS) {
    throw usageError(`trend: the range ${from}..${to} is longer than ${MAX_TREND_DAYS} days`);
  }
  const dataset = await loadDataset(dir);
  const index = historyIndex(dataset);
  const days = computeTrend(
    { branchIds: dataset.branches.map((b) => b.id), histories: index.histories(), thresholdsOf: (id) => index.rulesFor(id).thresholds },
    fromDay,
    toDay,
  );
  return trendCsv(days);
}
