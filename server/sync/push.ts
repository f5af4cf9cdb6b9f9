/**
 * A push batch: validated whole, scoped whole, applied in ONE transaction under the stamp lock.
 * Each row goes through decidePush (shared/sync): new documents are stored, retried pushes are
 * no-ops, stale assumptions come back as conflicts, and accepted changes pass through the shared
 * merge so invariants hold. The HQ projection and customer links change in the same
 * transaction; a NOTIFY tells every process's live streams.
 */
import { newAmendments, visitRecordChanges } from '../../shared/schedule/corrections';
import { decidePush } from '../../shared/sync/decide-push';
import { jsonEqual } from '../../shared/sync/equal';
import type { ErrorDetail, PushCollection, WireDoc } from '../../shared/sync/protocol';
import { IMMUTABLE_FIELDS } from '../../shared/sync/rules';
import { authorizePushRole } from '../authz/policy';
import { authorizePush } from '../authz/push-authz';
import { loadBranches, relocateBookings, timezonesOf, type BranchInfo } from '../store/branches';
import { loadMasters, writeDocuments, type DocWrite } from '../store/documents';
import { badRequest } from '../store/errors';
import { ensureLinks, linkedBranches, restampLinks, type Link } from '../store/links';
import { notifyChange } from '../store/notify';
import { recomputeBranch, refreshPairs, type PairChange, type PairRef } from '../services/projection';
import { advanceClock, lockStamps, nextStamps } from '../store/stamps';
import type { Store } from '../store/store';
import { customerFieldProblems } from './customer-checks';
import { bookingSeriesChecks } from './series-checks';
import { queueMilestones } from '../triggers/milestones';
import { recordQueuers } from '../outbox/audit';
import { recordConsentChanges } from '../store/consent';
import { eraseEffects } from '../privacy/erase-effects';
import type { Device } from '../store/device';
import type { Queryable } from '../db/database';
import { documentOf, parsePushBody, type ParsedRow, type PushBodyRow } from './validate-push';
import { parseInstant } from '../../shared/time/instant';
import { zoneClock } from '../../shared/time/zone';

type Doc = Record<string, unknown>;

export interface PushResult {
  conflicts: WireDoc<Doc>[];
  written: number;
}

/**
 * The range of branch-local days of the bookings a push wrote (before and after: a moved booking changes
 * both days), per branch, for the HQ's change notices: a report as of an earlier day is not
 * affected. A branch is left out (its notice then says "any day") when a day cannot be told, when
 * a pair appeared or went (a pair's existence as of a past day can depend on a later booking:
 * an undated customer), or when the branch was recomputed whole (its changes are not reported).
 */
function bookingDays(
  accepted: readonly { doc: WireDoc<Doc>; before?: WireDoc<Doc> }[],
  branches: ReadonlyMap<string, BranchInfo>,
  changes: readonly PairChange[],
  recomputed: ReadonlySet<string>,
): Record<string, [number, number]> {
  const zones = timezonesOf(branches);
  const days = new Map<string, Set<number>>();
  const unknown = new Set(recomputed);
  for (const c of changes) {
    if (c.before === undefined || c.after === undefined) unknown.add((c.before ?? c.after)?.branch_id ?? '');
  }
  for (const { doc, before } of accepted) {
    for (const d of before === undefined ? [doc] : [doc, before]) {
      const b = documentOf('bookings', d);
      const zone = zones.get(b.branch_id);
      const ms = parseInstant(b.start_at);
      if (zone === undefined || ms === null) {
        unknown.add(b.branch_id);
        continue;
      }
      let set = days.get(b.branch_id);
      if (set === undefined) days.set(b.branch_id, (set = new Set()));
      set.add(zoneClock(zone).localDay(ms));
    }
  }
  return Object.fromEntries([...days].filter(([b]) => !unknown.has(b)).map(([b, set]) => [b, [Math.min(...set), Math.max(...set)] as [number, number]]));
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

/** Contact and date fields of pushed customers that are new or changed (400). */
function customerFieldChecks(store: Store, device: Device, rows: readonly ParsedRow[], masters: Map<string, { doc: WireDoc<Doc> }>, branches: ReadonlyMap<string, BranchInfo>): void {
  const invalid: ErrorDetail[] = [];
  const home = branches.get(device.branch_id);
  const today = home ? store.today(home) : Number.MAX_SAFE_INTEGER;
  for (const row of rows) {
    const stored = masters.get(row.id)?.doc;
    const master = stored === undefined ? undefined : documentOf('customers', stored);
    for (const p of customerFieldProblems(documentOf('customers', row.next), master, today)) invalid.push({ document: row.id, collection: 'customers', ...p });
  }
  if (invalid.length > 0) throw badRequest(`invalid push: customers ${invalid[0]?.document} field ${invalid[0]?.field}: ${invalid[0]?.message}`, invalid);
}

/**
 * A visit the server holds as completed changes its price, service or staff only by a correction:
 * the push must carry a new amendment (what sets those fields, with a reason), 400 otherwise. Who
 * may correct at all is the policy's `correct` row (authorizePush). A finished booking's status is
 * kept by the forward-only merge unless an amendment sets it.
 */
function bookingCorrectionChecks(rows: readonly ParsedRow[], masters: Map<string, { doc: WireDoc<Doc> }>): void {
  const invalid: ErrorDetail[] = [];
  for (const row of rows) {
    const stored = masters.get(row.id)?.doc;
    const master = stored === undefined ? undefined : documentOf('bookings', stored);
    const next = documentOf('bookings', row.next);
    const changed = visitRecordChanges(next, master);
    if (changed.length > 0 && newAmendments(next, master).length === 0) {
      invalid.push({ document: row.id, collection: 'bookings', field: changed[0] as string, message: `the visit is completed: its ${changed.join(', ')} change only by a correction with a reason (an amendment)` });
    }
  }
  if (invalid.length > 0) throw badRequest(`invalid push: bookings ${invalid[0]?.document} field ${invalid[0]?.field}: ${invalid[0]?.message}`, invalid);
}

/** Fields of a new communication only the server sets (the outbox and the automated triggers). */
function communicationProblems(rows: readonly ParsedRow[]): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const row of rows) {
    const c = documentOf('communications', row.next);
    const was = row.assumed === undefined ? undefined : documentOf('communications', row.assumed);
    if (was === undefined && c.trigger_key !== '') out.push({ document: row.id, collection: 'communications', field: 'trigger_key', message: 'is set by the server for automated messages only' });
    if (was === undefined && c.attempts !== 0) out.push({ document: row.id, collection: 'communications', field: 'attempts', message: 'must be 0 for a new message (the server counts delivery attempts)' });
    if (c.status === 'sending' && was?.status !== 'sending') out.push({ document: row.id, collection: 'communications', field: 'status', message: '"sending" is set by the server\'s outbox only; queue the message with "queued"' });
  }
  return out;
}

/**
 * A branch whose time zone or thresholds a manager changed: its bookings' local days follow the
 * new zone and its HQ projection (activity, counters, pair history) is recomputed with the new
 * rules, in the push transaction, so HQ's reports use the new values at once.
 */
async function branchProfileEffects(tx: Queryable, store: Store, accepted: readonly { doc: WireDoc<Doc>; before?: WireDoc<Doc> }[]): Promise<void> {
  const changed = accepted.filter(({ doc, before }) => before !== undefined && (['timezone', 'active_days', 'at_risk_days'] as const).some((f) => !jsonEqual(doc[f], before[f])));
  if (changed.length === 0) return;
  const branches = await loadBranches(tx);
  for (const { doc, before } of changed) {
    const branch = branches.get(doc.id as string);
    if (branch === undefined) continue;
    if (doc.timezone !== before?.timezone) await relocateBookings(tx, branch.id, branch.timezone);
    await recomputeBranch(tx, branch, store.today(branch));
  }
}

export async function pushRows(store: Store, device: Device, collection: PushCollection, body: readonly PushBodyRow[]): Promise<PushResult> {
  // Authorisation is server/authz: the role first (hq never pushes), the rest in the transaction.
  authorizePushRole(device, collection);
  const rows = parsePushBody(collection, body, store.clock());
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
    const branches = await loadBranches(tx);
    const masters = await loadMasters<Doc>(tx, collection, rows.map((r) => r.id));

    const authority = await authorizePush(tx, store.org.customer_id_secret, device, collection, rows, masters, branches);
    if (collection === 'customers') customerFieldChecks(store, device, rows, masters, branches);
    if (collection === 'bookings') {
      bookingCorrectionChecks(rows, masters);
      await bookingSeriesChecks(tx, rows, masters);
    }

    const conflicts: WireDoc<Doc>[] = [];
    const accepted: { row: ParsedRow; doc: WireDoc<Doc>; before?: WireDoc<Doc> }[] = [];
    for (const row of rows) {
      const master = masters.get(row.id)?.doc;
      if (master !== undefined && authority.linkOnly.has(row.id)) {
        // Linked by proof of the customer's current contact: nothing the desk sent is written.
        conflicts.push(master);
        continue;
      }
      const replaced = authority.replace.get(row.id);
      const decision = decidePush<Doc>(collection, master, { assumedMasterState: row.assumed ?? null, newDocumentState: replaced ?? row.next });
      if (decision.write !== undefined) accepted.push({ row, doc: decision.write, ...(master ? { before: master } : {}) });
      if (decision.conflict !== undefined) conflicts.push(decision.conflict);
      else if (replaced !== undefined && decision.write !== undefined) conflicts.push(decision.write);
    }

    const stamps = await nextStamps(tx, accepted.length);
    const writes: DocWrite[] = accepted.map((a, i) => ({ doc: a.doc, stamp: stamps[i] as number }));
    await writeDocuments(tx, collection, writes, { timezones: timezonesOf(branches), ownerBranch: device.branch_id });

    if (collection === 'customers') {
      // Who changed consent is the token's device, recorded with the write (never a client-supplied name).
      const written = accepted.map((a) => ({ before: a.before === undefined ? undefined : documentOf('customers', a.before), after: documentOf('customers', a.doc) }));
      await recordConsentChanges(tx, device, written, store.clock());
    }
    if (collection === 'communications') {
      const written = new Set(accepted.filter((a) => a.doc.status === 'queued').map((a) => a.doc.id as string));
      await recordQueuers(tx, device, authority.queued.filter((id) => written.has(id)), store.clock());
    }

    const links: Link[] = [];
    const pairs: PairRef[] = [];
    if (collection === 'bookings') {
      for (const { doc, before } of accepted) {
        const b = documentOf('bookings', doc);
        // Branch and customer never change, so only a new booking can create a link.
        if (before === undefined) links.push({ branch_id: b.branch_id, customer_id: b.customer_id, reason: 'booked' });
        pairs.push({ branch_id: b.branch_id, customer_id: b.customer_id });
      }
    }
    let notifyBranches: string[] | null = [device.branch_id];
    if (collection === 'customers') {
      for (const row of rows) links.push({ branch_id: device.branch_id, customer_id: row.id, reason: 'desk' });
      for (const { doc, before } of accepted) {
        const c = documentOf('customers', doc);
        links.push({ branch_id: c.home_branch_id, customer_id: c.id, reason: 'home' });
        links.push({ branch_id: c.registered_branch_id, customer_id: c.id, reason: 'registered' });
        const old = before === undefined ? undefined : documentOf('customers', before);
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
    if (collection === 'branches') await branchProfileEffects(tx, store, accepted);
    const recomputed = new Set<string>();
    const changes = await refreshPairs(tx, pairs, branches, (b) => store.today(b), recomputed);
    const automated = collection === 'bookings' ? await queueMilestones(tx, store, changes, branches) : [];
    if (collection === 'customers') await eraseEffects(tx, accepted, store.clock());

    if (automated.length > 0 && writes.length === 0 && created.length === 0) await advanceClock(tx);
    if (writes.length > 0 || created.length > 0) {
      await notifyChange(tx, { collection, branches: notifyBranches, ...(collection === 'bookings' ? { days: bookingDays(accepted, branches, changes, recomputed) } : {}) });
      if (collection === 'bookings' && created.length > 0) await notifyChange(tx, { collection: 'customers', branches: [...new Set(created.map((l) => l.branch_id))] });
      await advanceClock(tx);
    }
    return { conflicts, written: writes.length };
  });
}
