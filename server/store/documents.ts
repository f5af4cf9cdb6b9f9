import type { SyncCollection, WireDoc } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { joinWire, splitWire, TABLES, type RowContext } from './tables';

export interface StoredDoc<T = Record<string, unknown>> {
  doc: WireDoc<T>;
  /** The owning branch column for branch-scoped collections ('' otherwise). */
  branch: string;
}

/** Current master states of the given ids (missing ids are absent from the map). */
export async function loadMasters<T>(q: Queryable, collection: SyncCollection, ids: readonly string[]): Promise<Map<string, StoredDoc<T>>> {
  const spec = TABLES[collection];
  const out = new Map<string, StoredDoc<T>>();
  if (ids.length === 0) return out;
  const branchSelect = spec.branchColumn ? `, ${spec.branchColumn} AS branch` : `, '' AS branch`;
  const rows = await q.query<{ id: string; deleted: boolean; data: unknown; branch: string }>(
    `SELECT id, deleted, data${branchSelect} FROM ${spec.table} WHERE id = ANY($1::text[])`,
    [ids],
  );
  for (const r of rows) out.set(r.id, { doc: joinWire<T>(r.data, r.deleted), branch: r.branch });
  return out;
}

export interface DocWrite<T = Record<string, unknown>> {
  doc: WireDoc<T>;
  stamp: number;
}

/** Rows per INSERT statement: big enough to amortise a round trip, small enough for memory. */
const CHUNK = 2000;

/** Inserts or replaces documents with their new stamps (one statement per chunk). */
export async function writeDocuments(q: Queryable, collection: SyncCollection, writes: readonly DocWrite[], ctx: RowContext): Promise<void> {
  const spec = TABLES[collection];
  const columns = ['id', 'stamp', 'deleted', 'data', ...spec.columns.map((c) => c.name)];
  const types = ['id text', 'stamp bigint', 'deleted boolean', 'data jsonb', ...spec.columns.map((c) => `${c.name} ${c.type}`)];
  const update = columns.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`);
  const sql = `INSERT INTO ${spec.table} (${columns.join(', ')})
    SELECT ${columns.map((c) => `r.${c}`).join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${types.join(', ')})
    ON CONFLICT (id) DO UPDATE SET ${update.join(', ')}`;
  for (let i = 0; i < writes.length; i += CHUNK) {
    const records = writes.slice(i, i + CHUNK).map(({ doc, stamp }) => {
      const { data, deleted } = splitWire(doc);
      return { id: data.id, stamp, deleted, data, ...spec.values(data, ctx) };
    });
    await q.query(sql, [JSON.stringify(records)]);
  }
}
