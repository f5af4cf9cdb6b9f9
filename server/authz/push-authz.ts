/**
 * Authorisation of a push batch, in the push transaction (after the masters are loaded, before
 * anything is written). The whole batch is refused when any row fails:
 * - 403 — the role may not perform an operation the row performs (policy.ts), or the row or its
 *   master lies outside the device's scope, or a reference names something outside the scope
 *   (or deleted); `details` name the document and the field;
 * - 409 — a reference names a document the server does not have (yet): the desk pushes the
 *   referenced document first (its collections sync independently) and retries.
 * Returns what the push must do differently: customers the desk proved it knows (the id derived
 * from their CURRENT phone or email) are linked only — their master comes back as a conflict,
 * nothing the desk sent is written — and queued marketing messages without consent are stored
 * as cancelled.
 */
import type { BranchDoc, CustomerDoc } from '../../shared/domain/schemas';
import { deriveCustomerId, normaliseEmail } from '../../shared/domain/contact';
import { channelProblem, isMarketing } from '../../shared/insights/audience';
import { isErased } from '../../shared/privacy/erase';
import type { ErrorDetail, PushCollection, SyncCollection, WireDoc } from '../../shared/sync/protocol';
import { REFERENCES, type Reference } from '../../shared/sync/push-order';
import { BRANCH_FIELD } from '../../shared/sync/rules';
import type { Queryable } from '../db/database';
import { loadMasters, type StoredDoc } from '../store/documents';
import { ApiError } from '../store/errors';
import { isLinked } from '../store/links';
import { emailKey, phoneKey } from '../store/tables';
import type { Device } from '../store/device';
import { deniedMessage, ruleOf } from './policy';
import { isTransactionalPurpose, TRANSACTIONAL_PURPOSES } from './outbox-policy';
import { rowOperations } from './push-operations';
import { documentOf } from '../sync/validate-push';

type Doc = Record<string, unknown>;

export interface PushRowInput {
  id: string;
  next: WireDoc<Doc>;
}

export interface PushAuthority {
  /** Customers linked by proof of contact only: link them and answer the master as a conflict. */
  linkOnly: Set<string>;
  /** Rows to store changed (e.g. a queued marketing message without consent → cancelled). */
  replace: Map<string, WireDoc<Doc>>;
  /** Messages this push hands to the outbox (the device is recorded as their queuer). */
  queued: string[];
}

const SINGULAR: Record<string, string> = { customers: 'customer', campaigns: 'campaign', segments: 'segment', branches: 'branch' };

/** True when the id is derived from the pushed phone/email AND that is the stored customer's current one. */
export function provesContact(secret: string, next: CustomerDoc, master: CustomerDoc): boolean {
  if (next.phone !== '' && phoneKey(next.phone) === phoneKey(master.phone) && next.id === deriveCustomerId(secret, phoneKey(next.phone), '')) return true;
  const email = normaliseEmail(next.email);
  if (email.ok && email.email !== '' && emailKey(next.email) === emailKey(master.email) && next.id === deriveCustomerId(secret, '', email.email)) return true;
  return false;
}

function refused(status: 403 | 409, details: ErrorDetail[], what: string): ApiError {
  const first = details[0] as ErrorDetail;
  const where = `${first.collection ?? ''} ${first.document ?? ''}${first.field ? ` field ${first.field}` : ''}`.trim();
  return new ApiError(status, `push refused: ${where}: ${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''} — ${what}`, details);
}

export async function authorizePush(
  tx: Queryable,
  secret: string,
  device: Device,
  collection: PushCollection,
  rows: readonly PushRowInput[],
  masters: ReadonlyMap<string, StoredDoc<Doc>>,
  branches: ReadonlyMap<string, { doc: BranchDoc }>,
): Promise<PushAuthority> {
  const forbidden: ErrorDetail[] = [];
  const missing: ErrorDetail[] = [];
  const deny = (document: string, field: string | undefined, message: string) => forbidden.push({ document, collection, ...(field ? { field } : {}), message });

  // 1. The role may perform every operation each row performs.
  const ops = new Map(rows.map((row) => [row.id, rowOperations(collection, row.next, masters.get(row.id)?.doc)]));
  for (const row of rows) {
    for (const op of ops.get(row.id) ?? []) {
      if (ruleOf(device.role, collection, op) === 'deny' || device.branch_id === '') deny(row.id, op === 'send' || op.startsWith('queue') ? 'status' : op === 'erase' ? 'erased_at' : op === 'delete' ? '_deleted' : op === 'series' ? 'series' : op === 'pay' ? 'payment' : undefined, deniedMessage(device.role, collection, op));
    }
  }
  if (collection === 'communications') {
    for (const row of rows) {
      if ((ops.get(row.id) ?? []).includes('queue_transactional') && !isTransactionalPurpose(String(row.next.purpose))) {
        deny(row.id, 'purpose', `only marketing (with consent) or ${TRANSACTIONAL_PURPOSES.map((p) => `"${p}"`).join(', ')} messages may be queued for delivery`);
      }
    }
  }
  if (forbidden.length > 0) throw refused(403, forbidden, `nothing of the batch was stored`);

  // 2. Branch scope: the document and its master name the device's branch.
  const branchField = BRANCH_FIELD[collection];
  if (branchField !== undefined) {
    for (const row of rows) {
      const value = row.next[branchField];
      const ok = collection === 'campaigns' ? value === '' || value === device.branch_id : value === device.branch_id;
      if (!ok) deny(row.id, branchField, `names branch "${String(value)}"; this device may only write branch "${device.branch_id}"`);
      const m = masters.get(row.id);
      if (m !== undefined && m.branch !== device.branch_id) deny(row.id, branchField, `belongs to branch ${m.branch}`);
    }
  }
  if (collection === 'branch_settings') {
    for (const row of rows) if (row.next.id !== row.next.branch_id) deny(row.id, 'id', 'must equal branch_id (one settings document per branch)');
  }
  if (collection === 'branches') {
    // A branch's document is its own scope: a manager changes the branch the device is enrolled to.
    for (const row of rows) if (row.next.id !== device.branch_id) deny(row.id, 'id', `names branch "${String(row.next.id)}"; this device may only change branch "${device.branch_id}"`);
  }

  // 3. Customers: linked to the branch (or proof of the current contact), registering branch, home branch.
  const linkOnly = new Set<string>();
  if (collection === 'customers') {
    const linked = await isLinked(tx, device.branch_id, rows.map((r) => r.id));
    for (const row of rows) {
      const next = documentOf('customers', row.next);
      const stored = masters.get(row.id)?.doc;
      const master = stored === undefined ? undefined : documentOf('customers', stored);
      if (master === undefined) {
        if (next.registered_branch_id !== '' && next.registered_branch_id !== device.branch_id) {
          deny(row.id, 'registered_branch_id', `names branch "${next.registered_branch_id}"; a desk registers customers at its own branch`);
        }
      } else if (!linked.has(row.id)) {
        const opsOfRow = ops.get(row.id) ?? [];
        if (opsOfRow.length === 1 && provesContact(secret, next, master)) linkOnly.add(row.id);
        else deny(row.id, undefined, `customer is not linked to branch ${device.branch_id}`);
      }
      const allowedHome = new Set(['', device.branch_id, master?.home_branch_id ?? '']);
      if (!allowedHome.has(next.home_branch_id)) deny(row.id, 'home_branch_id', `a desk may set the home branch only to its own branch (${device.branch_id})`);
    }
  }
  if (forbidden.length > 0) throw refused(403, forbidden, `outside branch ${device.branch_id}; nothing of the batch was stored`);

  // 4. References: exist, not deleted, in scope.
  const inBatch = new Set(rows.filter((r) => !linkOnly.has(r.id)).map((r) => r.id));
  const wanted = new Map<Reference['target'], Set<string>>();
  const checks: { row: PushRowInput; ref: Reference; value: string }[] = [];
  for (const row of rows) {
    if (row.next._deleted === true || linkOnly.has(row.id)) continue;
    const master = masters.get(row.id)?.doc;
    for (const ref of REFERENCES[collection]) {
      const value = row.next[ref.field];
      if (typeof value !== 'string' || value === '') continue;
      if (master !== undefined && master[ref.field] === value) continue;
      if (ref.target === collection && inBatch.has(value)) continue;
      checks.push({ row, ref, value });
      if (!wanted.has(ref.target)) wanted.set(ref.target, new Set());
      wanted.get(ref.target)?.add(value);
    }
  }
  const targets = new Map<string, Map<string, StoredDoc<Doc>>>();
  for (const [target, ids] of wanted) {
    if (target !== 'branches') targets.set(target, await loadMasters<Doc>(tx, target as SyncCollection, [...ids]));
  }
  const linkedTargets = await isLinked(tx, device.branch_id, [...(wanted.get('customers') ?? [])]);
  for (const { row, ref, value } of checks) {
    const name = `${SINGULAR[ref.target]} "${value}"`;
    if (ref.target === 'branches') {
      if (!branches.has(value)) missing.push({ document: row.id, collection, field: ref.field, message: `${name} does not exist` });
      continue;
    }
    const target = targets.get(ref.target)?.get(value);
    if (target === undefined) {
      missing.push({ document: row.id, collection, field: ref.field, message: `${name} is not on the server${ref.target === 'customers' ? ' (push the customer first, or find it with a walk-in lookup)' : ' (push it first)'}` });
    } else if (target.doc._deleted) {
      deny(row.id, ref.field, `${name} was deleted`);
    } else if (ref.scope === 'linked' && !linkedTargets.has(value)) {
      deny(row.id, ref.field, `${name} is not linked to branch ${device.branch_id} (find it with a walk-in lookup by exact phone or email)`);
    } else if (ref.scope === 'branch' && target.branch !== device.branch_id) {
      deny(row.id, ref.field, `${name} belongs to another branch`);
    } else if (ref.target === 'customers' && collection !== 'customers' && isErased(documentOf('customers', target.doc))) {
      deny(row.id, ref.field, `${name} was erased`);
    }
  }
  if (forbidden.length > 0) throw refused(403, forbidden, `nothing of the batch was stored`);
  if (missing.length > 0) throw refused(409, missing, 'nothing of the batch was stored; push the referenced documents first, then retry');

  // 5. Outbox at push time: a marketing message queued without consent is stored as cancelled.
  const replace = new Map<string, WireDoc<Doc>>();
  if (collection === 'communications') {
    const queuedIds = rows.filter((r) => (ops.get(r.id) ?? []).includes('queue_marketing')).map((r) => r.id);
    if (queuedIds.length > 0) {
      const queuedRows = rows.filter((r) => queuedIds.includes(r.id)).map((r) => documentOf('communications', r.next));
      const customers = await loadMasters<CustomerDoc>(tx, 'customers', [...new Set(queuedRows.map((c) => c.customer_id))]);
      for (const c of queuedRows) {
        const id = c.id;
        const customer = customers.get(c.customer_id)?.doc;
        if (customer === undefined || !isMarketing(c)) continue;
        const channel = c.channel;
        if (channel !== 'sms' && channel !== 'email') continue;
        if (channelProblem(customer, channel) === 'no_consent') {
          replace.set(id, { ...c, status: 'cancelled', error: `cancelled: no marketing consent for ${channel}` });
        }
      }
    }
  }
  const queued = rows.filter((r) => !replace.has(r.id) && (ops.get(r.id) ?? []).some((op) => op === 'queue_marketing' || op === 'queue_transactional')).map((r) => r.id);
  return { linkOnly, replace, queued };
}
