/**
 * The server's retention model on a paired desk (reference data, `GET /api/retention/model`):
 * kept in an RxDB local document of the replica (never replicated) so an offline desk predicts
 * with the last parameters it received, and handed to `DeskData.setServerModel`. An unpaired
 * desk fits on its own bookings instead (data/outlook.ts).
 */
import { parseStoredModel, type StoredRetentionModel } from '../../../shared/predict/model-wire';
import type { DeskData } from '../data/desk-data';
import type { OutlookModelState } from '../data/outlook';
import type { Replica } from '../data/replica';
import type { SyncApi } from './api';

export const RETENTION_DOC_ID = 'retention-model';

/** How often a paired desk asks again (the server fits nightly and after an import). */
export const RETENTION_REFRESH_MS = 60 * 60 * 1000;

export function modelState(stored: StoredRetentionModel): OutlookModelState {
  return stored.ok
    ? { kind: 'ready', source: 'server', model: stored.model, fittedAsOf: stored.as_of, fitMs: null }
    : { kind: 'failed', source: 'server', reason: stored.reason };
}

export async function loadStoredModel(db: Replica): Promise<StoredRetentionModel | null> {
  const doc = await db.getLocal<{ model: unknown }>(RETENTION_DOC_ID);
  if (doc === null) return null;
  const parsed = parseStoredModel((doc.toJSON().data as { model: unknown }).model);
  if (!parsed.ok) {
    console.warn('The stored retention model is not readable and is ignored', parsed.problem);
    return null;
  }
  return parsed.value;
}

async function saveStoredModel(db: Replica, model: StoredRetentionModel): Promise<void> {
  await db.upsertLocal<{ model: StoredRetentionModel }>(RETENTION_DOC_ID, { model });
}

/**
 * Uses the last stored parameters at once, then asks the server now and every hour; stops with
 * the returned function. Network failures keep the last parameters (offline desks predict with
 * them); a server that has not fitted yet leaves the desk on its own fit.
 */
export function followServerModel(desk: DeskData, api: SyncApi): () => void {
  let stopped = false;
  const refresh = async (): Promise<void> => {
    try {
      const model = await api.retentionModel();
      if (stopped || model === null) return;
      await saveStoredModel(desk.db, model);
      desk.setServerModel(modelState(model));
    } catch (error) {
      console.warn('Fetching the retention model failed; keeping the last one', error);
    }
  };
  void loadStoredModel(desk.db).then((stored) => {
    if (!stopped && stored !== null) desk.setServerModel(modelState(stored));
    void refresh();
  });
  const timer = setInterval(() => void refresh(), RETENTION_REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
