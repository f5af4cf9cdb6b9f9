import { stableJson } from '../../../shared/util/json';
import { dayOption, parseOptions, requireOption } from '../args';
import { loadDataset } from '../load-dataset';
import { fitOrFail } from '../retention';

export async function modelCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { data: { type: 'string' }, 'as-of': { type: 'string' } }, 'model');
  const dir = requireOption(opts.data, 'data', 'model');
  const asOf = requireOption(opts['as-of'], 'as-of', 'model');
  const asOfDay = dayOption(asOf, 'as-of', 'model');
  const { model } = fitOrFail(await loadDataset(dir), asOfDay, asOf);
  const { r, alpha, a, b } = model.bgnbd;
  const { p, q, gamma } = model.gamma_gamma;
  return `${stableJson({ as_of: asOf, bgnbd: { r, alpha, a, b }, gamma_gamma: { p, q, gamma }, pairs: model.pairs })}\n`;
}
