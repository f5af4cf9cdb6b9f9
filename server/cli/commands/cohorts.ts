import { computeCohorts } from '../../../shared/engine/cohorts';
import { historyIndex } from '../../../shared/engine/dataset';
import { stableJson } from '../../../shared/util/json';
import { dayOption, parseOptions, requireOption } from '../args';
import { loadDataset } from '../load-dataset';

/** `cohorts --data DIR --as-of YYYY-MM-DD`: cohort retention per branch and for all, as JSON (shared/engine/cohorts.ts). */
export async function cohortsCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { data: { type: 'string' }, 'as-of': { type: 'string' } }, 'cohorts');
  const dir = requireOption(opts.data, 'data', 'cohorts');
  const asOf = requireOption(opts['as-of'], 'as-of', 'cohorts');
  dayOption(asOf, 'as-of', 'cohorts');
  const dataset = await loadDataset(dir, { factsOnly: true });
  const index = historyIndex(dataset);
  return `${stableJson(computeCohorts(dataset.branches.map((b) => b.id), index.histories(), asOf))}\n`;
}
