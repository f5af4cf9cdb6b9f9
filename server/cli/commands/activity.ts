import { activityCsv } from '../../../shared/csv/activity-csv';
import { buildActivityIndex } from '../../../shared/engine/dataset';
import { dayOption, parseOptions, requireOption } from '../args';
import { loadDataset } from '../load-dataset';

export async function activityCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { data: { type: 'string' }, 'as-of': { type: 'string' } }, 'activity');
  const dir = requireOption(opts.data, 'data', 'activity');
  const asOfDay = dayOption(requireOption(opts['as-of'], 'as-of', 'activity'), 'as-of', 'activity');
  const dataset = await loadDataset(dir, { factsOnly: true });
  return activityCsv(buildActivityIndex(dataset, asOfDay).sorted());
}
