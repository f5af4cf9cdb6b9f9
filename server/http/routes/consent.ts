/**
 * `GET /api/customers/:id/consent` — who changed the customer's marketing consent and when
 * (server/store/consent.ts): the latest change per channel and the recent history. Scoped like
 * privacy export (policy `customers consent_history`): a branch device reads customers linked to
 * its branch, hq every customer; any other id answers 404, as an unknown one does.
 */
import type { FastifyInstance } from 'fastify';
import type { ConsentHistory } from '../../../shared/sync/protocol';
import { consentHistory } from '../../store/consent';
import type { Store } from '../../store/store';
import { deviceFirst, requireDevice } from '../guards';
import { CustomerParams, customerInScope } from './privacy';

export function consentRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Params: CustomerParams }>('/api/customers/:id/consent', { preValidation: deviceFirst(store), schema: { params: CustomerParams } }, async (request): Promise<ConsentHistory> => {
    const device = await requireDevice(store, request);
    const { id } = request.params;
    await customerInScope(store, device, id, 'consent_history');
    return consentHistory(store.db, id);
  });
}
