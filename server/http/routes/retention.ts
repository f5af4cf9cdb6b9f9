/**
 * The business's retention model (docs/DESIGN.md §7), reference data fitted by the server only:
 * - `GET /api/retention/model` (any device; policy `retention_model read`) →
 *   `{ model: StoredRetentionModel | null }`: the parameters every desk predicts with (or the
 *   reason the last fit failed; null before the first fit). There is no write: the server fits it
 *   nightly and after an import (`retention_model write` is deny for every role).
 * - `GET /api/retention/outlook` (policy `retention_outlook read`: manager its branch, hq all) →
 *   `{ model, branches: { [id]: BranchOutlook } }`: expected visits and predicted revenue in the
 *   next 30 / 90 days and value at risk per branch, from the same model and shared code as the
 *   desks' figures; `branches` is null while there is no fitted model.
 */
import type { FastifyInstance } from 'fastify';
import { readBranch } from '../../authz/policy';
import { branchOutlooks, loadRetentionModel } from '../../services/retention';
import { loadBranches } from '../../store/branches';
import type { Store } from '../../store/store';
import { requireDevice } from '../guards';

export function retentionRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/retention/model', async (request) => {
    readBranch(await requireDevice(store, request), 'retention_model');
    return { model: await loadRetentionModel(store.db) };
  });

  app.get('/api/retention/outlook', async (request) => {
    const scope = readBranch(await requireDevice(store, request), 'retention_outlook');
    const ids = scope === null ? [...(await loadBranches(store.db)).keys()] : [scope];
    return { model: await loadRetentionModel(store.db), branches: await branchOutlooks(store, ids) };
  });
}
