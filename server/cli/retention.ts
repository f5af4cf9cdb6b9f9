import type { Dataset } from '../../shared/csv/import';
import { visitHistories, type VisitHistory } from '../../shared/predict/history';
import { fitRetentionModel, type RetentionModel } from '../../shared/predict/model';
import { CliError, EXIT_CHECK_FAILED, usageError } from './errors';

/** Fits the business's retention model as of a day, or fails with the reason (exit 1, nothing on stdout). */
export function fitOrFail(dataset: Dataset, asOfDay: number, asOf: string): { model: RetentionModel; histories: VisitHistory[] } {
  const histories = visitHistories(dataset.bookings, asOfDay);
  const outcome = fitRetentionModel(histories, asOfDay);
  if (!outcome.ok) throw new CliError(`cannot fit the retention model as of ${asOf}: ${outcome.reason}`, EXIT_CHECK_FAILED);
  return { model: outcome.model, histories };
}

/** A whole number of days ≥ 1 (at most 100 years). */
export function horizonOption(value: string, name: string, command: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(Number.isInteger(n) && n >= 1 && n <= 36_500)) throw usageError(`${command}: --${name} "${value}" is not a whole number of days from 1 to 36500`);
  return n;
}
