/**
 * Documents the server itself changes (delivery status, erasure effects, automated messages):
 * the same storage path as a push — new stamps, typed columns, customer links restamped, a
 * NOTIFY to every process's live streams — so desks pull the change like any other. Call inside
 * a transaction that holds the stamp lock; the caller advances the sync clock before commit.
 */
import type { SyncCollection, WireDoc } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { writeDocuments } from './documents';
import { linkedBranches, restampLinks } from './links';
import { notifyChange } from './notify';
import { nextStamps } from './stamps';

type Doc = Record<string, unknown>;

export async function writeServerDocuments(tx: Queryable, collection: SyncCollection, docs: readonly WireDoc<Doc>[]): Promise<void> {
  if (docs.length === 0) return;
  const stamps = await nextStamps(tx, docs.length);
  const writes = docs.map((doc, i) => ({ doc, stamp: stamps[i] as number }));
  await writeDocuments(tx, collection, writes, { timezones: new Map(), ownerBranch: '' });
  let branches: string[] | null;
  if (collection === 'customers') {
    await restampLinks(tx, writes.map((w) => ({ id: w.doc.id as string, stamp: w.stamp })));
    branches = await linkedBranches(tx, docs.map((d) => d.id as string));
  } else {
    branches = [...new Set(docs.map((d) => String(d.branch_id ?? '')))].filter((b) => b !== '');
  }
  await notifyChange(tx, { collection, branches });
}
