/**
 * Signed reply links in reminder emails: `/r?t=<token>`, one link per action (confirm, cancel).
 * The token names the booking, the action, the booking's start when the reminder was written and
 * when the link expires (the start itself); it is signed with HMAC-SHA-256 under a key derived
 * from the organisation's server secret, so nobody can make or alter one. A link is single use
 * (the reply it records has a unique key) and stops working once the booking moved, was
 * cancelled, or started.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ReplyAction } from '../../shared/schedule/reminders';

export interface LinkClaim {
  bookingId: string;
  action: ReplyAction;
  startMs: number;
  expiresMs: number;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

function linkKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('branchdesk reminder links v1').digest();
}

function sign(serverSecret: string, payload: string): Buffer {
  return createHmac('sha256', linkKey(serverSecret)).update(payload).digest();
}

export function signLink(serverSecret: string, claim: LinkClaim): string {
  const payload = b64(JSON.stringify([claim.bookingId, claim.action, claim.startMs, claim.expiresMs]));
  return `${payload}.${b64(sign(serverSecret, payload))}`;
}

export type LinkCheck = { ok: true; claim: LinkClaim } | { ok: false; status: 400 | 403 | 410; reason: string };

/** Verifies a token's signature and expiry (the booking's state is checked when the reply is applied). */
export function verifyLink(serverSecret: string, token: string, nowMs: number): LinkCheck {
  const m = /^([A-Za-z0-9_-]{1,600})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (m === null) return { ok: false, status: 400, reason: 'This link is incomplete or damaged. Please use the link in your reminder email exactly as it is.' };
  const expected = sign(serverSecret, m[1] as string);
  const given = Buffer.from(m[2] as string, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, status: 403, reason: 'This link is not valid.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(m[1] as string, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, status: 400, reason: 'This link is damaged.' };
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return { ok: false, status: 400, reason: 'This link is damaged.' };
  const [bookingId, action, startMs, expiresMs] = parsed as unknown[];
  if (typeof bookingId !== 'string' || (action !== 'confirm' && action !== 'cancel') || typeof startMs !== 'number' || typeof expiresMs !== 'number') {
    return { ok: false, status: 400, reason: 'This link is damaged.' };
  }
  if (nowMs >= expiresMs) return { ok: false, status: 410, reason: 'This link has expired: the appointment has already started. Please call the branch.' };
  return { ok: true, claim: { bookingId, action, startMs, expiresMs } };
}
