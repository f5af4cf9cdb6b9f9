/**
 * Which policy operations one pushed row performs, read from what it changes compared with the
 * master: create / update / delete, plus erase (customers), send (campaigns) and queueing a
 * message for delivery (communications), correcting a finished visit, changing the recurring
 * series of a booking and recording how a visit was paid (bookings). The push is allowed only when the device's role may do every
 * one of them (server/authz/policy.ts).
 */
import type { BookingDoc, CampaignDoc, CommunicationDoc, CustomerDoc } from '../../shared/domain/schemas';
import { isFinished, newAmendments, visitRecordChanges } from '../../shared/schedule/corrections';
import { paymentChange } from '../../shared/schedule/payment';
import { isMarketing } from '../../shared/insights/audience';
import { isErased } from '../../shared/privacy/erase';
import { jsonEqual } from '../../shared/sync/equal';
import type { PushCollection } from '../../shared/sync/protocol';
import type { Operation } from './policy';

type Doc = Record<string, unknown> & { _deleted?: boolean };

/** Campaign statuses that mean "being sent": moving a campaign into one of them is a send. */
export const SENDING_CAMPAIGN_STATUSES: readonly string[] = ['queued', 'sending'];

/** Fields of a queued message that decide what is sent and to whom: changing one queues it anew. */
const QUEUED_CONTENT = ['message', 'channel', 'purpose', 'campaign_id', 'customer_id', 'direction'] as const;

export function rowOperations(collection: PushCollection, next: Doc, master: Doc | undefined): Operation[] {
  const ops: Operation[] = [master === undefined ? 'create' : 'update'];
  if (next._deleted === true && master !== undefined && master._deleted !== true) ops.push('delete');
  if (collection === 'customers') {
    if (isErased(next as unknown as CustomerDoc) && !isErased(master as unknown as CustomerDoc | undefined)) ops.push('erase');
  }
  if (collection === 'bookings') {
    const booking = master as unknown as BookingDoc | undefined;
    // Deleting a finished visit rewrites the history as much as correcting it does.
    const deletesVisit = ops.includes('delete') && booking !== undefined && isFinished(booking);
    if (deletesVisit || isCorrection(next as unknown as BookingDoc, booking)) ops.push('correct');
    if (booking !== undefined && !jsonEqual((next as unknown as BookingDoc).series ?? null, booking.series ?? null)) ops.push('series');
    // recording how a visit was paid where none is stored; changing a recorded one is a correction
    if (paymentChange(next as unknown as BookingDoc, booking) === 'pay') ops.push('pay');
  }
  if (collection === 'campaigns') {
    const to = (next as unknown as CampaignDoc).status;
    const from = (master as unknown as CampaignDoc | undefined)?.status;
    if (SENDING_CAMPAIGN_STATUSES.includes(to) && (from === undefined || !SENDING_CAMPAIGN_STATUSES.includes(from))) ops.push('send');
  }
  if (collection === 'communications') {
    const c = next as unknown as CommunicationDoc;
    const was = master as unknown as CommunicationDoc | undefined;
    const handedOver = was === undefined || was.status !== 'queued' || QUEUED_CONTENT.some((f) => was[f] !== c[f]);
    if (c.status === 'queued' && next._deleted !== true && handedOver) {
      ops.push(isMarketing(c) ? 'queue_marketing' : 'queue_transactional');
    }
  }
  return ops;
}

/** A new amendment, or a change to the price, service or staff of a visit the server holds as completed. */
export function isCorrection(next: BookingDoc, master: BookingDoc | undefined): boolean {
  return newAmendments(next, master).length > 0 || visitRecordChanges(next, master).length > 0;
}
