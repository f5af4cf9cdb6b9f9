import type { Queryable } from '../db/database';
import { pairKey } from '../../shared/engine/activity-index';

export interface Link {
  branch_id: string;
  customer_id: string;
  reason: 'home' | 'registered' | 'booked' | 'desk' | 'lookup' | 'import';
}

/**
 * Links customers to branches (call under the stamp lock). A link that did not exist gets a
 * fresh stamp, so the customer reaches that branch's next pull even though the customer
 * document itself did not change. Returns the links created.
 */
export async function ensureLinks(tx: Queryable, links: readonly Link[]): Promise<Link[]> {
  const unique = new Map<string, Link>();
  for (const l of links) if (l.branch_id !== '' && l.customer_id !== '') unique.set(pairKey(l.branch_id, l.customer_id), l);
  const candidates = [...unique.values()];
  const created: Link[] = [];
  for (let i = 0; i < candidates.length; i += 10_000) created.push(...(await ensureChunk(tx, candidates.slice(i, i + 10_000))));
  return created;
}

async function ensureChunk(tx: Queryable, candidates: readonly Link[]): Promise<Link[]> {
  // One round trip: only links that do not exist yet take a stamp. Each candidate is looked up
  // by its key (LATERAL … LIMIT 1 → index probes): a NOT EXISTS was planned as a hash anti join
  // that read the whole links table on every push.
  const rows = await tx.query<Link>(
    `INSERT INTO customer_links (branch_id, customer_id, stamp, reason)
     SELECT c.branch_id, c.customer_id, nextval('doc_stamp'), c.reason
     FROM jsonb_to_recordset($1::jsonb) AS c(branch_id text, customer_id text, reason text)
     LEFT JOIN LATERAL (SELECT true AS found FROM customer_links l WHERE l.branch_id = c.branch_id AND l.customer_id = c.customer_id LIMIT 1) e ON true
     WHERE e.found IS NULL
     ON CONFLICT (branch_id, customer_id) DO NOTHING
     RETURNING branch_id, customer_id, reason`,
    [JSON.stringify(candidates)],
  );
  return rows;
}

/** After customers were written with new stamps, their links carry the new stamps too. */
export async function restampLinks(tx: Queryable, customers: readonly { id: string; stamp: number }[]): Promise<void> {
  if (customers.length === 0) return;
  await tx.query(
    `UPDATE customer_links l SET stamp = r.stamp
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, stamp bigint)
     WHERE l.customer_id = r.id AND l.stamp < r.stamp`,
    [JSON.stringify(customers.map(({ id, stamp }) => ({ id, stamp })))],
  );
}

/** Branches a set of customers is linked to. */
export async function linkedBranches(q: Queryable, customerIds: readonly string[]): Promise<string[]> {
  if (customerIds.length === 0) return [];
  const rows = await q.query<{ branch_id: string }>(
    'SELECT DISTINCT branch_id FROM customer_links WHERE customer_id = ANY($1::text[])',
    [customerIds],
  );
  return rows.map((r) => r.branch_id);
}

export async function isLinked(q: Queryable, branchId: string, customerIds: readonly string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const rows = await q.query<{ customer_id: string }>(
    'SELECT customer_id FROM customer_links WHERE branch_id = $1 AND customer_id = ANY($2::text[])',
    [branchId, customerIds],
  );
  return new Set(rows.map((r) => r.customer_id));
}

/** Which (branch, customer) pairs are linked, as `pairKey` keys. */
export async function linkedPairs(q: Queryable, pairs: readonly { branch_id: string; customer_id: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await q.query<{ branch_id: string; customer_id: string }>(
    `SELECT l.branch_id, l.customer_id FROM jsonb_to_recordset($1::jsonb) AS p(branch_id text, customer_id text)
     JOIN customer_links l ON l.branch_id = p.branch_id AND l.customer_id = p.customer_id`,
    [JSON.stringify(pairs)],
  );
  return new Set(rows.map((r) => pairKey(r.branch_id, r.customer_id)));
}
