import { toNumber, type Queryable } from '../db/database';

/**
 * Every transaction that assigns stamps takes this advisory lock first, so stamps become visible
 * in stamp order: a pull can never skip a row that commits late with a lower stamp. It also
 * serialises the projection's read-modify-write of per-branch counters.
 */
const STAMP_LOCK = 7_305_002;

export async function lockStamps(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [STAMP_LOCK]);
}

/** `count` fresh, increasing stamps (call under lockStamps). */
export async function nextStamps(tx: Queryable, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await tx.query<{ s: unknown }>("SELECT nextval('doc_stamp') AS s FROM generate_series(1, $1)", [count]);
  return rows.map((r) => toNumber(r.s)).sort((a, b) => a - b);
}

/**
 * Records the highest stamp allocated so far as committed with this transaction (call under
 * lockStamps, last thing before commit: only lock holders allocate stamps).
 */
export async function advanceClock(tx: Queryable): Promise<void> {
  await tx.query(
    'UPDATE sync_clock SET stamp = GREATEST(stamp, (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM doc_stamp)) WHERE id = 1',
  );
}

/** The highest stamp of any committed write: where a new live stream starts. */
export async function committedStamp(q: Queryable): Promise<number> {
  const rows = await q.query<{ stamp: unknown }>('SELECT stamp FROM sync_clock WHERE id = 1');
  return rows[0] === undefined ? 0 : toNumber(rows[0].stamp);
}
