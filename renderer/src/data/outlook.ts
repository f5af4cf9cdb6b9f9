/**
 * Every pair's outlook (chance of return, expected visits, predicted value, value at risk,
 * cadence: shared/predict/outlook.ts) kept next to the ActivityIndex. The model comes from the
 * server's parameters when the desk has them (every desk and HQ then agree), else from a fit
 * over this desk's own bookings, run in idle time after the bookings are read (never during
 * start-up), in a Web Worker where there is one (`fit-off-thread.ts`). A failed fit leaves no numbers: screens show the rule-based status and the reason.
 */
import type { ActivityIndex } from '../../../shared/engine/activity-index';
import { pairKey } from '../../../shared/engine/activity-index';
import type { BookingFact } from '../../../shared/engine/activity';
import { visitHistories } from '../../../shared/predict/history';
import type { RetentionModel } from '../../../shared/predict/model';
import { runBacktest, type BacktestOutcome } from '../../../shared/predict/backtest';
import { outlookFromFacts, pairOutlook, type PairOutlook } from '../../../shared/predict/outlook';
import { fitOffThread, type FitResult } from './fit-off-thread';

export type ModelSource = 'desk' | 'server';

export type OutlookModelState =
  /** Bookings not read yet, or the fit is waiting for idle time. */
  | { kind: 'pending' }
  | {
      kind: 'ready';
      source: ModelSource;
      model: RetentionModel;
      /** The local date (YYYY-MM-DD) the model was fitted as of. */
      fittedAsOf: string;
      /** How long this desk's own fit took (ms); null for the server's parameters. */
      fitMs: number | null;
    }
  | { kind: 'failed'; source: ModelSource; reason: string };

function* allFacts(index: ActivityIndex): IterableIterator<BookingFact> {
  for (const h of index.histories()) yield* h.bookings;
}

export class OutlookIndex {
  private stateValue: OutlookModelState = { kind: 'pending' };
  private readonly byPair = new Map<string, PairOutlook>();

  get state(): OutlookModelState {
    return this.stateValue;
  }

  get(branchId: string, customerId: string): PairOutlook | undefined {
    return this.byPair.get(pairKey(branchId, customerId));
  }

  values(): IterableIterator<PairOutlook> {
    return this.byPair.values();
  }

  get size(): number {
    return this.byPair.size;
  }

  /**
   * Fits the business model over the index's bookings as of its day, off the main thread where
   * the platform can (`fitOffThread`). Resolves with the outcome and the fit's duration; nothing
   * changes until `applyFit` (the caller checks the fit is still wanted).
   */
  fitAsync(index: ActivityIndex): Promise<FitResult> {
    return fitOffThread(visitHistories(allFacts(index), index.asOf), index.asOf);
  }

  /** Takes a fit's outcome as the model (fitted as of `asOf`), then recomputes every pair. Returns the new state. */
  applyFit(result: FitResult, asOf: string, index: ActivityIndex): OutlookModelState {
    const fitMs = Math.round(result.ms * 10) / 10;
    this.stateValue = result.outcome.ok
      ? { kind: 'ready', source: 'desk', model: result.outcome.model, fittedAsOf: asOf, fitMs }
      : { kind: 'failed', source: 'desk', reason: result.outcome.reason };
    this.recomputeAll(index);
    return this.stateValue;
  }

  /** Uses given parameters (the server's), then recomputes every pair. */
  useModel(state: OutlookModelState, index: ActivityIndex): void {
    this.stateValue = state;
    this.recomputeAll(index);
  }

  /** Every pair's outlook as of the index's day (after a new day or model). */
  recomputeAll(index: ActivityIndex): void {
    this.byPair.clear();
    if (this.stateValue.kind !== 'ready') return;
    const model = this.stateValue.model;
    for (const history of visitHistories(allFacts(index), index.asOf)) {
      this.byPair.set(pairKey(history.branch_id, history.customer_id), pairOutlook(model, history, index.asOf));
    }
  }

  /** One pair again, after its bookings changed (the ActivityIndex's incremental update). */
  updatePair(index: ActivityIndex, branchId: string, customerId: string): void {
    const key = pairKey(branchId, customerId);
    if (this.stateValue.kind !== 'ready') return;
    const outlook = outlookFromFacts(this.stateValue.model, index.bookingsOf(branchId, customerId), index.asOf);
    if (outlook === null) this.byPair.delete(key);
    else this.byPair.set(key, outlook);
  }

  removePair(branchId: string, customerId: string): void {
    this.byPair.delete(pairKey(branchId, customerId));
  }
}

/**
 * "How good are these predictions for my branch": the business model fitted on the bookings as
 * they stood at `calibrationEnd`, its predicted visits for `branchId`'s customers up to
 * `holdoutEnd` against the visits that happened, and the AUC of the chance of return and of the
 * rule-based status (as of `calibrationEnd`) for "came back" (shared/predict/backtest.ts, the
 * CLI's `backtest` on the same data).
 */
export function branchBacktest(
  index: ActivityIndex,
  pastIndex: ActivityIndex,
  branchId: string,
  calibrationEnd: number,
  holdoutEnd: number,
): BacktestOutcome & { ms: number } {
  const t0 = performance.now();
  const facts = [...allFacts(index)];
  const outcome = runBacktest(facts, calibrationEnd, holdoutEnd, (h) => pastIndex.get(h.branch_id, h.customer_id)?.status ?? 'new', branchId);
  return { ...outcome, ms: Math.round(performance.now() - t0) };
}
