/**
 * What the outbox may deliver, checked when a message is pushed AND again when the worker hands
 * it to a provider (consent may be withdrawn, a link may go, meanwhile):
 * - the customer exists, is not erased and is linked to the message's branch;
 * - a marketing message (campaign, automated trigger, or purpose "marketing") needs overall
 *   marketing consent and consent on its channel, plus an address for it;
 * - any other queued message must have a purpose from TRANSACTIONAL_PURPOSES and still needs an
 *   address on file; nothing else is deliverable;
 * - rate limits: RATE_LIMITS (per customer, per queuing device), counted in `outbox_audit`.
 */
import type { CommunicationDoc, CustomerDoc } from '../../shared/domain/schemas';
import type { CommunicationChannel } from '../../shared/domain/types';
import { channelProblem, isMarketing } from '../../shared/insights/audience';
import { isErased } from '../../shared/privacy/erase';

/** The only purposes a non-marketing message may be queued for delivery with. */
export const TRANSACTIONAL_PURPOSES = ['appointment reminder', 'receipt', 'reply'] as const;

/** Outbox rate limits (documented in server/PROTOCOL.md, "Outbox safety"). */
export const RATE_LIMITS = {
  /** Messages handed to a provider for one customer within `customerWindowMs`. */
  perCustomer: 5,
  customerWindowMs: 24 * 3_600_000,
  /** Messages one device queued that are handed to a provider within `deviceWindowMs`. */
  perDevice: 500,
  deviceWindowMs: 3_600_000,
} as const;

/** The device id recorded for messages the server itself queued (automated triggers). */
export const SERVER_QUEUER = 'server';

export function isTransactionalPurpose(purpose: string): boolean {
  return (TRANSACTIONAL_PURPOSES as readonly string[]).includes(purpose.trim().toLowerCase());
}

export type DeliveryProblem =
  | { kind: 'cancel'; reason: string }
  | { kind: 'fail'; reason: string };

/**
 * Why the message must not be delivered to this customer, or null when it may be. `linked`:
 * the customer is linked to the message's branch.
 */
export function deliveryProblem(
  comm: Pick<CommunicationDoc, 'channel' | 'purpose' | 'campaign_id' | 'trigger_key' | 'message'>,
  customer: (CustomerDoc & { _deleted?: boolean }) | undefined,
  linked: boolean,
): DeliveryProblem | null {
  if (customer === undefined || customer._deleted === true) return { kind: 'cancel', reason: 'cancelled: the customer no longer exists' };
  if (isErased(customer)) return { kind: 'cancel', reason: 'cancelled: the customer was erased' };
  if (!linked) return { kind: 'cancel', reason: "cancelled: the customer is not served by the message's branch" };
  const channel = comm.channel as CommunicationChannel;
  if (channel !== 'sms' && channel !== 'email') return { kind: 'fail', reason: `the server cannot deliver ${channel} messages` };
  if (isMarketing(comm)) {
    const problem = channelProblem(customer, channel);
    if (problem === 'no_consent') return { kind: 'cancel', reason: `cancelled: no marketing consent for ${channel}` };
    if (problem === 'no_address') return { kind: 'fail', reason: channel === 'sms' ? 'the customer has no phone number' : 'the customer has no email address' };
  } else {
    if (!isTransactionalPurpose(comm.purpose)) {
      return { kind: 'cancel', reason: `cancelled: purpose "${comm.purpose}" is not deliverable (marketing needs consent; other messages must be one of: ${TRANSACTIONAL_PURPOSES.join(', ')})` };
    }
    if ((channel === 'sms' ? customer.phone : customer.email) === '') {
      return { kind: 'fail', reason: channel === 'sms' ? 'the customer has no phone number' : 'the customer has no email address' };
    }
  }
  if (comm.message.trim() === '') return { kind: 'fail', reason: 'the message is empty' };
  return null;
}
