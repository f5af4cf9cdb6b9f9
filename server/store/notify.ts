import type { SyncCollection } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';

/** The NOTIFY channel every process listens on for document changes. */
export const CHANGES_CHANNEL = 'branchdesk_changes';

/** More branches than this in one notification: say "all" instead (payloads are limited to 8000 bytes). */
const MAX_BRANCHES = 100;
/** A payload longer than this drops its days ("any day"): PostgreSQL refuses payloads of 8000 bytes. */
const MAX_PAYLOAD = 7000;

export interface ChangeNotice {
  collection: SyncCollection;
  /** Branches whose scope changed; null = possibly every branch. */
  branches: string[] | null;
  /**
   * Per branch of `branches`, the first and last branch-local day (day numbers,
   * shared/time/calendar) of the changed documents; a branch missing here (or no `days`) = any day.
   */
  days?: Readonly<Record<string, readonly [number, number]>>;
}

function payloadOf(notice: ChangeNotice): string {
  const branches = notice.branches !== null && notice.branches.length > MAX_BRANCHES ? null : notice.branches;
  const days = branches === null || notice.days === undefined ? undefined : Object.fromEntries(Object.entries(notice.days).filter(([b]) => branches.includes(b)));
  const full = JSON.stringify(days === undefined ? { c: notice.collection, b: branches } : { c: notice.collection, b: branches, d: days });
  return full.length <= MAX_PAYLOAD ? full : JSON.stringify({ c: notice.collection, b: branches });
}

/** Queues a notification, delivered to every listener when the transaction commits. */
export async function notifyChange(tx: Queryable, notice: ChangeNotice): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, payloadOf(notice)]);
}

export function parseNotice(payload: string): ChangeNotice | null {
  try {
    const v = JSON.parse(payload) as { c?: unknown; b?: unknown; d?: unknown };
    if (typeof v.c !== 'string') return null;
    const branches = Array.isArray(v.b) ? v.b.filter((x): x is string => typeof x === 'string') : null;
    const notice: ChangeNotice = { collection: v.c as SyncCollection, branches };
    if (typeof v.d === 'object' && v.d !== null && !Array.isArray(v.d)) {
      const days: Record<string, [number, number]> = {};
      for (const [branch, range] of Object.entries(v.d as Record<string, unknown>)) {
        if (Array.isArray(range) && range.length === 2 && Number.isSafeInteger(range[0]) && Number.isSafeInteger(range[1])) days[branch] = [range[0] as number, range[1] as number];
      }
      notice.days = days;
    }
    return notice;
  } catch {
    return null;
  }
}
