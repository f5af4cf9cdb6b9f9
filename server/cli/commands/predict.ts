import { cadenceOf } from '../../../shared/predict/cadence';
import { CADENCE_COLUMNS, cadenceFields, PREDICT_COLUMNS, predictCsvRow } from '../../../shared/predict/predict-csv';
import { predictPair } from '../../../shared/predict/model';
import { dayOption, parseOptions, requireOption } from '../args';
import { loadDataset } from '../load-dataset';
import { fitOrFail, horizonOption } from '../retention';

export async function predictCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { data: { type: 'string' }, 'as-of': { type: 'string' }, 'horizon-days': { type: 'string' } }, 'predict');
  const dir = requireOption(opts.data, 'data', 'predict');
  const asOf = requireOption(opts['as-of'], 'as-of', 'predict');
  const asOfDay = dayOption(asOf, 'as-of', 'predict');
  const horizon = horizonOption(requireOption(opts['horizon-days'], 'horizon-days', 'predict'), 'horizon-days', 'predict');
  const { model, histories } = fitOrFail(await loadDataset(dir), asOfDay, asOf);
  const lines = [[...PREDICT_COLUMNS, ...CADENCE_COLUMNS].join(',')];
  // visitHistories is sorted by branch_id then customer_id (code points).
  for (const h of histories) lines.push(predictCsvRow(predictPair(model, h, asOfDay, horizon), cadenceFields(cadenceOf(h, asOfDay))));
  return `${lines.join('\n')}\n`;
}
