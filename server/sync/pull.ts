/**
 * Checkpoint iteration: documents in the caller's scope with (stamp, id) after the checkpoint,
 * in (stamp, id) order. Customers of a branch are read through their links, in link-stamp
 * order, so a customer newly linked to the branch comes with the next pull.
 */
import { MAX_PULL_LIMIT, type Checkpoint, type PullResponse, type SyncCollection } from '../../shared/sync/protocol';
import { toNumber, type Queryable } from '../db/database';
import { joinWire, TABLES } from '../store/tables';

interface Row {
  id: string;
  stamp: unknown;
  deleted: boolean;
  data: unknown;
}

/**
 * One batch. `branch` null reads every branch (hq). Returns the request's checkpoint when there
 * is nothing new, so RxDB keeps its position.
 */
export async function pullBatch(
  q: Queryable,
  collection: SyncCollection,
  branch: string | null,
  checkpoint: Checkpoint | null,
  limit: number,
): Promise<PullResponse<{ id: string } & Record<string, unknown>>> {
  const n = Math.max(1, Math.min(MAX_PULL_LIMIT, Math.floor(limit)));
  const stamp = checkpoint?.stamp ?? -1;
  const id = checkpoint?.id ?? '';
  const spec = TABLES[collection];
  let rows: Row[];
  if (collection === 'customers' && branch !== null) {
    rows = await q.query<Row>(
      `SELECT c.id, l.stamp, c.deleted, c.data FROM customer_links l JOIN customers c ON c.id = l.customer_id
       WHERE l.branch_id = $1 AND (l.stamp, l.customer_id) > ($2::bigint, $3::text)
       ORDER BY l.stamp, l.customer_id LIMIT $4`,
      [branch, stamp, id, n],
    );
  } else if (spec.branchColumn !== undefined && branch !== null) {
    rows = await q.query<Row>(
      `SELECT id, stamp, deleted, data FROM ${spec.table}
       WHERE ${spec.branchColumn} = $1 AND (stamp, id) > ($2::bigint, $3::text)
       ORDER BY stamp, id LIMIT $4`,
      [branch, stamp, id, n],
    );
  } else {
    rows = await q.query<Row>(
      `SELECT id, stamp, deleted, data FROM ${spec.table} WHERE (stamp, id) > ($1::bigint, $2::text) ORDER BY stamp, id LIMIT $3`,
      [stamp, id, n],
    );
  }
  const last = rows[rows.length - 1];
  return {
    documents: rows.map((r) => joinWire<{ id: string } & Record<string, unknown>>(r.data, r.deleted)),
    checkpoint: last === undefined ? checkpoint : { stamp: toNumber(last.stamp), id: last.id },
  };
}
