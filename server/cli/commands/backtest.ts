import { buildActivityIndex } from '../../../shared/engine/dataset';
import { runBacktest } from '../../../shared/predict/backtest';
import { stableJson } from '../../../shared/util/json';
import { dayOption, parseOptions, requireOption } from '../args';
import { CliError, EXIT_CHECK_FAILED, usageError } from '../errors';
import { loadDataset } from '../load-dataset';

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;
const roundAuc = (v: number | null) => (v === null ? null : round4(v));

export async function backtestCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { data: { type: 'string' }, 'calibration-end': { type: 'string' }, 'holdout-end': { type: 'string' } }, 'backtest');
  const dir = requireOption(opts.data, 'data', 'backtest');
  const d1 = requireOption(opts['calibration-end'], 'calibration-end', 'backtest');
  const d2 = requireOption(opts['holdout-end'], 'holdout-end', 'backtest');
  const day1 = dayOption(d1, 'calibration-end', 'backtest');
  const day2 = dayOption(d2, 'holdout-end', 'backtest');
  if (day2 <= day1) throw usageError(`backtest: --holdout-end ${d2} must be after --calibration-end ${d1}`);
  const dataset = await loadDataset(dir);
  const index = buildActivityIndex(dataset, day1);
  const outcome = runBacktest(dataset.bookings, day1, day2, (h) => index.get(h.branch_id, h.customer_id)?.status ?? 'new');
  if (!outcome.ok) throw new CliError(`cannot fit the retention model as of ${d1}: ${outcome.reason}`, EXIT_CHECK_FAILED);
  const { model, report } = outcome;
  return `${stableJson({
    calibration_end: d1,
    holdout_end: d2,
    horizon_days: day2 - day1,
    model: { bgnbd: model.bgnbd, gamma_gamma: model.gamma_gamma, pairs: model.pairs },
    pairs: report.pairs,
    came_back: report.came_back,
    total: { predicted: round4(report.total.predicted), actual: report.total.actual },
    deciles: report.deciles.map((d) => ({ ...d, predicted: round4(d.predicted) })),
    auc: { p_alive: roundAuc(report.auc.p_alive), expected_visits: roundAuc(report.auc.expected_visits), rule_status: roundAuc(report.auc.rule_status) },
  })}\n`;
}
