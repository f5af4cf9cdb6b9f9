/**
 * Email through a real SMTP server with nodemailer. 5xx answers (rejected recipient, refused
 * message) are permanent failures; 4xx answers, timeouts and connection errors are transient
 * and retried by the worker. Every message carries `Message-ID: <communication-id@branchdesk>`
 * so receiving systems can recognise a repeat, but SMTP itself has no idempotency: a message
 * whose outcome is unknown is never handed over again (see the worker).
 */
import nodemailer from 'nodemailer';
import { shortReason, type Delivery, type DeliveryResult, type Provider } from './provider';

export interface SmtpOptions {
  /** smtp://user:pass@host:587 or smtps://… (465). */
  url: string;
  /** Sender address, e.g. "Branchdesk <no-reply@example.com>". */
  from: string;
  /** Subject template: `{branch}` is replaced by the branch name. */
  subject: string;
  /** Connection, greeting and socket timeouts. */
  timeoutMs: number;
}

interface SmtpError {
  responseCode?: number;
  response?: string;
  code?: string;
  message?: string;
}

/** The host and port of an SMTP URL without credentials (for logs and status texts). */
export function smtpName(url: string): string {
  try {
    const u = new URL(url);
    return `smtp ${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return 'smtp';
  }
}

export function createSmtpProvider(options: SmtpOptions): Provider {
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    logger: false,
    debug: false,
  });
  return {
    channel: 'email',
    name: smtpName(options.url),
    idempotent: false,
    async send(d: Delivery): Promise<DeliveryResult> {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: d.to,
          subject: (d.subject || options.subject).replaceAll('{branch}', d.branch.name),
          text: d.text,
          messageId: `<${d.id}@branchdesk>`,
          headers: { 'X-Branchdesk-Message': d.id },
        });
        if (info.rejected.length > 0 && info.accepted.length === 0) {
          return { ok: false, permanent: true, reason: shortReason(`SMTP server rejected the recipient: ${String(info.response ?? '')}`) };
        }
        return { ok: true, reference: String(info.messageId ?? d.id) };
      } catch (error) {
        const e = error as SmtpError;
        const code = typeof e.responseCode === 'number' ? e.responseCode : null;
        const permanent = code !== null ? code >= 500 : e.code === 'EENVELOPE';
        const detail = e.response ?? e.message ?? String(error);
        return { ok: false, permanent, reason: shortReason(`SMTP ${code ?? e.code ?? 'error'}: ${detail}`) };
      }
    },
    async close() {
      transport.close();
    },
  };
}
