/**
 * Outbox configuration from the environment (documented in server/README.md). Without a
 * provider for a channel, its messages stay queued with an error that says what to set.
 */
import { createSmtpProvider } from './smtp-provider';
import type { DeliveryChannel, Provider } from './provider';
import { createWebhookProvider } from './webhook-provider';

export interface OutboxOptions {
  /** Delivery attempts before a message stays failed for good. */
  maxAttempts: number;
  /** Back-off before retry n: base × 2^(n−1), at most `maxRetryDelayMs`. */
  retryBaseMs: number;
  maxRetryDelayMs: number;
  /** How often due messages (retries) are looked for, besides change notifications. */
  pollMs: number;
  /** A message still `sending` after this long was interrupted (crash) and is recovered. */
  sendingTimeoutMs: number;
  /** Messages claimed per round. */
  batchSize: number;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = {
  maxAttempts: 5,
  retryBaseMs: 60_000,
  maxRetryDelayMs: 6 * 3_600_000,
  pollMs: 15_000,
  sendingTimeoutMs: 10 * 60_000,
  batchSize: 20,
};

export interface OutboxConfig {
  providers: Map<DeliveryChannel, Provider>;
  options: OutboxOptions;
}

export class OutboxConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboxConfigError';
  }
}

function wholeNumber(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new OutboxConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return Number(raw);
}

function checkUrl(name: string, value: string, protocols: readonly string[]): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OutboxConfigError(`${name} is not a URL`);
  }
  if (!protocols.includes(url.protocol)) throw new OutboxConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
}

/** Providers and options from environment variables; throws OutboxConfigError naming the variable. */
export function outboxConfigFromEnv(env: Record<string, string | undefined>): OutboxConfig {
  const timeoutMs = wholeNumber(env, 'OUTBOX_PROVIDER_TIMEOUT_SECONDS', 30, 1, 600) * 1000;
  const options: OutboxOptions = {
    maxAttempts: wholeNumber(env, 'OUTBOX_MAX_ATTEMPTS', DEFAULT_OUTBOX_OPTIONS.maxAttempts, 1, 100),
    retryBaseMs: wholeNumber(env, 'OUTBOX_RETRY_SECONDS', DEFAULT_OUTBOX_OPTIONS.retryBaseMs / 1000, 1, 86_400) * 1000,
    maxRetryDelayMs: DEFAULT_OUTBOX_OPTIONS.maxRetryDelayMs,
    pollMs: wholeNumber(env, 'OUTBOX_POLL_SECONDS', DEFAULT_OUTBOX_OPTIONS.pollMs / 1000, 1, 3600) * 1000,
    sendingTimeoutMs: Math.max(wholeNumber(env, 'OUTBOX_SENDING_TIMEOUT_SECONDS', DEFAULT_OUTBOX_OPTIONS.sendingTimeoutMs / 1000, 60, 86_400) * 1000, 2 * timeoutMs),
    batchSize: DEFAULT_OUTBOX_OPTIONS.batchSize,
  };
  const providers = new Map<DeliveryChannel, Provider>();
  const smtpUrl = env.SMTP_URL ?? '';
  if (smtpUrl !== '') {
    checkUrl('SMTP_URL', smtpUrl, ['smtp:', 'smtps:']);
    const from = env.SMTP_FROM ?? '';
    if (from === '') throw new OutboxConfigError('SMTP_FROM is required with SMTP_URL (the sender address, e.g. "Salon <no-reply@example.com>")');
    providers.set('email', createSmtpProvider({ url: smtpUrl, from, subject: env.SMTP_SUBJECT || 'A message from {branch}', timeoutMs }));
  }
  const webhookUrl = env.SMS_WEBHOOK_URL ?? '';
  if (webhookUrl !== '') {
    checkUrl('SMS_WEBHOOK_URL', webhookUrl, ['http:', 'https:']);
    providers.set('sms', createWebhookProvider({ url: webhookUrl, token: env.SMS_WEBHOOK_TOKEN ?? '', timeoutMs }));
  }
  return { providers, options };
}
