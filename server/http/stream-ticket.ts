/**
 * EventSource cannot send an Authorization header: a device trades its token for a short-lived
 * signed ticket and opens `/api/sync/stream?ticket=…`. Tickets are HMACs with the server secret
 * (shared by every process on the database), so any process behind a load balancer accepts them.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TICKET_TTL_MS = 60_000;

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function issueTicket(secret: string, deviceId: string, nowMs: number): string {
  const payload = Buffer.from(`${deviceId}.${nowMs + TICKET_TTL_MS}`).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The device id of a valid, unexpired ticket, or null. */
export function checkTicket(secret: string, ticket: string, nowMs: number): string | null {
  const [payload, signature, extra] = ticket.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const text = Buffer.from(payload, 'base64url').toString();
  const dot = text.lastIndexOf('.');
  const expires = Number(text.slice(dot + 1));
  if (dot <= 0 || !Number.isFinite(expires) || expires < nowMs) return null;
  return text.slice(0, dot);
}
