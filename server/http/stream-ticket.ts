/**
 * EventSource cannot send an Authorization header: a device trades its token for a short-lived,
 * single-use signed ticket and opens `/api/sync/stream?ticket=…`. Tickets are HMACs with the
 * server secret (shared by every process on the database), so any process behind a load balancer
 * accepts them; each carries a random nonce that the process redeeming it remembers until it
 * expires, so a ticket opens one stream (per process: see server/PROTOCOL.md). Request URLs are
 * never logged with their query (`redactUrl`).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TICKET_TTL_MS = 30_000;

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function issueTicket(secret: string, deviceId: string, nowMs: number): string {
  const payload = Buffer.from(`${deviceId}.${nowMs + TICKET_TTL_MS}.${randomBytes(12).toString('base64url')}`).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export interface CheckedTicket {
  deviceId: string;
  expiresMs: number;
  nonce: string;
}

/** The contents of a valid, unexpired ticket, or null. */
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

/** Nonces of tickets already used, kept until they expire. */
export class RedeemedTickets {
  private readonly used = new Map<string, number>();

  /** True the first time a ticket is redeemed, false on every later use. */
  redeem(ticket: CheckedTicket, nowMs: number): boolean {
    if (this.used.size > 1000) for (const [nonce, expires] of this.used) if (expires < nowMs) this.used.delete(nonce);
    if (this.used.has(ticket.nonce)) return false;
    this.used.set(ticket.nonce, ticket.expiresMs);
    return true;
  }
}

/** A request URL fit for logs: without its query (which may hold a stream ticket). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?…`;
}
