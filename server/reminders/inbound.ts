/**
 * Inbound SMS from a gateway, authenticated with the gateway's shared secret
 * (`SMS_INBOUND_SECRET`); three forms are accepted (server/README.md, "Appointment reminders"):
 * - Twilio-style form posts (`application/x-www-form-urlencoded` with `From`, `Body`,
 *   `MessageSid`) signed in `X-Twilio-Signature`: base64 HMAC-SHA1, keyed with the secret, of the
 *   public URL the gateway posts to (PUBLIC_URL + path + query) followed by every parameter name
 *   and value in name order;
 * - generic JSON (`{"id", "from", "text"}`) signed in `X-Branchdesk-Signature: t=<unix seconds>,
 *   v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, refused when `t` is more than 5 minutes away;
 * - generic JSON with `Authorization: Bearer <secret>` for gateways that can only send a fixed
 *   header (no signature: replays are caught only by the message id).
 * Every comparison is constant-time; anything else is refused with 401 before the body is used.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

export interface InboundSms {
  /** The gateway's message id (replays of one message change nothing twice). */
  id: string;
  from: string;
  text: string;
}

export type InboundCheck = { ok: true; sms: InboundSms; format: 'twilio' | 'json' } | { ok: false; status: 400 | 401 | 503; reason: string };

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string {
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** The Twilio signature of a form post to `url`. */
function twilioSignature(secret: string, url: string, params: URLSearchParams): string {
  const names = [...new Set([...params.keys()])].sort();
  let data = url;
  for (const name of names) for (const value of params.getAll(name)) data += name + value;
  return createHmac('sha1', secret).update(data, 'utf8').digest('base64');
}

/** The generic signature header for a JSON body sent at `unixSeconds`. */
function jsonSignature(secret: string, unixSeconds: number, rawBody: string): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`, 'utf8').digest('hex')}`;
}

function jsonSms(raw: string): InboundSms | string {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return 'the body is not valid JSON';
  }
  if (typeof body !== 'object' || body === null) return 'the body must be an object {"id", "from", "text"}';
  const { id, from, text } = body as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || id.length > 100) return 'field id must be the gateway message id (1–100 characters)';
  if (typeof from !== 'string' || from === '' || from.length > 32) return "field from must be the sender's phone number";
  if (typeof text !== 'string' || text.length > 1600) return 'field text must be the message text (at most 1600 characters)';
  return { id, from, text };
}

/**
 * Checks an inbound request. `publicUrl` + `pathAndQuery` is the URL a Twilio-style gateway
 * signed; `nowMs` bounds the generic signature's timestamp.
 */
export function checkInbound(
  secret: string,
  publicUrl: string,
  pathAndQuery: string,
  headers: Record<string, string | string[] | undefined>,
  raw: string,
  nowMs: number,
): InboundCheck {
  if (secret === '') return { ok: false, status: 503, reason: 'inbound SMS is not configured on this server (set SMS_INBOUND_SECRET)' };
  const contentType = header(headers, 'content-type').split(';')[0]?.trim().toLowerCase() ?? '';
  const twilio = header(headers, 'x-twilio-signature');
  if (twilio !== '') {
    if (contentType !== 'application/x-www-form-urlencoded') return { ok: false, status: 400, reason: 'a Twilio-style request must be a form post (application/x-www-form-urlencoded)' };
    if (publicUrl === '') return { ok: false, status: 503, reason: 'Twilio-style signatures need PUBLIC_URL (the address the gateway posts to)' };
    const params = new URLSearchParams(raw);
    if (!same(twilioSignature(secret, `${publicUrl}${pathAndQuery}`, params), twilio)) return { ok: false, status: 401, reason: 'the X-Twilio-Signature does not match this request' };
    const id = params.get('MessageSid') ?? params.get('SmsSid') ?? '';
    const from = params.get('From') ?? '';
    if (id === '' || from === '') return { ok: false, status: 400, reason: 'the form post needs From and MessageSid' };
    return { ok: true, format: 'twilio', sms: { id: id.slice(0, 100), from: from.slice(0, 32), text: (params.get('Body') ?? '').slice(0, 1600) } };
  }
  const signature = header(headers, 'x-branchdesk-signature');
  const bearer = /^Bearer\s+(\S+)$/i.exec(header(headers, 'authorization'))?.[1] ?? '';
  if (signature === '' && bearer === '') return { ok: false, status: 401, reason: 'missing signature: send X-Twilio-Signature, X-Branchdesk-Signature or Authorization: Bearer <secret>' };
  if (signature !== '') {
    const m = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(signature);
    if (m === null) return { ok: false, status: 401, reason: 'X-Branchdesk-Signature must be t=<unix seconds>,v1=<hex HMAC-SHA256>' };
    const t = Number(m[1]);
    if (Math.abs(nowMs - t * 1000) > SIGNATURE_TOLERANCE_MS) return { ok: false, status: 401, reason: 'the signature timestamp is more than 5 minutes away from the server clock (replayed or delayed request)' };
    if (!same(jsonSignature(secret, t, raw), signature)) return { ok: false, status: 401, reason: 'the X-Branchdesk-Signature does not match this request' };
  } else if (!same(bearer, secret)) {
    return { ok: false, status: 401, reason: 'the bearer secret is wrong' };
  }
  if (contentType !== 'application/json') return { ok: false, status: 400, reason: 'a signed generic request must be JSON (application/json)' };
  const sms = jsonSms(raw);
  if (typeof sms === 'string') return { ok: false, status: 400, reason: sms };
  return { ok: true, format: 'json', sms };
}
