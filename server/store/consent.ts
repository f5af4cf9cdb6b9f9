/**
 * Consent "who" (issue 8): every accepted change of a customer's `consent.<channel>` is recorded
 * with the device whose token made it (its id, label, role and branch, read from the devices
 * table, never from the document), in the same transaction as the write. Read back by
 * `GET /api/customers/:id/consent` (server/http/routes/consent.ts).
 */
import type { CustomerDoc } from '../../shared/domain/schemas';
import { CONSENT_CHANNELS, CONSENT_HISTORY_LIMIT, type ConsentChange, type ConsentChannel, type ConsentHistory } from '../../shared/sync/protocol';
import { formatInstant } from '../../shared/time/instant';
import { toNumber, type Queryable } from '../db/database';
import type { Device } from './device';

/** Who changed consent: a device, or the server itself (retention). */
export type ConsentActor = Device | 'server';

export const SERVER_ACTOR_LABEL = 'Server (retention rule)';

interface Row {
  customer_id: string;
  channel: ConsentChannel;
  granted: boolean;
  at: string;
}

type ConsentOf = Pick<CustomerDoc, 'consent'>;

/** The channels whose consent differs between the stored document before and after a write. */
export function consentChanges(customerId: string, before: ConsentOf | undefined, after: ConsentOf): Row[] {
  const out: Row[] = [];
  for (const channel of CONSENT_CHANNELS) {
    const next = after.consent[channel];
    const was = before?.consent[channel];
    // A new customer's never-recorded channel ('' and not granted) is no change anybody made.
    if (was === undefined ? next.at === '' && !next.granted : was.granted === next.granted && was.at === next.at) continue;
    out.push({ customer_id: customerId, channel, granted: next.granted, at: next.at });
  }
  return out;
}

/** Records the consent changes of written customers (pairs of stored before / after). */
export async function recordConsentChanges(tx: Queryable, actor: ConsentActor, written: readonly { before: ConsentOf | undefined; after: ConsentOf & { id: string } }[], nowMs: number): Promise<number> {
  const rows = written.flatMap((w) => consentChanges(w.after.id, w.before, w.after));
  if (rows.length === 0) return 0;
  const json = JSON.stringify(rows);
  if (actor === 'server') {
    await tx.query(
      `INSERT INTO consent_changes (customer_id, channel, granted, at, recorded_ms, device_id, device_label, role, branch_id)
       SELECT customer_id, channel, granted, at, $2, 'server', $3, 'server', '' FROM jsonb_to_recordset($1::jsonb) AS r(customer_id text, channel text, granted boolean, at text)`,
      [json, nowMs, SERVER_ACTOR_LABEL],
    );
  } else {
    // The label comes from the devices table: what the token's device was enrolled as.
    await tx.query(
      `INSERT INTO consent_changes (customer_id, channel, granted, at, recorded_ms, device_id, device_label, role, branch_id)
       SELECT r.customer_id, r.channel, r.granted, r.at, $2, $3, COALESCE((SELECT label FROM devices WHERE id = $3), ''), $4, $5
       FROM jsonb_to_recordset($1::jsonb) AS r(customer_id text, channel text, granted boolean, at text)`,
      [json, nowMs, actor.id, actor.role, actor.branch_id],
    );
  }
  return rows.length;
}

/** The recorded consent changes of one customer, newest first. */
export async function consentHistory(q: Queryable, customerId: string): Promise<ConsentHistory> {
  const rows = await q.query<Omit<ConsentChange, 'recorded_at'> & { recorded_ms: unknown }>(
    `SELECT channel, granted, at, recorded_ms, device_id, device_label, role, branch_id FROM consent_changes
     WHERE customer_id = $1 ORDER BY id DESC LIMIT $2`,
    [customerId, CONSENT_HISTORY_LIMIT],
  );
  const changes: ConsentChange[] = rows.map(({ recorded_ms, ...r }) => ({ ...r, granted: r.granted === true, recorded_at: formatInstant(toNumber(recorded_ms)) }));
  const latest: ConsentHistory['latest'] = { sms: null, email: null, push: null };
  for (const channel of CONSENT_CHANNELS) {
    const found = changes.find((c) => c.channel === channel);
    if (found !== undefined) latest[channel] = found;
    else if (changes.length === CONSENT_HISTORY_LIMIT) {
      // Older than the last CONSENT_HISTORY_LIMIT changes: look it up on its own.
      const older = await q.query<Omit<ConsentChange, 'recorded_at'> & { recorded_ms: unknown }>(
        `SELECT channel, granted, at, recorded_ms, device_id, device_label, role, branch_id FROM consent_changes
         WHERE customer_id = $1 AND channel = $2 ORDER BY id DESC LIMIT 1`,
        [customerId, channel],
      );
      const o = older[0];
      if (o !== undefined) {
        const { recorded_ms, ...r } = o;
        latest[channel] = { ...r, granted: r.granted === true, recorded_at: formatInstant(toNumber(recorded_ms)) };
      }
    }
  }
  return { customer_id: customerId, latest, changes };
}
