/**
 * Fits the business retention model without blocking the desk (docs/DESIGN.md §7): in a module
 * Web Worker (`fit-worker.ts`) where the platform has workers, on the calling thread otherwise
 * (Node, tests) or when the worker cannot start or fails — the same shared `fitRetentionModel`
 * either way, so the outcome is identical.
 */
import type { VisitHistory } from '../../../shared/predict/history';
import { fitRetentionModel, type ModelOutcome } from '../../../shared/predict/model';

export interface FitRequest {
  id: number;
  histories: VisitHistory[];
  asOfDay: number;
}

export interface FitReply {
  id: number;
  outcome: ModelOutcome;
  /** How long the fit itself took, ms. */
  ms: number;
}

export interface FitResult {
  outcome: ModelOutcome;
  ms: number;
  where: 'worker' | 'main';
}

let worker: Worker | null = null;
let workerBroken = typeof Worker === 'undefined';
let nextId = 1;
const waiting = new Map<number, { resolve: (r: FitResult) => void; request: FitRequest }>();

function fitHere(request: FitRequest): FitResult {
  const t0 = performance.now();
  const outcome = fitRetentionModel(request.histories, request.asOfDay);
  return { outcome, ms: performance.now() - t0, where: 'main' };
}

/** The worker failed (could not load, threw): every fit waiting on it runs here instead. */
function giveUpOnWorker(): void {
  workerBroken = true;
  worker?.terminate();
  worker = null;
  const pending = [...waiting.values()];
  waiting.clear();
  for (const { resolve, request } of pending) resolve(fitHere(request));
}

function startWorker(): Worker | null {
  if (workerBroken) return null;
  if (worker !== null) return worker;
  try {
    worker = new Worker(new URL('./fit-worker.ts', import.meta.url), { type: 'module', name: 'retention-fit' });
  } catch {
    workerBroken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<FitReply>) => {
    const entry = waiting.get(event.data.id);
    if (entry === undefined) return;
    waiting.delete(event.data.id);
    entry.resolve({ outcome: event.data.outcome, ms: event.data.ms, where: 'worker' });
  };
  worker.onerror = () => giveUpOnWorker();
  worker.onmessageerror = () => giveUpOnWorker();
  return worker;
}

/** Fits the model over the histories as of the day, off the main thread when it can. */
export function fitOffThread(histories: VisitHistory[], asOfDay: number): Promise<FitResult> {
  const request: FitRequest = { id: nextId++, histories, asOfDay };
  const w = startWorker();
  if (w === null) return Promise.resolve(fitHere(request));
  return new Promise((resolve) => {
    waiting.set(request.id, { resolve, request });
    w.postMessage(request);
  });
}
