/**
 * The desk's own fit of the business retention model, off the main thread (docs/DESIGN.md §7):
 * a module worker that receives the visit histories and the as-of day, fits BG/NBD and
 * Gamma-Gamma with the shared code, and posts back the outcome and how long the fit took.
 */
import { fitRetentionModel } from '../../../shared/predict/model';
import type { FitReply, FitRequest } from './fit-off-thread';

const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<FitRequest>) => void) | null; postMessage: (reply: FitReply) => void };

scope.onmessage = (event) => {
  const { id, histories, asOfDay } = event.data;
  const t0 = performance.now();
  const outcome = fitRetentionModel(histories, asOfDay);
  scope.postMessage({ id, outcome, ms: performance.now() - t0 });
};
