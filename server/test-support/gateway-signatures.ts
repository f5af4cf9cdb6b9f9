/**
 * Signatures as an SMS gateway writes them on the inbound replies it posts to the server
 * (server/README.md, "Appointment reminders"), written here from the gateways' own documentation so the
 * tests check the server's verification against them, not against itself.
 */
import { createHmac } from 'node:crypto';

/**
 * Twilio's `X-Twilio-Signature`: base64 HMAC-SHA1, keyed by the auth token, of the full URL the
 * gateway posted to followed by every form parameter's name and value, sorted by name.
 */
export function twilioSignature(secret: string, url: string, params: URLSearchParams): string {
  const pairs = [...params.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHmac('sha1', secret)
    .update(url + pairs.map(([name, value]) => name + value).join(''), 'utf8')
    .digest('base64');
}

/** The generic `X-Branchdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export function jsonSignature(secret: string, unixSeconds: number, rawBody: string): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`, 'utf8').digest('hex')}`;
}
