/**
 * SMS through an HTTP gateway: one POST of JSON per message with the communication id in the
 * `Idempotency-Key` header (the gateway must accept a repeated key without sending twice).
 *
 *   POST <SMS_WEBHOOK_URL>
 *   Authorization: Bearer <SMS_WEBHOOK_TOKEN>        (when set)
 *   Idempotency-Key: <communication id>
 *   {"id": "...", "to": "+639171234567", "text": "...", "branch": {"id": "...", "name": "..."}}
 *
 * 2xx = accepted; 408, 425, 429, 5xx and network errors are transient (retried); any other
 * 4xx is permanent (the gateway refused the request itself).
 */
import { shortReason, type Delivery, type DeliveryResult, type Provider } from './provider';

export interface WebhookOptions {
  url: string;
  /** Bearer token for the gateway ('' = none). */
  token: string;
  timeoutMs: number;
}

const IDEMPOTENCY_HEADER = 'idempotency-key';

const TRANSIENT = new Set([408, 425, 429]);

export function createWebhookProvider(options: WebhookOptions): Provider {
  const host = (() => {
    try {
      return new URL(options.url).host;
    } catch {
      return 'webhook';
    }
  })();
  return {
    channel: 'sms',
    name: `webhook ${host}`,
    idempotent: true,
    async send(d: Delivery): Promise<DeliveryResult> {
      let res: Response;
      try {
        res = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [IDEMPOTENCY_HEADER]: d.id,
            ...(options.token !== '' ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({ id: d.id, to: d.to, text: d.text, branch: d.branch }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        const e = error as { name?: string; message?: string; cause?: { code?: string } };
        const what = e.name === 'TimeoutError' ? `no answer within ${options.timeoutMs / 1000} s` : (e.cause?.code ?? e.message ?? String(error));
        return { ok: false, permanent: false, reason: shortReason(`SMS gateway unreachable: ${what}`) };
      }
      const body = await res.text().catch(() => '');
      if (res.ok) return { ok: true, reference: res.headers.get('x-request-id') ?? d.id };
      const permanent = res.status >= 400 && res.status < 500 && !TRANSIENT.has(res.status);
      return { ok: false, permanent, reason: shortReason(`SMS gateway answered ${res.status}${body ? `: ${body}` : ''}`) };
    },
    async close() {},
  };
}
