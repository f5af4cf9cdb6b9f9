/**
 * Reminder configuration from the environment (documented in server/README.md, "Appointment
 * reminders"). Reminders themselves are switched on per branch by its managers.
 */
import { OutboxConfigError } from '../outbox/config';

export interface RemindersConfig {
  /** How often due reminders are looked for (besides every change to bookings). */
  pollMs: number;
  /** The server's address as customers reach it, for reply links in emails ('' = no links). */
  publicUrl: string;
  /** The SMS gateway's shared secret for inbound replies ('' = inbound SMS refused). */
  inboundSecret: string;
}

export const DEFAULT_REMINDERS_CONFIG: RemindersConfig = { pollMs: 60_000, publicUrl: '', inboundSecret: '' };

export function remindersConfigFromEnv(env: Record<string, string | undefined>): RemindersConfig {
  const poll = env.REMINDERS_POLL_SECONDS ?? '';
  if (poll !== '' && (!/^\d+$/.test(poll) || Number(poll) < 1 || Number(poll) > 3600)) throw new OutboxConfigError(`REMINDERS_POLL_SECONDS must be a whole number from 1 to 3600 (got "${poll}")`);
  const publicUrl = (env.PUBLIC_URL ?? '').replace(/\/+$/, '');
  if (publicUrl !== '') {
    let url: URL;
    try {
      url = new URL(publicUrl);
    } catch {
      throw new OutboxConfigError('PUBLIC_URL is not a URL (e.g. https://desk.example.com)');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboxConfigError('PUBLIC_URL must start with https:// (or http:// on a private network)');
  }
  const inboundSecret = env.SMS_INBOUND_SECRET ?? '';
  if (inboundSecret !== '' && inboundSecret.length < 16) throw new OutboxConfigError('SMS_INBOUND_SECRET must be at least 16 characters (the shared secret your SMS gateway signs inbound messages with)');
  return { pollMs: poll === '' ? DEFAULT_REMINDERS_CONFIG.pollMs : Number(poll) * 1000, publicUrl, inboundSecret };
}
