import { activitiesOfColumns } from '../../../shared/engine/booking-columns';
import { computeMetrics } from '../../../shared/engine/metrics';
import { stableJson } from '../../../shared/util/json';
import { dayOption, parseOptions, requireOption } from '../args';
import { loadFacts } from '../load-dataset';

export async function metricsCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { data: { type: 'string' }, 'as-of': { type: 'string' } }, 'metrics');
  const dir = requireOption(opts.data, 'data', 'metrics');
  const asOf = requireOption(opts['as-of'], 'as-of', 'metrics');
  const asOfDay = dayOption(asOf, 'as-of', 'metrics');
  const dataset = await loadFacts(dir);
  const report = computeMetrics(activitiesOfColumns(dataset, asOfDay), dataset.branches.map((b) => b.id), asOf, asOfDay);
  return `${stableJson(report)}\n`;
}
