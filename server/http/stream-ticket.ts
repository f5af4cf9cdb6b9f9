/**
 * EventSource cannot send an Authorization header: a device trades its token for a short-lived,
 * single-use signed ticket and opens `/api/sync/stream?ticket=…`. Tickets are HMACs with the
 * server secret (shared by every process on the database) carrying a random nonce; the nonce is
 * stored in `stream_tickets` when the ticket is issued and redeeming it DELETEs that row
 * (`DELETE … RETURNING`, atomic), so a ticket issued by any process opens exactly one stream on
 * any process, never two anywhere. Request URLs are never logged with their query (`redactUrl`).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database';

export const TICKET_TTL_MS = 30_000;

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** A new ticket for the device, its nonce stored so that it can be redeemed once (expired ones are dropped). */
export async function issueTicket(db: Queryable, secret: string, deviceId: string, nowMs: number): Promise<string> {
  const nonce = randomBytes(12).toString('base64url');
  const expiresMs = nowMs + TICKET_TTL_MS;
  await db.query('DELETE FROM stream_tickets WHERE expires_ms < $1', [nowMs]);
  await db.query('INSERT INTO stream_tickets (nonce, device_id, expires_ms) VALUES ($1, $2, $3)', [nonce, deviceId, expiresMs]);
  const payload = Buffer.from(`${deviceId}.${expiresMs}.${nonce}`).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export interface CheckedTicket {
  deviceId: string;
  expiresMs: number;
  nonce: string;
}

/** The contents of a valid (signed by this organisation), unexpired ticket, or null. */
export function checkTicket(secret: string, ticket: string, nowMs: number): CheckedTicket | null {
  const [payload, signature, extra] = ticket.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const parts = Buffer.from(payload, 'base64url').toString().split('.');
  const nonce = parts.pop();
  const expiresMs = Number(parts.pop());
  const deviceId = parts.join('.');
  if (nonce === undefined || nonce === '' || deviceId === '' || !Number.isFinite(expiresMs) || expiresMs < nowMs) return null;
  return { deviceId, expiresMs, nonce };
}

/** True the first time a checked ticket is redeemed (by any process on the database), false on every later use. */
export async function redeemTicket(db: Queryable, ticket: CheckedTicket, nowMs: number): Promise<boolean> {
  const rows = await db.query('DELETE FROM stream_tickets WHERE nonce = $1 AND device_id = $2 AND expires_ms >= $3 RETURNING nonce', [ticket.nonce, ticket.deviceId, nowMs]);
  return rows.length === 1;
}

/** A request URL fit for logs: without its query (which may hold a stream ticket). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?…`;
}
