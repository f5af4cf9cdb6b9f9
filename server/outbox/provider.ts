/**
 * Delivery providers of the server's outbox: SMTP for email, an HTTP webhook for SMS gateways.
 * A provider hands one message over and says whether the other side accepted it; it never
 * retries by itself (the worker owns retries, back-off and the record of every attempt).
 */
import { truncateText, wellFormedText } from '../../shared/domain/string-rules';
export type DeliveryChannel = 'sms' | 'email';

export interface Delivery {
  /** The communication id: also the idempotency key and the email Message-ID. */
  id: string;
  channel: DeliveryChannel;
  /** E.164 phone number or email address. */
  to: string;
  text: string;
  /** Email subject ('' = the server's SMTP_SUBJECT; `{branch}` is the branch's name; ignored for SMS). */
  subject: string;
  branch: { id: string; name: string };
}

export type DeliveryResult =
  | { ok: true; reference: string }
  | {
      ok: false;
      /** True when trying again cannot help (rejected recipient, malformed request). */
      permanent: boolean;
      reason: string;
    };

export interface Provider {
  readonly channel: DeliveryChannel;
  /** For status messages and logs ("smtp mail.example.com:587"); never contains secrets. */
  readonly name: string;
  /**
   * True when the receiving side de-duplicates by the idempotency key, so a message whose
   * outcome is unknown (crash mid-send) may be handed over again without a duplicate.
   */
  readonly idempotent: boolean;
  send(delivery: Delivery): Promise<DeliveryResult>;
  close(): Promise<void>;
}

/** A short, single-line reason for the communications log (the schema allows 200 characters). */
export function shortReason(text: string): string {
  const line = wellFormedText(text).replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${truncateText(line, 197)}...` : line;
}
