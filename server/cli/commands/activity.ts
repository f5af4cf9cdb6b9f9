import { activityCsv } from '../../../shared/csv/activity-csv';
import { activitiesOfColumns } from '../../../shared/engine/booking-columns';
import { dayOption, parseOptions, requireOption } from '../args';
import { loadFacts } from '../load-dataset';

export async function activityCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { data: { type: 'string' }, 'as-of': { type: 'string' } }, 'activity');
  const dir = requireOption(opts.data, 'data', 'activity');
  const asOfDay = dayOption(requireOption(opts['as-of'], 'as-of', 'activity'), 'as-of', 'activity');
  return activityCsv(activitiesOfColumns(await loadFacts(dir), asOfDay));
}
