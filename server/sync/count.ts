/**
 * How many documents a pull from a checkpoint would still return, in the same scope and order as
 * `pullBatch` (server/sync/pull.ts): the desk shows it as the total of its first-sync progress bar.
 * One index range count per request; desks ask once per sync start, not per batch.
 */
import type { Checkpoint, SyncCollection } from '../../shared/sync/protocol';
import { toNumber, type Queryable } from '../db/database';
import { TABLES } from '../store/tables';

export async function countAfter(q: Queryable, collection: SyncCollection, branch: string | null, checkpoint: Checkpoint | null): Promise<number> {
  const stamp = checkpoint?.stamp ?? -1;
  const id = checkpoint?.id ?? '';
  const spec = TABLES[collection];
  let rows: { n: unknown }[];
  if (collection === 'customers' && branch !== null) {
    rows = await q.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM customer_links l WHERE l.branch_id = $1 AND (l.stamp, l.customer_id) > ($2::bigint, $3::text)`,
      [branch, stamp, id],
    );
  } else if (spec.branchColumn !== undefined && branch !== null) {
    rows = await q.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${spec.table} WHERE ${spec.branchColumn} = $1 AND (stamp, id) > ($2::bigint, $3::text)`, [branch, stamp, id]);
  } else {
    rows = await q.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${spec.table} WHERE (stamp, id) > ($1::bigint, $2::text)`, [stamp, id]);
  }
  return toNumber(rows[0]?.n ?? 0);
}
