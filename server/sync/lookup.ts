/**
 * Walk-in lookup: a desk online asks for a customer by exact normalised phone or email; every
 * match is linked to the desk's branch (so it stays in the desk's pulls) and returned.
 */
import type { CustomerDoc } from '../../shared/domain/schemas';
import type { LookupResponse, WireDoc } from '../../shared/sync/protocol';
import { loadBranches } from '../store/branches';
import { badRequest, forbidden } from '../store/errors';
import { ensureLinks } from '../store/links';
import { notifyChange } from '../store/notify';
import { advanceClock, lockStamps } from '../store/stamps';
import type { Store } from '../store/store';
import { emailKey, joinWire, phoneKey } from '../store/tables';
import type { Device } from '../store/device';
import { normaliseEmail, normalisePhone } from '../../shared/domain/contact';

const MAX_MATCHES = 5;

/** What a desk asks for (its shape is checked at the HTTP edge): exactly one of a phone and an email. */
export interface LookupQuery {
  phone?: string;
  email?: string;
}

export async function lookupCustomer(store: Store, device: Device, query: LookupQuery): Promise<LookupResponse> {
  if (device.role === 'hq' || device.branch_id === '') throw forbidden('only branch devices look customers up');
  const phone = query.phone?.trim() ?? '';
  const email = query.email?.trim() ?? '';
  if ((phone === '') === (email === '')) throw badRequest('send exactly one of "phone" or "email"', [{ field: 'phone', message: 'phone or email is required (not both)' }]);

  return store.db.transaction(async (tx) => {
    await lockStamps(tx);
    const branches = await loadBranches(tx);
    const country = branches.get(device.branch_id)?.doc.country ?? '';
    let rows: { id: string; deleted: boolean; data: unknown }[];
    if (phone !== '') {
      const parsed = normalisePhone(phone, country || undefined);
      if (!parsed.ok) throw badRequest(`phone: ${parsed.message}`, [{ field: 'phone', message: parsed.message }]);
      rows = await tx.query('SELECT id, deleted, data FROM customers WHERE phone = $1 AND NOT deleted ORDER BY id LIMIT $2', [phoneKey(parsed.e164), MAX_MATCHES]);
    } else {
      const parsed = normaliseEmail(email);
      if (!parsed.ok) throw badRequest(`email: ${parsed.message}`, [{ field: 'email', message: parsed.message }]);
      rows = await tx.query('SELECT id, deleted, data FROM customers WHERE email = $1 AND NOT deleted ORDER BY id LIMIT $2', [emailKey(parsed.email), MAX_MATCHES]);
    }
    if (rows.length > 0) {
      const created = await ensureLinks(tx, rows.map((r) => ({ branch_id: device.branch_id, customer_id: r.id, reason: 'lookup' as const })));
      if (created.length > 0) {
        await notifyChange(tx, { collection: 'customers', branches: [device.branch_id] });
        await advanceClock(tx);
      }
    }
    return { customers: rows.map((r) => joinWire<CustomerDoc>(r.data, r.deleted) as WireDoc<CustomerDoc>) };
  });
}
