/**
 * A push batch: validated whole, scoped whole, applied in ONE transaction under the stamp lock.
 * Each row goes through decidePush (shared/sync): new documents are stored, retried pushes are
 * no-ops, stale assumptions come back as conflicts, and accepted changes pass through the shared
 * merge so invariants hold. The HQ projection and customer links change in the same
 * transaction; a NOTIFY tells every process's live streams.
 */
import type { BookingDoc, CommunicationDoc, CustomerDoc } from '../../shared/domain/schemas';
import { decidePush } from '../../shared/sync/decide-push';
import { jsonEqual } from '../../shared/sync/equal';
import type { ErrorDetail, PushCollection, WireDoc } from '../../shared/sync/protocol';
import { BRANCH_FIELD, IMMUTABLE_FIELDS } from '../../shared/sync/rules';
import type { Queryable } from '../db/database';
import { loadBranches, timezonesOf, type BranchInfo } from '../store/branches';
import { loadMasters, writeDocuments, type DocWrite } from '../store/documents';
import { badRequest, forbidden } from '../store/errors';
import { ensureLinks, isLinked, linkedBranches, restampLinks, type Link } from '../store/links';
import { notifyChange } from '../store/notify';
import { refreshPairs, type PairRef } from '../store/projection';
import { advanceClock, lockStamps, nextStamps } from '../store/stamps';
import type { Store } from '../store/store';
import { customerFieldProblems, isDerivedId } from './customer-checks';
import { queueMilestones } from '../triggers/milestones';
import { eraseEffects } from '../privacy/erase-effects';
import type { Device } from './device';
import { parsePushBody, type ParsedRow } from './validate-push';

type Doc = Record<string, unknown>;

export interface PushResult {
  conflicts: WireDoc<Doc>[];
  written: number;
}

/** Scope checks that need nothing stored: every row must name the device's own branch. */
function checkNamedBranch(collection: PushCollection, device: Device, rows: readonly ParsedRow[]): void {
  const field = BRANCH_FIELD[collection];
  const details: ErrorDetail[] = [];
  for (const row of rows) {
    const value = field === undefined ? undefined : row.next[field];
    const ok = collection === 'campaigns' ? value === '' || value === device.branch_id : value === device.branch_id;
    if (field !== undefined && !ok) {
      details.push({ document: row.id, collection, field, message: `names branch "${String(value)}"; this device may only write branch "${device.branch_id}"` });
    }
    if (collection === 'customers') {
      const c = row.next as unknown as CustomerDoc;
      if (row.assumed === undefined && c.registered_branch_id !== '' && c.registered_branch_id !== device.branch_id) {
        details.push({ document: row.id, collection, field: 'registered_branch_id', message: `names branch "${c.registered_branch_id}"; a desk registers customers at its own branch` });
      }
    }
  }
  if (details.length > 0) throw forbidden(`push rejected: ${details.length} document(s) outside branch ${device.branch_id}`, details);
}

function immutableProblems(collection: PushCollection, row: ParsedRow): ErrorDetail[] {
  if (row.assumed === undefined) return [];
  const out: ErrorDetail[] = [];
  for (const field of IMMUTABLE_FIELDS[collection]) {
    if (!jsonEqual(row.next[field], row.assumed[field])) {
      out.push({ document: row.id, collection, field, message: `cannot change (was "${String(row.assumed[field])}")` });
    }
  }
  return out;
}

async function customerChecks(
  store: Store,
  tx: Queryable,
  device: Device,
  rows: readonly ParsedRow[],
  masters: Map<string, { doc: WireDoc<Doc> }>,
  branches: ReadonlyMap<string, BranchInfo>,
): Promise<void> {
  const linked = await isLinked(tx, device.branch_id, rows.map((r) => r.id));
  const scope: ErrorDetail[] = [];
  const invalid: ErrorDetail[] = [];
  const home = branches.get(device.branch_id);
  const today = home ? store.today(home) : Number.MAX_SAFE_INTEGER;
  for (const row of rows) {
    const next = row.next as unknown as CustomerDoc;
    const master = masters.get(row.id)?.doc as unknown as CustomerDoc | undefined;
    if (master !== undefined && !linked.has(row.id) && !isDerivedId(store.org.customer_id_secret, next)) {
      scope.push({ document: row.id, collection: 'customers', message: `customer is not linked to branch ${device.branch_id}` });
    }
    const allowedHome = new Set(['', device.branch_id, master?.home_branch_id ?? '']);
    if (!allowedHome.has(next.home_branch_id)) {
      scope.push({ document: row.id, collection: 'customers', field: 'home_branch_id', message: `a desk may set the home branch only to its own branch (${device.branch_id})` });
    }
    for (const p of customerFieldProblems(next, master, today)) invalid.push({ document: row.id, collection: 'customers', ...p });
  }
  if (scope.length > 0) throw forbidden(`push rejected: ${scope.length} customer(s) outside branch ${device.branch_id}`, scope);
  if (invalid.length > 0) throw badRequest(`invalid push: customers ${invalid[0]?.document} field ${invalid[0]?.field}: ${invalid[0]?.message}`, invalid);
}

/** Fields of a new communication only the server sets (the outbox and the automated triggers). */
function communicationProblems(rows: readonly ParsedRow[]): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const row of rows) {
    const c = row.next as unknown as CommunicationDoc;
    const was = row.assumed as unknown as CommunicationDoc | undefined;
    if (was === undefined && c.trigger_key !== '') out.push({ document: row.id, collection: 'communications', field: 'trigger_key', message: 'is set by the server for automated messages only' });
    if (was === undefined && c.attempts !== 0) out.push({ document: row.id, collection: 'communications', field: 'attempts', message: 'must be 0 for a new message (the server counts delivery attempts)' });
    if (c.status === 'sending' && was?.status !== 'sending') out.push({ document: row.id, collection: 'communications', field: 'status', message: '"sending" is set by the server\'s outbox only; queue the message with "queued"' });
  }
  return out;
}

export async function pushRows(store: Store, device: Device, collection: PushCollection, body: unknown): Promise<PushResult> {
  if (device.role === 'hq') throw forbidden('hq devices are read-only for documents');
  if (collection === 'branch_settings' && device.role !== 'manager') throw forbidden('only a manager device may change the branch settings');
  const rows = parsePushBody(collection, body, store.clock());
  checkNamedBranch(collection, device, rows);
  if (collection === 'communications') {
    const problems = communicationProblems(rows);
    if (problems.length > 0) throw badRequest(`invalid push: communications ${problems[0]?.document} field ${problems[0]?.field} ${problems[0]?.message}`, problems);
  }
  const immutable = rows.flatMap((r) => immutableProblems(collection, r));
  if (immutable.length > 0) {
    throw badRequest(`invalid push: ${collection} ${immutable[0]?.document} field ${immutable[0]?.field} ${immutable[0]?.message}`, immutable);
  }
  if (rows.length === 0) return { conflicts: [], written: 0 };

  return store.db.transaction(async (tx) => {
    await lockStamps(tx);
    const branches = await loadBranches(tx, store.org);
    const masters = await loadMasters<Doc>(tx, collection, rows.map((r) => r.id));

    const outside: ErrorDetail[] = [];
    for (const row of rows) {
      const m = masters.get(row.id);
      if (m !== undefined && BRANCH_FIELD[collection] !== undefined && m.branch !== device.branch_id) {
        outside.push({ document: row.id, collection, message: `belongs to branch ${m.branch}` });
      }
    }
    if (outside.length > 0) throw forbidden(`push rejected: ${outside.length} document(s) outside branch ${device.branch_id}`, outside);
    if (collection === 'customers') await customerChecks(store, tx, device, rows, masters, branches);

    const conflicts: WireDoc<Doc>[] = [];
    const accepted: { row: ParsedRow; doc: WireDoc<Doc>; before?: WireDoc<Doc> }[] = [];
    for (const row of rows) {
      const master = masters.get(row.id)?.doc;
      const decision = decidePush<Doc>(collection, master, { assumedMasterState: row.assumed ?? null, newDocumentState: row.next });
      if (decision.write !== undefined) accepted.push({ row, doc: decision.write, ...(master ? { before: master } : {}) });
      if (decision.conflict !== undefined) conflicts.push(decision.conflict);
    }

    const stamps = await nextStamps(tx, accepted.length);
    const writes: DocWrite[] = accepted.map((a, i) => ({ doc: a.doc, stamp: stamps[i] as number }));
    await writeDocuments(tx, collection, writes, { timezones: timezonesOf(branches), ownerBranch: device.branch_id });

    const links: Link[] = [];
    const pairs: PairRef[] = [];
    if (collection === 'bookings') {
      for (const { doc, before } of accepted) {
        const b = doc as unknown as BookingDoc;
        // Branch and customer never change, so only a new booking can create a link.
        if (before === undefined) links.push({ branch_id: b.branch_id, customer_id: b.customer_id, reason: 'booked' });
        pairs.push({ branch_id: b.branch_id, customer_id: b.customer_id });
      }
    }
    let notifyBranches: string[] | null = [device.branch_id];
    if (collection === 'customers') {
      for (const row of rows) links.push({ branch_id: device.branch_id, customer_id: row.id, reason: 'desk' });
      for (const { doc, before } of accepted) {
        const c = doc as unknown as WireDoc<CustomerDoc>;
        links.push({ branch_id: c.home_branch_id, customer_id: c.id, reason: 'home' });
        links.push({ branch_id: c.registered_branch_id, customer_id: c.id, reason: 'registered' });
        const old = before as unknown as WireDoc<CustomerDoc> | undefined;
        if (old === undefined || old.home_branch_id !== c.home_branch_id || old._deleted !== c._deleted) {
          pairs.push({ branch_id: c.home_branch_id, customer_id: c.id });
          if (old !== undefined) pairs.push({ branch_id: old.home_branch_id, customer_id: c.id });
        }
      }
    }
    const created = await ensureLinks(tx, links);
    if (collection === 'customers') {
      await restampLinks(tx, writes.map((w) => ({ id: (w.doc as Doc).id as string, stamp: w.stamp })));
      const touched = [...new Set([...writes.map((w) => (w.doc as Doc).id as string), ...created.map((l) => l.customer_id)])];
      notifyBranches = await linkedBranches(tx, touched);
    }
    const changes = await refreshPairs(tx, pairs, branches, (b) => store.today(b));
    const automated = collection === 'bookings' ? await queueMilestones(tx, store, changes, branches) : [];
    if (collection === 'customers') await eraseEffects(tx, accepted, store.clock());

    if (automated.length > 0 && writes.length === 0 && created.length === 0) await advanceClock(tx);
    if (writes.length > 0 || created.length > 0) {
      await notifyChange(tx, { collection, branches: notifyBranches });
      if (collection === 'bookings' && created.length > 0) await notifyChange(tx, { collection: 'customers', branches: [...new Set(created.map((l) => l.branch_id))] });
      await advanceClock(tx);
    }
    return { conflicts, written: writes.length };
  });
}
