/**
 * A pushed NEW booking that carries a recurring series (docs/DESIGN.md §17) must fit the series
 * as the server holds it and as the rest of its batch has it: a series belongs to one customer at
 * one branch (403 otherwise: joining another customer's or another branch's series is joining
 * someone else's, policy row bookings `series`), all its occurrences plan the same `count`, and
 * each index is booked once (400 otherwise, naming the field). The index lies within 1..count by
 * the shared write rules already (`seriesProblems`). A series may arrive over several pushes (a
 * desk's push batches are bounded), so later occurrences of a stored series are accepted when they
 * fit it. An existing booking's series never changes at all (the `series` operation, push-authz).
 */
import type { ErrorDetail } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { ApiError } from '../store/errors';
import type { StoredDoc } from '../store/documents';
import type { ParsedRow } from './validate-push';
import { documentOf } from './validate-push';

type Doc = Record<string, unknown>;

interface Occurrence {
  seriesId: string;
  id: string;
  branch_id: string;
  customer_id: string;
  index: number;
  count: number;
}

function refuse(status: 400 | 403, details: ErrorDetail[]): ApiError {
  const first = details[0] as ErrorDetail;
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return new ApiError(status, `push refused: bookings ${first.document ?? ''} field series: ${first.message}${more} — nothing of the batch was stored`, details);
}

/** Stored bookings of the given series (index `bookings_series`, migration 20). */
async function storedOccurrences(tx: Queryable, seriesIds: readonly string[]): Promise<Occurrence[]> {
  const rows = await tx.query<{ id: string; branch_id: string; customer_id: string; series_index: number | string; series_count: number | string; series_id: string }>(
    `SELECT id, branch_id, customer_id, data #>> '{series,id}' AS series_id, (data #>> '{series,index}')::int AS series_index, (data #>> '{series,count}')::int AS series_count
       FROM bookings WHERE data #>> '{series,id}' = ANY($1::text[])`,
    [[...seriesIds]],
  );
  return rows.map((r) => ({ seriesId: r.series_id, id: r.id, branch_id: r.branch_id, customer_id: r.customer_id, index: Number(r.series_index), count: Number(r.series_count) }));
}

export async function bookingSeriesChecks(tx: Queryable, rows: readonly ParsedRow[], masters: ReadonlyMap<string, StoredDoc<Doc>>): Promise<void> {
  const created = new Map<string, Occurrence[]>();
  for (const row of rows) {
    if (masters.has(row.id)) continue;
    const b = documentOf('bookings', row.next);
    if (b.series === null) continue;
    const list = created.get(b.series.id) ?? [];
    list.push({ seriesId: b.series.id, id: b.id, branch_id: b.branch_id, customer_id: b.customer_id, index: b.series.index, count: b.series.count });
    created.set(b.series.id, list);
  }
  if (created.size === 0) return;
  const stored = await storedOccurrences(tx, [...created.keys()]);
  const forbidden: ErrorDetail[] = [];
  const invalid: ErrorDetail[] = [];
  for (const [seriesId, news] of created) {
    const existing = stored.filter((s) => s.seriesId === seriesId);
    // the series as first known: its stored occurrences, else the batch's first new one
    const owner = existing[0] ?? (news[0] as Occurrence);
    const taken = new Map(existing.map((s) => [s.index, s.id]));
    for (const n of news) {
      const at = (message: string): ErrorDetail => ({ document: n.id, collection: 'bookings', field: 'series', message });
      if (n.branch_id !== owner.branch_id) forbidden.push(at(`series "${seriesId}" belongs to bookings of another branch; a series stays at one branch`));
      else if (n.customer_id !== owner.customer_id) forbidden.push(at(`series "${seriesId}" belongs to bookings of another customer; a series is one customer's`));
      else if (n.count !== owner.count) invalid.push(at(`count ${n.count} differs from the ${owner.count} of series "${seriesId}"'s other occurrences`));
      else if (taken.has(n.index) && taken.get(n.index) !== n.id) invalid.push(at(`occurrence ${n.index} of series "${seriesId}" is already booked (${String(taken.get(n.index))})`));
      taken.set(n.index, n.id);
    }
  }
  if (forbidden.length > 0) throw refuse(403, forbidden);
  if (invalid.length > 0) throw refuse(400, invalid);
}
