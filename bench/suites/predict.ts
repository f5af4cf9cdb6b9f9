/**
 * The predictive-retention figures of `npm run bench` (issue 13):
 * - `predict.fit`: BG/NBD + Gamma-Gamma fitted over N pairs (100,000 in full and quick runs)
 *   drawn from the model with known parameters (bench/predict/simulate.ts), compression
 *   included, median of 3 after a warm-up. Baseline: one BG/NBD log-likelihood with its gradient
 *   over the same compressed data (what each optimiser step costs at least). Floor: < 2,000 ms.
 * - `predict.incremental`: one booking's status change through the engine's incremental update
 *   *with* its pair's outlook recomputed (`ActivityIndex.upsertFact`, then
 *   `outlookFromFacts` on the pair's bookings — what `DeskData` does on a change). Baseline: the
 *   same update without the prediction (engine.incremental's figure). Floor: median < 1 ms.
 */
import type { BookingFact } from '../../shared/engine/activity';
import type { ActivityIndex } from '../../shared/engine/activity-index';
import type { BookingStatus } from '../../shared/domain/types';
import { bgnbdLogLikelihood, compressBgNbd } from '../../shared/predict/bgnbd';
import { fitBgNbd, fitGammaGamma } from '../../shared/predict/fit';
import { compressGammaGamma } from '../../shared/predict/gamma-gamma';
import type { RetentionModel } from '../../shared/predict/model';
import { outlookFromFacts } from '../../shared/predict/outlook';
import { simulatePairs } from '../predict/simulate';
import { progress } from '../lib/log';
import { seeded } from '../lib/prng';
import { measurement, type Measurement } from '../lib/result';
import { median } from '../lib/stats';

const TRUTH = { bgnbd: { r: 0.8, alpha: 40, a: 0.6, b: 3 }, gamma_gamma: { p: 5, q: 4, gamma: 20 } };
const CHANGES: Record<BookingStatus, BookingStatus> = { scheduled: 'completed', checked_in: 'completed', completed: 'no_show', no_show: 'completed', cancelled: 'completed' };

export function fitFigure(pairs: number): { measurement: Measurement; model: RetentionModel } {
  const data = simulatePairs(pairs, TRUTH.bgnbd, TRUTH.gamma_gamma, seeded(13));
  const fitMs: number[] = [];
  let model: RetentionModel | null = null;
  for (let run = -1; run < 3; run += 1) {
    const t0 = performance.now();
    const visits = fitBgNbd(compressBgNbd(data.points));
    const spend = fitGammaGamma(compressGammaGamma(data.spend));
    const t1 = performance.now();
    if (!visits.ok || !spend.ok) throw new Error(`the fit failed on simulated data: ${visits.ok ? '' : visits.reason} ${spend.ok ? '' : spend.reason}`);
    if (run >= 0) fitMs.push(t1 - t0);
    model = { bgnbd: visits.params, gamma_gamma: spend.params, pairs, spend_pairs: data.spend.length };
  }
  if (model === null) throw new Error('no fit ran');
  const compressed = compressBgNbd(data.points);
  const grad = new Float64Array(4);
  const evalMs: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const t0 = performance.now();
    bgnbdLogLikelihood(model.bgnbd, compressed, grad);
    evalMs.push(performance.now() - t0);
  }
  progress(`predict: fitted ${pairs.toLocaleString('en')} pairs (${compressed.weight.length.toLocaleString('en')} distinct histories) in ${Math.round(median(fitMs))} ms`);
  return {
    model,
    measurement: measurement({
      name: 'predict.fit',
      value: median(fitMs),
      unit: 'ms',
      baseline: `one BG/NBD log-likelihood + gradient over the same ${compressed.weight.length} distinct histories (median of 7)`,
      baselineValue: median(evalMs),
      ratioKind: 'cost',
      target: `${pairs.toLocaleString('en')} pairs fitted in < 2000 ms`,
      limit: { valueBelow: 2000 },
    }),
  };
}

export function incrementalWithPrediction(bookings: readonly BookingFact[], index: ActivityIndex, model: RetentionModel, samples: number): Measurement {
  const random = seeded(14);
  const current = new Map<string, BookingFact>();
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  let sink = 0;
  for (let i = -Math.min(200, samples); i < samples; i += 1) {
    for (const predict of [true, false]) {
      const picked = bookings[Math.floor(random() * bookings.length)] as BookingFact;
      const before = current.get(picked.id) ?? picked;
      const next: BookingFact = { ...before, status: CHANGES[before.status] };
      const t0 = performance.now();
      const change = index.upsertFact(next, { branch_id: before.branch_id, customer_id: before.customer_id });
      if (predict) sink += outlookFromFacts(model, index.bookingsOf(next.branch_id, next.customer_id), index.asOf)?.p_alive ?? 0;
      const t1 = performance.now();
      if (change.updated.length !== 1) throw new Error(`a status change updated ${change.updated.length} pairs`);
      current.set(next.id, next);
      if (i >= 0) (predict ? withMs : withoutMs).push(t1 - t0);
    }
  }
  if (!Number.isFinite(sink)) throw new Error('a prediction was not a number');
  return measurement({
    name: 'predict.incremental',
    value: median(withMs),
    unit: 'ms',
    baseline: `the same incremental update without the prediction (median of ${samples})`,
    baselineValue: median(withoutMs),
    ratioKind: 'cost',
    target: 'median < 1 ms',
    limit: { valueBelow: 1 },
  });
}
