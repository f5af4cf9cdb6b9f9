/**
 * Backfills the server database from a parsed CSV data set (docs/DESIGN.md §3) in ONE transaction:
 * documents are inserted or updated (fields the CSV does not carry are kept), each changed
 * document gets a fresh stamp so desks pull it, customers are linked to their branches, and the
 * HQ projection is recomputed for every branch (with `historyDays` of daily snapshots).
 */
import { importedBookingDoc, importedBranchDoc, importedCustomerDoc } from '../../shared/csv/imported-docs';
import type { Dataset, ParsedBooking } from '../../shared/csv/import';
import type { BookingDoc, BranchDoc, CustomerDoc } from '../../shared/domain/schemas';
import type { Branch, Customer } from '../../shared/domain/types';
import { validateDocument } from '../../shared/domain/validate';
import { documentsEqual } from '../../shared/sync/equal';
import type { SyncCollection, WireDoc } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { loadBranches, relocateBookings, timezonesOf } from '../store/branches';
import { loadMasters, writeDocuments, type DocWrite } from '../store/documents';
import type { RowContext } from '../store/tables';
import { ensureLinks, restampLinks, type Link } from '../store/links';
import { notifyChange } from '../store/notify';
import { recomputeBranch } from './projection';
import { advanceClock, lockStamps, nextStamps } from '../store/stamps';
import type { Store } from '../store/store';

export interface ImportProblem {
  file: string;
  id: string;
  field: string;
  message: string;
}

export interface ImportSummary {
  branches: number;
  customers: number;
  bookings: number;
  /** Documents created or changed (the others were identical already). */
  changed: number;
}

type Doc = Record<string, unknown>;

const FILES: Record<string, string> = { branches: 'branches.csv', customers: 'customers.csv', bookings: 'bookings.csv' };

const CHUNK = 20_000;

interface Pass<S, D extends Doc> {
  collection: SyncCollection;
  sources: readonly S[];
  idOf: (s: S) => string;
  build: (s: S, existing: D | undefined) => D;
  /** Links to create for a chunk of sources. */
  links?: (chunk: readonly S[]) => Link[];
}

/**
 * Builds documents against the stored ones chunk by chunk, validates them, and writes the new or
 * changed ones with fresh stamps. After the first problem nothing more is written (the caller's
 * transaction is rolled back), but validation goes on so every problem is reported.
 */
async function importPass<S, D extends Doc>(
  tx: Queryable,
  pass: Pass<S, D>,
  ctx: RowContext,
  problems: ImportProblem[],
): Promise<number> {
  let written = 0;
  for (let i = 0; i < pass.sources.length; i += CHUNK) {
    const chunk = pass.sources.slice(i, i + CHUNK);
    const masters = await loadMasters<D>(tx, pass.collection, chunk.map(pass.idOf));
    const changed: WireDoc<D>[] = [];
    for (const s of chunk) {
      const master = masters.get(pass.idOf(s))?.doc;
      const existing = master === undefined ? undefined : (({ _deleted: _, ...rest }) => rest as unknown as D)(master);
      const doc = pass.build(s, existing);
      for (const p of validateDocument(pass.collection, doc)) {
        if (problems.length < 50) problems.push({ file: FILES[pass.collection] ?? pass.collection, id: pass.idOf(s), field: p.field, message: p.message });
      }
      const wire = { ...doc, _deleted: false } as WireDoc<D>;
      if (master === undefined || !documentsEqual(master as Doc, wire as Doc)) changed.push(wire);
    }
    if (problems.length > 0) continue;
    const stamps = await nextStamps(tx, changed.length);
    const writes: DocWrite[] = changed.map((doc, k) => ({ doc: doc as WireDoc<Doc>, stamp: stamps[k] as number }));
    await writeDocuments(tx, pass.collection, writes, ctx);
    if (pass.collection === 'customers') await restampLinks(tx, writes.map((w) => ({ id: w.doc.id as string, stamp: w.stamp })));
    if (pass.links) await ensureLinks(tx, pass.links(chunk));
    written += writes.length;
  }
  return written;
}

export class ImportRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`${problems.length} document(s) do not fit the schema`);
  }
}

export async function importDataset(store: Store, dataset: Dataset, historyDays: number): Promise<ImportSummary> {
  return store.db.transaction(async (tx) => {
    await lockStamps(tx);
    const problems: ImportProblem[] = [];
    const before = await loadBranches(tx);
    const none = { timezones: new Map<string, string>(), ownerBranch: '' };
    const branchWrites = await importPass<Branch, BranchDoc>(tx, { collection: 'branches', sources: dataset.branches, idOf: (b) => b.id, build: importedBranchDoc }, none, problems);
    const after = problems.length === 0 ? await loadBranches(tx) : before;
    if (problems.length === 0) {
      for (const b of after.values()) {
        const old = before.get(b.id);
        if (old !== undefined && old.timezone !== b.timezone) await relocateBookings(tx, b.id, b.timezone);
      }
    }
    const customerWrites = await importPass<Customer, CustomerDoc>(
      tx,
      {
        collection: 'customers',
        sources: dataset.customers,
        idOf: (c) => c.id,
        build: importedCustomerDoc,
        links: (chunk) => chunk.filter((c) => c.home_branch_id !== '').map((c) => ({ branch_id: c.home_branch_id, customer_id: c.id, reason: 'home' })),
      },
      none,
      problems,
    );
    const bookingWrites = await importPass<ParsedBooking, BookingDoc>(
      tx,
      {
        collection: 'bookings',
        sources: dataset.bookings,
        idOf: (b) => b.id,
        build: importedBookingDoc,
        links: (chunk) => chunk.map((b) => ({ branch_id: b.branch_id, customer_id: b.customer_id, reason: 'booked' })),
      },
      { timezones: timezonesOf(after), ownerBranch: '' },
      problems,
    );
    if (problems.length > 0) throw new ImportRejected(problems);

    for (const branch of after.values()) {
      const today = store.today(branch);
      await recomputeBranch(tx, branch, today, historyDays > 0 ? today - historyDays : undefined);
    }
    for (const collection of ['branches', 'customers', 'bookings'] as const) await notifyChange(tx, { collection, branches: null });
    await advanceClock(tx);
    return {
      branches: dataset.branches.length,
      customers: dataset.customers.length,
      bookings: dataset.bookings.length,
      changed: branchWrites + customerWrites + bookingWrites,
    };
  });
}
