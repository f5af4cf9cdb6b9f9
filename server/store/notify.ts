import type { SyncCollection } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';

/** The NOTIFY channel every process listens on for document changes. */
export const CHANGES_CHANNEL = 'branchdesk_changes';

/** More branches than this in one notification: say "all" instead (payloads are limited to 8000 bytes). */
const MAX_BRANCHES = 100;

export interface ChangeNotice {
  collection: SyncCollection;
  /** Branches whose scope changed; null = possibly every branch. */
  branches: string[] | null;
}

/** Queues a notification, delivered to every listener when the transaction commits. */
export async function notifyChange(tx: Queryable, notice: ChangeNotice): Promise<void> {
  const branches = notice.branches !== null && notice.branches.length > MAX_BRANCHES ? null : notice.branches;
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify({ c: notice.collection, b: branches })]);
}

export function parseNotice(payload: string): ChangeNotice | null {
  try {
    const v = JSON.parse(payload) as { c?: unknown; b?: unknown };
    if (typeof v.c !== 'string') return null;
    const branches = Array.isArray(v.b) ? v.b.filter((x): x is string => typeof x === 'string') : null;
    return { collection: v.c as SyncCollection, branches };
  } catch {
    return null;
  }
}
