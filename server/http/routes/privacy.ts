/**
 * Privacy requests over HTTP:
 * - `GET /api/privacy/customers/:id/export` — everything held about one customer as JSON
 *   (`exportCustomerData`). A branch device (front desk, manager) gets the customer when linked
 *   to its branch, with its branch's bookings, messages and activity (a token never reads
 *   outside its scope); an hq device gets every branch's.
 * - `POST /api/privacy/customers/:id/erase` — erase on the server (manager of a linked branch,
 *   or hq); every desk receives the erased document through sync. Desks may also erase by
 *   pushing the document from `eraseCustomer` — the same effects follow.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { BookingDoc, CommunicationDoc, CustomerDoc } from '../../../shared/domain/schemas';
import { exportCustomerData } from '../../../shared/privacy/export';
import { formatInstant } from '../../../shared/time/instant';
import { loadMasters } from '../../store/documents';
import { notFound } from '../../store/errors';
import { isLinked } from '../../store/links';
import { rowToActivity, type ActivityRow } from '../../services/projection';
import type { Store } from '../../store/store';
import type { Device } from '../../store/device';
import { authorize } from '../../authz/policy';
import { eraseCustomersOnServer } from '../../privacy/erase-customers';
import { deviceFirst, requireDevice } from '../guards';

/** The customer when the device may perform `operation` on it (policy: linked to its branch, or all). */
export async function customerInScope(store: Store, device: Device, id: string, operation: 'export' | 'erase' | 'consent_history'): Promise<{ customer: CustomerDoc & { _deleted: boolean }; scope: string | null }> {
  const scope = authorize(device, 'customers', operation) === 'all' ? null : device.branch_id;
  const doc = (await loadMasters<CustomerDoc>(store.db, 'customers', [id])).get(id)?.doc;
  if (doc === undefined || (scope !== null && !(await isLinked(store.db, scope, [id])).has(id))) {
    throw notFound(scope === null ? `no customer "${id}"` : `no customer "${id}" at branch ${scope}`);
  }
  return { customer: doc, scope };
}

/** `:id` — a customer id (anything longer than an id is 404, like an unknown one). */
export const CustomerParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100, description: 'customer' }) });
export type CustomerParams = Static<typeof CustomerParams>;

export function privacyRoutes(app: FastifyInstance, store: Store): void {
  const route = { preValidation: deviceFirst(store), schema: { params: CustomerParams } };
  app.get<{ Params: CustomerParams }>('/api/privacy/customers/:id/export', route, async (request, reply) => {
    const device = await requireDevice(store, request);
    const { id } = request.params;
    const { customer, scope } = await customerInScope(store, device, id, 'export');
    const branchFilter = scope === null ? '' : ' AND branch_id = $2';
    const params = scope === null ? [id] : [id, scope];
    const bookings = await store.db.query<{ data: BookingDoc }>(`SELECT data FROM bookings WHERE customer_id = $1 AND NOT deleted${branchFilter}`, params);
    const communications = await store.db.query<{ data: CommunicationDoc }>(`SELECT data FROM communications WHERE customer_id = $1 AND NOT deleted${branchFilter}`, params);
    const activity = await store.db.query<ActivityRow>(`SELECT * FROM customer_branch_activity WHERE customer_id = $1${branchFilter}`, params);
    const bundle = exportCustomerData(
      customer,
      bookings.map((b) => b.data),
      communications.map((c) => c.data),
      activity.map(rowToActivity),
      formatInstant(store.clock()),
    );
    request.log.info({ device: device.id, customer: id }, 'customer data exported');
    return reply.header('content-disposition', `attachment; filename="customer-${id.replace(/[^\w-]/g, '_')}.json"`).send(bundle);
  });

  app.post<{ Params: CustomerParams }>('/api/privacy/customers/:id/erase', route, async (request) => {
    const device = await requireDevice(store, request);
    const { id } = request.params;
    const { customer: before } = await customerInScope(store, device, id, 'erase');
    const result = await eraseCustomersOnServer(store, [id], device);
    request.log.info({ device: device.id, customer: id }, 'customer erased on request');
    const customer = result.erased[0] ?? before;
    return { customer, communications_erased: result.communications, already_erased: result.erased.length === 0 };
  });
}
